using System.Globalization;
using Salient.Engine.Kernel;
using Salient.Engine.Tests.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Systems;

/// <summary>
/// Fatigue and rotation in the kernel against a hand-written history. Nobody fires (positional intensity 0, no
/// assault), so the history is deterministic and the expectations are exact (tolerance: the float of the daily series).
/// </summary>
public class FatigueKernelTests
{
    private const int Days = 12;

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Blue defends w against red at e; its depot r lies 10 km behind w, out of contact and a tick's march away.</summary>
    private static string Line(double lambda, double floor, double rho, double rotateBelow, double returnAbove = 1) => $$"""
        salient: 1
        name: fatigue
        calendar: { start: 2024-01-01, end: 2024-01-{{Days:00}}, tick_hours: 24 }
        sides: [ { id: blue }, { id: red } ]
        theatre:
          nodes:
            - { id: r, lon: 29.86, lat: 50, area_km2: 10, control: blue }
            - { id: w, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: e, lon: 30.1, lat: 50, area_km2: 10, control: red }
          edges:
            - { from: r, to: w, length_km: 10 }
            - { from: w, to: e, length_km: 7 }
          depots:
            - { id: d, side: blue, at: r }
        units:
          - { id: b, side: blue, at: w, personnel: 1000 }
          - { id: x, side: red, at: e, personnel: 1000 }
        parameters:
          ground: { positional_intensity: 0 }
          fatigue:
            rate_per_day: { blue: {{F(lambda)}} }
            floor: { blue: {{F(floor)}} }
            recovery_per_day: { blue: {{F(rho)}} }
            rotate_below: { blue: {{F(rotateBelow)}} }
            return_above: { blue: {{F(returnAbove)}} }
        """;

    /// <summary>
    /// The rules written out once more, a day a tick: the unit is in contact at w and out of it at r; in the command phase
    /// it rotates out when f &lt; theta (and marches to r that tick) and returns when f &gt;= the return level.
    /// </summary>
    private static (double[] Series, double EngagedDays, int Rotations) Expected(double lambda, double floor, double rho, double theta, double back)
    {
        var series = new double[Days];
        double d = 0, f = 1, engagedDays = 0;
        bool resting = false;
        int rotations = 0;
        for (int day = 0; day < Days; day++)
        {
            if (resting) { if (f >= back) resting = false; }
            else if (f < theta) { resting = true; rotations++; }
            bool engaged = !resting;
            if (engaged) { d += 1; engagedDays += 1; }
            else d = Math.Max(0, d - rho);
            f = Math.Max(floor, Math.Exp(-lambda * d));
            series[day] = f;
        }
        return (series, engagedDays, rotations);
    }

    [Theory]
    [InlineData(0.2, 0.2, 1.0, 0.5, 1.0)]  // worn below 0.5 after four days, rests three, returns fully rested
    [InlineData(0.2, 0.2, 2.0, 0.4, 0.9)]  // rotates a day later, recovers twice as fast, returns at 0.9
    [InlineData(0.1, 0.5, 1.0, 0.0, 1.0)]  // never rotates: decays to the floor
    [InlineData(0.3, 0.6, 1.0, 0.55, 1.0)] // the floor (0.6) stays above the threshold: never rotates
    public void FatigueHistory_MatchesTheClosedForm_RotatesAtTheThreshold(double lambda, double floor, double rho, double theta, double back)
    {
        var c = TestScenarios.Compile(Line(lambda, floor, rho, theta, back));
        var sim = new Simulation(c);
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];
        sim.Run(1, 0, metrics, daily);
        var (series, engaged, rotations) = Expected(lambda, floor, rho, theta, back);
        int s = c.Layout.Series.IndexOf("fatigue.mean.blue");
        Assert.True(s >= 0);
        for (int day = 0; day < Days; day++) Assert.Equal(series[day], daily[s * Days + day], 1e-6);
        Assert.Equal(engaged, metrics[c.Layout.MetricIndex("fatigue.unit_days_engaged.blue")], 1e-12);
        Assert.Equal(rotations, metrics[c.Layout.MetricIndex("fatigue.rotations.blue")]);
        Assert.Equal(0, metrics[c.Layout.MetricIndex("fatigue.rotations.red")]);
        Assert.Equal(engaged, metrics[c.Layout.MetricIndex("fatigue.unit_days_engaged.red")], 1e-12); // in contact exactly when blue is
    }

    [Fact]
    public void Fatigue_WeakensTheAssault_ByTheMultiplier()
    {
        // Blue attacks from w (red's fire 0): red's casualties each day are Poisson(0.02 x 1000 x f_d), f_d the
        // multiplier blue carries into day d: exp(-lambda d) above the floor.
        const int reps = 300;
        string yaml = TestScenarios.Duel(1000, 100000, "positional_intensity: 0\nlethality: { red: 0 }", days: 5)
            .Replace("  ground:", "  fatigue: { rate_per_day: { blue: 0.2 }, floor: { blue: 0.1 } }\n  ground:", StringComparison.Ordinal);
        var c = TestScenarios.Compile(yaml);
        var s = SystemsScenario.Sum(c, reps, 59, "casualties.total.red");
        double perRep = 0;
        for (int d = 0; d < 5; d++) perRep += 0.02 * 1000 * Math.Exp(-0.2 * d);
        double expected = reps * perRep;
        Assert.InRange(s[0], expected - 6 * Math.Sqrt(expected), expected + 6 * Math.Sqrt(expected));
    }
}
