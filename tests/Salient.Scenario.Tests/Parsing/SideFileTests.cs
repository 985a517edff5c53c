using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>Side files (GeoJSON regions, settlement and point CSVs): missing files and malformed content, reported in the side file.</summary>
public class SideFileTests
{
    private static string Display(string fileName) =>
        Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(GridTheatreDir, fileName));

    private static Salient.Scenario.Parsing.LoadResult LoadGrid(string text) => Load(text, baseDirectory: GridTheatreDir);

    [Fact]
    public void GridFixture_Loads_AndRecordsItsSideFilesInTheHash()
    {
        var result = LoadGrid(GridTheatre);
        AssertLoads(result);
        var model = result.Scenario!;
        Assert.Equal(["west", "east"], model.Theatre.Regions.Select(r => r.Id));
        Assert.True(model.Theatre.Cells.Length > 4);
        Assert.Contains(model.Theatre.Cells, c => c.Settlements.Contains("westville") && c.Terrain == "town" && c.Defensibility == 1.6);
        Assert.Contains(model.Plans[0].Objectives, i => model.Theatre.Cells[i].Region == 1);

        // The same scenario text read against another copy of the side files hashes differently when a side file differs.
        var copy = Directory.CreateTempSubdirectory("salient-grid-");
        try
        {
            foreach (var f in Directory.GetFiles(GridTheatreDir)) File.Copy(f, Path.Combine(copy.FullName, Path.GetFileName(f)));
            Assert.Equal(model.Hash, Load(GridTheatre, baseDirectory: copy.FullName).Scenario!.Hash);
            File.AppendAllText(Path.Combine(copy.FullName, "settlements.csv"), "hamlet,Hamlet,50.02,30.02,village,10\n");
            Assert.NotEqual(model.Hash, Load(GridTheatre, baseDirectory: copy.FullName).Scenario!.Hash);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public void NodeOverride_OfTerrain_TakesThatTerrainsDefensibility()
    {
        var text = GridTheatre.Edit("  depots:\n", "  nodes:\n    - { id: midway, terrain: town, name: Midway crossing }\n  depots:\n");
        var result = LoadGrid(text);
        AssertLoads(result);
        var cell = result.Scenario!.Theatre.Cells[result.Scenario.Theatre.CellIndex("midway")];
        Assert.Equal(("town", 1.6, "Midway crossing"), (cell.Terrain, cell.Defensibility, cell.Name));

        var explicitValue = LoadGrid(GridTheatre.Edit("  depots:\n", "  nodes:\n    - { id: midway, terrain: town, defensibility: 2.5 }\n  depots:\n"));
        Assert.Equal(2.5, explicitValue.Scenario!.Theatre.Cells[explicitValue.Scenario.Theatre.CellIndex("midway")].Defensibility);
    }

    [Fact]
    public void NodeOverride_DefensibilityAsADistribution_IsAnError()
    {
        // A cell's defensibility is not sampled: a distribution would silently be its mean, so it is refused where it stands.
        var text = GridTheatre.Edit("  depots:\n", "  nodes:\n    - { id: midway, defensibility: { dist: uniform, min: 1, max: 2, source: assumption } }\n  depots:\n");
        var d = SingleError(LoadGrid(text));
        AssertAt(d, "SAL103", PositionOf(text, "id: midway", "{ dist"));
        Assert.Contains("a fixed value", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PointGrid_FromACsv_Loads()
    {
        var text = GridTheatre.Edit("grid: { hex_km: 5 }", "grid: { points: points.csv }");
        var result = LoadGrid(text);
        AssertLoads(result);
        Assert.True(result.Scenario!.Theatre.Cells.Length >= 4);
    }

    [Theory]
    [InlineData("bom")]
    [InlineData("cr")]
    public void SettlementsCsv_WithABomOrCrLineEndings_ReadsEveryRow(string variant)
    {
        // Spreadsheet exports: a UTF-8 byte-order mark (used to be refused) or CR-only line endings (used to lose rows).
        var copy = Directory.CreateTempSubdirectory("salient-csv-");
        try
        {
            foreach (var f in Directory.GetFiles(GridTheatreDir)) File.Copy(f, Path.Combine(copy.FullName, Path.GetFileName(f)));
            string csv = Path.Combine(copy.FullName, "settlements.csv");
            string text = File.ReadAllText(csv).Replace("\r\n", "\n", StringComparison.Ordinal);
            byte[] bytes = variant == "bom"
                ? [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(text)]
                : System.Text.Encoding.UTF8.GetBytes(text.Replace('\n', '\r'));
            File.WriteAllBytes(csv, bytes);

            var result = Load(GridTheatre, baseDirectory: copy.FullName);

            AssertLoads(result);
            var expected = LoadGrid(GridTheatre).Scenario!.Theatre.Cells.SelectMany(c => c.Settlements).Order(StringComparer.Ordinal);
            Assert.Equal(expected, result.Scenario!.Theatre.Cells.SelectMany(c => c.Settlements).Order(StringComparer.Ordinal));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public void MissingSideFile_IsSal109_AtTheFileName()
    {
        var text = GridTheatre.Edit("file: west.geojson", "file: nowhere.geojson");
        var d = SingleError(LoadGrid(text));
        AssertAt(d, "SAL109", PositionOf(text, "file: nowhere.geojson", "nowhere"));
        Assert.Equal("nowhere.geojson", d.Arguments[0]);
    }

    [Fact]
    public void CsvRowWithTheWrongNumberOfFields_IsReportedAtItsLine()
    {
        var text = GridTheatre.Edit("settlements: settlements.csv", "settlements: bad-fields.csv");
        var d = SingleError(LoadGrid(text));
        AssertAt(d, "SAL110", Display("bad-fields.csv"), 3, 1);
        Assert.Equal(["row has 3 fields, the header has 6"], d.Arguments);
    }

    [Fact]
    public void CsvBadNumber_IsReportedAtTheField()
    {
        var text = GridTheatre.Edit("settlements: settlements.csv", "settlements: bad-number.csv");
        var d = SingleError(LoadGrid(text));
        // Row 3 is "eastburg,Eastburg,fifty,...": the lat field starts at column 19.
        AssertAt(d, "SAL110", Display("bad-number.csv"), 3, "eastburg,Eastburg,".Length + 1);
    }

    [Fact]
    public void CsvMissingColumn_IsReportedAtTheHeader_WithTheNearestColumn()
    {
        var text = GridTheatre.Edit("settlements: settlements.csv", "settlements: missing-column.csv");
        var d = SingleError(LoadGrid(text));
        AssertAt(d, "SAL110", Display("missing-column.csv"), 1, 1);
        Assert.Equal(["lat", "latitude"], Hinted(d.Arguments[0]).Where(h => h is "lat" or "latitude"));
    }

    [Fact]
    public void CsvIdThatIsNotASlug_IsReportedAtTheField()
    {
        var text = GridTheatre.Edit("grid: { hex_km: 5 }", "grid: { points: bad-id-points.csv }");
        var d = SingleError(LoadGrid(text));
        AssertAt(d, "SAL110", Display("bad-id-points.csv"), 2, 1);
    }

    [Fact]
    public void MalformedGeoJson_IsReportedWithALineAndColumn()
    {
        var text = GridTheatre.Edit("file: west.geojson", "file: malformed.geojson");
        var d = SingleError(LoadGrid(text));
        Assert.Equal("SAL111", d.Code);
        Assert.Equal(Display("malformed.geojson"), d.Span.File);
        // Line 4 is '    { "type": "Feature" "geometry": null }': the parser stops at the second string, column 25.
        Assert.Equal(4, d.Span.Line);
        Assert.Equal(25, d.Span.Column);
    }

    [Fact]
    public void SelfIntersectingRegion_IsSal112_AtTheFileName()
    {
        var text = GridTheatre.Edit("file: west.geojson", "file: bowtie.geojson");
        var d = SingleError(LoadGrid(text));
        AssertAt(d, "SAL112", PositionOf(text, "file: bowtie.geojson", "bowtie"));
        Assert.Equal("west", d.Arguments[0]);
    }

    [Fact]
    public void GeoJsonOfTheWrongType_IsSal111()
    {
        var text = GridTheatre.Edit("file: west.geojson", "file: point.geojson");
        var d = SingleError(LoadGrid(text));
        AssertAt(d, "SAL111", Display("point.geojson"), 1, 1);
    }

    [Fact]
    public void GeoJsonWithAltitudes_LoadsAsThePlanarRegion()
    {
        // RFC 7946 positions may carry a third element (altitude); it used to reach the geometry builder and fail there
        // with an internal message (SAL122 at grid). It is dropped: the theatre is the same as without it.
        var copy = Directory.CreateTempSubdirectory("salient-3d-");
        try
        {
            foreach (var file in Directory.GetFiles(GridTheatreDir)) File.Copy(file, Path.Combine(copy.FullName, Path.GetFileName(file)));
            var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(GridTheatreDir, "west.geojson")))!;
            foreach (var ring in json["features"]![0]!["geometry"]!["coordinates"]!.AsArray())
                foreach (var position in ring!.AsArray()) position!.AsArray().Add(152.5);
            File.WriteAllText(Path.Combine(copy.FullName, "west.geojson"), json.ToJsonString());
            var flat = LoadGrid(GridTheatre);
            var withAltitude = Load(GridTheatre, baseDirectory: copy.FullName);
            AssertLoads(withAltitude);
            Assert.Equal(flat.Scenario!.Theatre.Cells.Select(c => (c.Id, c.AreaKm2)), withAltitude.Scenario!.Theatre.Cells.Select(c => (c.Id, c.AreaKm2)));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public void ErrorsInSeveralSideFiles_AreAllReported()
    {
        var text = GridTheatre.Edit("file: west.geojson", "file: malformed.geojson")
            .Edit("file: east.geojson", "file: point.geojson")
            .Edit("settlements: settlements.csv", "settlements: bad-number.csv");
        var result = LoadGrid(text);
        Assert.Equal(["SAL110", "SAL111", "SAL111"], result.Errors.Select(d => d.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UnknownSettlementInAt_SuggestsSettlementIds()
    {
        var text = GridTheatre.Edit("{ id: red-1, side: red, at: eastburg,", "{ id: red-1, side: red, at: eastbrug,");
        var d = SingleError(LoadGrid(text));
        AssertAt(d, "SAL105", PositionOf(text, "at: eastbrug", "eastbrug"));
        Assert.Contains("eastburg", Hinted(d.Arguments[2]));
    }

    [Fact]
    public void HexAndPointsTogether_IsWrongType()
    {
        var text = GridTheatre.Edit("grid: { hex_km: 5 }", "grid: { hex_km: 5, points: points.csv }");
        var d = SingleError(LoadGrid(text));
        AssertAt(d, "SAL103", PositionOf(text, "grid: {", "{"));
        Assert.Equal("both", d.Arguments[1]);
    }

    private const string Push = "objective_regions: [east] }";

    [Fact]
    public void ObjectiveWithin_KeepsOnlyTheRadiusCellsInItsRegions()
    {
        var around = LoadGrid(GridTheatre.Edit(Push, "objectives: [midway], objective_radius_km: 12 }"));
        AssertLoads(around);
        var cells = around.Scenario!.Theatre.Cells;
        var all = around.Scenario.Plans[0].Objectives;
        // The radius reaches across the border, so the bound has something to remove and something to keep.
        Assert.Contains(all, i => cells[i].Region == 0);
        Assert.Contains(all, i => cells[i].Region == 1);

        var bounded = LoadGrid(GridTheatre.Edit(Push, "objectives: [midway], objective_radius_km: 12, objective_within: [east] }"));
        AssertLoads(bounded);
        Assert.Equal(all.Where(i => cells[i].Region == 1).ToArray(), bounded.Scenario!.Plans[0].Objectives.ToArray());

        // Listing every region keeps every objective.
        var both = LoadGrid(GridTheatre.Edit(Push, "objectives: [midway], objective_radius_km: 12, objective_within: [west, east] }"));
        Assert.Equal(all.ToArray(), both.Scenario!.Plans[0].Objectives.ToArray());
    }

    [Fact]
    public void ObjectiveWithin_AnUnknownRegion_IsReportedWithTheNearestIds()
    {
        var text = GridTheatre.Edit(Push, "objective_regions: [east], objective_within: [eats] }");
        var d = SingleError(LoadGrid(text));
        AssertAt(d, "SAL105", PositionOf(text, "objective_within", "eats"));
        Assert.Equal(["region", "eats"], d.Arguments.Take(2));
    }

    [Fact]
    public void ObjectiveWithin_ThatRemovesEveryObjective_IsOutOfRange()
    {
        var text = GridTheatre.Edit(Push, "objective_regions: [east], objective_within: [west] }");
        var d = SingleError(LoadGrid(text));
        AssertAt(d, "SAL104", PositionOf(text, "objective_within", "[west]"));
        Assert.Equal("objective_within of phase 'push'", d.Arguments[0]);
    }
}
