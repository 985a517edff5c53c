using System.Collections.Immutable;
using MathNet.Numerics.Statistics;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;

namespace Salient.Experiments.Statistics;

/// <summary>A metric over replications: mean and the 5th, 50th and 95th percentiles.</summary>
/// <remarks>Immutable. For <see cref="MetricKind.Day"/> metrics the statistics are over the replications where the
/// event happened (<see cref="Probability"/> of them), in days from the calendar start; all NaN when it never did.</remarks>
public sealed record MetricSummary(string Name, MetricKind Kind, double Mean, double P05, double P50, double P95, double Probability);

/// <summary>A daily series' 5th/25th/50th/75th/95th percentile bands over replications.</summary>
public sealed record DailyBand(string Name, ImmutableArray<double> P05, ImmutableArray<double> P25, ImmutableArray<double> P50, ImmutableArray<double> P75, ImmutableArray<double> P95);

/// <summary>What a run found, summarised: the figures summary.json carries.</summary>
/// <remarks>Immutable. Percentiles use the R-7 definition (linear interpolation between order statistics, as numpy's default),
/// computed over all replications at once, so the summary depends only on the set of per-replication results.</remarks>
public sealed record RunSummary(
    string ScenarioName,
    string ScenarioHash,
    string? Variant,
    ulong Seed,
    int Replications,
    DateOnly Start,
    ImmutableArray<MetricSummary> Metrics,
    ImmutableArray<DailyBand> Daily)
{
    /// <summary>The metric of that name, or null.</summary>
    public MetricSummary? Metric(string name) => Metrics.FirstOrDefault(m => m.Name == name);

    /// <summary>Summarises a run's per-replication results.</summary>
    public static RunSummary From(MonteCarloResult result)
    {
        var layout = result.Layout;
        var metrics = ImmutableArray.CreateBuilder<MetricSummary>();
        for (int i = 0; i < layout.Metrics.Length; i++)
        {
            var info = layout.Metrics[i];
            var column = result.MetricColumn(i);
            var present = column.Where(double.IsFinite).ToArray();
            double probability = (double)present.Length / column.Length;
            metrics.Add(present.Length == 0
                ? new MetricSummary(info.Name, info.Kind, double.NaN, double.NaN, double.NaN, double.NaN, 0)
                : new MetricSummary(info.Name, info.Kind, present.Average(), Q(present, 0.05), Q(present, 0.50), Q(present, 0.95), probability));
        }
        var daily = ImmutableArray.CreateBuilder<DailyBand>();
        for (int s = 0; s < layout.Series.Length; s++)
        {
            var bands = new double[5][];
            for (int b = 0; b < 5; b++) bands[b] = new double[layout.Days];
            for (int d = 0; d < layout.Days; d++)
            {
                var column = result.DailyColumn(s, d);
                Array.Sort(column);
                bands[0][d] = SortedQ(column, 0.05);
                bands[1][d] = SortedQ(column, 0.25);
                bands[2][d] = SortedQ(column, 0.50);
                bands[3][d] = SortedQ(column, 0.75);
                bands[4][d] = SortedQ(column, 0.95);
            }
            daily.Add(new DailyBand(layout.Series[s], [.. bands[0]], [.. bands[1]], [.. bands[2]], [.. bands[3]], [.. bands[4]]));
        }
        var model = result.Scenario.Model;
        return new RunSummary(model.Name, model.Hash, model.Variant, result.Seed, result.Replications, model.Calendar.Start,
            metrics.ToImmutable(), daily.ToImmutable());

        static double Q(double[] values, double tau)
        {
            var copy = (double[])values.Clone();
            Array.Sort(copy);
            return SortedQ(copy, tau);
        }
        static double SortedQ(double[] sorted, double tau) => SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);
    }
}
