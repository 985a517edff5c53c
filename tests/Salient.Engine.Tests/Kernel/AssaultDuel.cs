using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Casualty sums of a one-tick assault duel over many replications, and the Poisson bound they are checked against:
/// summed over n independent replications (each its own counter-based stream) a Poisson(lambda) count is
/// Poisson(n lambda); 6 standard errors make a false failure below 1e-8, with fixed seeds, so checks are deterministic.
/// </summary>
internal static class AssaultDuel
{
    /// <summary>Red's and blue's casualties summed over <paramref name="n"/> replications of <paramref name="seed"/>.</summary>
    public static (double Red, double Blue) Casualties(CompiledScenario c, int n, ulong seed = 11)
    {
        var sim = new Simulation(c);
        var m = new double[c.Layout.Metrics.Length];
        var d = new float[c.Layout.DailyLength];
        int red = c.Layout.MetricIndex(MetricNames.CasualtiesTotal("red"));
        int blue = c.Layout.MetricIndex(MetricNames.CasualtiesTotal("blue"));
        double r = 0, b = 0;
        for (int rep = 0; rep < n; rep++)
        {
            sim.Run(seed, rep, m, d);
            r += m[red];
            b += m[blue];
        }
        return (r, b);
    }

    /// <summary>Asserts that <paramref name="sum"/> of <paramref name="n"/> Poisson counts lies within 6 standard errors of n x <paramref name="expectedMean"/>.</summary>
    public static void AssertPoissonSum(double expectedMean, double sum, int n)
    {
        double mean = n * expectedMean;
        Assert.InRange(sum, mean - 6 * Math.Sqrt(mean), mean + 6 * Math.Sqrt(mean));
    }
}
