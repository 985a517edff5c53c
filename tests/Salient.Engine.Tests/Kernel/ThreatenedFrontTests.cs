using System.Globalization;
using Salient.Engine.Compilation;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Reinforcing the threatened front (docs/model.md 4.3, step 4; <c>ground.reinforce_threat_personnel.&lt;side&gt;</c>
/// = T). Blue holds a row b0 - b1 - b2 - b3, each cell facing one red cell (r0 .. r3) and nothing else of the enemy;
/// edges are 5 km and a 6-hour tick marches 25/4 = 6.25 km, so a unit crosses one edge a tick. Two blue units stand
/// stacked in b1; a red unit of 500 stands in r3 (or r1). Red's unit is under an attack order whose objective is its own
/// cell, so it holds (objectives all held); without the order it defends. Blue has no plan (its units defend) and there
/// is no fire of any kind, so every expectation is an exact cell.
/// </summary>
public class ThreatenedFrontTests
{
    private const int B0 = 0, B1 = 1, B2 = 2, B3 = 3;

    private static CompiledScenario Row(double threat, string redAt, bool redAttacks = true) => TestScenarios.Compile($$"""
        salient: 1
        name: threatened-front
        calendar: { start: 2024-01-01, end: 2024-01-02, tick_hours: 6 }
        sides: [ { id: blue }, { id: red } ]
        theatre:
          nodes:
            - { id: b0, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: b1, lon: 30.07, lat: 50, area_km2: 10, control: blue }
            - { id: b2, lon: 30.14, lat: 50, area_km2: 10, control: blue }
            - { id: b3, lon: 30.21, lat: 50, area_km2: 10, control: blue }
            - { id: r0, lon: 30.0, lat: 50.05, area_km2: 10, control: red }
            - { id: r1, lon: 30.07, lat: 50.05, area_km2: 10, control: red }
            - { id: r2, lon: 30.14, lat: 50.05, area_km2: 10, control: red }
            - { id: r3, lon: 30.21, lat: 50.05, area_km2: 10, control: red }
          edges:
            - { from: b0, to: b1, length_km: 5 }
            - { from: b1, to: b2, length_km: 5 }
            - { from: b2, to: b3, length_km: 5 }
            - { from: b0, to: r0, length_km: 5 }
            - { from: b1, to: r1, length_km: 5 }
            - { from: b2, to: r2, length_km: 5 }
            - { from: b3, to: r3, length_km: 5 }
        units:
          - { id: first, side: blue, at: b1, personnel: 500 }
          - { id: second, side: blue, at: b1, personnel: 500 }
          - { id: enemy, side: red, at: {{redAt}}, personnel: 500 }
        {{(redAttacks ? $"plans: [ {{ side: red, phases: [ {{ name: go, start: 2024-01-01, end: 2024-01-02, posture: attack, objectives: [{redAt}] }} ] }} ]" : "")}}
        parameters:
          ground:
            positional_intensity: 0
            reinforce_threat_personnel: { blue: {{threat.ToString("R", CultureInfo.InvariantCulture)}} }
        """);

    /// <summary>Unit <paramref name="unit"/>'s cell after each of the run's eight ticks.</summary>
    private static int[] Path(CompiledScenario c, int unit) => TestScenarios.EveryTick(c, sim => sim.CellOfUnit(unit));

    [Fact]
    public void Off_EveryDefenderOnTheFrontHolds()
    {
        var c = Row(0, redAt: "r3");
        Assert.All(Path(c, 0), cell => Assert.Equal(B1, cell));
        Assert.All(Path(c, 1), cell => Assert.Equal(B1, cell));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(500)] // at least T: 500 of 500 threatens
    public void TheSecondUnit_LeavesTheQuietCell_AndMarchesThroughTheQuietFront_ToTheThreatenedCell(double threat)
    {
        var c = Row(threat, redAt: "r3");
        Assert.All(Path(c, 0), cell => Assert.Equal(B1, cell)); // the first unit holds the quiet cell
        Assert.Equal([B2, B3, B3, B3, B3, B3, B3, B3], Path(c, 1)); // b2 is quiet: it marches on
    }

    [Fact]
    public void BelowT_NothingIsThreatened_AndTheSecondUnitSpreadsToTheNearestUnheldFrontCell()
    {
        // Nothing threatened: the front field is the old one (unheld front cells), b0 and b2 tie at one edge and the
        // lower index wins; alone in b0 the unit holds.
        var c = Row(501, redAt: "r3");
        Assert.All(Path(c, 0), cell => Assert.Equal(B1, cell));
        Assert.All(Path(c, 1), cell => Assert.Equal(B0, cell));
    }

    [Fact]
    public void AnEnemyUnitThatDefends_ThreatensNothing_AndTheSecondUnitSpreadsAsBelowT()
    {
        // The same 500 in r3 without an attack order: a garrison, not a threat; the front field is the old one.
        var c = Row(1, redAt: "r3", redAttacks: false);
        Assert.All(Path(c, 0), cell => Assert.Equal(B1, cell));
        Assert.All(Path(c, 1), cell => Assert.Equal(B0, cell));
    }

    [Fact]
    public void AStackInAThreatenedCell_Holds()
    {
        var c = Row(1, redAt: "r1");
        Assert.All(Path(c, 0), cell => Assert.Equal(B1, cell));
        Assert.All(Path(c, 1), cell => Assert.Equal(B1, cell));
    }
}
