using System.Diagnostics;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using Salient.Scenario.Geometry;
using Xunit.Abstractions;
using Xunit;
using static Salient.Scenario.Tests.Geometry.GeometryTestSupport;

namespace Salient.Scenario.Tests.Geometry;

/// <summary>The flagship theatre, built from copies of the real oblast polygons and settlements (Fixtures/).</summary>
public class KurskTheatreTests(ITestOutputHelper output)
{
    /// <summary>Sudzha/Korenevo/Glushkovo/Belaya districts and the Ukrainian staging area.</summary>
    private static readonly Envelope Clip = new(34.0, 35.9, 50.9, 51.6);

    [Fact]
    public void HexGrid4Km_OverKurskAndSumy_IsATilingLabelledByTheSettlements()
    {
        string dir = FixtureDirectory();
        RegionInput[] regions =
        [
            new("kursk", ReadFeatureGeometry(Path.Combine(dir, "kursk_oblast.geojson"))),
            new("sumy", ReadFeatureGeometry(Path.Combine(dir, "sumy_oblast.geojson"))),
        ];
        var settlements = ReadSettlements(Path.Combine(dir, "settlements.csv"));
        Assert.Equal(22, settlements.Count);
        Assert.All(regions, r => Assert.Null(GeometryChecks.Describe(r.LonLat)));

        var stopwatch = Stopwatch.StartNew();
        var theatre = TheatreBuilder.Build(regions, new HexGridSpec(4.0, Clip), settlements, 1.0);
        double firstMs = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        var again = TheatreBuilder.Build(regions, new HexGridSpec(4.0, Clip), settlements, 1.0);
        double secondMs = stopwatch.Elapsed.TotalMilliseconds;

        output.WriteLine($"cells: {theatre.Cells.Length} (kursk {theatre.Cells.Count(c => c.Region == 0)}, sumy {theatre.Cells.Count(c => c.Region == 1)}), edges: {theatre.Edges.Length}");
        output.WriteLine($"build time: {firstMs:F0} ms first (includes JIT), {secondMs:F0} ms second");
        output.WriteLine($"projection: {theatre.Projection}");
        foreach (string warning in theatre.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }

        AssertWellFormed(theatre);
        Assert.Equal(theatre.Edges.ToArray(), again.Edges.ToArray());

        // Sudzha labels a cell of Kursk oblast (region 0).
        var sudzha = Assert.Single(theatre.Cells, c => c.Settlements.Contains("sudzha"));
        Assert.Equal(0, sudzha.Region);
        Assert.Equal("sudzha", sudzha.Id);
        Assert.True(sudzha.LonLat.Covers(LonLatPoint(35.2726, 51.1976)));

        // Every settlement in the clip box labels a cell of its own country's oblast; the others are reported.
        foreach (var s in settlements)
        {
            bool inClip = Clip.Contains(s.Lon, s.Lat);
            var cell = theatre.Cells.SingleOrDefault(c => c.Settlements.Contains(s.Id));
            Assert.Equal(inClip, cell is not null);
            Assert.Equal(inClip, !theatre.Warnings.Any(w => w.Contains($"'{s.Id}'", StringComparison.Ordinal)));
        }

        Assert.Equal(0, theatre.Cells.Single(c => c.Id == "korenevo").Region);
        Assert.Equal(1, theatre.Cells.Single(c => c.Id == "basivka").Region);

        // One connected graph, including across the state border.
        Assert.True(IsConnected(theatre));
        Assert.Contains(theatre.Edges, e => theatre.Cells[e.A].Region != theatre.Cells[e.B].Region);

        // No cell overlaps another: the cells' areas add up to the area of their union, and they form a
        // valid polygonal coverage.
        double sum = theatre.Cells.Sum(c => c.AreaKm2);
        double union = UnionAreaKm2(theatre);
        Assert.True(Math.Abs(sum - union) / union < 1e-6, $"sum {sum} km² vs union {union} km²");
        Assert.True(CoverageValidator.IsValid(CellsKm(theatre)));
        output.WriteLine($"area: {sum:F1} km²");
    }
}
