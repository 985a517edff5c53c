using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// <c>logistics.replacement_scale.&lt;side&gt;</c> (docs/model.md 4.1, step 2): a side's personnel reinforcements deliver
/// the scale times their amount; item deliveries and the other side are untouched. No fighting (blue defends, red has
/// no plan, no positional fire), so the personnel series is the arithmetic of the arrivals alone: exact up to the
/// float the daily series is stored in.
/// </summary>
public class ReplacementScaleTests
{
    private static CompiledScenario Quiet(double blueScale) => TestScenarios.Compile($$"""
        salient: 1
        name: replacements
        calendar: { start: 2024-01-01, end: 2024-01-10, tick_hours: 6 }
        sides: [ { id: blue }, { id: red } ]
        theatre:
          nodes:
            - { id: w, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: e, lon: 30.1, lat: 50, area_km2: 10, control: red }
          edges: [ { from: w, to: e, length_km: 7 } ]
        units:
          - { id: b, side: blue, at: w, personnel: 1000 }
          - { id: r, side: red, at: e, personnel: 1000 }
        reinforcements:
          - { unit: b, start: 2024-01-01, end: 2024-01-10, per_day: 40 }
          - { unit: b, date: 2024-01-05, personnel: 200 }
          - { unit: r, start: 2024-01-01, end: 2024-01-10, per_day: 40 }
        parameters:
          ground: { positional_intensity: 0 }
          logistics: { replacement_scale: { blue: {{blueScale.ToString("R", CultureInfo.InvariantCulture)}} } }
        """);

    private static (float Blue, float Red) FinalPersonnel(CompiledScenario c)
    {
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];
        new Simulation(c).Run(1, 0, metrics, daily);
        int last = c.Days - 1;
        return (daily[c.Layout.SeriesIndex("personnel.blue") * c.Days + last], daily[c.Layout.SeriesIndex("personnel.red") * c.Days + last]);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(0.0)]
    [InlineData(2.0)]
    public void BlueReplacements_AreScaled_RedsAreNot(double scale)
    {
        var (blue, red) = FinalPersonnel(Quiet(scale));
        Assert.Equal(1000 + scale * (40 * 10 + 200), blue, 0.01);   // ten days of 40 a day and the draft of 200
        Assert.Equal(1000 + 40 * 10, red, 0.01);
    }
}
