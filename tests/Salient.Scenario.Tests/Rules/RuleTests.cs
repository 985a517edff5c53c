using Salient.Scenario.Diagnostics;
using Salient.Scenario.Rules;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Rules;

/// <summary>The cross-cutting rules that run on a bound scenario: connectivity, depots, unit placement, provenance.</summary>
public class RuleTests
{
    private static readonly string Text = LineOfTowns;

    private static (int Line, int Column) TheatreAt(string text) => PositionOf(text, "  terrain:", "terrain");

    [Fact]
    public void RuleSet_HoldsEveryRule()
    {
        Assert.Equal(
            [typeof(ConnectedTheatreRule), typeof(DepotsRule), typeof(UnitPlacementRule), typeof(ProvenanceRule)],
            RuleSet.All.Select(r => r.GetType()));
    }

    [Fact]
    public void DisconnectedTheatre_IsSal108_AtTheTheatre_NamingAnUnreachedCell()
    {
        var text = Text.Edit("    - { from: mid, to: e1, mobility: 0.5, kind: river }\n", "");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL108", TheatreAt(text));
        Assert.Equal(["3", "e1", "w3"], d.Arguments);
    }

    [Fact]
    public void TheatreWithoutEdges_ReportsEveryOtherCellUnreached()
    {
        int start = Text.IndexOf("  edges:\n", StringComparison.Ordinal);
        int end = Text.IndexOf("  depots:\n", StringComparison.Ordinal);
        var text = Text[..start] + "  edges: []\n" + Text[end..];
        var d = SingleError(Load(text));
        AssertAt(d, "SAL108", TheatreAt(text));
        Assert.Equal(["6", "w2", "w3"], d.Arguments);
    }

    [Fact]
    public void TheatreWithoutCells_IsSal122()
    {
        const string text = """
            salient: 1
            name: empty
            calendar: { start: 2024-01-01, end: 2024-01-31 }
            sides: [ { id: blue }, { id: red } ]
            theatre:
              nodes: []
              edges: []
            units: []
            """;
        var d = SingleError(Load(text));
        AssertAt(d, "SAL122", "test.yaml", 6, 3);
        Assert.Equal(["the theatre has no cells"], d.Arguments);
    }

    [Fact]
    public void UnitStartingOnEnemyGround_IsOutOfRange_AtTheUnit()
    {
        var text = Text.Edit("    at: w1\n", "    at: e1\n");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL104", PositionOf(text, "  - id: blue-bde", "id"));
        Assert.Equal(["start cell of unit 'blue-bde'", "a cell held by 'blue'", "'e1', held by 'red'"], d.Arguments);
    }

    [Fact]
    public void UnitArrivingLater_MayBeOnAnyCell()
    {
        // red-reserve arrives on 2024-01-20, so standing on a blue cell is allowed (it arrives there if red holds it).
        var text = Text.Edit("    at: e3\n", "    at: w3\n");
        AssertLoads(Load(text));
    }

    [Fact]
    public void SideWithoutDepot_IsAWarning_AndStillLoads()
    {
        var text = Text.Edit("    - { id: red-base, side: red, at: e3 }\n", "");
        var result = Load(text);
        AssertLoads(result);
        var d = Single(result, "SAL201");
        Assert.Equal(Severity.Warning, d.Severity);
        AssertAt(d, "SAL201", TheatreAt(text));
    }

    [Fact]
    public void DepotOnEnemyGround_IsAWarning()
    {
        var text = Text.Edit("{ id: red-base, side: red, at: e3 }", "{ id: red-base, side: red, at: w3 }");
        var result = Load(text);
        AssertLoads(result);
        Assert.Equal(Severity.Warning, Single(result, "SAL201").Severity);
    }

    [Fact]
    public void NumberWithoutSource_IsSal200_AtTheNumber()
    {
        var text = Text.Edit("personnel: { value: 600, source: assumption }", "personnel: 600");
        var result = Load(text);
        AssertLoads(result);
        var d = Single(result, "SAL200");
        Assert.Equal(Severity.Warning, d.Severity);
        AssertAt(d, "SAL200", PositionOf(text, "personnel: 600", "600"));
        Assert.Equal(["units.red-bn.personnel"], d.Arguments);
    }

    [Fact]
    public void ReinforcementInheritsTheSourceOfItsEntry()
    {
        var text = Text.Edit("per_day: { value: 20, source: assumption } }", "per_day: 20, source: assumption }");
        var result = Load(text);
        AssertLoads(result);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "SAL200");
        Assert.Equal("assumption", result.Scenario!.Reinforcements[0].Personnel.Source);
    }

    [Fact]
    public void DefaultsAndDoctrine_AreNotProvenanceWarnings()
    {
        // Defaults have no position; the doctrine number without source is not among AllQuantities.
        var result = Load(Text);
        AssertLoads(result);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Rules_RunOnlyWhenBindingSucceeded()
    {
        // An unknown key stops the load before the rules, so the disconnected graph is not (yet) reported.
        var text = Text.Edit("    - { from: mid, to: e1, mobility: 0.5, kind: river }\n", "").Edit("  tick_hours: 6", "  tick_hour: 6");
        var result = Load(text);
        Assert.Equal("SAL101", SingleError(result).Code);
    }

    [Fact]
    public void RulesYieldCatalogueCodesOnly()
    {
        var text = Text.Edit("    - { from: mid, to: e1, mobility: 0.5, kind: river }\n", "")
            .Edit("personnel: { value: 600, source: assumption }", "personnel: 600")
            .Edit("    - { id: red-base, side: red, at: e3 }\n", "");
        var result = Load(text);
        Assert.Equal(["SAL108", "SAL200", "SAL201"], result.Diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.All(result.Diagnostics, d => Assert.Contains(d.Code, CatalogueCodes));
    }
}
