namespace Salient.Analysis;

/// <summary>Small descriptive statistics used by sweeps and sensitivity analysis.</summary>
public static class Stats
{
    /// <summary>The R-7 quantile (linear interpolation between order statistics, numpy's default) of a sorted array.</summary>
    /// <param name="sorted">Values in ascending order.</param>
    /// <param name="p">Probability in [0, 1].</param>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return double.NaN;
        double h = (sorted.Count - 1) * Math.Clamp(p, 0, 1);
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Count, mean, p05, p50 and p95 of the finite values of <paramref name="values"/> (NaN when none are finite).</summary>
    public static (int Count, double Mean, double P05, double P50, double P95) Summarise(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return (0, double.NaN, double.NaN, double.NaN, double.NaN);
        Array.Sort(finite);
        return (finite.Length, finite.Average(), Quantile(finite, 0.05), Quantile(finite, 0.50), Quantile(finite, 0.95));
    }
}
