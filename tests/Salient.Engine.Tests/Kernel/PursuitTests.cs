using Xunit;
using Salient.Engine.Compilation;
using Salient.Engine.Kernel;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Pursuit after a break (docs/model.md, "Pursuit after a break"): blue attacks red's front cell with no fire at all
/// (lethality 0, positional intensity 0) and a 3:1 break, so red breaks on the first tick and falls back to its rear
/// cell; every casualty red takes is the pursuit's, X ~ Bin(N, π) recorded under cause overrun.
/// </summary>
public class PursuitTests
{
    private static CompiledScenario Line(string pursuit) => TestScenarios.Compile($$"""
        salient: 1
        name: pursuit
        calendar: { start: 2024-01-01, end: 2024-01-01, tick_hours: 24 }
        sides:
          - { id: blue, doctrine: { attack_ratio: 0 } }
          - { id: red }
        theatre:
          nodes:
            - { id: w, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: e, lon: 30.1, lat: 50, area_km2: 10, control: red }
            - { id: r, lon: 30.2, lat: 50, area_km2: 10, control: red }
          edges:
            - { from: w, to: e, length_km: 7 }
            - { from: e, to: r, length_km: 7 }
          depots:
            - { id: red-base, side: red, at: r }
        units:
          - { id: b, side: blue, at: w, personnel: 3000 }
          - { id: x, side: red, at: e, personnel: 1000 }
        plans:
          - side: blue
            phases:
              - { name: p, start: 2024-01-01, end: 2024-01-01, posture: attack, objectives: [r] }
        parameters:
          ground:
            break_ratio: 3
            break_cohesion: 0
            support_fraction: 0
            positional_intensity: 0
            lethality: { blue: 0, red: 0 }
        {{pursuit}}
        """);

    private static double[] Run(CompiledScenario c, int rep)
    {
        var m = new double[c.Layout.Metrics.Length];
        new Simulation(c).Run(5, rep, m, new float[c.Layout.DailyLength]);
        return m;
    }

    [Fact]
    public void PursuitLosses_AreBinomialInTheBrokenPersonnel()
    {
        const int N = 1000, R = 400;
        const double pi = 0.3;
        var c = Line($"    pursuit_loss: {{ blue: {pi.ToString(System.Globalization.CultureInfo.InvariantCulture)} }}");
        int total = c.Layout.MetricIndex(MetricNames.CasualtiesTotal("red"));
        int captured = c.Layout.MetricIndex(MetricNames.Casualties("captured", "red"));
        double sum = 0;
        for (int rep = 0; rep < R; rep++)
        {
            var m = Run(c, rep);
            double x = m[total];
            Assert.InRange(x, 1, N);
            Assert.Equal(Math.Round(x * 0.5), m[captured]); // captured_fraction 0.5 (default), rounded like an overrun
            sum += x;
        }
        // The mean of R binomials: sd of the mean sqrt(N pi (1 - pi) / R) = 0.72; 5 sd is 3.6 persons.
        double sd = Math.Sqrt(N * pi * (1 - pi) / R);
        Assert.InRange(sum / R, (N * pi) - (5 * sd), (N * pi) + (5 * sd));
    }

    [Fact]
    public void PursuitOne_DestroysTheBrokenUnit_AndZeroChangesNothing()
    {
        var all = Line("    pursuit_loss: { blue: 1 }");
        Assert.Equal(1000, Run(all, 0)[all.Layout.MetricIndex(MetricNames.CasualtiesTotal("red"))]);
        var off = Line("    pursuit_loss: { blue: 0 }");
        var absent = Line("");
        Assert.Equal(0, Run(absent, 0)[absent.Layout.MetricIndex(MetricNames.CasualtiesTotal("red"))]); // the break alone costs red nothing
        for (int rep = 0; rep < 5; rep++) Assert.Equal(Run(absent, rep), Run(off, rep));
    }

    [Fact]
    public void PursuitDrawsTouchNoOtherStream()
    {
        // The ground stream's words are the same with and without pursuit: its draws come from their own stream.
        var with = Line("    pursuit_loss: { blue: 0.3 }");
        var without = Line("");
        var a = new Simulation(with);
        var b = new Simulation(without);
        a.Run(5, 0, new double[with.Layout.Metrics.Length], new float[with.Layout.DailyLength]);
        b.Run(5, 0, new double[without.Layout.Metrics.Length], new float[without.Layout.DailyLength]);
        Assert.Equal(b.WordsDrawn, a.WordsDrawn);
    }
}
