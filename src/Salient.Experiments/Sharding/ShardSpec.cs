using System.Globalization;

namespace Salient.Experiments.Sharding;

/// <summary>A half-open range of replication indices, <c>[Start, Start + Count)</c>.</summary>
/// <remarks>Immutable. Replication indices, not positions: replication <c>r</c> always draws from the same random
/// streams whichever process or shard plays it.</remarks>
public readonly record struct ReplicationRange(int Start, int Count)
{
    /// <summary>One past the last replication in the range.</summary>
    public int End => Start + Count;

    /// <summary>Every replication of a run of <paramref name="replications"/>.</summary>
    public static ReplicationRange All(int replications) => new(0, replications);

    /// <summary>Whether the range is non-empty and lies within <c>[0, replications)</c>.</summary>
    public bool IsWithin(int replications) => Start >= 0 && Count > 0 && (long)Start + Count <= replications;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Start}, {End})");
}

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (1-based, as <c>--shard k/N</c> reads): the k-th of N disjoint,
/// contiguous slices of the replication indices, <c>[floor((k-1)R/N), floor(kR/N))</c>.
/// </summary>
/// <remarks>Immutable. The N slices cover <c>[0, R)</c> exactly once and differ in size by at most one.</remarks>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>Largest shard count accepted.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>The replications this shard plays out of <paramref name="replications"/>. Can be empty when N &gt; R.</summary>
    public ReplicationRange RangeOf(int replications)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replications);
        long start = (long)(Index - 1) * replications / Count;
        long end = (long)Index * replications / Count;
        return new ReplicationRange((int)start, (int)(end - start));
    }

    /// <summary>Parses <c>k/N</c> with <c>1 &lt;= k &lt;= N</c>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? text, out ShardSpec spec, out string error)
    {
        spec = default;
        error = "";
        string t = (text ?? "").Trim();
        int slash = t.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == t.Length - 1
            || !int.TryParse(t.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(t.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            error = $"--shard must be k/N with whole numbers 1 <= k <= N (e.g. 2/8), found '{text}'";
            return false;
        }
        if (n < 1 || n > MaxCount)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"--shard {t}: the shard count N must be between 1 and {MaxCount:N0}");
            return false;
        }
        if (k < 1 || k > n)
        {
            error = $"--shard {t}: the shard index k must be between 1 and {n} (shards are numbered from 1)";
            return false;
        }
        spec = new ShardSpec(k, n);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
