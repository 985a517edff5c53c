using Salient.Engine.Compilation;
using Salient.Engine.Kernel;

namespace Salient.Experiments.Runner;

/// <summary>How many replications to run, from which seed, on how many threads.</summary>
/// <remarks>Immutable. Results never depend on <see cref="Threads"/>: each replication owns its random streams and its output slot.</remarks>
public sealed record RunOptions(int Replications, ulong Seed, int Threads)
{
    /// <summary>Largest replication count a single run accepts; beyond it, results would not fit in memory on a typical machine.</summary>
    public const int MaxReplications = 10_000_000;
}

/// <summary>The raw per-replication results of a Monte Carlo run.</summary>
/// <remarks>Metrics are replication-major (<c>rep * metrics + metric</c>); daily series are replication-major blocks of
/// <see cref="MetricLayout.DailyLength"/> floats, series-major within a block.</remarks>
public sealed class MonteCarloResult(CompiledScenario scenario, ulong seed, int replications, double[] metrics, float[] daily, int[] controlTally)
{
    /// <summary>
    /// Replications in which the first side held each cell at the end of each day, <c>[day * cells + cell]</c>;
    /// divide by <see cref="Replications"/> for the probability (the viewer's and GeoJSON's control maps).
    /// </summary>
    public ReadOnlySpan<int> ControlTally => controlTally;

    public CompiledScenario Scenario { get; } = scenario;
    public ulong Seed { get; } = seed;
    public int Replications { get; } = replications;
    public MetricLayout Layout => Scenario.Layout;

    /// <summary>Final metrics, <c>[replication * Layout.Metrics.Length + metric]</c>.</summary>
    public ReadOnlySpan<double> Metrics => metrics;

    /// <summary>Daily series, <c>[replication * Layout.DailyLength + series * days + day]</c>.</summary>
    public ReadOnlySpan<float> Daily => daily;

    /// <summary>One metric over all replications, in replication order.</summary>
    public double[] MetricColumn(int metric)
    {
        int width = Layout.Metrics.Length;
        var column = new double[Replications];
        for (int r = 0; r < Replications; r++) column[r] = metrics[r * width + metric];
        return column;
    }

    /// <summary>One series' value on one day over all replications.</summary>
    public double[] DailyColumn(int series, int day)
    {
        int block = Layout.DailyLength;
        var column = new double[Replications];
        for (int r = 0; r < Replications; r++) column[r] = daily[r * block + series * Layout.Days + day];
        return column;
    }
}

/// <summary>Runs replications in parallel; the output is bit-identical for any thread count.</summary>
public static class MonteCarloRunner
{
    /// <summary>Runs <see cref="RunOptions.Replications"/> replications, reporting each finished one to <paramref name="progress"/>.</summary>
    public static MonteCarloResult Run(CompiledScenario scenario, RunOptions options, Action<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Replications);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Replications, RunOptions.MaxReplications);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Threads);

        var layout = scenario.Layout;
        int width = layout.Metrics.Length;
        int block = layout.DailyLength;
        var metrics = new double[(long)options.Replications * width];
        var daily = new float[(long)options.Replications * block];
        var tally = new int[scenario.Days * scenario.CellCount];
        int next = -1;
        int done = 0;
        int threads = Math.Min(options.Threads, options.Replications);

        void Worker()
        {
            var sim = new Simulation(scenario);
            int rep;
            while ((rep = Interlocked.Increment(ref next)) < options.Replications)
            {
                cancel.ThrowIfCancellationRequested();
                sim.Run(options.Seed, rep, metrics.AsSpan(rep * width, width), daily.AsSpan(rep * block, block));
                progress?.Invoke(Interlocked.Increment(ref done));
            }
            // Integer addition commutes, so the merged tally does not depend on which worker ran which replication.
            lock (tally)
                for (int i = 0; i < tally.Length; i++) tally[i] += sim.ControlTally[i];
        }

        if (threads == 1) Worker();
        else
        {
            var workers = new Thread[threads];
            Exception? failure = null;
            for (int t = 0; t < threads; t++)
            {
                workers[t] = new Thread(() =>
                {
                    try { Worker(); }
                    catch (Exception ex) { Interlocked.CompareExchange(ref failure, ex, null); Interlocked.Exchange(ref next, options.Replications); }
                }) { IsBackground = true, Name = $"salient-worker-{t}" };
                workers[t].Start();
            }
            foreach (var w in workers) w.Join();
            if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
        return new MonteCarloResult(scenario, options.Seed, options.Replications, metrics, daily, tally);
    }
}
