using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Experiments.Sharding;

namespace Salient.Experiments.Runner;

/// <summary>How many replications to run, from which seed, on how many threads.</summary>
/// <remarks>Immutable. Results never depend on <see cref="Threads"/>: each replication owns its random streams and its output slot.</remarks>
public sealed record RunOptions(int Replications, ulong Seed, int Threads)
{
    /// <summary>Largest replication count a single run accepts; beyond it, results would not fit in memory on a typical machine.</summary>
    public const int MaxReplications = 10_000_000;
}

/// <summary>The raw per-replication results of a Monte Carlo run (or of a contiguous range of its replications).</summary>
/// <remarks>Metrics are replication-major (<c>rep * metrics + metric</c>); daily series are replication-major blocks of
/// <see cref="MetricLayout.DailyLength"/> floats, series-major within a block. The results are held in memory, or read
/// back from a <see cref="IReplicationSource"/> (a Parquet file) for runs too large to hold.</remarks>
public sealed class MonteCarloResult
{
    private readonly int[] _controlTally;

    /// <summary>Results held in memory, replications <c>[0, replications)</c>.</summary>
    public MonteCarloResult(CompiledScenario scenario, ulong seed, int replications, double[] metrics, float[] daily, int[] controlTally)
        : this(scenario, seed, new ArrayReplicationSource(scenario.Layout, 0, replications, metrics, daily), controlTally)
    {
    }

    /// <summary>Results read from <paramref name="source"/>, which holds replications <c>[source.Start, source.Start + source.Count)</c>.</summary>
    public MonteCarloResult(CompiledScenario scenario, ulong seed, IReplicationSource source, int[] controlTally)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(controlTally);
        Scenario = scenario;
        Seed = seed;
        Source = source;
        _controlTally = controlTally;
    }

    /// <summary>
    /// Replications in which the first side held each cell at the end of each day, <c>[day * cells + cell]</c>;
    /// divide by <see cref="Replications"/> for the probability (the viewer's and GeoJSON's control maps).
    /// </summary>
    public ReadOnlySpan<int> ControlTally => _controlTally;

    /// <summary>The compiled scenario the replications ran; its <see cref="CompiledScenario.Layout"/> describes the results.</summary>
    public CompiledScenario Scenario { get; }

    /// <summary>The run's root seed; replication <c>r</c>'s random streams derive from (seed, r, stream id).</summary>
    /// <remarks>A shard's result carries the whole run's seed, not a seed of its own, so merged shards reproduce the run.</remarks>
    public ulong Seed { get; }

    /// <summary>Replications held (all of the run's, except for a shard's result).</summary>
    public int Replications => Source.Count;

    /// <summary>Index of the first replication held (0 except for a shard's result).</summary>
    public int FirstReplication => Source.Start;

    /// <summary>Where the per-replication results live; read them block by block, in replication order.</summary>
    public IReplicationSource Source { get; }

    /// <summary>The metrics and daily series each replication recorded (the scenario's <see cref="CompiledScenario.Layout"/>).</summary>
    public MetricLayout Layout => Scenario.Layout;

    /// <summary>Final metrics, <c>[replication * Layout.Metrics.Length + metric]</c>. Only for results held in memory.</summary>
    public ReadOnlySpan<double> Metrics => InMemory.Metrics;

    /// <summary>Daily series, <c>[replication * Layout.DailyLength + series * days + day]</c>. Only for results held in memory.</summary>
    public ReadOnlySpan<float> Daily => InMemory.Daily;

    private ArrayReplicationSource InMemory => Source as ArrayReplicationSource
        ?? throw new InvalidOperationException("these results are streamed from disk, not held in memory: read them with Source.Blocks()");

    /// <summary>One metric over all replications, in replication order.</summary>
    public double[] MetricColumn(int metric)
    {
        int width = Layout.Metrics.Length;
        var column = new double[Replications];
        foreach (var b in Source.Blocks())
        {
            var values = b.Metrics.Span;
            for (int i = 0; i < b.Count; i++) column[b.Start - FirstReplication + i] = values[i * width + metric];
        }
        return column;
    }

    /// <summary>One series' value on one day over all replications.</summary>
    public double[] DailyColumn(int series, int day)
    {
        int block = Layout.DailyLength;
        var column = new double[Replications];
        foreach (var b in Source.Blocks())
        {
            var values = b.Daily.Span;
            for (int i = 0; i < b.Count; i++) column[b.Start - FirstReplication + i] = values[i * block + series * Layout.Days + day];
        }
        return column;
    }
}

/// <summary>Runs replications in parallel; the output is bit-identical for any thread count.</summary>
public static class MonteCarloRunner
{
    /// <summary>Runs <see cref="RunOptions.Replications"/> replications, reporting each finished one to <paramref name="progress"/>.</summary>
    public static MonteCarloResult Run(CompiledScenario scenario, RunOptions options, Action<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Run(scenario, options, ReplicationRange.All(options.Replications), progress, cancel);
    }

    /// <summary>
    /// Runs only the replications in <paramref name="range"/> (a shard) of a run of <see cref="RunOptions.Replications"/>;
    /// replication <c>r</c> gives the same results as in a run of all of them. The result holds the range's replications.
    /// </summary>
    public static MonteCarloResult Run(CompiledScenario scenario, RunOptions options, ReplicationRange range, Action<int>? progress = null, CancellationToken cancel = default)
    {
        Check(scenario, options, range);
        var layout = scenario.Layout;
        int width = layout.Metrics.Length;
        int block = layout.DailyLength;
        var metrics = new double[(long)range.Count * width];
        var daily = new float[(long)range.Count * block];
        var tally = new int[scenario.Days * scenario.CellCount];
        int next = -1;
        int done = 0;
        int threads = Math.Min(options.Threads, range.Count);

        void Worker()
        {
            var sim = new Simulation(scenario);
            int i;
            while ((i = Interlocked.Increment(ref next)) < range.Count)
            {
                cancel.ThrowIfCancellationRequested();
                sim.Run(options.Seed, range.Start + i, metrics.AsSpan(i * width, width), daily.AsSpan(i * block, block));
                progress?.Invoke(Interlocked.Increment(ref done));
            }
            // Integer addition commutes, so the merged tally does not depend on which worker ran which replication.
            lock (tally)
                for (int t = 0; t < tally.Length; t++) tally[t] += sim.ControlTally[t];
        }

        RunWorkers(threads, Worker, () => Interlocked.Exchange(ref next, range.Count));
        return new MonteCarloResult(scenario, options.Seed, new ArrayReplicationSource(layout, range.Start, range.Count, metrics, daily), tally);
    }

    /// <summary>
    /// Runs the replications in <paramref name="range"/> and hands each one's results to <paramref name="sink"/> in
    /// replication order as soon as every earlier one has finished, holding at most a small window of out-of-order
    /// replications (a few per thread): memory does not grow with the replication count. Returns the control tally.
    /// </summary>
    /// <remarks>The sink is called under a lock, from whichever worker completes the next replication in order. With a
    /// <paramref name="pool"/> (of the same scenario) the workers rent their simulations from it and give them back.</remarks>
    public static int[] Stream(CompiledScenario scenario, RunOptions options, ReplicationRange range, IReplicationSink sink, Action<int>? progress = null, CancellationToken cancel = default,
        SimulationPool? pool = null)
    {
        Check(scenario, options, range);
        ArgumentNullException.ThrowIfNull(sink);
        if (pool is not null && pool.Scenario != scenario) throw new ArgumentException("the pool plays another scenario", nameof(pool));
        var layout = scenario.Layout;
        int width = layout.Metrics.Length;
        int block = layout.DailyLength;
        int threads = Math.Min(options.Threads, range.Count);
        int window = Math.Min(range.Count, Math.Max(64, threads * 16));
        var metrics = new double[(long)window * width];
        var daily = new float[(long)window * block];
        var ready = new bool[window];
        var tally = new int[scenario.Days * scenario.CellCount];
        var gate = new object();
        int claimed = 0, committed = 0, done = 0;
        bool stop = false;

        void Worker()
        {
            var sim = pool?.Rent() ?? new Simulation(scenario);
            while (true)
            {
                int i;
                lock (gate)
                {
                    while (!stop && claimed < range.Count && claimed - committed >= window) Monitor.Wait(gate);
                    if (stop || claimed >= range.Count) break;
                    i = claimed++;
                }
                cancel.ThrowIfCancellationRequested();
                int slot = i % window;
                sim.Run(options.Seed, range.Start + i, metrics.AsSpan(slot * width, width), daily.AsSpan(slot * block, block));
                lock (gate)
                {
                    ready[slot] = true;
                    while (committed < range.Count && ready[committed % window])
                    {
                        int s = committed % window;
                        sink.Write(range.Start + committed, metrics.AsSpan(s * width, width), daily.AsSpan(s * block, block));
                        ready[s] = false;
                        committed++;
                    }
                    Monitor.PulseAll(gate);
                }
                progress?.Invoke(Interlocked.Increment(ref done));
            }
            lock (tally)
                for (int t = 0; t < tally.Length; t++) tally[t] += sim.ControlTally[t];
            pool?.Return(sim);
        }

        RunWorkers(threads, Worker, () => { lock (gate) { stop = true; Monitor.PulseAll(gate); } });
        if (committed != range.Count) throw new InvalidOperationException($"only {committed} of {range.Count} replications were committed");
        return tally;
    }

    private static void Check(CompiledScenario scenario, RunOptions options, ReplicationRange range)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Replications);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Replications, RunOptions.MaxReplications);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Threads);
        if (!range.IsWithin(options.Replications))
            throw new ArgumentOutOfRangeException(nameof(range), range, $"the range must be non-empty and within [0, {options.Replications})");
    }

    /// <summary>Runs <paramref name="worker"/> on <paramref name="threads"/> threads (inline for one); the first failure stops the others and is rethrown.</summary>
    private static void RunWorkers(int threads, Action worker, Action stopOthers)
    {
        if (threads == 1)
        {
            worker();
            return;
        }
        var workers = new Thread[threads];
        Exception? failure = null;
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                try { worker(); }
                catch (Exception ex) { Interlocked.CompareExchange(ref failure, ex, null); stopOthers(); }
            }) { IsBackground = true, Name = $"salient-worker-{t}" };
            workers[t].Start();
        }
        foreach (var w in workers) w.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }
}
