using Salient.Scenario.Model;
using Salient.Scenario.Parsing;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Hostile;

/// <summary>Size limits (SAL123): refused at the key that is too large, with the limit and the option that raises it.</summary>
public class LimitTests
{
    private static LoadOptions With(params string[] limits) =>
        new() { Limits = ScenarioLimits.Default.With(limits, out var error) ?? throw new InvalidOperationException(error) };

    [Fact]
    public void Units_AboveTheLimit_AreRefusedAtTheUnitsList_AndLoadWhenRaised()
    {
        var refused = Load(LineOfTowns, With("units=2"));
        var d = Single(refused, "SAL123");
        Assert.Equal(PositionOf(LineOfTowns, "  - id: blue-bde", "-").Line, d.Span.Line);
        Assert.Contains("the number of units (3) exceeds the limit of 2 units", d.Message, StringComparison.Ordinal);
        Assert.Contains("--limit units=N", d.Message, StringComparison.Ordinal);
        AssertLoads(Load(LineOfTowns, With("units=3")));
    }

    [Fact]
    public void Nodes_AboveTheCellLimit_AreRefused()
    {
        var d = Single(Load(LineOfTowns, With("cells=6")), "SAL123");
        Assert.Contains("the number of nodes (7) exceeds the limit of 6 cells", d.Message, StringComparison.Ordinal);
        AssertLoads(Load(LineOfTowns, With("cells=7")));
    }

    [Fact]
    public void HexGrid_EstimatedAboveTheCellLimit_IsRefusedAtHexKm_BeforeItIsBuilt()
    {
        var loaded = Load(GridTheatre, baseDirectory: GridTheatreDir);
        AssertLoads(loaded);
        int cells = loaded.Scenario!.Theatre.Cells.Length;
        var refused = Load(GridTheatre, With($"cells={cells / 2}"), GridTheatreDir);
        var d = Single(refused, "SAL123");
        Assert.Equal(PositionOf(GridTheatre, "hex_km", "5"), (d.Span.Line, d.Span.Column));
        Assert.Contains("--limit cells=N", d.Message, StringComparison.Ordinal);
        // The estimate (area over a hexagon's area) is within a factor two of the built count, so twice the count loads.
        AssertLoads(Load(GridTheatre, With($"cells={2 * cells}"), GridTheatreDir));
    }

    [Fact]
    public void RegionVertices_AboveTheLimit_AreRefusedAtTheRegionFile()
    {
        var refused = Load(GridTheatre, With("vertices=4"), GridTheatreDir);
        var d = Single(refused, "SAL123");
        Assert.Contains("vertices up to this file, exceeds the limit of 4 vertices", d.Message, StringComparison.Ordinal);
        Assert.Contains("--limit vertices=N", d.Message, StringComparison.Ordinal);
        Assert.Equal(PositionOf(GridTheatre, "file:", "file:").Line, d.Span.Line);
    }

    [Fact]
    public void IntricateBorders_AboveTheBorderPairsLimit_AreRefusedAtHexKm_BeforeTheGridIsBuilt()
    {
        // The grid fixture's two rectangles on a 5 km grid: a handful of chains per cell, so a limit of 1 refuses it.
        var d = Single(Load(GridTheatre, With("border_pairs=1"), GridTheatreDir), "SAL123");
        Assert.Equal(PositionOf(GridTheatre, "hex_km", "5"), (d.Span.Line, d.Span.Column));
        Assert.Contains("pairs of border segments within a cell of this grid", d.Message, StringComparison.Ordinal);
        Assert.Contains("--limit border_pairs=N", d.Message, StringComparison.Ordinal);
        AssertLoads(Load(GridTheatre, baseDirectory: GridTheatreDir));
    }

    [Theory]
    [InlineData("cells", "expected NAME=N")]
    [InlineData("cell=5", "unknown limit 'cell'")]
    [InlineData("cells=0", "expected NAME=N")]
    [InlineData("cells=-3", "expected NAME=N")]
    [InlineData("cells=1e9", "expected NAME=N")]
    public void MalformedSettings_NameWhatWasExpected(string setting, string expected)
    {
        Assert.Null(ScenarioLimits.Default.With([setting], out var error));
        Assert.Contains(expected, error!, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_RaiseOnlyTheNamedLimit()
    {
        var limits = ScenarioLimits.Default.With(["cells=50000", "output_mb=10"], out _)!;
        Assert.Equal(new ScenarioLimits(ScenarioLimits.DefaultVertices, 50_000, ScenarioLimits.DefaultUnits, 10), limits);
    }
}
