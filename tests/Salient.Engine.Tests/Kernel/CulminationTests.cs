using Xunit;
using Salient.Engine.Compilation;
using Salient.Engine.Kernel;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// An attacker's culmination (docs/model.md, "Culmination of an attack"): blue assaults red once a day for ten days
/// with no break (break ratio 1000, break cohesion 0) and no positional fire, so every casualty comes from an assault.
/// With ground.culmination_loss.blue = θ, blue stops attacking from the first daily tick that starts with its loss
/// fraction at θ or above, and the run is the run without the rule, truncated there: the same draws up to the halt
/// (the exchange draws only while assaults go in), none after it.
/// </summary>
public class CulminationTests
{
    private const int Blue = 3000, Red = 2000, Days = 10;

    private static CompiledScenario Duel(string? theta) =>
        TestScenarios.Compile(TestScenarios.Duel(Blue, Red, days: Days, ground: "positional_intensity: 0\nlethality: { blue: 0.02, red: 0.05 }"
            + (theta is null ? "" : $"\nculmination_loss: {{ blue: {theta} }}")));

    private static (double[] Metrics, float[] Daily, CompiledScenario C) Run(string? theta, int rep)
    {
        var c = Duel(theta);
        var m = new double[c.Layout.Metrics.Length];
        var d = new float[c.Layout.DailyLength];
        new Simulation(c).Run(11, rep, m, d);
        return (m, d, c);
    }

    [Theory]
    [InlineData("0.1", 0.1)]
    [InlineData("0.2", 0.2)]
    [InlineData("0.05", 0.05)]
    public void Attack_HaltsAtTheFirstDayItsLossFractionReachesTheThreshold(string text, double theta)
    {
        for (int rep = 0; rep < 20; rep++)
        {
            var (free, freeDaily, c) = Run(null, rep);
            var (halted, _, _) = Run(text, rep);
            int blueSeries = c.Layout.SeriesIndex(MetricNames.CasualtiesTotal("blue"));
            int redSeries = c.Layout.SeriesIndex(MetricNames.CasualtiesTotal("red"));
            // Without the rule, blue's cumulative casualties at the end of each day (one tick a day). The first day
            // ending at or above θ N0 is the last assault with the rule; every later day's tick sees the halted unit.
            int halt = -1;
            for (int d = 0; d < Days && halt < 0; d++)
                if ((double)freeDaily[(blueSeries * Days) + d] / Blue >= theta) halt = d;
            int ca = c.Layout.MetricIndex(MetricNames.CasualtiesTotal("blue")), cd = c.Layout.MetricIndex(MetricNames.CasualtiesTotal("red"));
            double expectBlue = halt < 0 ? free[ca] : freeDaily[(blueSeries * Days) + halt];
            double expectRed = halt < 0 ? free[cd] : freeDaily[(redSeries * Days) + halt];
            // Exact: counts are integers well inside float precision.
            Assert.Equal(expectBlue, halted[ca]);
            Assert.Equal(expectRed, halted[cd]);
            if (halt >= 0) Assert.True(halted[ca] / Blue >= theta);
        }
    }

    [Fact]
    public void Threshold_IsReachedInTheseRuns_SoTheTestAboveIsNotVacuous()
    {
        var (free, _, c) = Run(null, 0);
        Assert.InRange(free[c.Layout.MetricIndex(MetricNames.CasualtiesTotal("blue"))] / Blue, 0.2, 1); // the largest θ above is reached
    }

    [Fact]
    public void ThresholdZero_OutputsIdenticalToTheKeyAbsent()
    {
        for (int rep = 0; rep < 5; rep++)
        {
            var (a, da, _) = Run("0", rep);
            var (b, db, _) = Run(null, rep);
            Assert.Equal(b, a);
            Assert.Equal(db, da);
        }
    }

    [Fact]
    public void AHigherThreshold_NeverHaltsSooner()
    {
        // Same seed and replication: the same exchange draws until the first halt, so the attacker's final losses are
        // non-decreasing in θ, replication by replication.
        string[] thetas = ["0.03", "0.06", "0.1", "0.2", "0.4"];
        for (int rep = 0; rep < 30; rep++)
        {
            double last = -1;
            foreach (string t in thetas)
            {
                var (m, _, c) = Run(t, rep);
                double cas = m[c.Layout.MetricIndex(MetricNames.CasualtiesTotal("blue"))];
                Assert.True(cas >= last, $"rep {rep}: θ {t} gave {cas} < {last}");
                last = cas;
            }
        }
    }
}
