using Xunit;
using Salient.Engine.Compilation;
using Salient.Engine.Kernel;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// The probabilistic break (docs/model.md, "Probabilistic break"): blue assaults red for one daily tick with no
/// fire at all (lethality 0, positional intensity 0; break cohesion 0 unless a test sets it), so the only way red loses anyone is a break
/// (red has no cell to fall back to, so a break is an overrun of its whole personnel). The effective ratio is then
/// exactly A / D (M = 1), and red breaks with probability 1 / (1 + (b D / A)^(1/s)).
/// </summary>
public class GroundBreakTests
{
    private static CompiledScenario Duel(int blue, int red, double breakRatio, double softness, double breakCohesion = 0) =>
        TestScenarios.Compile(TestScenarios.Duel(blue, red, ground: $"positional_intensity: 0\nlethality: {{ blue: 0, red: 0 }}\nbreak_softness: {softness.ToString(System.Globalization.CultureInfo.InvariantCulture)}")
            .Replace("break_ratio: 1000", "break_ratio: " + breakRatio.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("break_cohesion: 0", "break_cohesion: " + breakCohesion.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>Whether red broke in replication <paramref name="rep"/> of seed 7.</summary>
    private static bool Broke(CompiledScenario c, Simulation sim, double[] metrics, float[] daily, int rep)
    {
        sim.Run(7, rep, metrics, daily);
        return metrics[c.Layout.MetricIndex(MetricNames.CasualtiesTotal("red"))] > 0;
    }

    private static double BreakShare(CompiledScenario c, int replications)
    {
        var sim = new Simulation(c);
        var m = new double[c.Layout.Metrics.Length];
        var d = new float[c.Layout.DailyLength];
        int broke = 0;
        for (int rep = 0; rep < replications; rep++)
            if (Broke(c, sim, m, d, rep)) broke++;
        return broke / (double)replications;
    }

    [Theory]
    [InlineData(2000, 1000, 2.0, 0.5)]   // ratio at b: p = 1/2
    [InlineData(1000, 1000, 3.0, 1.0)]   // p = 1 / (1 + 3) = 0.25
    [InlineData(3000, 1000, 1.5, 0.7)]   // p = 1 / (1 + 0.5^(1/0.7)) = 0.729
    [InlineData(500, 1000, 3.0, 2.0)]    // p = 1 / (1 + 6^0.5) = 0.290
    public void BreakFrequency_MatchesTheLogisticInTheLogRatio(int blue, int red, double b, double s)
    {
        const int N = 2000;
        double expected = 1 / (1 + Math.Pow(b * red / (double)blue, 1 / s));
        double share = BreakShare(Duel(blue, red, b, s), N);
        // Each replication is an independent Bernoulli(p) (its own counter-based stream); 4 binomial standard
        // errors (at most 0.045 at N = 2000) fail a correct implementation about once in 16,000 runs.
        double tol = 4 * Math.Sqrt(expected * (1 - expected) / N);
        Assert.InRange(share, expected - tol, expected + tol);
    }

    [Theory]
    [InlineData(1000, 1000, 1000.0, 1.0, 0.5)]   // cohesion test alone (c = 1): p = 1 / (1 + (1 / 0.5)^(1/1)) = 1/3
    [InlineData(1000, 1000, 1000.0, 2.0, 0.25)]  // p = 1 / (1 + 4^0.5) = 1/3
    [InlineData(2000, 1000, 4.0, 1.0, 0.25)]     // both: x = max(ln(1/2), ln(1/4)) = ln(1/2), p = 1/3
    [InlineData(2000, 1000, 8.0, 1.0, 0.5)]      // both: x = max(ln(1/4), ln(1/2)) = ln(1/2), p = 1/3, now from cohesion
    public void CohesionAndRatioShareOneResolve(int blue, int red, double b, double s, double c)
    {
        // Either test breaks the defence: z* <= max(ln(r / b), ln(c / cbar)) / s, with cbar = 1 (no losses).
        const int N = 2000;
        double x = Math.Max(Math.Log(blue / (double)red / b), Math.Log(c)) / s;
        double expected = 1 / (1 + Math.Exp(-x));
        double share = BreakShare(Duel(blue, red, b, s, c), N);
        double tol = 4 * Math.Sqrt(expected * (1 - expected) / N);
        Assert.InRange(share, expected - tol, expected + tol);
    }

    [Theory]
    [InlineData(2999, false)]
    [InlineData(3000, true)]
    public void SoftnessZero_IsTheThresholdRule(int blue, bool breaks)
    {
        var c = Duel(blue, 1000, 3.0, 0);
        Assert.Equal(breaks ? 1.0 : 0.0, BreakShare(c, 50));
    }

    [Fact]
    public void SoftnessZero_OutputsIdenticalToTheKeyAbsent()
    {
        var with = TestScenarios.Compile(TestScenarios.Duel(3000, 1000, days: 3, tickHours: 6, ground: "positional_intensity: 0.2\nbreak_softness: 0"));
        var without = TestScenarios.Compile(TestScenarios.Duel(3000, 1000, days: 3, tickHours: 6, ground: "positional_intensity: 0.2"));
        for (int rep = 0; rep < 5; rep++)
        {
            var ma = new double[with.Layout.Metrics.Length];
            var mb = new double[without.Layout.Metrics.Length];
            new Simulation(with).Run(3, rep, ma, new float[with.Layout.DailyLength]);
            new Simulation(without).Run(3, rep, mb, new float[without.Layout.DailyLength]);
            Assert.Equal(mb, ma);
        }
    }

    [Fact]
    public void MoreDefenderLossesOrMoreAttackers_NeverLowerTheBreak()
    {
        // Same seed and replication: the same resolve z, so breaking is monotone in A / D replication by replication.
        int[] reds = [1400, 1000, 700, 400];
        int[] blues = [800, 1200, 2000];
        var broke = new bool[blues.Length, reds.Length];
        var sims = blues.Select(bl => reds.Select(r =>
        {
            var c = Duel(bl, r, 2.0, 1.0);
            return (C: c, Sim: new Simulation(c), M: new double[c.Layout.Metrics.Length], D: new float[c.Layout.DailyLength]);
        }).ToArray()).ToArray();
        int breaks = 0;
        for (int rep = 0; rep < 200; rep++)
        {
            for (int i = 0; i < blues.Length; i++)
                for (int j = 0; j < reds.Length; j++)
                {
                    var x = sims[i][j];
                    broke[i, j] = Broke(x.C, x.Sim, x.M, x.D, rep);
                    if (broke[i, j]) breaks++;
                }
            for (int i = 0; i < blues.Length; i++)
                for (int j = 0; j < reds.Length; j++)
                {
                    if (!broke[i, j]) continue;
                    for (int i2 = i; i2 < blues.Length; i2++)         // more attackers
                        for (int j2 = j; j2 < reds.Length; j2++)      // fewer defenders (more losses)
                            Assert.True(broke[i2, j2], $"rep {rep}: broke at {blues[i]} v {reds[j]} but not at {blues[i2]} v {reds[j2]}");
                }
        }
        Assert.InRange(breaks, 200, 200 * 12 - 200); // the grid straddles the threshold, so the check is not vacuous
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.25, -1.0986122886681098)]
    [InlineData(0.9, 2.1972245773362196)]
    public void StandardLogistic_IsTheLogisticQuantile(double q, double z)
    {
        Assert.Equal(z, Simulation.StandardLogistic(q), 12);
        Assert.Equal(q, 1 / (1 + Math.Exp(-z)), 12);
    }
}
