using System.Globalization;
using Salient.Engine.Compilation;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// What pins an attacking unit with no target (docs/model.md 4.3, step 3; <c>ground.flank_pin_personnel.&lt;side&gt;</c>
/// = p). Blue attacks along x - y - z toward the objective z (red, empty, no garrison); red also holds f, a dead end
/// next to x only, so from x the enemy cell f lies off the way (objective distances 10 km at x, 15 at f) and x has no
/// target. Edges are 5 km and a 6-hour tick marches 25/4 = 6.25 km, so a unit crosses one edge per tick; an assault
/// on the empty z advances 12/4 / 5 = 0.6 of the edge a tick, so z falls on the second tick of assaults. No fire of
/// any kind: every expectation is an exact cell.
/// </summary>
public class FlankPinTests
{
    private const int X = 0, Y = 1, Z = 2;

    private static CompiledScenario Flank(double pin, int redAtF) => TestScenarios.Compile($$"""
        salient: 1
        name: flank
        calendar: { start: 2024-01-01, end: 2024-01-02, tick_hours: 6 }
        sides: [ { id: blue }, { id: red } ]
        theatre:
          nodes:
            - { id: x, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: y, lon: 30.07, lat: 50, area_km2: 10, control: blue }
            - { id: z, lon: 30.14, lat: 50, area_km2: 10, control: red }
            - { id: f, lon: 30.0, lat: 50.05, area_km2: 10, control: red }
          edges:
            - { from: x, to: y, length_km: 5 }
            - { from: y, to: z, length_km: 5 }
            - { from: x, to: f, length_km: 5 }
        units:
          - { id: u, side: blue, at: x, personnel: 1000 }
        {{(redAtF > 0 ? $"  - {{ id: r, side: red, at: f, personnel: {redAtF} }}" : "")}}
        plans:
          - side: blue
            phases:
              - { name: go, start: 2024-01-01, end: 2024-01-02, posture: attack, objectives: [z] }
        parameters:
          ground:
            positional_intensity: 0
            flank_pin_personnel: { blue: {{pin.ToString("R", CultureInfo.InvariantCulture)}} }
        """);

    /// <summary>The blue unit's cell after each of the run's eight ticks.</summary>
    private static int[] Path(CompiledScenario c) => TestScenarios.EveryTick(c, sim => sim.CellOfUnit(0));

    [Fact]
    public void Off_AnyEnemyCell_PinsTheAttacker() =>
        Assert.All(Path(Flank(0, redAtF: 0)), cell => Assert.Equal(X, cell));

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    public void AGarrisonAlone_DoesNotPin_TheAttackerMovesOnAndTakesItsObjective(double pin) =>
        Assert.Equal([Y, Y, Z, Z, Z, Z, Z, Z], Path(Flank(pin, redAtF: 0)));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(500)]   // at least p: 500 of 500 pins
    public void AnEnemyUnitOfAtLeastP_PinsTheAttacker(double pin) =>
        Assert.All(Path(Flank(pin, redAtF: 500)), cell => Assert.Equal(X, cell));

    [Fact]
    public void AnEnemyUnitBelowP_DoesNotPin() =>
        Assert.Equal([Y, Y, Z, Z, Z, Z, Z, Z], Path(Flank(501, redAtF: 500)));
}
