using Salient.Engine.Compilation;

namespace Salient.Experiments.Sharding;

/// <summary>
/// Consecutive replications' results: <see cref="Count"/> replications from <see cref="Start"/>, metrics
/// replication-major (<c>i * metrics + metric</c>) and daily blocks replication-major (<c>i * DailyLength + series * days + day</c>).
/// </summary>
/// <remarks>A view: a source may reuse the buffers for its next block, so copy what must outlive the iteration step.</remarks>
public readonly record struct ReplicationBlock(int Start, int Count, ReadOnlyMemory<double> Metrics, ReadOnlyMemory<float> Daily);

/// <summary>Receives per-replication results in ascending replication order, one at a time.</summary>
public interface IReplicationSink
{
    /// <summary>Takes replication <paramref name="replication"/>'s final metrics and daily series (the spans are only valid during the call).</summary>
    void Write(int replication, ReadOnlySpan<double> metrics, ReadOnlySpan<float> daily);
}

/// <summary>Per-replication results that can be read, in replication order, as often as needed.</summary>
public interface IReplicationSource
{
    /// <summary>The first replication index held.</summary>
    int Start { get; }

    /// <summary>How many consecutive replications are held.</summary>
    int Count { get; }

    /// <summary>The results in ascending replication order, block by block; the blocks cover <c>[Start, Start + Count)</c> without gaps.</summary>
    IEnumerable<ReplicationBlock> Blocks();
}

/// <summary>Results held in memory in two flat arrays.</summary>
public sealed class ArrayReplicationSource : IReplicationSource
{
    private readonly double[] _metrics;
    private readonly float[] _daily;

    /// <summary>Wraps <paramref name="metrics"/> and <paramref name="daily"/> (not copied) for <paramref name="count"/> replications from <paramref name="start"/>.</summary>
    public ArrayReplicationSource(MetricLayout layout, int start, int count, double[] metrics, float[] daily)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(daily);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (metrics.LongLength != (long)count * layout.Metrics.Length || daily.LongLength != (long)count * layout.DailyLength)
            throw new ArgumentException("the arrays do not hold exactly count replications of this layout");
        Start = start;
        Count = count;
        _metrics = metrics;
        _daily = daily;
    }

    /// <inheritdoc/>
    public int Start { get; }

    /// <inheritdoc/>
    public int Count { get; }

    /// <summary>All the metrics, replication-major.</summary>
    public double[] Metrics => _metrics;

    /// <summary>All the daily series, replication-major.</summary>
    public float[] Daily => _daily;

    /// <inheritdoc/>
    public IEnumerable<ReplicationBlock> Blocks()
    {
        if (Count > 0) yield return new ReplicationBlock(Start, Count, _metrics, _daily);
    }
}

/// <summary>Several sources played one after another: the shards of a run, in replication order.</summary>
public sealed class ConcatenatedSource : IReplicationSource
{
    private readonly IReadOnlyList<IReplicationSource> _parts;

    /// <summary>Chains <paramref name="parts"/>, which must be contiguous: each starts where the previous one ends.</summary>
    public ConcatenatedSource(IReadOnlyList<IReplicationSource> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("no sources to chain", nameof(parts));
        for (int i = 1; i < parts.Count; i++)
            if (parts[i].Start != parts[i - 1].Start + parts[i - 1].Count)
                throw new ArgumentException($"source {i} starts at replication {parts[i].Start}, expected {parts[i - 1].Start + parts[i - 1].Count}", nameof(parts));
        _parts = parts;
        Start = parts[0].Start;
        Count = checked(parts[^1].Start + parts[^1].Count - Start);
    }

    /// <inheritdoc/>
    public int Start { get; }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public IEnumerable<ReplicationBlock> Blocks() => _parts.SelectMany(p => p.Blocks());
}

/// <summary>Helpers over sources.</summary>
public static class ReplicationSources
{
    /// <summary>Feeds every replication of <paramref name="source"/> to <paramref name="sink"/> in order.</summary>
    public static void CopyTo(this IReplicationSource source, MetricLayout layout, IReplicationSink sink)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(sink);
        int width = layout.Metrics.Length, block = layout.DailyLength;
        foreach (var b in source.Blocks())
        {
            var metrics = b.Metrics.Span;
            var daily = b.Daily.Span;
            for (int i = 0; i < b.Count; i++)
                sink.Write(b.Start + i, metrics.Slice(i * width, width), daily.Slice(i * block, block));
        }
    }
}
