using MathNet.Numerics.Distributions;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;

namespace Salient.Experiments.Comparison;

/// <summary>
/// The change one variant makes to one metric, from paired replications: replication r of the variant and of the
/// baseline share every random stream (same seed, same replication, per-quantity input streams), so the difference
/// isolates the variant's effect and its confidence interval is far narrower than for independent runs.
/// </summary>
/// <remarks>Immutable. For event metrics (<see cref="MetricKind.Day"/>) the pairs are the replications in which the
/// event happened in both runs; <see cref="BaselineProbability"/> and <see cref="VariantProbability"/> say how often.</remarks>
public sealed record MetricDifference(
    string Name,
    MetricKind Kind,
    int Pairs,
    double BaselineMean,
    double VariantMean,
    double MeanDifference,
    double Low,
    double High,
    double BaselineProbability,
    double VariantProbability);

/// <summary>Paired differences between a variant and the baseline, with Student-t confidence intervals.</summary>
public static class PairedComparison
{
    /// <summary>Compares every metric the two runs share, in the baseline's metric order.</summary>
    public static IReadOnlyList<MetricDifference> Compare(MonteCarloResult baseline, MonteCarloResult variant, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(variant);
        if (baseline.Seed != variant.Seed || baseline.Replications != variant.Replications)
            throw new ArgumentException("paired comparison needs the same seed and replication count");
        var result = new List<MetricDifference>();
        var layout = baseline.Layout;
        for (int i = 0; i < layout.Metrics.Length; i++)
        {
            var info = layout.Metrics[i];
            int j = variant.Layout.MetricIndex(info.Name);
            if (j < 0) continue;
            var a = baseline.MetricColumn(i);
            var b = variant.MetricColumn(j);
            result.Add(Difference(info, a, b, confidence));
        }
        return result;
    }

    /// <summary>The paired difference of two columns (NaN entries, events that did not happen, are left out pairwise).</summary>
    public static MetricDifference Difference(MetricInfo info, double[] baseline, double[] variant, double confidence = 0.95)
    {
        int n = 0;
        double sumA = 0, sumB = 0, mean = 0, m2 = 0;
        int presentA = 0, presentB = 0;
        for (int r = 0; r < baseline.Length; r++)
        {
            bool okA = double.IsFinite(baseline[r]), okB = double.IsFinite(variant[r]);
            if (okA) presentA++;
            if (okB) presentB++;
            if (!okA || !okB) continue;
            n++;
            sumA += baseline[r];
            sumB += variant[r];
            // Welford's update for the differences: stable, one pass.
            double d = variant[r] - baseline[r];
            double delta = d - mean;
            mean += delta / n;
            m2 += delta * (d - mean);
        }
        double half = double.NaN;
        if (n >= 2)
        {
            double se = Math.Sqrt(m2 / (n - 1) / n);
            half = se == 0 ? 0 : StudentT.InvCDF(0, 1, n - 1, 0.5 + confidence / 2) * se;
        }
        else if (n == 1) half = double.NaN;
        return new MetricDifference(info.Name, info.Kind, n,
            n > 0 ? sumA / n : double.NaN, n > 0 ? sumB / n : double.NaN,
            n > 0 ? mean : double.NaN, n > 0 ? mean - half : double.NaN, n > 0 ? mean + half : double.NaN,
            (double)presentA / baseline.Length, (double)presentB / variant.Length);
    }
}
