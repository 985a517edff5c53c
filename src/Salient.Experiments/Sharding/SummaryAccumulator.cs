using System.Collections.Immutable;
using Salient.Engine.Compilation;
using Salient.Experiments.Statistics;

namespace Salient.Experiments.Sharding;

/// <summary>
/// Builds a <see cref="RunSummary"/> from replications streamed in replication order, holding only what the summary
/// needs: for each metric and each series-day the exact multiset of values (see <see cref="ExactColumn{T}"/>) and the
/// running sum. The result is identical, bit for bit, whether the replications came from one process, from shards, or
/// from an array, and whatever the thread count, because it depends only on the values in replication order.
/// </summary>
public sealed class SummaryAccumulator : IReplicationSink
{
    private readonly MetricLayout _layout;
    private readonly ExactColumn<double>[] _metrics;
    private readonly ExactColumn<float>[] _daily;
    private int _count;
    private int _next = -1;

    /// <summary>An empty accumulator for <paramref name="layout"/>.</summary>
    public SummaryAccumulator(MetricLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        _metrics = new ExactColumn<double>[layout.Metrics.Length];
        for (int i = 0; i < _metrics.Length; i++) _metrics[i] = new ExactColumn<double>();
        _daily = new ExactColumn<float>[layout.DailyLength];
        for (int i = 0; i < _daily.Length; i++) _daily[i] = new ExactColumn<float>();
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

    /// <summary>The summary of everything added.</summary>
    public RunSummary ToSummary(CompiledScenario scenario, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
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
        return new RunSummary(model.Name, model.Hash, model.Variant, seed, _count, model.Calendar.Start, metrics.MoveToImmutable(), daily.MoveToImmutable());
    }
}
