using NetTopologySuite.Geometries;
using Salient.Scenario.Geometry;
using Xunit;

namespace Salient.Scenario.Tests.Geometry;

public class GeometryChecksTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void Describe_ValidPolygon_ReturnsNull()
    {
        var square = Factory.CreatePolygon([new(35, 51), new(36, 51), new(36, 52), new(35, 52), new(35, 51)]);
        Assert.Null(GeometryChecks.Describe(square));
        Assert.Null(GeometryChecks.Describe(Factory.CreateMultiPolygon([square])));
    }

    [Fact]
    public void Describe_BowTie_ReportsSelfIntersectionWithLocation()
    {
        // The two diagonals cross at (35.5, 51.5).
        var bowTie = Factory.CreatePolygon([new(35, 51), new(36, 52), new(36, 51), new(35, 52), new(35, 51)]);
        string? message = GeometryChecks.Describe(bowTie);
        Assert.NotNull(message);
        Assert.Contains("self-intersection", message, StringComparison.Ordinal);
        Assert.Contains("35.5000, 51.5000", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_EmptyPolygon_SaysEmpty()
    {
        string? message = GeometryChecks.Describe(Factory.CreatePolygon());
        Assert.NotNull(message);
        Assert.Contains("empty", message, StringComparison.Ordinal);
        Assert.Contains("empty", GeometryChecks.Describe(Factory.CreateMultiPolygon()), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NotPolygonal_NamesTheType()
    {
        var line = Factory.CreateLineString([new(35, 51), new(36, 52)]);
        Assert.Contains("LineString", GeometryChecks.Describe(line), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_LatLonSwappedOrProjected_ReportsOutOfRange()
    {
        var projected = Factory.CreatePolygon([new(0, 0), new(100, 0), new(100, 100), new(0, 100), new(0, 0)]);
        string? message = GeometryChecks.Describe(projected);
        Assert.NotNull(message);
        Assert.Contains("outside the lon/lat range", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_HoleOutsideShell_ReportsIt()
    {
        var shell = Factory.CreateLinearRing([new(35, 51), new(36, 51), new(36, 52), new(35, 52), new(35, 51)]);
        var hole = Factory.CreateLinearRing([new(37, 51), new(37.5, 51), new(37.5, 51.5), new(37, 51), new(37, 51)]);
        var polygon = Factory.CreatePolygon(shell, [hole]);
        string? message = GeometryChecks.Describe(polygon);
        Assert.NotNull(message);
        Assert.Contains(" at ", message, StringComparison.Ordinal);
    }
}
