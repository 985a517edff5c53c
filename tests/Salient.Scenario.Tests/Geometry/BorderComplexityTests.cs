using NetTopologySuite.Geometries;
using Salient.Scenario.Geometry;
using Xunit;

namespace Salient.Scenario.Tests.Geometry;

/// <summary>The border-pairs estimate behind the <c>border_pairs</c> limit, against hand counts.</summary>
public class BorderComplexityTests
{
    private static readonly GeometryFactory Factory = new();

    // One square of the estimate in degrees at the equator (cos 0 = 1): 1 km / 111.2 km a degree.
    private const double Square = 1.0 / 111.2;

    private static Polygon Box(double x0, double y0, double x1, double y1) => Factory.CreatePolygon(
    [
        new Coordinate(x0 * Square, y0 * Square), new Coordinate(x1 * Square, y0 * Square), new Coordinate(x1 * Square, y1 * Square),
        new Coordinate(x0 * Square, y1 * Square), new Coordinate(x0 * Square, y0 * Square),
    ]);

    [Fact]
    public void ARectangle_CountsEachChainOncePerSquare()
    {
        // A rectangle from square-centre (0.5, -4.5) to (9.5, 4.5), centred on the equator, drawn east, north, west, south:
        // east and north are one chain (both head into the first quadrant), west and south one each. The border passes
        // through 36 squares (10 on each side, the corners shared); the corners where two chains meet are (0, -5),
        // (9, 4) and (0, 4), where k = 2; elsewhere k = 1. Sum of k²: 33 + 3 * 4 = 45, exactly.
        var box = Box(0.5, -4.5, 9.5, 4.5);
        Assert.Equal(45.0, BorderComplexity.SegmentPairs([box], cellKm: 1.0, clip: null));
    }

    [Fact]
    public void AClipBox_CountsOnlyTheSquaresInsideIt()
    {
        // Only the south side's first five squares (x 0..4, y -5) lie inside the clip: one chain each, but two in the
        // corner square (0, -5), where the west side's chain ends. Sum of k²: 4 + 4 = 8.
        var box = Box(0.5, -4.5, 9.5, 4.5);
        var clip = new Envelope(0.0, 4.9 * Square, -4.9 * Square, -4.1 * Square);
        Assert.Equal(8.0, BorderComplexity.SegmentPairs([box], cellKm: 1.0, clip));
    }

    [Fact]
    public void ZigZags_GrowQuadratically_WithTheChainsPerSquare()
    {
        // n spikes inside one square: each spike is two chains (out and back), so k = 2n there and the sum is 4n².
        static Polygon Comb(int n)
        {
            var ring = new List<Coordinate> { new(0.1 * Square, 0.1 * Square) };
            for (int i = 0; i < n; i++)
            {
                double x = (0.1 + (0.8 * (i + 0.5) / n)) * Square;
                ring.Add(new Coordinate(x, 0.9 * Square));
                ring.Add(new Coordinate(x + (0.4 / n * Square), 0.1 * Square));
            }
            ring.Add(new Coordinate(0.1 * Square, 0.1 * Square));
            return Factory.CreatePolygon([.. ring]);
        }

        double one = BorderComplexity.SegmentPairs([Comb(10)], 1.0, null);
        double two = BorderComplexity.SegmentPairs([Comb(20)], 1.0, null);
        Assert.InRange(two / one, 3.8, 4.2);
    }
}
