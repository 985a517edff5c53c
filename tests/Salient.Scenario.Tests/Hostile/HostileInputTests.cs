using System.Text;
using Salient.Scenario.Model;
using Salient.Scenario.Parsing;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Hostile;

/// <summary>
/// Hostile inputs the other loader tests do not cover: non-finite numbers beyond a unit's personnel, enormous counts,
/// huge lists, deep block nesting, side files that cannot be read, empty and degenerate polygons, duplicate ids of
/// other kinds, a grid theatre in two pieces and extreme dates. Each must end in a positioned error (or a model), fast,
/// never in an exception.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private static readonly string Text = LineOfTowns;
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("salient-hostile-");

    public void Dispose() => _scratch.Delete(recursive: true);

    /// <summary>Loads without throwing and returns the single error, which must be positioned in <c>test.yaml</c>.</summary>
    private static Salient.Scenario.Diagnostics.Diagnostic OnlyError(string text, LoadOptions? options = null)
    {
        var result = Load(text, options);
        Assert.Null(LoaderFuzzTests.Check(result));
        return SingleError(result);
    }

    // ---- non-finite numbers in other places than a unit's personnel (BinderDiagnosticsTests covers that one) ----

    [Theory]
    [InlineData("    personnel: { dist: triangular, min: 2500, mode: 3000, max: 3500, source: assumption }", "    personnel: { dist: triangular, min: 2500, mode: .nan, max: 3500, source: assumption }", ".nan")]
    [InlineData("    personnel: { dist: triangular, min: 2500, mode: 3000, max: 3500, source: assumption }", "    personnel: { dist: triangular, min: -.inf, mode: 3000, max: 3500, source: assumption }", "-.inf")]
    [InlineData("    - { id: w3, lon: 30.00, lat: 50,", "    - { id: w3, lon: .nan, lat: 50,", ".nan")]
    [InlineData("    - { id: w2, lon: 30.07, lat: 50,", "    - { id: w2, lon: 30.07, lat: .inf,", ".inf")]
    [InlineData("      blue: { value: 0.02, source: assumption }", "      blue: { value: .NaN, source: assumption }", ".NaN")]
    [InlineData("  - { unit: red-bn, start: 2024-01-05, end: 2024-02-29, per_day: { value: 20, source: assumption } }", "  - { unit: red-bn, start: 2024-01-05, end: 2024-02-29, per_day: { value: .inf, source: assumption } }", ".inf")]
    [InlineData("  tick_hours: 6", "  tick_hours: .nan", ".nan")]
    [InlineData("    - { from: w3, to: w2 }", "    - { from: w3, to: w2, length_km: .inf }", ".inf")]
    [InlineData("    defensibility: { open: 1.0, town: 1.5 }", "    defensibility: { open: 1.0, town: .nan }", ".nan")]
    public void NonFiniteNumber_IsAnErrorAtTheNumber(string line, string hostile, string token)
    {
        string text = Text.Edit(line, hostile);
        var d = OnlyError(text);
        Assert.Equal(PositionOf(text, hostile.Trim(), token), (d.Span.Line, d.Span.Column));
        Assert.Contains(d.Code, new[] { "SAL103", "SAL104", "SAL113" });
    }

    [Theory]
    [InlineData("units.red-bn.personnel=.nan")]
    [InlineData("parameters.ground.lethality.red=.inf")]
    [InlineData("parameters.ground.lethality.red={ dist: uniform, min: 0, max: .inf }")]
    public void NonFiniteOverride_IsAnErrorAtTheOverride(string set)
    {
        var d = OnlyError(Text, new LoadOptions(null, [set]));
        Assert.NotEqual("test.yaml", d.Span.File);
    }

    // ---- enormous counts ----

    [Theory]
    [InlineData("    personnel: { value: 600, source: assumption }", "    personnel: { value: 1e300, source: assumption }", "1e300")]
    [InlineData("    personnel: { value: 600, source: assumption }", "    personnel: { value: 10000001, source: assumption }", "10000001")]
    [InlineData("    inventory: { ifv: { value: 10, source: assumption } }", "    inventory: { ifv: { value: 1e18, source: assumption } }", "1e18")]
    [InlineData("    personnel: { value: 600, source: assumption }", "    personnel: { value: 123456789012345678901234567890123456789, source: assumption }", "123456789012345678901234567890123456789")]
    [InlineData("  - { unit: red-bn, start: 2024-01-05, end: 2024-02-29, per_day: { value: 20, source: assumption } }", "  - { unit: red-bn, start: 2024-01-05, end: 2024-02-29, per_day: { value: 1e12, source: assumption } }", "1e12")]
    [InlineData("  tick_hours: 6", "  tick_hours: 4294967296", "4294967296")]
    public void EnormousCount_IsOutOfRangeAtTheNumber(string line, string hostile, string token)
    {
        string text = Text.Edit(line, hostile);
        var d = OnlyError(text);
        Assert.Equal(PositionOf(text, hostile.Trim(), token), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void CountsAtTheirMaxima_Load()
    {
        string text = Text.Edit("    personnel: { value: 600, source: assumption }", "    personnel: { value: 10000000, source: assumption }")
            .Edit("    inventory: { ifv: { value: 10, source: assumption } }", "    inventory: { ifv: { value: 1000000, source: assumption } }");
        AssertLoads(Load(text));
    }

    // ---- huge lists ----

    [Fact]
    public void TwentyThousandUnits_Load_WithoutThrowing()
    {
        // Size, not speed, is under test: wall-clock limits do not belong in unit tests (speed is measured in bench/).
        var units = new StringBuilder();
        for (int i = 0; i < 20_000; i++) units.Append("  - { id: u").Append(i).Append(", side: blue, at: w1, personnel: { value: 1, source: assumption } }\n");
        string text = Text.Edit("\nplans:\n", "\n" + units + "plans:\n");
        // Above the default unit limit (SAL123), so the limit is raised as --limit units=N would.
        Assert.Contains(Load(text).Errors, e => e.Code == "SAL123");
        var result = Load(text, new LoadOptions { Limits = ScenarioLimits.Default with { Units = 20_003 } });
        Assert.Null(LoaderFuzzTests.Check(result));
        AssertLoads(result);
        Assert.Equal(20_003, result.Scenario!.Units.Length);
    }

    [Fact]
    public void HundredThousandItemList_InAnUnknownKey_IsOneErrorAtTheKey()
    {
        string list = "[" + string.Join(", ", Enumerable.Repeat("0", 100_000)) + "]";
        string text = Text + "\nextra: " + list + "\n";
        var d = OnlyError(text);
        Assert.Equal("SAL101", d.Code);
    }

    [Fact]
    public void TwentyThousandDuplicateNodes_AreEachReported()
    {
        var nodes = new StringBuilder();
        for (int i = 0; i < 20_000; i++) nodes.Append("    - { id: w3, lon: 30.00, lat: 50, area_km2: 40, control: blue }\n");
        string text = Text.Edit("    - { id: w3, lon: 30.00, lat: 50, area_km2: 40, control: blue }\n", nodes.ToString());
        var result = Load(text, new LoadOptions { Limits = ScenarioLimits.Default with { Cells = 20_006 } });
        Assert.Null(LoaderFuzzTests.Check(result));
        Assert.False(result.Success);
        Assert.All(result.Errors, e => Assert.Equal("SAL106", e.Code));
    }

    // ---- deep block nesting (YamlLevelTests covers flow nesting) ----

    [Fact]
    public void DeepBlockNesting_IsRefusedAtTheLimit()
    {
        var s = new StringBuilder("description:\n");
        for (int i = 1; i <= 2000; i++) s.Append(' ', i).Append('k').Append(i).Append(":\n");
        var d = OnlyError(Text.Replace("description: Seven nodes in a line; a blue brigade attacks a red battalion holding the middle.\n", s.ToString(), StringComparison.Ordinal));
        Assert.Equal("SAL100", d.Code);
        Assert.Contains("nesting deeper", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepSequenceOfSequences_InBlockStyle_IsRefusedAtTheLimit()
    {
        var s = new StringBuilder("extra:\n");
        for (int i = 1; i <= 5000; i++) s.Append(' ', 2 * i).Append("-\n");
        var d = OnlyError(Text + "\n" + s);
        Assert.Equal("SAL100", d.Code);
    }

    // ---- side files that cannot be read ----

    private string GridCopy()
    {
        string dir = Path.Combine(_scratch.FullName, "grid-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(GridTheatreDir)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    [Theory]
    [InlineData("west.geojson")]
    [InlineData("settlements.csv")]
    public void SideFileThatIsADirectory_IsSal109_AtTheFileName(string file)
    {
        string dir = GridCopy();
        File.Delete(Path.Combine(dir, file));
        Directory.CreateDirectory(Path.Combine(dir, file));
        var result = Load(GridTheatre, baseDirectory: dir);
        Assert.Null(LoaderFuzzTests.Check(result));
        var d = SingleError(result);
        Assert.Equal("SAL109", d.Code);
        Assert.Equal(PositionOf(GridTheatre, file, file), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void ScenarioFileThatIsADirectory_IsSal109()
    {
        string dir = Path.Combine(_scratch.FullName, "folder-scenario");
        Directory.CreateDirectory(Path.Combine(dir, ScenarioLoader.ScenarioFileName));
        var result = ScenarioLoader.Load(dir);
        Assert.False(result.Success);
        Assert.Equal("SAL109", SingleError(result).Code);
    }

    [Fact]
    public void ScenarioFileWithAByteOrderMark_LoadsAsWithout()
    {
        // Editors on Windows write a UTF-8 byte-order mark; it is not part of the text (it used to become part of the
        // first key: "unknown key 'salient'; did you mean 'salient'?").
        string plain = Path.Combine(_scratch.FullName, "plain"), marked = Path.Combine(_scratch.FullName, "marked");
        Directory.CreateDirectory(plain);
        Directory.CreateDirectory(marked);
        byte[] text = Encoding.UTF8.GetBytes(Text);
        File.WriteAllBytes(Path.Combine(plain, ScenarioLoader.ScenarioFileName), text);
        File.WriteAllBytes(Path.Combine(marked, ScenarioLoader.ScenarioFileName), [.. Encoding.UTF8.Preamble, .. text]);
        var withMark = ScenarioLoader.Load(marked);
        Assert.True(withMark.Success, string.Join("\n", withMark.Diagnostics));
        Assert.Equal(ScenarioLoader.Load(plain).Scenario!.Hash, withMark.Scenario!.Hash);
    }

    [Fact]
    public void SideFileThatIsNotText_IsAnErrorInThatFile()
    {
        string dir = GridCopy();
        File.WriteAllBytes(Path.Combine(dir, "settlements.csv"), [0xFF, 0xFE, 0x00, 0xD8, 0x00, 0x00, 0x0A, 0xC3, 0x28, 0x0A]);
        var result = Load(GridTheatre, baseDirectory: dir);
        Assert.Null(LoaderFuzzTests.Check(result));
        Assert.False(result.Success);
    }

    // ---- empty and degenerate polygons (SideFileTests covers the bow tie) ----

    [Theory]
    [InlineData("""{ "type": "Polygon", "coordinates": [] }""")]
    [InlineData("""{ "type": "MultiPolygon", "coordinates": [] }""")]
    [InlineData("""{ "type": "FeatureCollection", "features": [] }""")]
    [InlineData("""{ "type": "Polygon", "coordinates": [[[30.0, 50.0], [30.1, 50.0], [30.2, 50.0], [30.0, 50.0]]] }""")]
    [InlineData("""{ "type": "Polygon", "coordinates": [[[30.0, 50.0], [30.0, 50.0], [30.0, 50.0], [30.0, 50.0]]] }""")]
    [InlineData("""{ "type": "Polygon", "coordinates": [[[30.0, 50.0], [30.1, 50.0]]] }""")]
    [InlineData("""{ "type": "Feature", "properties": {}, "geometry": null }""")]
    public void EmptyOrDegenerateRegion_IsAnErrorInThatRegion(string geoJson)
    {
        string dir = GridCopy();
        File.WriteAllText(Path.Combine(dir, "west.geojson"), geoJson);
        var result = Load(GridTheatre, baseDirectory: dir);
        Assert.Null(LoaderFuzzTests.Check(result));
        var d = SingleError(result);
        Assert.Contains(d.Code, new[] { "SAL111", "SAL112", "SAL122" });
    }

    [Fact]
    public void RegionsThatDoNotTouch_AreADisconnectedTheatre()
    {
        string dir = GridCopy();
        // The east region starts 0.05 degrees (3.6 km) east of the west one: two islands of cells with no shared border.
        File.WriteAllText(Path.Combine(dir, "east.geojson"),
            """{ "type": "Polygon", "coordinates": [[[30.25, 50.0], [30.4, 50.0], [30.4, 50.1], [30.25, 50.1], [30.25, 50.0]]] }""");
        var result = Load(GridTheatre, baseDirectory: dir);
        Assert.Null(LoaderFuzzTests.Check(result));
        Assert.Equal("SAL108", SingleError(result).Code);
    }

    // ---- duplicate ids of the kinds BinderDiagnosticsTests does not cover ----

    [Theory]
    [InlineData("  - { id: ifv,", "  - { id: ifv, name: Twin, class: armour }\n  - { id: ifv,")]
    [InlineData("    - { id: blue-base, side: blue, at: w3 }", "    - { id: blue-base, side: blue, at: w3 }\n    - { id: blue-base, side: blue, at: w2 }")]
    [InlineData("  - id: strong-red", "  - id: strong-red\n    set: { units.red-bn.personnel: 1 }\n  - id: strong-red")]
    public void DuplicateIdOfAnotherKind_IsSal106(string line, string duplicated)
    {
        var result = Load(Text.Edit(line, duplicated));
        Assert.Null(LoaderFuzzTests.Check(result));
        Assert.Contains(result.Errors, e => e.Code == "SAL106");
    }

    // ---- extreme and out-of-range dates ----

    [Theory]
    [InlineData("  start: 2024-01-01\n  end: 2024-02-29", "  start: 2024-01-01\n  end: 9999-12-31")]
    [InlineData("  start: 2024-01-01\n  end: 2024-02-29", "  start: 0001-01-01\n  end: 0001-01-02")]
    [InlineData("  start: 2024-01-01\n  end: 2024-02-29", "  start: 2024-01-01\n  end: 2023-12-31")]
    [InlineData("  start: 2024-01-01\n  end: 2024-02-29", "  start: 10000-01-01\n  end: 10000-01-02")]
    [InlineData("  start: 2024-01-01\n  end: 2024-02-29", "  start: 2024-00-01\n  end: 2024-02-29")]
    [InlineData("  start: 2024-01-01\n  end: 2024-02-29", "  start: -2024-01-01\n  end: 2024-02-29")]
    [InlineData("  start: 2024-01-01\n  end: 2024-02-29", "  start: 2024-01-01T00:00:00Z\n  end: 2024-02-29")]
    [InlineData("    arrives: 2024-01-20", "    arrives: 9999-12-31")]
    [InlineData("start: 2024-01-05, end: 2024-02-29, per_day", "start: 0001-01-01, end: 9999-12-31, per_day")]
    public void ExtremeOrMalformedDate_IsAPositionedError(string line, string hostile)
    {
        var result = Load(Text.Edit(line, hostile));
        Assert.Null(LoaderFuzzTests.Check(result));
        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Code is "SAL103" or "SAL104" or "SAL107");
    }

    [Fact]
    public void ScheduleAtTheEndsOfTime_Loads()
    {
        string text = Text.Edit("      red: { value: 0.03, source: assumption }",
            "      red: { schedule: [ { date: 0001-01-01, value: 0.01 }, { date: 9999-12-31, value: 0.05 } ], interpolate: linear, source: assumption }");
        AssertLoads(Load(text));
    }
}
