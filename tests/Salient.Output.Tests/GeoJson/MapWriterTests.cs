using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Output.GeoJson;
using Salient.Output.Tests.Html;
using Salient.Scenario.Model;
using Salient.Scenario.Parsing;
using Xunit;

namespace Salient.Output.Tests.GeoJson;

public sealed class MapWriterTests : IDisposable
{
    private static readonly GeometryFactory Factory = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-map-" + Guid.NewGuid().ToString("N"));

    public MapWriterTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Polygon Square(double x, double y) => Factory.CreatePolygon(
        [new(x, y), new(x + 1, y), new(x + 1, y + 1), new(x, y + 1), new(x, y)]);

    /// <summary>Four unit squares: 0 1 on the bottom row, 2 3 above; regions: left column 0, right column 1.</summary>
    private static Theatre Squares()
    {
        Cell C(int i, double x, double y, int region) =>
            new(i, $"c{i}", $"cell {i}", region, 1, x + 0.5, y + 0.5, region, "open", 1, [], Square(x, y));
        return new Theatre(
            [new Region("west", 0, true), new Region("east", 1, true)],
            [C(0, 0, 0, 0), C(1, 1, 0, 1), C(2, 0, 1, 0), C(3, 1, 1, 1)],
            [new Edge(0, 1, 1, 1, "land"), new Edge(0, 2, 1, 1, "land"), new Edge(1, 3, 1, 1, "land"), new Edge(2, 3, 1, 1, "land")],
            [], []);
    }

    [Fact]
    public void ControlProbabilities_TallyOverReplications_RoundedTo3Decimals()
    {
        var p = MapWriter.ControlProbabilities([0, 1, 2, 3, 3, 0], replications: 3, cells: 3);
        Assert.Equal(2, p.Length);
        Assert.Equal([0, 0.333, 0.667], p[0]);
        Assert.Equal([1, 1, 0], p[1]);
    }

    [Fact]
    public void ControlProbabilities_TallyNotAMultipleOfCells_Throws() =>
        Assert.Throws<ArgumentException>(() => MapWriter.ControlProbabilities([1, 2, 3], 1, 2));

    [Fact]
    public void FrontLine_LeftColumnHeld_OneMergedLineDownTheMiddle()
    {
        var front = new MapWriter.FrontLine(Squares()).At([1, 0, 0.5, 0.2]);
        var line = Assert.IsType<LineString>(Assert.Single(front.Geometries));
        Assert.Equal(2, line.Length, 9);
        Assert.All(line.Coordinates, c => Assert.Equal(1, c.X, 9));
    }

    [Fact]
    public void FrontLine_OneCellHeld_BordersWithItsTwoNeighbours()
    {
        var front = new MapWriter.FrontLine(Squares()).At([0.9, 0.1, 0.1, 0.1]);
        Assert.Equal(2, front.Length, 9);
        Assert.True(front.Buffer(1e-9).Covers(Factory.CreatePoint(new Coordinate(1, 1))));
    }

    [Fact]
    public void FrontLine_NoCellOnEitherSide_Empty()
    {
        Assert.True(new MapWriter.FrontLine(Squares()).At([0.6, 0.7, 0.5, 1]).IsEmpty);
        Assert.True(new MapWriter.FrontLine(Squares()).At([0, 0.1, 0.2, 0.49]).IsEmpty);
    }

    [Fact]
    public void FrontLine_ExplicitNodes_SegmentAcrossTheEdgeAtItsMidpoint()
    {
        var nodes = new Theatre([new Region("r", 0, true)],
            [new Cell(0, "a", "A", 0, 10, 30.0, 50, 0, "open", 1, [], null), new Cell(1, "b", "B", 0, 10, 30.2, 50, 1, "open", 1, [], null)],
            [new Edge(0, 1, 14, 1, "land")], [], []);
        var line = Assert.IsType<LineString>(Assert.Single(new MapWriter.FrontLine(nodes).At([1, 0]).Geometries));
        Assert.All(line.Coordinates, c => Assert.Equal(30.1, c.X, 9));
        Assert.True(line.Coordinates[0].Y < 50 && line.Coordinates[1].Y > 50);
    }

    [Fact]
    public void FrontDays_EverySeventhAndTheLast()
    {
        Assert.Equal([0, 7, 14, 15], MapWriter.FrontDays(16));
        Assert.Equal([0, 7], MapWriter.FrontDays(8));
    }

    [Fact]
    public void WriteAll_ExplicitNodeScenario_PointsControlAndFrontReadable()
    {
        var load = ScenarioLoader.Load(Path.Combine(TestPaths.Repo, "scenarios", "examples", "line-of-towns"), new LoadOptions(null, []));
        var model = load.Scenario ?? throw new InvalidOperationException("example scenario failed to load");
        var result = MonteCarloRunner.Run(new CompiledScenario(model), new RunOptions(4, 1, 1));
        MapWriter.WriteAll(result, _root);

        var cells = ReadFeatures("cells.geojson");
        Assert.Equal(model.Theatre.Cells.Length, cells.Count);
        Assert.All(cells, f => Assert.IsType<Point>(f.Geometry));
        Assert.Equal(model.Theatre.Cells.Select(c => c.Id), cells.Select(f => (string)f.Attributes["id"]));
        Assert.Equal(model.Theatre.Cells[3].Name, cells[3].Attributes["name"]);
        Assert.Equal(40.0, Convert.ToDouble(cells[0].Attributes["area_km2"], System.Globalization.CultureInfo.InvariantCulture));

        using var control = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_root, "control.json")));
        var p = control.RootElement.GetProperty("p");
        Assert.Equal(model.Calendar.Days, p.GetArrayLength());
        Assert.Equal("blue", control.RootElement.GetProperty("side").GetString());
        foreach (var day in p.EnumerateArray())
        {
            Assert.Equal(model.Theatre.Cells.Length, day.GetArrayLength());
            Assert.All(day.EnumerateArray(), v => Assert.InRange(v.GetDouble(), 0, 1));
        }
        // w3 (the western end) is blue's base and never falls in four replications of this example; e3 is red's.
        Assert.Equal(1, p[0][0].GetDouble());
        Assert.Equal(0, p[0][6].GetDouble());

        var front = ReadFeatures("front.geojson");
        Assert.Equal(MapWriter.FrontDays(model.Calendar.Days).Count(), front.Count);
        Assert.All(front, f => Assert.IsType<MultiLineString>(f.Geometry));
        Assert.False(front[0].Geometry.IsEmpty);
        Assert.Equal("2024-01-01", front[0].Attributes["date"]);
        Assert.Empty(ReadFeatures("borders.geojson"));
    }

    [Fact]
    public void WriteCellsAndBorders_Kursk_PolygonsInLonLatAndTheStateBorder()
    {
        var load = ScenarioLoader.Load(Path.Combine(TestPaths.Repo, "scenarios", "kursk-2024"), new LoadOptions(null, []));
        var model = load.Scenario ?? throw new InvalidOperationException("Kursk failed to load");
        MapWriter.WriteCells(model, Path.Combine(_root, "cells.geojson"));
        MapWriter.WriteBorders(model, Path.Combine(_root, "borders.geojson"));

        var cells = ReadFeatures("cells.geojson");
        Assert.Equal(model.Theatre.Cells.Length, cells.Count);
        Assert.All(cells, f => Assert.True(f.Geometry is Polygon or MultiPolygon));
        var env = new Envelope();
        foreach (var f in cells) env.ExpandToInclude(f.Geometry.EnvelopeInternal);
        Assert.InRange(env.MinX, 33.5, 36.5);
        Assert.InRange(env.MinY, 50.5, 52);
        var sudzha = Assert.Single(cells, f => (string)f.Attributes["id"] == "sudzha");
        Assert.Equal("kursk", sudzha.Attributes["region"]);
        Assert.Contains("sudzha", ((IEnumerable<object>)sudzha.Attributes["settlements"]).Select(o => o.ToString()));

        var border = Assert.Single(ReadFeatures("borders.geojson"));
        Assert.True(border.Geometry.Length > 0.5, "the Kursk-Sumy border inside the clip box is more than half a degree long");
    }

    [Fact]
    public void WriteAll_DailyMaps_OneFilePerDay_ProbabilitiesOfControlJson_AndEveryDaysFront()
    {
        // strong-red: a contested line, so the probabilities are not all 0 or 1.
        var load = ScenarioLoader.Load(Path.Combine(TestPaths.Repo, "scenarios", "examples", "line-of-towns"), new LoadOptions("strong-red", []));
        var model = load.Scenario ?? throw new InvalidOperationException("example scenario failed to load");
        var result = MonteCarloRunner.Run(new CompiledScenario(model), new RunOptions(20, 3, 1));
        MapWriter.WriteAll(result, _root, dailyMaps: true);

        int days = model.Calendar.Days;
        string maps = Path.Combine(_root, MapWriter.DailyFolder);
        var files = Directory.GetFiles(maps, "control-*.geojson").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, days).Select(d => $"control-{model.Calendar.Start.AddDays(d):yyyy-MM-dd}.geojson"), files);
        using var control = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_root, "control.json")));
        var p = control.RootElement.GetProperty("p");
        bool someUncertain = false;
        for (int d = 0; d < days; d++)
        {
            var cells = ReadFeatures(Path.Combine(MapWriter.DailyFolder, files[d]!));
            Assert.Equal(model.Theatre.Cells.Select(c => c.Id), cells.Select(f => (string)f.Attributes["id"]));
            for (int c = 0; c < cells.Count; c++)
            {
                var f = cells[c];
                double blue = Convert.ToDouble(f.Attributes["p_blue"], System.Globalization.CultureInfo.InvariantCulture);
                double red = Convert.ToDouble(f.Attributes["p_red"], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(p[d][c].GetDouble(), blue);
                Assert.InRange(blue, 0, 1);
                Assert.InRange(red, 0, 1);
                Assert.Equal(1, blue + red, 9);
                Assert.Equal(model.Calendar.Start.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), f.Attributes["date"]);
                Assert.Equal(d, Convert.ToInt32(f.Attributes["day"], System.Globalization.CultureInfo.InvariantCulture));
                Assert.IsType<Point>(f.Geometry);
                someUncertain |= blue is > 0 and < 1;
            }
        }
        Assert.True(someUncertain, "some cell should be contested in 20 replications of strong-red");

        var front = ReadFeatures(Path.Combine(MapWriter.DailyFolder, "front.geojson"));
        Assert.Equal(days, front.Count);
        Assert.Equal(Enumerable.Range(0, days), front.Select(f => Convert.ToInt32(f.Attributes["day"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(front, f => Assert.IsType<MultiLineString>(f.Geometry));
        Assert.False(front[0].Geometry.IsEmpty);
        // The weekly front.geojson is the daily one's every seventh day.
        var weekly = ReadFeatures("front.geojson");
        foreach (var f in weekly)
            Assert.True(f.Geometry.EqualsExact(front[Convert.ToInt32(f.Attributes["day"], System.Globalization.CultureInfo.InvariantCulture)].Geometry));
    }

    [Fact]
    public void WriteDaily_Kursk_CellPolygonsInLonLat_AndAFrontLine()
    {
        var load = ScenarioLoader.Load(Path.Combine(TestPaths.Repo, "scenarios", "kursk-2024"), new LoadOptions(null, []));
        var model = load.Scenario ?? throw new InvalidOperationException("Kursk failed to load");
        // Two days: initial control, then every Kursk-oblast cell held by blue with probability 0.25.
        var cells = model.Theatre.Cells;
        double[][] p =
        [
            [.. cells.Select(c => c.InitialControl == 0 ? 1.0 : 0.0)],
            [.. cells.Select(c => c.InitialControl == 0 ? 1.0 : 0.25)],
        ];
        MapWriter.WriteDaily(model, p, Path.Combine(_root, "maps"));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_root, "maps"), "control-*.geojson").Length);
        var day1 = ReadFeatures(Path.Combine("maps", MapWriter.DailyControlFileName(model, 1)));
        Assert.Equal(cells.Length, day1.Count);
        Assert.All(day1, f => Assert.True(f.Geometry is Polygon or MultiPolygon));
        Assert.All(day1, f => Assert.InRange(f.Geometry.Centroid.X, 33.5, 36.5));
        Assert.All(day1, f => Assert.InRange(f.Geometry.Centroid.Y, 50.5, 52));
        Assert.Contains(day1, f => Convert.ToDouble(f.Attributes["p_red"], System.Globalization.CultureInfo.InvariantCulture) == 0.75);
        var front = ReadFeatures(Path.Combine("maps", "front.geojson"));
        Assert.Equal(2, front.Count);
        Assert.True(front[0].Geometry.Length > 0.5, "the initial front runs along the state border");
    }

    private List<IFeature> ReadFeatures(string name)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var fc = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(Path.Combine(_root, name)), options)!;
        return [.. fc];
    }
}
