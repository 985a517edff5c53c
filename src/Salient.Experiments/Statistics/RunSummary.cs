using System.Collections.Immutable;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Scenario.Model;

namespace Salient.Experiments.Statistics;

/// <summary>A metric over replications: mean and the 5th, 50th and 95th percentiles.</summary>
/// <remarks>Immutable. For <see cref="MetricKind.Day"/> metrics the statistics are over the replications where the
/// event happened (<see cref="Probability"/> of them), in days from the calendar start; all NaN when it never did.</remarks>
public sealed record MetricSummary(string Name, MetricKind Kind, double Mean, double P05, double P50, double P95, double Probability);

/// <summary>A daily series' 5th/25th/50th/75th/95th percentile bands over replications, one entry per day from <see cref="Start"/>.</summary>
/// <remarks>Immutable. The one band type: a run's summary holds them, and the report reads them back from summary.json.</remarks>
/// <param name="Name">The series, e.g. <c>control.area_km2.blue</c>.</param>
/// <param name="Start">The day of entry 0.</param>
/// <param name="P05">5th percentile by day.</param>
/// <param name="P25">25th percentile by day.</param>
/// <param name="P50">Median by day.</param>
/// <param name="P75">75th percentile by day.</param>
/// <param name="P95">95th percentile by day.</param>
public sealed record DailyBand(string Name, DateOnly Start, ImmutableArray<double> P05, ImmutableArray<double> P25, ImmutableArray<double> P50, ImmutableArray<double> P75, ImmutableArray<double> P95)
{
    /// <summary>Days in the series.</summary>
    public int Days => P50.Length;

    /// <summary>The date of entry <paramref name="day"/>.</summary>
    public DateOnly Date(int day) => Start.AddDays(day);

    /// <summary>Index of <paramref name="date"/> in the series, or -1 when outside it.</summary>
    public int IndexOf(DateOnly date)
    {
        int i = date.DayNumber - Start.DayNumber;
        return i >= 0 && i < Days ? i : -1;
    }
}

/// <summary>What a run found, summarised: the figures summary.json carries.</summary>
/// <remarks>Immutable. Percentiles use the R-7 definition (linear interpolation between order statistics, as numpy's default),
/// computed exactly over all replications (see <see cref="ExactColumn{T}"/>; in bounded memory, with a replay past its capacity), so the summary depends only on the per-replication results.</remarks>
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
    /// <summary>Set when the scenario's calibration file was fitted to another version of it (summary.json's <c>calibration_stale</c>); null otherwise.</summary>
    public StaleCalibration? StaleCalibration { get; init; }

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
        return accumulator.ToSummary(result.Scenario, result.Seed, result.Source);
    }
}
