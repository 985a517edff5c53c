namespace Salient.Experiments.Statistics;

/// <summary>
/// The R-7 quantile (Hyndman-Fan type 7, numpy's default: linear interpolation between order statistics), the one
/// definition every Salient figure uses: summary.json, daily bands, claims, sweeps, sensitivity, calibration and the report.
/// </summary>
/// <remarks>
/// <para>The arithmetic is MathNet's <c>SortedArrayStatistics.QuantileCustom(sorted, tau, R7)</c>: the 1-based position
/// h = (n - 1) tau + 1, then lower + (h - floor(h)) (upper - lower). It is written once here because the evaluation
/// order decides the last bit: the 0-based form (n - 1) tau - floor((n - 1) tau) gives a different fraction for some n,
/// so copies that looked the same gave different bytes.</para>
/// <para>Infinite order statistics propagate: if the upper neighbour is infinite the quantile is infinite, except at a
/// whole position, where it is the order statistic itself (an event percentile past the last happening is infinite, one
/// at it is not). NaN sorts first (as <see cref="Array.Sort{T}(T[])"/> orders it); callers that want finite values filter first.</para>
/// </remarks>
public static class Quantiles
{
    /// <summary>The R-7 quantile <paramref name="p"/> of values sorted ascending; NaN when empty or when p is outside [0, 1].</summary>
    public static double R7(ReadOnlySpan<double> sorted, double p)
    {
        if (!TryLocate(sorted.Length, p, out long lower, out long upper, out double fraction)) return double.NaN;
        return Interpolate(sorted[(int)lower], sorted[(int)upper], fraction);
    }

    /// <summary>The R-7 quantile <paramref name="p"/> of whole numbers sorted ascending (days, counts); NaN when empty.</summary>
    public static double R7(ReadOnlySpan<int> sorted, double p)
    {
        if (!TryLocate(sorted.Length, p, out long lower, out long upper, out double fraction)) return double.NaN;
        return Interpolate(sorted[(int)lower], sorted[(int)upper], fraction);
    }

    /// <summary>The R-7 quantile <paramref name="p"/> of <paramref name="values"/> in any order (sorts a copy).</summary>
    public static double R7OfUnsorted(IEnumerable<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] sorted = [.. values];
        Array.Sort(sorted);
        return R7(sorted, p);
    }

    /// <summary>
    /// Where quantile <paramref name="p"/> of <paramref name="count"/> sorted values lies: the 0-based ranks of the two
    /// order statistics it interpolates between and the fraction of the way from the lower to the upper. False (nothing
    /// to interpolate) when there are no values or p is outside [0, 1] (NaN included). Lets a column that produces order
    /// statistics on demand (<see cref="Sharding.ExactColumn{T}"/>) use the same arithmetic without sorting an array.
    /// </summary>
    public static bool TryLocate(long count, double p, out long lower, out long upper, out double fraction)
    {
        lower = upper = 0;
        fraction = 0;
        if (!(p >= 0d && p <= 1d) || count <= 0) return false;
        if (p == 0d || count == 1) return true;
        if (p == 1d)
        {
            lower = upper = count - 1;
            return true;
        }
        double h = (count - 1) * p + 1d;
        long hf = (long)h;
        lower = Math.Max(hf - 1, 0);
        upper = Math.Min(hf, count - 1);
        fraction = h - hf;
        return true;
    }

    /// <summary>The value <paramref name="fraction"/> of the way from order statistic <paramref name="lower"/> to <paramref name="upper"/> (see the remarks on infinities).</summary>
    public static double Interpolate(double lower, double upper, double fraction) =>
        double.IsInfinity(upper) ? (fraction == 0d ? lower : upper) : lower + fraction * (upper - lower);
}
