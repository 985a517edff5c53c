using Xunit;
using Salient.Engine.Compilation;
using Salient.Engine.Kernel;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// A defence's culmination (docs/model.md, "Culmination of a defence"): blue assaults red once a day for ten days with
/// no break (break ratio 1000, break cohesion 0) and no positional fire, so every casualty comes from an assault. With
/// ground.defence_culmination_loss.red = θ, red gives up its cell on the first daily tick after whose exchange its loss
/// fraction is θ or above; until then the run is the run without the rule (the rule draws nothing).
/// </summary>
public class DefenceCulminationTests
{
    private const int Blue = 3000, Red = 2000, Days = 10;

    private const string Fire = "positional_intensity: 0\nlethality: { blue: 0.05, red: 0.02 }";

    /// <summary>The duel of <see cref="TestScenarios.Duel"/>: red has no own cell behind it, so giving up is an overrun.</summary>
    private static CompiledScenario Duel(string? theta) =>
        TestScenarios.Compile(TestScenarios.Duel(Blue, Red, days: Days, ground: Fire + (theta is null ? "" : $"\ndefence_culmination_loss: {{ red: {theta} }}")));

    /// <summary>As the duel, with a red cell f behind e, so red falls back to f instead of being overrun.</summary>
    private static CompiledScenario Line(string? theta) => TestScenarios.Compile(TestScenarios.Duel(Blue, Red, days: Days, ground: Fire
            + (theta is null ? "" : $"\ndefence_culmination_loss: {{ red: {theta} }}"))
        .Replace("    - { id: e, lon: 30.1, lat: 50, area_km2: 10, control: red }\n",
            "    - { id: e, lon: 30.1, lat: 50, area_km2: 10, control: red }\n    - { id: f, lon: 30.2, lat: 50, area_km2: 10, control: red }\n", StringComparison.Ordinal)
        .Replace("    - { from: w, to: e, length_km: 7 }\n", "    - { from: w, to: e, length_km: 7 }\n    - { from: e, to: f, length_km: 7 }\n", StringComparison.Ordinal));

    private static (double[] Metrics, float[] Daily) Run(CompiledScenario c, int rep)
    {
        var m = new double[c.Layout.Metrics.Length];
        var d = new float[c.Layout.DailyLength];
        new Simulation(c).Run(11, rep, m, d);
        return (m, d);
    }

    /// <summary>The first day whose end-of-day red loss fraction, without the rule, is θ or above (-1: none).</summary>
    private static int GiveUpDay(CompiledScenario c, float[] freeDaily, double theta)
    {
        int redSeries = c.Layout.SeriesIndex(MetricNames.CasualtiesTotal("red"));
        for (int d = 0; d < Days; d++)
            if ((double)freeDaily[(redSeries * Days) + d] / Red >= theta) return d;
        return -1;
    }

    [Theory]
    [InlineData("0.05", 0.05)]
    [InlineData("0.1", 0.1)]
    [InlineData("0.2", 0.2)]
    public void Defence_GivesUpOnTheFirstDayItsLossFractionReachesTheThreshold(string text, double theta)
    {
        var free = Duel(null);
        var rule = Duel(text);
        int ca = free.Layout.MetricIndex(MetricNames.CasualtiesTotal("blue")), cd = free.Layout.MetricIndex(MetricNames.CasualtiesTotal("red"));
        int blueSeries = free.Layout.SeriesIndex(MetricNames.CasualtiesTotal("blue"));
        int gaveUp = 0;
        for (int rep = 0; rep < 20; rep++)
        {
            var (fm, fd) = Run(free, rep);
            var (m, _) = Run(rule, rep);
            int day = GiveUpDay(free, fd, theta);
            if (day < 0)
            {
                Assert.Equal(fm, m);
                continue;
            }
            gaveUp++;
            // Exact: the same exchange draws up to the give-up, then red (no own cell behind) is overrun whole, and with
            // red gone nothing more is fought. Counts are integers well inside float precision.
            Assert.Equal(fd[(blueSeries * Days) + day], m[ca]);
            Assert.Equal(Red, m[cd]);
        }
        Assert.True(gaveUp >= 10, $"only {gaveUp} of 20 replications reached θ {theta}: the test would be nearly vacuous");
    }

    [Fact]
    public void Defence_WithACellBehind_FallsBackInsteadOfBeingOverrun()
    {
        // On the give-up day red's cumulative casualties are the exchange's alone (it fell back to f, it was not
        // overrun), exactly the run without the rule on that day.
        var free = Line(null);
        var rule = Line("0.1");
        int redSeries = free.Layout.SeriesIndex(MetricNames.CasualtiesTotal("red"));
        for (int rep = 0; rep < 10; rep++)
        {
            var (_, fd) = Run(free, rep);
            var (_, d) = Run(rule, rep);
            int day = GiveUpDay(free, fd, 0.1);
            Assert.True(day >= 0);
            Assert.Equal(fd[(redSeries * Days) + day], d[(redSeries * Days) + day]);
            Assert.True(d[(redSeries * Days) + day] < Red);
        }
    }

    [Fact]
    public void ThresholdZero_OutputsIdenticalToTheKeyAbsent()
    {
        var zero = Duel("0");
        var absent = Duel(null);
        for (int rep = 0; rep < 5; rep++)
        {
            var (a, da) = Run(zero, rep);
            var (b, db) = Run(absent, rep);
            Assert.Equal(b, a);
            Assert.Equal(db, da);
        }
    }

    [Fact]
    public void AHigherThreshold_NeverGivesUpSooner()
    {
        // Same seed and replication: the same exchange draws until the defence gives up, so the attacker's final
        // losses are non-decreasing in θ, replication by replication.
        string[] thetas = ["0.02", "0.05", "0.1", "0.2", "0.4", "0.8"];
        var compiled = thetas.Select(Duel).ToArray();
        for (int rep = 0; rep < 30; rep++)
        {
            double last = -1;
            for (int i = 0; i < thetas.Length; i++)
            {
                var (m, _) = Run(compiled[i], rep);
                double cas = m[compiled[i].Layout.MetricIndex(MetricNames.CasualtiesTotal("blue"))];
                Assert.True(cas >= last, $"rep {rep}: θ {thetas[i]} gave {cas} < {last}");
                last = cas;
            }
        }
    }
}
