namespace Salient.Experiments.Sharding;

/// <summary>
/// Finds the exact order statistics that bucketed columns (<see cref="ExactColumn{T}.IsBucketed"/>) need, by replaying
/// the replications: a radix selection in passes over an <see cref="IReplicationSource"/> (replications.parquet, or the
/// arrays of a run held in memory). Each column knows how many of its values lie in each bucket, so the bucket holding a
/// wanted rank and the rank within it are known; a pass keeps only the values falling in that bucket (when there are
/// at most <see cref="CollectLimit"/>) and sorts them, or counts them in 2^12 sub-buckets, which narrows the bucket for
/// the next pass. A pass takes as many buckets as fit in <see cref="BudgetBytes"/>, so memory stays bounded whatever
/// the number of replications; a run with at most <see cref="ExactColumn{T}.DefaultExactCapacity"/> replications has
/// no bucketed column and needs no pass.
/// </summary>
/// <remarks>The result is the same order statistic as sorting the column (a test compares them bit for bit): the keys
/// order values as <see cref="Array.Sort{T}(T[])"/> does and every value of a bucket is looked at.</remarks>
public static class OrderStatisticSelection
{
    /// <summary>Most values a pass keeps for one bucket; a fuller bucket is split into sub-buckets first.</summary>
    public const int CollectLimit = 1 << 16;

    /// <summary>Bytes a pass may hold in collected values and sub-bucket counts (at least one bucket is taken).</summary>
    public const long BudgetBytes = 32L << 20;

    private const int SubBits = 12;

    /// <summary>One column to resolve: its index in the layout's metrics or daily block, and the ranks it needs.</summary>
    internal readonly record struct Request(bool Daily, int Index, long[] Ranks);

    private sealed class Group(bool daily, int index, ulong prefix, int shift, long count, int collectLimit)
    {
        public readonly int CollectLimit = collectLimit;
        public readonly bool Daily = daily;
        public readonly int Index = index;
        public readonly ulong Prefix = prefix;
        public readonly int Shift = shift;
        public readonly long Count = count;
        public readonly List<(long Rank, long Local)> Targets = [];
        /// <summary>Where this group's collected keys start in the pass's shared slab (-1: the group counts sub-buckets).</summary>
        public long Offset = -1;
        public long[]? Sub;
        public int SubShift;
        public long Seen;

        public long Cost => Count <= CollectLimit ? Count * 8 : (1L << Math.Min(Shift, SubBits)) * 8;
    }

    /// <summary>
    /// Selects, by replaying <paramref name="replay"/>, every rank of <paramref name="requests"/> in the accumulator's
    /// bucketed columns, and records them in the columns. Returns the passes made over the replications and the most
    /// bytes one pass held in collected values and sub-bucket counts (at most the budget, or one group's cost when a
    /// single group exceeds it).
    /// </summary>
    /// <exception cref="InvalidDataException">The replay does not hold the values the columns counted.</exception>
    internal static (int Passes, long PeakBytes) Run(IReplicationSource replay, int width, int block, ExactColumn<double>[] metrics, ExactColumn<float>[] daily, IReadOnlyList<Request> requests,
        int collectLimit = CollectLimit, long budgetBytes = BudgetBytes)
    {
        var pending = new List<Group>();
        foreach (var request in requests)
        {
            var groups = new Dictionary<ulong, Group>();
            foreach (long rank in request.Ranks)
            {
                var (prefix, before, count) = request.Daily ? daily[request.Index].Locate(rank) : metrics[request.Index].Locate(rank);
                int shift = request.Daily ? daily[request.Index].Shift : metrics[request.Index].Shift;
                if (!groups.TryGetValue(prefix, out var g)) groups[prefix] = g = new Group(request.Daily, request.Index, prefix, shift, count, collectLimit);
                g.Targets.Add((rank, rank - before));
            }
            foreach (var g in groups.Values) Settle(g, pending, metrics, daily);
        }

        int passes = 0;
        long peak = 0;
        // PERF: one slab, reused by every pass, holds the collected keys of all the pass's groups (each a segment of it):
        // an array per group made large-object garbage of up to the budget on every pass, which the collector left
        // resident (Kursk at 20,000 replications: 95 MB of growth during 4 passes that held 34 MB each).
        ulong[] slab = [];
        while (pending.Count > 0)
        {
            // The groups of this pass, within the budget (always at least one).
            var batch = new List<Group>();
            long used = 0;
            int taken = 0;
            for (; taken < pending.Count; taken++)
            {
                var g = pending[taken];
                if (batch.Count > 0 && used + g.Cost > budgetBytes) break;
                used += g.Cost;
                batch.Add(g);
            }
            pending.RemoveRange(0, taken);
            peak = Math.Max(peak, used);
            long collected = 0;
            foreach (var g in batch)
                if (g.Count <= g.CollectLimit)
                {
                    g.Offset = collected;
                    collected += g.Count;
                }
            if (slab.LongLength < collected) slab = new ulong[Math.Max(collected, Math.Min(2 * slab.LongLength, budgetBytes / 8))];
            foreach (var g in batch)
            {
                if (g.Count <= g.CollectLimit) continue;
                else
                {
                    int bits = Math.Min(g.Shift, SubBits);
                    g.Sub = new long[1 << bits];
                    g.SubShift = g.Shift - bits;
                }
            }
            Pass(replay, width, block, batch, slab);
            passes++;
            foreach (var g in batch) Finish(g, pending, metrics, daily, slab);
        }
        return (passes, peak);
    }

    /// <summary>Resolves a group whose bucket is a single value (shift 0) at once, or queues it for a pass.</summary>
    private static void Settle(Group g, List<Group> pending, ExactColumn<double>[] metrics, ExactColumn<float>[] daily)
    {
        if (g.Shift > 0)
        {
            pending.Add(g);
            return;
        }
        double value = g.Daily ? ExactColumn<float>.ValueOf(g.Prefix) : ExactColumn<double>.ValueOf(g.Prefix);
        foreach (var (rank, _) in g.Targets) Record(g, rank, value, metrics, daily);
    }

    private static void Record(Group g, long rank, double value, ExactColumn<double>[] metrics, ExactColumn<float>[] daily)
    {
        if (g.Daily) daily[g.Index].Select(rank, value);
        else metrics[g.Index].Select(rank, value);
    }

    // PERF: the replay visits every replication once per pass, so the inner loop is a flat scan: the batch's groups are
    // gathered per column (few per column, disjoint buckets), and a value is keyed once and compared by prefix.
    private static void Pass(IReplicationSource replay, int width, int block, List<Group> batch, ulong[] slab)
    {
        var byColumn = batch.GroupBy(g => (g.Daily, g.Index)).Select(c => (c.Key.Daily, c.Key.Index, Groups: c.ToArray())).ToArray();
        foreach (var b in replay.Blocks())
        {
            var m = b.Metrics.Span;
            var d = b.Daily.Span;
            for (int i = 0; i < b.Count; i++)
            {
                foreach (var (isDaily, index, groups) in byColumn)
                {
                    ulong key;
                    if (isDaily) key = ExactColumn<float>.Key(d[i * block + index]);
                    else
                    {
                        double v = m[i * width + index];
                        // Metric columns hold finite values only (SummaryAccumulator.Add).
                        if (!double.IsFinite(v)) continue;
                        key = ExactColumn<double>.Key(v);
                    }
                    foreach (var g in groups)
                    {
                        if (key >> g.Shift != g.Prefix) continue;
                        if (g.Offset >= 0)
                        {
                            if (g.Seen >= g.Count) throw Mismatch();
                            slab[g.Offset + g.Seen] = key;
                        }
                        else g.Sub![(int)((key >> g.SubShift) & (ulong)(g.Sub.Length - 1))]++;
                        g.Seen++;
                        break;
                    }
                }
            }
        }
    }

    private static void Finish(Group g, List<Group> pending, ExactColumn<double>[] metrics, ExactColumn<float>[] daily, ulong[] slab)
    {
        if (g.Seen != g.Count) throw Mismatch();
        if (g.Offset >= 0)
        {
            var keys = slab.AsSpan(checked((int)g.Offset), checked((int)g.Count));
            keys.Sort();
            foreach (var (rank, local) in g.Targets)
                Record(g, rank, g.Daily ? ExactColumn<float>.ValueOf(keys[(int)local]) : ExactColumn<double>.ValueOf(keys[(int)local]), metrics, daily);
            g.Offset = -1;
            return;
        }
        var sub = g.Sub!;
        int bits = g.Shift - g.SubShift;
        var next = new Dictionary<int, Group>();
        foreach (var (rank, local) in g.Targets)
        {
            long before = 0;
            int j = 0;
            while (local >= before + sub[j]) before += sub[j++];
            if (!next.TryGetValue(j, out var child))
                next[j] = child = new Group(g.Daily, g.Index, (g.Prefix << bits) | (uint)j, g.SubShift, sub[j], g.CollectLimit);
            child.Targets.Add((rank, local - before));
        }
        g.Sub = null;
        foreach (var child in next.Values) Settle(child, pending, metrics, daily);
    }

    private static InvalidDataException Mismatch() =>
        new("the replayed replications do not hold the values the summary counted (the replications file changed during the run?)");
}
