using NetTopologySuite.Geometries;

namespace Salient.Scenario.Geometry;

/// <summary>
/// How far a theatre reaches from the centre of its equal-area projection. The Lambert azimuthal equal-area
/// projection keeps areas exact everywhere, but at an angular distance c from its centre it scales distances along
/// the radius by cos(c/2) and across it by 1/cos(c/2) (Snyder 1987, p. 185). Within <see cref="MaxReachDeg"/> that
/// error stays under 1.6%; a larger theatre (a hemisphere, or one wrapped across the antimeridian) would have its
/// cells and distances silently distorted, so it is refused.
/// </summary>
public static class TheatreExtent
{
    /// <summary>The largest angular distance from the projection's centre a theatre may reach, degrees (about 2,200 km).</summary>
    public const double MaxReachDeg = 20.0;

    private const double MeanEarthRadiusKm = 6371.0088;

    /// <summary>
    /// The largest angular distance (degrees) from <paramref name="centre"/> (lon, lat) to a corner or edge midpoint of
    /// <paramref name="box"/> (a lon/lat envelope): where a lon/lat box reaches farthest from a point inside it.
    /// </summary>
    public static double ReachDeg((double Lon, double Lat) centre, Envelope box)
    {
        ArgumentNullException.ThrowIfNull(box);
        double midX = (box.MinX + box.MaxX) / 2.0, midY = (box.MinY + box.MaxY) / 2.0;
        (double, double)[] probes =
        [
            (box.MinX, box.MinY), (box.MinX, box.MaxY), (box.MaxX, box.MinY), (box.MaxX, box.MaxY),
            (midX, box.MinY), (midX, box.MaxY), (box.MinX, midY), (box.MaxX, midY),
        ];
        return probes.Max(p => AngleDeg(centre, p));
    }

    /// <summary>The distance in kilometres on the mean sphere of an angle of <paramref name="degrees"/>.</summary>
    public static double Kilometres(double degrees) => degrees * Math.PI / 180.0 * MeanEarthRadiusKm;

    /// <summary>Great-circle angle between two lon/lat points, degrees (haversine, on the sphere).</summary>
    public static double AngleDeg((double Lon, double Lat) a, (double Lon, double Lat) b)
    {
        const double rad = Math.PI / 180.0;
        double dLat = (b.Lat - a.Lat) * rad, dLon = (b.Lon - a.Lon) * rad;
        double h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(a.Lat * rad) * Math.Cos(b.Lat * rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2.0 * Math.Asin(Math.Min(1.0, Math.Sqrt(h))) / rad;
    }
}
