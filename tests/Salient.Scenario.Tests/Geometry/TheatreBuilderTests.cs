using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using Salient.Scenario.Geometry;
using Xunit;
using static Salient.Scenario.Tests.Geometry.GeometryTestSupport;

namespace Salient.Scenario.Tests.Geometry;

public class TheatreBuilderTests
{
    private const double HexKm = 5.0;
    private static readonly double FullHexKm2 = Math.Sqrt(3.0) / 2.0 * HexKm * HexKm;

    /// <summary>The plane the synthetic test shapes are drawn in (km).</summary>
    private static readonly EqualAreaProjection Plane = new(35.0, 51.5);

    private static readonly RegionInput Rectangle = new("rect", RectangleFromKm(Plane, -50, -30, 50, 30));

    [Fact]
    public void HexGrid_Rectangle_TilesItExactly()
    {
        var theatre = TheatreBuilder.Build([Rectangle], new HexGridSpec(HexKm, null), [], 1.0);
        AssertWellFormed(theatre);

        double regionArea = theatre.Projection.Project(Rectangle.LonLat).Area;
        double cellArea = theatre.Cells.Sum(c => c.AreaKm2);
        Assert.True(Math.Abs(cellArea - regionArea) / regionArea < 1e-6, $"cells {cellArea} km² vs region {regionArea} km²");
        Assert.InRange(regionArea, 6000.0 * (1 - 1e-4), 6000.0 * (1 + 1e-4));

        // Cells form a valid coverage: no overlaps, borders matching vertex for vertex.
        Assert.True(CoverageValidator.IsValid(CellsKm(theatre)));
        Assert.True(IsConnected(theatre));
        Assert.All(theatre.Cells, c => Assert.Equal(0, c.Region));
        Assert.Empty(theatre.Warnings);

        // Small pieces were merged: only pieces at least 10% of a hexagon remain.
        Assert.All(theatre.Cells, c => Assert.True(c.AreaKm2 >= 0.1 * FullHexKm2, $"{c.Id}: {c.AreaKm2} km²"));
    }

    /// <summary>
    /// The outer edge: a cell's perimeter less its shared borders is the part on the theatre's boundary, so over all
    /// cells it sums to the rectangle's perimeter (320 km), and a cell more than a hexagon from the boundary has none.
    /// </summary>
    [Fact]
    public void HexGrid_Rectangle_OuterBordersSumToThePerimeter_AndInteriorCellsHaveNone()
    {
        var theatre = TheatreBuilder.Build([Rectangle], new HexGridSpec(HexKm, null), [], 1.0);
        var border = theatre.Projection.Project(Rectangle.LonLat).Boundary;
        Assert.Equal(border.Length, theatre.Cells.Sum(c => c.OuterBorderKm), 1e-4); // cell vertices are rounded to the 1 mm grid
        Assert.InRange(border.Length, 320.0 * (1 - 1e-4), 320.0 * (1 + 1e-4));
        foreach (var cell in theatre.Cells)
        {
            var centre = Factory.CreatePoint(new Coordinate(cell.CentroidXKm, cell.CentroidYKm));
            if (border.Distance(centre) > HexKm) Assert.True(cell.OuterBorderKm < 1e-9, $"{cell.Id}: {cell.OuterBorderKm} km");
            else if (border.Distance(centre) < 0.25 * HexKm) Assert.True(cell.OuterBorderKm > TheatreBuilder.MinSharedBorderKm, $"{cell.Id}: {cell.OuterBorderKm} km");
        }
    }

    [Fact]
    public void HexGrid_Rectangle_InteriorHexesHaveSixNeighboursAtHexSpacing()
    {
        var theatre = TheatreBuilder.Build([Rectangle], new HexGridSpec(HexKm, null), [], 1.0);
        var border = theatre.Projection.Project(Rectangle.LonLat).Boundary;
        var degree = Degrees(theatre);
        double side = HexKm / Math.Sqrt(3.0);

        int interior = 0;
        foreach (var cell in theatre.Cells)
        {
            var centre = Factory.CreatePoint(new Coordinate(cell.CentroidXKm, cell.CentroidYKm));
            if (border.Distance(centre) < 1.5 * HexKm)
            {
                continue;
            }

            interior++;
            Assert.Equal(FullHexKm2, cell.AreaKm2, 1e-5); // hexagon vertices are rounded to the 1 mm grid
            Assert.Equal(6, degree[cell.Index]);
        }

        Assert.True(interior > 100, $"only {interior} interior hexes");

        // Between two full hexagons: centroids one hex size apart, one hexagon side of common border.
        var full = theatre.Cells.Where(c => Math.Abs(c.AreaKm2 - FullHexKm2) < 1e-5).Select(c => c.Index).ToHashSet();
        var inner = theatre.Edges.Where(e => full.Contains(e.A) && full.Contains(e.B)).ToList();
        Assert.NotEmpty(inner);
        Assert.All(inner, e =>
        {
            Assert.Equal(HexKm, e.LengthKm, 1e-5);
            Assert.Equal(side, e.SharedBorderKm, 1e-5);
        });
    }

    [Fact]
    public void HexGrid_IsDeterministic()
    {
        var first = TheatreBuilder.Build([Rectangle], new HexGridSpec(HexKm, null), [], 1.0);
        var second = TheatreBuilder.Build([Rectangle], new HexGridSpec(HexKm, null), [], 1.0);
        Assert.Equal(first.Cells.Select(c => c.Id), second.Cells.Select(c => c.Id));
        Assert.Equal(first.Cells.Select(c => c.AreaKm2), second.Cells.Select(c => c.AreaKm2));
        Assert.Equal(first.Edges.ToArray(), second.Edges.ToArray());
        Assert.True(first.Cells.Zip(second.Cells).All(p => p.First.LonLat.EqualsExact(p.Second.LonLat)));

        // Numbered in reading order: the first cell is in the northernmost row.
        Assert.Equal(first.Cells.Max(c => c.CentroidYKm), first.Cells[0].CentroidYKm, 2.0);
    }

    [Theory]
    [InlineData(1.0)] // snapped: the zig-zag border is pulled onto the straight one
    [InlineData(0.0)] // not snapped: the overlap goes to the first region, the gaps stay
    public void TwoRegions_WithOverlapsAndGapsAlongTheSharedSide_TileWithoutDoubleCounting(double snapKm)
    {
        // West square, straight east side at x = 0; east square whose west side zig-zags 0.5 km either side of it.
        var west = new RegionInput("west", RectangleFromKm(Plane, -20, -10, 0, 10));
        var east = new RegionInput("east", PolygonFromKm(Plane, (0.5, -10), (20, -10), (20, 10), (-0.3, 10), (0.4, 4), (-0.5, -3)));
        var theatre = TheatreBuilder.Build([west, east], new HexGridSpec(4.0, null), [], snapKm);
        AssertWellFormed(theatre);

        var p = theatre.Projection;
        double cellArea = theatre.Cells.Sum(c => c.AreaKm2);
        double expected = snapKm > 0.0
            ? p.Project(west.LonLat).Area + p.Project(RectangleFromKm(Plane, 0, -10, 20, 10)).Area
            : p.Project(west.LonLat).Union(p.Project(east.LonLat)).Area;
        Assert.True(Math.Abs(cellArea - expected) / expected < 1e-6, $"cells {cellArea} km² vs expected {expected} km²");
        Assert.True(CoverageValidator.IsValid(CellsKm(theatre)));
        Assert.True(IsConnected(theatre));

        // Every cell lies on its own side of the shared border x = 0 (the overlap stays with the west square).
        const double slack = 1e-4;
        foreach (var cell in theatre.Cells)
        {
            var xs = Plane.Project(cell.LonLat).Coordinates.Select(c => c.X).ToList();
            if (cell.Region == 0)
            {
                Assert.True(xs.Max() <= slack, $"west cell {cell.Id} reaches x = {xs.Max()}");
            }
            else
            {
                Assert.True(xs.Min() >= -slack, $"east cell {cell.Id} reaches x = {xs.Min()}");
            }
        }

        // Hexagons straddling the border were split: some west and east cells are neighbours across it, and
        // some such pairs are the two halves of one hexagon.
        // Without snapping the two squares only touch where the east one overlapped the west one.
        double fullHex = Math.Sqrt(3.0) / 2.0 * 16.0;
        var across = theatre.Edges.Where(e => theatre.Cells[e.A].Region != theatre.Cells[e.B].Region).ToList();
        double borderKm = across.Sum(e => e.SharedBorderKm);
        if (snapKm > 0.0)
        {
            Assert.True(across.Count >= 5, $"only {across.Count} edges across the border");
            Assert.Contains(across, e => Math.Abs(theatre.Cells[e.A].AreaKm2 + theatre.Cells[e.B].AreaKm2 - fullHex) < 1e-4);
            Assert.True(Math.Abs(borderKm - 20.0) < 0.01, $"shared border {borderKm} km, expected 20");
        }
        else
        {
            Assert.True(across.Count >= 2, $"only {across.Count} edges across the border");
            Assert.InRange(borderKm, 5.0, 12.0);
        }
    }

    [Fact]
    public void Settlements_LabelTheCellContainingThem_AndNameIt()
    {
        var bare = TheatreBuilder.Build([Rectangle], new HexGridSpec(HexKm, null), [], 1.0);
        var target = bare.Cells[bare.Cells.Length / 2];
        var other = bare.Cells[(bare.Cells.Length / 2) + 7];
        (double Lon, double Lat) Near(TheatreCell c, double dx) => bare.Projection.Inverse(c.CentroidXKm + dx, c.CentroidYKm);

        var (lonA, latA) = Near(target, 0.3);
        var (lonB, latB) = Near(target, -0.3);
        var (lonC, latC) = Near(target, 0.0);
        var (lonD, latD) = Near(other, 0.0);
        SettlementInput[] settlements =
        [
            new("alpha", "Alpha", lonA, latA, 1000),
            new("beta", "Beta", lonB, latB, 5000),
            new("aardvark", "Aardvark", lonC, latC, 1000), // same population as alpha: ordered by id
            new("delta", "Delta", lonD, latD, 0),
            new("faraway", "Far Away", 40.0, 55.0, 100),
        ];

        var theatre = TheatreBuilder.Build([Rectangle], new HexGridSpec(HexKm, null), settlements, 1.0);
        AssertWellFormed(theatre);
        var labelled = theatre.Cells[target.Index];
        Assert.Equal("beta", labelled.Id);
        Assert.Equal(new[] { "beta", "aardvark", "alpha" }, labelled.Settlements.ToArray());
        Assert.True(labelled.LonLat.Covers(LonLatPoint(lonA, latA)));
        Assert.Equal("delta", theatre.Cells[other.Index].Id);

        // Unlabelled cells are named by index; the geometry does not depend on the settlements.
        var plain = theatre.Cells.First(c => c.Settlements.IsEmpty);
        Assert.Equal($"c{plain.Index:D4}", plain.Id);
        Assert.Equal("c0000", theatre.Cells[0].Id);
        Assert.Equal(bare.Edges.ToArray(), theatre.Edges.ToArray());

        var warning = Assert.Single(theatre.Warnings);
        Assert.Contains("faraway", warning, StringComparison.Ordinal);
        Assert.Contains("outside every cell", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Settlements_InTwoRegions_LabelCellsOfTheRightRegion()
    {
        var west = new RegionInput("west", RectangleFromKm(Plane, -20, -10, 0, 10));
        var east = new RegionInput("east", RectangleFromKm(Plane, 0, -10, 20, 10));
        var (lonW, latW) = Plane.Inverse(-0.2, 0.0);
        var (lonE, latE) = Plane.Inverse(0.2, 0.0);
        var theatre = TheatreBuilder.Build(
            [west, east],
            new HexGridSpec(4.0, null),
            [new("w", "W", lonW, latW, 10), new("e", "E", lonE, latE, 10)],
            1.0);
        var w = Assert.Single(theatre.Cells, c => c.Id == "w");
        var e = Assert.Single(theatre.Cells, c => c.Id == "e");
        Assert.Equal(0, w.Region);
        Assert.Equal(1, e.Region);
        Assert.Contains(theatre.Edges, edge => edge.A == Math.Min(w.Index, e.Index) && edge.B == Math.Max(w.Index, e.Index));
    }

    [Fact]
    public void HexGrid_ClipBox_LimitsTheGrid()
    {
        var (minLon, minLat) = Plane.Inverse(-20, -10);
        var (maxLon, maxLat) = Plane.Inverse(20, 10);
        var clip = new Envelope(minLon, maxLon, minLat, maxLat);
        var theatre = TheatreBuilder.Build([Rectangle], new HexGridSpec(HexKm, clip), [], 1.0);
        AssertWellFormed(theatre);
        Assert.Equal(clip.Centre.X, theatre.Projection.Lon0Deg, 12);
        Assert.Equal(clip.Centre.Y, theatre.Projection.Lat0Deg, 12);
        double area = theatre.Cells.Sum(c => c.AreaKm2);
        Assert.InRange(area, 780.0, 820.0); // about 40 km x 20 km
        Assert.True(IsConnected(theatre));
        Assert.All(theatre.Cells, c => Assert.True(clip.Covers(c.LonLat.Centroid.Coordinate)));
    }

    [Fact]
    public void PointGrid_FiveSites_GivesVoronoiCellsClippedToTheRegion()
    {
        var square = new RegionInput("square", RectangleFromKm(Plane, -20, -20, 20, 20));
        PointSite Site(string id, double x, double y)
        {
            var (lon, lat) = Plane.Inverse(x, y);
            return new PointSite(id, lon, lat);
        }

        PointSite[] sites = [Site("centre", 0, 0), Site("ne", 10, 10), Site("nw", -10, 10), Site("sw", -10, -10), Site("se", 10, -10)];
        var theatre = TheatreBuilder.Build([square], new PointGridSpec(sites), [], 1.0);
        AssertWellFormed(theatre);

        Assert.Equal(["centre", "ne", "nw", "sw", "se"], theatre.Cells.Select(c => c.Id));
        for (int i = 0; i < sites.Length; i++)
        {
            Assert.True(theatre.Cells[i].LonLat.Covers(LonLatPoint(sites[i].Lon, sites[i].Lat)));
        }

        double regionArea = theatre.Projection.Project(square.LonLat).Area;
        Assert.Equal(regionArea, theatre.Cells.Sum(c => c.AreaKm2), regionArea * 1e-6);

        // The centre cell is the diamond |x| + |y| <= 10 (area 200 km²); the corner cells touch their two
        // neighbours along the axes and the centre along the diamond's sides.
        Assert.Equal(200.0, theatre.Cells[0].AreaKm2, 0.05);
        Assert.Equal(
            [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (1, 4), (2, 3), (3, 4)],
            theatre.Edges.Select(e => (e.A, e.B)));
        Assert.All(theatre.Edges.Where(e => e.A == 0), e => Assert.Equal(Math.Sqrt(200.0), e.SharedBorderKm, 0.01));
    }

    [Fact]
    public void PointGrid_CellSplitByRegionBorder_GetsSuffixedPieces()
    {
        var west = new RegionInput("west", RectangleFromKm(Plane, -20, -10, 0, 10));
        var east = new RegionInput("east", RectangleFromKm(Plane, 0, -10, 20, 10));
        var (lonA, latA) = Plane.Inverse(-2, 0);
        var (lonB, latB) = Plane.Inverse(15, 0);

        // Site "a" sits just west of the border, so its Voronoi cell reaches x = 6.5 km, deep into the east.
        var theatre = TheatreBuilder.Build([west, east], new PointGridSpec([new("a", lonA, latA), new("b", lonB, latB)]), [], 1.0);
        AssertWellFormed(theatre);
        Assert.Equal(["a", "a-2", "b"], theatre.Cells.Select(c => c.Id));
        Assert.Equal([0, 1, 1], theatre.Cells.Select(c => c.Region));
        Assert.Equal(130.0, theatre.Cells[1].AreaKm2, 0.1); // 6.5 km x 20 km
        Assert.True(IsConnected(theatre));
    }

    [Fact]
    public void PointGrid_SiteOutsideEveryRegion_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => TheatreBuilder.Build(
            [Rectangle],
            new PointGridSpec([new("inside", 35.0, 51.5), new("lost", 40.0, 55.0)]),
            [],
            1.0));
        Assert.Contains("lost", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RegionCoveredByEarlierOnes_Throws()
    {
        var inner = new RegionInput("inner", RectangleFromKm(Plane, -10, -10, 10, 10));
        var ex = Assert.Throws<ArgumentException>(() => TheatreBuilder.Build([Rectangle, inner], new HexGridSpec(HexKm, null), [], 1.0));
        Assert.Contains("inner", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_InvalidRegion_ThrowsWithTheFault()
    {
        var factory = new GeometryFactory();
        var bowTie = new RegionInput("bow", factory.CreatePolygon([new(35, 51), new(36, 52), new(36, 51), new(35, 52), new(35, 51)]));
        var ex = Assert.Throws<ArgumentException>(() => TheatreBuilder.Build([bowTie], new HexGridSpec(HexKm, null), [], 1.0));
        Assert.Contains("bow", ex.Message, StringComparison.Ordinal);
        Assert.Contains("self-intersection", ex.Message, StringComparison.Ordinal);
    }
}
