using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;

namespace Salient.Experiments.Runner;

/// <summary>
/// What one run plays: the scenario, the options, the replications of this process (the whole run or a shard's
/// slice) and the checkpoint block size. A pure description: the block boundaries depend on the range and block size
/// only, never on the thread count.
/// </summary>
/// <remarks>Immutable. Block <c>i</c> holds replications <c>[Start + i B, min(Start + (i + 1) B, End))</c>.</remarks>
public sealed record RunPlan(CompiledScenario Scenario, RunOptions Options, ReplicationRange Range, int BlockSize)
{
    /// <summary>How many blocks of <see cref="BlockSize"/> the range has.</summary>
    public int BlockCount => (int)(((long)Range.Count + BlockSize - 1) / BlockSize);

    /// <summary>The replications of block <paramref name="block"/>.</summary>
    public ReplicationRange BlockRange(int block)
    {
        long start = Range.Start + (long)block * BlockSize;
        long end = Math.Min(start + BlockSize, Range.End);
        return new ReplicationRange((int)start, (int)(end - start));
    }
}

/// <summary>
/// Where the blocks of a checkpointed run are kept as they complete (Output keeps them as folders beside the output).
/// The orchestrator plays the blocks the store does not hold yet, then reads all of them back in replication order.
/// </summary>
public interface IBlockStore
{
    /// <summary>Whether block <paramref name="block"/> is complete (written by this run or an interrupted one).</summary>
    bool IsDone(int block);

    /// <summary>
    /// Stores block <paramref name="block"/>: opens a sink for it, lets <paramref name="play"/> stream the block's
    /// replications into it (in order) and return the block's control tally, then commits the block whole.
    /// </summary>
    void Write(int block, ReplicationRange range, Func<IReplicationSink, int[]> play);

    /// <summary>Every block's replications in order, with the summed control tally; every block must be done.</summary>
    (IReplicationSource Source, int[] Tally) ReadAll();
}

/// <summary>
/// The one run orchestrator: plan, then shards/blocks/checkpoints, then a stream of replications in replication order
/// into a result sink. <c>salient run</c> (whole, shard, resumed), <c>merge</c> and the studies that run replications
/// (compare, sweep, sensitivity, the implied-parameter search) all go through it; Output provides the sinks and the
/// block store and makes no simulation calls.
/// </summary>
public static class RunOrchestrator
{
    /// <summary>
    /// Plays <paramref name="plan"/> into <paramref name="sink"/>. Without a <paramref name="store"/> the replications
    /// stream straight into the sink; with one, the blocks it does not hold yet are played and stored first (each as
    /// soon as it completes), then all blocks are streamed, in order, into the sink. Returns the control tally.
    /// The progress callback receives the replications done so far, stored blocks included.
    /// </summary>
    public static int[] Execute(RunPlan plan, IBlockStore? store, IReplicationSink sink, Action<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sink);
        if (store is null) return MonteCarloRunner.Stream(plan.Scenario, plan.Options, plan.Range, sink, progress, cancel);

        int before = 0;
        // The blocks' workers reuse the same simulations rather than building new ones for every block (SimulationPool).
        var pool = new SimulationPool(plan.Scenario);
        for (int b = 0; b < plan.BlockCount; b++)
        {
            int offset = before;
            var range = plan.BlockRange(b);
            if (!store.IsDone(b))
                store.Write(b, range, blockSink => MonteCarloRunner.Stream(plan.Scenario, plan.Options, range, blockSink,
                    progress is null ? null : d => progress(offset + d), cancel, pool));
            before += range.Count;
            progress?.Invoke(before);
        }
        var (source, tally) = store.ReadAll();
        source.WriteAllTo(plan.Scenario.Layout, sink);
        return tally;
    }

    /// <summary>Streams results computed earlier (the shards of a merge, in replication order) into <paramref name="sink"/>.</summary>
    public static void Replay(IReplicationSource source, MetricLayout layout, IReplicationSink sink)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.WriteAllTo(layout, sink);
    }

    /// <summary>
    /// Plays the replications of <paramref name="range"/> one after another on the calling thread with one reused
    /// simulation, handing each to <paramref name="visit"/>: the path of work that is already parallel at a coarser grain
    /// (an ABC-SMC proposal's few replications, its distance computed on the fly).
    /// </summary>
    public static void Inline(CompiledScenario scenario, ulong seed, ReplicationRange range, ReplicationVisitor visit)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(visit);
        var sim = new Engine.Kernel.Simulation(scenario);
        var metrics = new double[scenario.Layout.Metrics.Length];
        var daily = new float[scenario.Layout.DailyLength];
        for (int r = 0; r < range.Count; r++)
        {
            int replication = checked(range.Start + r);
            sim.Run(seed, replication, metrics, daily);
            visit(replication, metrics, daily);
        }
    }

    /// <summary>
    /// Plays a whole run held in memory: the studies' path (compare, sweep, sensitivity, implied parameters), whose runs
    /// are small and whose every replication is needed at once for paired or per-point statistics.
    /// </summary>
    public static MonteCarloResult InMemory(CompiledScenario scenario, RunOptions options, Action<int>? progress = null, CancellationToken cancel = default) =>
        MonteCarloRunner.Run(scenario, options, progress, cancel);
}

/// <summary>Receives one replication's final metrics and daily series (valid only during the call).</summary>
public delegate void ReplicationVisitor(int replication, ReadOnlySpan<double> metrics, ReadOnlySpan<float> daily);

/// <summary>Hands every replication to several sinks in turn (the Parquet file and the summary, in one pass).</summary>
public sealed class TeeSink(params IReplicationSink[] sinks) : IReplicationSink
{
    /// <inheritdoc/>
    public void Write(int replication, ReadOnlySpan<double> metrics, ReadOnlySpan<float> daily)
    {
        foreach (var sink in sinks) sink.Write(replication, metrics, daily);
    }
}
