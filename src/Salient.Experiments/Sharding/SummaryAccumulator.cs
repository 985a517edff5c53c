using System.Collections.Immutable;
using Salient.Engine.Compilation;
using Salient.Experiments.Statistics;

namespace Salient.Experiments.Sharding;

/// <summary>
/// Builds a <see cref="RunSummary"/> from replications streamed in replication order, holding only what the summary
/// needs: for each metric and each series-day an <see cref="ExactColumn{T}"/> (the distinct values and their counts,
/// or, past its capacity, counts per bucket) and the running sum, so memory is bounded whatever the number of
/// replications. The result is identical, bit for bit, whether the replications came from one process, from shards, or
/// from an array, and whatever the thread count, because it depends only on the values in replication order.
/// </summary>
/// <remarks>Past <see cref="ExactColumn{T}.DefaultExactCapacity"/> distinct values a column's percentiles are selected
/// exactly by replaying the replications (<see cref="OrderStatisticSelection"/>): <see cref="ToSummary"/> then needs them
/// again, which replications.parquet or the in-memory arrays provide.</remarks>
public sealed class SummaryAccumulator : IReplicationSink
{
    private readonly MetricLayout _layout;
    private readonly ExactColumn<double>[] _metrics;
    private readonly ExactColumn<float>[] _daily;
    private int _count;
    private int _next = -1;

    /// <summary>An empty accumulator for <paramref name="layout"/>.</summary>
    public SummaryAccumulator(MetricLayout layout)
        : this(layout, ExactColumn<double>.DefaultExactCapacity)
    {
    }

    /// <summary>An empty accumulator whose columns hold <paramref name="exactCapacity"/> distinct values before they switch to buckets (see <see cref="ExactColumn{T}"/>).</summary>
    public SummaryAccumulator(MetricLayout layout, int exactCapacity, int bucketCapacity = ExactColumn<double>.DefaultBucketCapacity)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        _metrics = new ExactColumn<double>[layout.Metrics.Length];
        for (int i = 0; i < _metrics.Length; i++) _metrics[i] = new ExactColumn<double>(exactCapacity, bucketCapacity);
        _daily = new ExactColumn<float>[layout.DailyLength];
        for (int i = 0; i < _daily.Length; i++) _daily[i] = new ExactColumn<float>(exactCapacity, bucketCapacity);
    }

    /// <summary>Most values one selection pass keeps for a bucket (tests lower it to reach the sub-bucket passes).</summary>
    internal int CollectLimit { get; init; } = OrderStatisticSelection.CollectLimit;

    /// <summary>Bytes one selection pass may hold (tests lower it to force several passes).</summary>
    internal long PassBudgetBytes { get; init; } = OrderStatisticSelection.BudgetBytes;

    /// <summary>Passes over the replications the last <see cref="ToSummary"/> made to select order statistics (0 when every column was held exactly).</summary>
    public int ReplayPasses { get; private set; }

    /// <summary>
    /// The most bytes one replay pass of the last <see cref="ToSummary"/> held in collected values and sub-bucket counts
    /// (0 without a pass): bounded by the pass budget, whatever the number of replications.
    /// </summary>
    public long ReplayPeakBytes { get; private set; }

    /// <summary>Columns holding bucket counts only, whose percentiles <see cref="ToSummary"/> selects by a replay.</summary>
    public int BucketedColumns
    {
        get
        {
            FlushPending();
            return _metrics.Count(c => c.IsBucketed) + _daily.Count(c => c.IsBucketed);
        }
    }

    private void FlushPending()
    {
        foreach (var c in _metrics) c.FlushPending();
        foreach (var c in _daily) c.FlushPending();
    }

    /// <summary>Replications added so far.</summary>
    public int Count => _count;

    /// <summary>Approximate bytes held by the columns.</summary>
    public long StorageBytes => _metrics.Sum(c => c.StorageBytes) + _daily.Sum(c => c.StorageBytes);

    /// <inheritdoc/>
    /// <remarks>Replications must arrive in ascending order without gaps (the mean is a sum in replication order).</remarks>
    public void Write(int replication, ReadOnlySpan<double> metrics, ReadOnlySpan<float> daily)
    {
        if (_next >= 0 && replication != _next)
            throw new InvalidOperationException($"replication {replication} arrived out of order (expected {_next})");
        _next = replication + 1;
        Add(metrics, daily);
    }

    /// <summary>Adds one replication's results.</summary>
    public void Add(ReadOnlySpan<double> metrics, ReadOnlySpan<float> daily)
    {
        if (metrics.Length != _metrics.Length || daily.Length != _daily.Length)
            throw new ArgumentException("the results do not match the layout");
        for (int i = 0; i < metrics.Length; i++)
            if (double.IsFinite(metrics[i])) _metrics[i].Add(metrics[i]);
        // Daily columns are series-major within a replication: column (series, day) is entry series * days + day.
        for (int i = 0; i < daily.Length; i++) _daily[i].Add(daily[i]);
        _count++;
    }

    /// <summary>Adds every replication of <paramref name="source"/>, in order.</summary>
    public void AddAll(IReplicationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.CopyTo(_layout, this);
    }

    /// <summary>The percentiles summary.json gives of a metric.</summary>
    private static readonly double[] MetricTaus = [0.05, 0.50, 0.95];

    /// <summary>The percentiles of the daily bands.</summary>
    private static readonly double[] DailyTaus = [0.05, 0.25, 0.50, 0.75, 0.95];

    /// <summary>
    /// The summary of everything added. <paramref name="replay"/> gives the same replications again, in order, for the
    /// columns that outgrew their exact capacity (none at most <see cref="ExactColumn{T}.DefaultExactCapacity"/> replications).
    /// </summary>
    /// <exception cref="InvalidOperationException">A column is bucketed and <paramref name="replay"/> is null.</exception>
    public RunSummary ToSummary(CompiledScenario scenario, ulong seed, IReplicationSource? replay = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        SelectBucketed(replay);
        var metrics = ImmutableArray.CreateBuilder<MetricSummary>(_metrics.Length);
        for (int i = 0; i < _metrics.Length; i++)
        {
            var info = _layout.Metrics[i];
            var c = _metrics[i];
            metrics.Add(c.Count == 0
                ? new MetricSummary(info.Name, info.Kind, double.NaN, double.NaN, double.NaN, double.NaN, 0)
                : new MetricSummary(info.Name, info.Kind, c.Mean, c.Quantile(0.05), c.Quantile(0.50), c.Quantile(0.95), (double)c.Count / _count));
        }
        var daily = ImmutableArray.CreateBuilder<DailyBand>(_layout.Series.Length);
        int days = _layout.Days;
        for (int s = 0; s < _layout.Series.Length; s++)
        {
            var bands = new double[5][];
            for (int b = 0; b < 5; b++) bands[b] = new double[days];
            for (int d = 0; d < days; d++)
            {
                var c = _daily[s * days + d];
                bands[0][d] = c.Quantile(0.05);
                bands[1][d] = c.Quantile(0.25);
                bands[2][d] = c.Quantile(0.50);
                bands[3][d] = c.Quantile(0.75);
                bands[4][d] = c.Quantile(0.95);
            }
            daily.Add(new DailyBand(_layout.Series[s], scenario.Model.Calendar.Start, [.. bands[0]], [.. bands[1]], [.. bands[2]], [.. bands[3]], [.. bands[4]]));
        }
        var model = scenario.Model;
        return new RunSummary(model.Name, model.Hash, model.Variant, seed, _count, model.Calendar.Start, metrics.MoveToImmutable(), daily.MoveToImmutable())
        {
            StaleCalibration = model.StaleCalibration,
        };
    }

    private void SelectBucketed(IReplicationSource? replay)
    {
        ReplayPasses = 0;
        ReplayPeakBytes = 0;
        FlushPending();
        var requests = new List<OrderStatisticSelection.Request>();
        for (int i = 0; i < _metrics.Length; i++)
            if (_metrics[i].IsBucketed) requests.Add(new(false, i, Ranks(_metrics[i].Count, MetricTaus)));
        for (int i = 0; i < _daily.Length; i++)
            if (_daily[i].IsBucketed) requests.Add(new(true, i, Ranks(_daily[i].Count, DailyTaus)));
        if (requests.Count == 0) return;
        if (replay is null) throw new InvalidOperationException($"{requests.Count} columns outgrew their exact capacity: their percentiles need the replications replayed");
        (ReplayPasses, ReplayPeakBytes) = OrderStatisticSelection.Run(replay, _layout.Metrics.Length, _layout.DailyLength, _metrics, _daily, requests, CollectLimit, PassBudgetBytes);
    }

    private static long[] Ranks(long count, double[] taus)
    {
        var ranks = new SortedSet<long>();
        foreach (double tau in taus)
            if (Quantiles.TryLocate(count, tau, out long lower, out long upper, out _))
            {
                ranks.Add(lower);
                ranks.Add(upper);
            }
        return [.. ranks];
    }
}
