using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Salient.Scenario.Geometry;

using Geometry = NetTopologySuite.Geometries.Geometry;

/// <summary>Validation of region polygons before they are used to build a theatre.</summary>
public static class GeometryChecks
{
    /// <summary>
    /// Returns null if <paramref name="lonLat"/> is a valid, non-empty Polygon or MultiPolygon in lon/lat degrees;
    /// otherwise a one-line message naming the fault and, where there is one, its location as "lon, lat"
    /// (e.g. "self-intersection at 35.1234, 51.2345").
    /// </summary>
    public static string? Describe(Geometry lonLat)
    {
        if (lonLat is null)
        {
            return "geometry is missing";
        }

        if (lonLat is not (Polygon or MultiPolygon))
        {
            return $"geometry is a {lonLat.GeometryType}, expected a Polygon or MultiPolygon";
        }

        if (lonLat.IsEmpty)
        {
            return "polygon is empty";
        }

        // IsValidOp reports non-finite coordinates itself; check the lon/lat range first so that a swapped
        // (lat, lon) file or projected coordinates are named as such.
        foreach (var c in lonLat.Coordinates)
        {
            if (double.IsFinite(c.X) && double.IsFinite(c.Y) && (Math.Abs(c.X) > 180.0 || Math.Abs(c.Y) > 90.0))
            {
                return $"coordinate outside the lon/lat range at {Format(c)}";
            }
        }

        var error = new IsValidOp(lonLat).ValidationError;
        if (error is not null)
        {
            string what = error.Message.ToLowerInvariant();
            return error.Coordinate is null ? what : $"{what} at {Format(error.Coordinate)}";
        }

        if (lonLat.Area <= 0.0)
        {
            return "polygon has zero area";
        }

        return null;
    }

    private static string Format(Coordinate c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.X:0.0000}, {c.Y:0.0000}");
}
