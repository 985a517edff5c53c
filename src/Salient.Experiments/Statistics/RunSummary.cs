using System.Collections.Immutable;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;

namespace Salient.Experiments.Statistics;

/// <summary>A metric over replications: mean and the 5th, 50th and 95th percentiles.</summary>
/// <remarks>Immutable. For <see cref="MetricKind.Day"/> metrics the statistics are over the replications where the
/// event happened (<see cref="Probability"/> of them), in days from the calendar start; all NaN when it never did.</remarks>
public sealed record MetricSummary(string Name, MetricKind Kind, double Mean, double P05, double P50, double P95, double Probability);

/// <summary>A daily series' 5th/25th/50th/75th/95th percentile bands over replications.</summary>
public sealed record DailyBand(string Name, ImmutableArray<double> P05, ImmutableArray<double> P25, ImmutableArray<double> P50, ImmutableArray<double> P75, ImmutableArray<double> P95);

/// <summary>What a run found, summarised: the figures summary.json carries.</summary>
/// <remarks>Immutable. Percentiles use the R-7 definition (linear interpolation between order statistics, as numpy's default),
/// computed exactly over all replications (see <see cref="ExactColumn{T}"/>), so the summary depends only on the per-replication results.</remarks>
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
    /// <remarks>Streams the replications in order through a <see cref="SummaryAccumulator"/>: the one code path for
    /// in-memory runs, streamed runs and merged shards, so all give the same bytes.</remarks>
    public static RunSummary From(MonteCarloResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var accumulator = new SummaryAccumulator(result.Layout);
        accumulator.AddAll(result.Source);
        return accumulator.ToSummary(result.Scenario, result.Seed);
    }
}
