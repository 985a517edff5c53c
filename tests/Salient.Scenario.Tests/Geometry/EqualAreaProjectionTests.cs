using FsCheck.Xunit;
using NetTopologySuite.Densify;
using NetTopologySuite.Geometries;
using Salient.Scenario.Geometry;
using Xunit;

namespace Salient.Scenario.Tests.Geometry;

public class EqualAreaProjectionTests
{
    private const double A = 6378.137;
    private const double F = 1.0 / 298.257223563;

    [Fact]
    public void RoundTrip_AroundKursk_Within1e6Degrees()
    {
        var projection = new EqualAreaProjection(35.0, 51.5);
        double worst = 0.0;
        for (double lon = 33.0; lon <= 37.0 + 1e-9; lon += 0.1)
        {
            for (double lat = 50.0; lat <= 53.0 + 1e-9; lat += 0.1)
            {
                var (x, y) = projection.Forward(lon, lat);
                var (lon2, lat2) = projection.Inverse(x, y);
                worst = Math.Max(worst, Math.Max(Math.Abs(lon2 - lon), Math.Abs(lat2 - lat)));
            }
        }

        Assert.True(worst < 1e-6, $"worst round-trip error {worst:E2} degrees");
    }

    [Property(MaxTest = 300)]
    public bool RoundTrip_AnywhereInEurope_Within1e6Degrees(ushort a, ushort b, ushort c, ushort d)
    {
        // Centre and point both within lon 20..50, lat 40..65.
        double lon0 = 20.0 + (30.0 * a / ushort.MaxValue);
        double lat0 = 40.0 + (25.0 * b / ushort.MaxValue);
        double lon = 20.0 + (30.0 * c / ushort.MaxValue);
        double lat = 40.0 + (25.0 * d / ushort.MaxValue);
        var projection = new EqualAreaProjection(lon0, lat0);
        var (x, y) = projection.Forward(lon, lat);
        var (lon2, lat2) = projection.Inverse(x, y);
        return Math.Abs(lon2 - lon) < 1e-6 && Math.Abs(lat2 - lat) < 1e-6;
    }

    [Fact]
    public void Forward_CentreMapsToOrigin_AndAxesPointEastAndNorth()
    {
        var projection = new EqualAreaProjection(35.0, 51.5);
        var (x0, y0) = projection.Forward(35.0, 51.5);
        Assert.Equal(0.0, x0, 1e-9);
        Assert.Equal(0.0, y0, 1e-9);

        var (xe, ye) = projection.Forward(35.01, 51.5);
        Assert.True(xe > 0.0 && Math.Abs(ye) < 1e-3);
        var (xn, yn) = projection.Forward(35.0, 51.51);
        Assert.True(yn > 0.0 && Math.Abs(xn) < 1e-12);

        // Scale is 1 at the centre: 0.01 degree of latitude is a meridian arc of M·Δφ, M the meridional radius.
        double e2 = F * (2.0 - F);
        double sin = Math.Sin(51.505 * Math.PI / 180.0);
        double m = A * (1.0 - e2) / Math.Pow(1.0 - (e2 * sin * sin), 1.5);
        Assert.Equal(m * 0.01 * Math.PI / 180.0, yn, 1e-6);
    }

    [Theory]
    [InlineData(35.5, 51.5)] // centred on the box
    [InlineData(33.0, 50.0)] // off-centre: an equal-area projection gives the same area anywhere
    public void Area_OfOneDegreeBox_MatchesExactEllipsoidalArea(double lon0, double lat0)
    {
        var projection = new EqualAreaProjection(lon0, lat0);
        var box = new GeometryFactory().ToGeometry(new Envelope(35.0, 36.0, 51.0, 52.0));

        // The box's sides are a parallel and a meridian: densify so that straight projected segments follow them.
        var projected = projection.Project(Densifier.Densify(box, 0.0005));

        double exact = ExactBoxAreaKm2(35.0, 36.0, 51.0, 52.0);
        Assert.True(
            Math.Abs(projected.Area - exact) / exact < 1e-6,
            $"projected {projected.Area:F6} km² vs exact {exact:F6} km²");
    }

    [Fact]
    public void Project_ReturnsCopy_AndUnprojectRestoresCoordinates()
    {
        var factory = new GeometryFactory();
        var polygon = factory.CreatePolygon([new(35, 51), new(36, 51), new(36, 52), new(35, 52), new(35, 51)]);
        var projection = EqualAreaProjection.CentredOn(polygon.EnvelopeInternal);
        Assert.Equal(35.5, projection.Lon0Deg, 12);
        Assert.Equal(51.5, projection.Lat0Deg, 12);

        var km = projection.Project(polygon);
        Assert.Equal(35.0, polygon.Coordinates[0].X); // input untouched
        Assert.True(km.Area > 7000.0 && km.Area < 8000.0);

        var back = projection.Unproject(km);
        for (int i = 0; i < polygon.NumPoints; i++)
        {
            Assert.Equal(polygon.Coordinates[i].X, back.Coordinates[i].X, 1e-8);
            Assert.Equal(polygon.Coordinates[i].Y, back.Coordinates[i].Y, 1e-8);
        }
    }

    /// <summary>
    /// Exact area of a lon/lat box on the WGS84 ellipsoid:
    /// A = a²(1-e²)/2 · Δλ · [F(φ2) - F(φ1)], F(φ) = sinφ/(1-e²sin²φ) + (1/(2e)) ln((1+e sinφ)/(1-e sinφ)).
    /// </summary>
    private static double ExactBoxAreaKm2(double lon1, double lon2, double lat1, double lat2)
    {
        double e2 = F * (2.0 - F);
        double e = Math.Sqrt(e2);
        double Fn(double latDeg)
        {
            double s = Math.Sin(latDeg * Math.PI / 180.0);
            return (s / (1.0 - (e2 * s * s))) + (1.0 / (2.0 * e) * Math.Log((1.0 + (e * s)) / (1.0 - (e * s))));
        }

        double dLambda = (lon2 - lon1) * Math.PI / 180.0;
        return A * A * (1.0 - e2) / 2.0 * dLambda * (Fn(lat2) - Fn(lat1));
    }
}
