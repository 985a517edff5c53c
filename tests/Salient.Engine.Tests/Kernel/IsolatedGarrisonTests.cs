using System.Globalization;
using Salient.Engine.Compilation;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Isolated garrisons (docs/model.md 4.2; <c>ground.isolated_garrison_days.&lt;side&gt;</c> = g). Blue holds w - c - x
/// with its depot at w; red holds r (its depot) next to x, and p, joined only to c and x: a red pocket cut off from r.
/// Four days of four 6-hour ticks; the check runs on each day's first tick (ticks 0, 4, 8, 12), so an unmanned pocket
/// falls to blue on its ceil(g)-th check, tick 4 (ceil(g) - 1). No fire: positional intensity 0.
/// Every expectation is the exact control of p after each tick.
/// </summary>
public class IsolatedGarrisonTests
{
    private const int P = 4;
    private const int Blue = 0, Red = 1;

    private static CompiledScenario Pocket(double days, string redUnits = "", bool redDepot = true) => TestScenarios.Compile($$"""
        salient: 1
        name: isolated-garrison
        calendar: { start: 2024-01-01, end: 2024-01-04, tick_hours: 6 }
        sides: [ { id: blue }, { id: red } ]
        theatre:
          nodes:
            - { id: w, lon: 29.86, lat: 50, area_km2: 10, control: blue }
            - { id: c, lon: 29.93, lat: 50, area_km2: 10, control: blue }
            - { id: x, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: r, lon: 30.07, lat: 50, area_km2: 10, control: red }
            - { id: p, lon: 29.96, lat: 49.95, area_km2: 10, control: red }
          edges:
            - { from: w, to: c, length_km: 5 }
            - { from: c, to: x, length_km: 5 }
            - { from: x, to: r, length_km: 5 }
            - { from: c, to: p, length_km: 5 }
            - { from: x, to: p, length_km: 5 }
          depots:
            - { id: dw, side: blue, at: w }
        {{(redDepot ? "    - { id: dr, side: red, at: r }" : "")}}
        units:
          - { id: b, side: blue, at: w, personnel: 1000 }
        {{redUnits}}
        parameters:
          ground:
            positional_intensity: 0
            isolated_garrison_days: { red: {{days.ToString("R", CultureInfo.InvariantCulture)}} }
        """);

    private static int[] ControlOfPocket(CompiledScenario c) => TestScenarios.EveryTick(c, sim => sim.ControlOfCell(P));

    [Fact]
    public void Off_ThePocketHolds() => Assert.All(ControlOfPocket(Pocket(0)), side => Assert.Equal(Red, side));

    [Theory]
    [InlineData(1, 0)]    // the first check
    [InlineData(2, 4)]    // the second, on day 2's first tick
    [InlineData(2.5, 8)]  // at least g checks: the third
    public void AnUnmannedPocket_FallsToTheEnemy_OnItsGthDailyCheck(double days, int fallsOnTick)
    {
        var control = ControlOfPocket(Pocket(days));
        for (int t = 0; t < control.Length; t++) Assert.Equal(t < fallsOnTick ? Red : Blue, control[t]);
    }

    [Fact]
    public void APocketWithAUnitOfItsSide_Holds() =>
        Assert.All(ControlOfPocket(Pocket(1, "  - { id: g, side: red, at: p, personnel: 100 }")), side => Assert.Equal(Red, side));

    [Fact]
    public void ASideWithoutDepots_IsNeverCutOff() =>
        Assert.All(ControlOfPocket(Pocket(1, redDepot: false)), side => Assert.Equal(Red, side));

    [Fact]
    public void GroundJoinedToADepot_IsNotAPocket()
    {
        // x, c and w are blue's, joined to its depot: with blue's g at 1 nothing of blue's falls.
        var c = TestScenarios.Compile("""
            salient: 1
            name: joined
            calendar: { start: 2024-01-01, end: 2024-01-02, tick_hours: 6 }
            sides: [ { id: blue }, { id: red } ]
            theatre:
              nodes:
                - { id: w, lon: 29.86, lat: 50, area_km2: 10, control: blue }
                - { id: x, lon: 30.0, lat: 50, area_km2: 10, control: blue }
                - { id: r, lon: 30.07, lat: 50, area_km2: 10, control: red }
              edges:
                - { from: w, to: x, length_km: 5 }
                - { from: x, to: r, length_km: 5 }
              depots:
                - { id: dw, side: blue, at: w }
                - { id: dr, side: red, at: r }
            units: []
            parameters:
              ground:
                positional_intensity: 0
                isolated_garrison_days: { blue: 1, red: 1 }
            """);
        Assert.All(TestScenarios.EveryTick(c, sim => (sim.ControlOfCell(0), sim.ControlOfCell(1), sim.ControlOfCell(2))),
            cells => Assert.Equal((Blue, Blue, Red), cells));
    }
}
