using Salient.Experiments.Runner;
using Salient.Experiments.Statistics;

namespace Salient.Analysis;

/// <summary>Small descriptive statistics used by sweeps and sensitivity analysis.</summary>
public static class Stats
{
    /// <summary>Count, mean, p05, p50 and p95 of the finite values of <paramref name="values"/> (NaN when none are finite).</summary>
    public static (int Count, double Mean, double P05, double P50, double P95) Summarise(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return (0, double.NaN, double.NaN, double.NaN, double.NaN);
        Array.Sort(finite);
        return (finite.Length, finite.Average(), Quantiles.R7(finite, 0.05), Quantiles.R7(finite, 0.50), Quantiles.R7(finite, 0.95));
    }

    /// <summary>
    /// Summary of <paramref name="selector"/> over the replications of <paramref name="result"/>: for day-kind metrics
    /// the replications where the event did not happen count at the censoring day (<see cref="MetricSelector.CensorDay"/>)
    /// and <see cref="ColumnSummary.Censored"/> gives their share; quantities are summarised over their finite values.
    /// </summary>
    public static ColumnSummary Summarise(MetricSelector selector, MonteCarloResult result)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(result);
        var (values, censored) = selector.CensoredColumn(result);
        var (count, mean, p05, p50, p95) = Summarise(values);
        return new ColumnSummary(count, mean, p05, p50, p95, values.Length == 0 ? 0 : (double)censored / values.Length);
    }
}

/// <summary>Count, mean and R-7 percentiles of one metric over replications, with the share of censored replications.</summary>
/// <param name="Count">Replications summarised (finite values, censored ones included).</param>
/// <param name="Mean">Mean.</param>
/// <param name="P05">5th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Censored">Share of replications where a day-kind event did not happen by the end date (0 for quantities).</param>
public sealed record ColumnSummary(int Count, double Mean, double P05, double P50, double P95, double Censored);
