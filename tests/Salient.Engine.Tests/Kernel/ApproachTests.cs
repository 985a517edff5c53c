using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// The approach to an attack's objectives (docs/model.md 4.3, step 3; <c>ground.approach_enemy_cost.&lt;side&gt;</c>
/// = κ). Blue attacks toward the objective z (red, empty). From its start x0 there are two ways, each of two 5 km edges
/// to z's neighbour: straight across f (red, empty, next to x0 and z), or round through its own x1 and x2. Each step
/// out of a cell counts κ x 5 km when red holds the cell, 5 km when blue does, so the objective field is z 0, x2 5,
/// x1 10, f 5κ and x0 5 + min(5κ, 10). A 6-hour tick marches 25/4 = 6.25 km, one edge; an assault on an empty cell
/// advances 0.6 of the edge a tick, so the cell falls on the second tick of assaults and the unit moves in. Blue's
/// flank_pin_personnel is 1 unless stated; on the approach only an attacking enemy unit pins. No fire of any kind:
/// every expectation is an exact cell.
/// </summary>
public class ApproachTests
{
    private const int X0 = 0, X1 = 1, X2 = 2, F = 3, Z = 4;

    // red: "" no red unit; "defend" a red unit of 500 in f under no order; "attack" the same unit ordered to attack x2,
    // which it never does (x0 is not below f on its field, and x0 pins it in f).
    private static CompiledScenario Map(double kappa, double pin = 1, string red = "") => TestScenarios.Compile($$"""
        salient: 1
        name: approach
        calendar: { start: 2024-01-01, end: 2024-01-02, tick_hours: 6 }
        sides: [ { id: blue }, { id: red } ]
        theatre:
          nodes:
            - { id: x0, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: x1, lon: 30.0, lat: 49.95, area_km2: 10, control: blue }
            - { id: x2, lon: 30.07, lat: 49.95, area_km2: 10, control: blue }
            - { id: f, lon: 30.07, lat: 50, area_km2: 10, control: red }
            - { id: z, lon: 30.14, lat: 50, area_km2: 10, control: red }
          edges:
            - { from: x0, to: f, length_km: 5 }
            - { from: f, to: z, length_km: 5 }
            - { from: x0, to: x1, length_km: 5 }
            - { from: x1, to: x2, length_km: 5 }
            - { from: x2, to: z, length_km: 5 }
        units:
          - { id: u, side: blue, at: x0, personnel: 1000 }
        {{(red == "" ? "" : "  - { id: r, side: red, at: f, personnel: 500 }")}}
        plans:
          - side: blue
            phases:
              - { name: go, start: 2024-01-01, end: 2024-01-02, posture: attack, objectives: [z] }
        {{(red == "attack" ? "  - { side: red, phases: [ { name: hit, start: 2024-01-01, end: 2024-01-02, posture: attack, objectives: [x2] } ] }" : "")}}
        parameters:
          ground:
            positional_intensity: 0
            flank_pin_personnel: { blue: {{pin.ToString("R", CultureInfo.InvariantCulture)}} }
            approach_enemy_cost: { blue: {{kappa.ToString("R", CultureInfo.InvariantCulture)}} }
        """);

    /// <summary>The blue unit's cell after each of the run's eight ticks.</summary>
    private static int[] Path(CompiledScenario c) => TestScenarios.EveryTick(c, sim => sim.CellOfUnit(0));

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(4.0)]
    public void TheWeightedField_IsTheClosedForm(double kappa)
    {
        var c = Map(kappa);
        var paths = new PathFinder(c);
        var dist = new double[c.CellCount];
        paths.Clear(dist);
        paths.AddSource(dist, Z);
        paths.RunWeighted(dist, c.InitialControl, 0, kappa);
        Assert.Equal([5 + Math.Min(5 * kappa, 10), 10, 5, 5 * kappa, 0], dist);
    }

    [Fact]
    public void Off_TheUnitAttacksStraightAcrossTheEnemysGround() =>
        Assert.Equal([X0, F, F, Z, Z, Z, Z, Z], Path(Map(1)));

    [Theory]
    [InlineData(2.5)] // f (12.5) lies below x0 (15): the rule as before would attack it; x1 (10) lies lower still
    [InlineData(4.0)] // f (20) lies above x0 (15): no target at all
    public void AboveTheDetoursRatio_TheUnitGoesRoundThroughItsOwnGround(double kappa) =>
        Assert.Equal([X1, X2, X2, Z, Z, Z, Z, Z], Path(Map(kappa)));

    [Fact]
    public void AtTheRatio_TheTieGoesToTheAttack()
    {
        // κ = 2: f and x1 both 10; an own neighbour must lie strictly lower for the unit to go round.
        Assert.Equal([X0, F, F, Z, Z, Z, Z, Z], Path(Map(2)));
    }

    [Theory]
    [InlineData(0.0)] // even where any enemy cell pins an attacker's flank
    [InlineData(1.0)]
    public void OnTheApproach_AGarrisonDoesNotPin(double pin) =>
        Assert.Equal([X1, X2, X2, Z, Z, Z, Z, Z], Path(Map(2.5, pin)));

    [Fact]
    public void OnTheApproach_ADefendingEnemyUnitDoesNotPin() =>
        Assert.Equal([X1, X2], Path(Map(2.5, red: "defend"))[..2]);

    [Theory]
    [InlineData(0.0)]
    [InlineData(500.0)]
    public void OnTheApproach_AnAttackingEnemyUnitPins(double pin) =>
        Assert.All(Path(Map(2.5, pin, red: "attack")), cell => Assert.Equal(X0, cell));

    [Fact]
    public void OnTheApproach_AnAttackingEnemyUnitBelowTheThresholdDoesNotPin() =>
        Assert.Equal([X1, X2], Path(Map(2.5, pin: 501, red: "attack"))[..2]);
}
