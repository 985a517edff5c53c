using System.Globalization;
using Salient.Engine.Compilation;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Withdrawal from an enveloped cell (docs/model.md 4.3, step 2; <c>ground.withdraw_enveloped.&lt;side&gt;</c> = e).
/// Blue's line is w - c - x with its depot at w; red holds a and b, both next to x, so x has 2 of its 3 neighbours in
/// enemy hands (share 2/3) and c none. Edges are 5 km and a 6-hour tick marches 25/4 = 6.25 km, so a unit crosses one
/// edge per tick. Red has no units: nothing but the rule moves anyone. Two days of four ticks; every expectation is an exact cell.
/// </summary>
public class EnvelopmentTests
{
    private const int W = 0, C = 1, X = 2;

    private static CompiledScenario Line(double share, string at) => TestScenarios.Compile($$"""
        salient: 1
        name: envelopment
        calendar: { start: 2024-01-01, end: 2024-01-02, tick_hours: 6 }
        sides: [ { id: blue }, { id: red } ]
        theatre:
          nodes:
            - { id: w, lon: 29.86, lat: 50, area_km2: 10, control: blue }
            - { id: c, lon: 29.93, lat: 50, area_km2: 10, control: blue }
            - { id: x, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: a, lon: 30.07, lat: 50.03, area_km2: 10, control: red }
            - { id: b, lon: 30.07, lat: 49.97, area_km2: 10, control: red }
          edges:
            - { from: w, to: c, length_km: 5 }
            - { from: c, to: x, length_km: 5 }
            - { from: x, to: a, length_km: 5 }
            - { from: x, to: b, length_km: 5 }
          depots:
            - { id: d, side: blue, at: w }
        units:
          - { id: u, side: blue, at: {{at}}, personnel: 1000 }
        parameters:
          ground:
            positional_intensity: 0
            withdraw_enveloped: { blue: {{share.ToString("R", CultureInfo.InvariantCulture)}} }
        """);

    /// <summary>The unit's cell after each of the run's ticks.</summary>
    private static int[] Path(CompiledScenario c) => TestScenarios.EveryTick(c, sim => sim.CellOfUnit(0));

    [Theory]
    [InlineData(0.6)]       // 2/3 >= 0.6: enveloped
    [InlineData(2.0 / 3)]   // the share itself: enveloped (at least e)
    public void Enveloped_Defender_FallsBackOneCell_AndStaysOutOfTheEnvelopedCell(double share) =>
        Assert.All(Path(Line(share, "x")), cell => Assert.Equal(C, cell));

    [Theory]
    [InlineData(0)]      // off
    [InlineData(0.7)]    // 2/3 < 0.7: not enveloped
    [InlineData(1.0)]    // only a cell surrounded on every side
    public void NotEnveloped_Defender_HoldsTheFrontCell(double share) =>
        Assert.All(Path(Line(share, "x")), cell => Assert.Equal(X, cell));

    [Fact]
    public void Defenders_DoNotMoveUpIntoAnEnvelopedFrontCell()
    {
        Assert.Equal([C, X, X, X, X, X, X, X], Path(Line(0, "w")));   // off: up to the front in two ticks, then holds
        Assert.Equal([W, W, W, W, W, W, W, W], Path(Line(0.6, "w"))); // the only front cell is enveloped: the field is empty
    }
}
