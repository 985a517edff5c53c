using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Experiments.Statistics;
using Salient.Testing;
using Xunit;

namespace Salient.Experiments.Tests.Runner;

public class RunOrchestratorTests
{
    private static CompiledScenario LineOfTowns() => TestRepository.Compile(TestRepository.LineOfTowns);

    [Fact]
    public void Plan_Blocks_CoverTheRangeInOrder()
    {
        // Given a shard [6, 13) in blocks of 3
        var plan = new RunPlan(LineOfTowns(), new RunOptions(20, 1, 1), new ReplicationRange(6, 7), 3);

        // Then the blocks are [6, 9), [9, 12), [12, 13)
        Assert.Equal(3, plan.BlockCount);
        Assert.Equal([new ReplicationRange(6, 3), new ReplicationRange(9, 3), new ReplicationRange(12, 1)], Enumerable.Range(0, 3).Select(plan.BlockRange));
    }

    [Fact]
    public void Execute_WithoutStore_StreamsTheRunInOrder_SameAsInMemory()
    {
        var c = LineOfTowns();
        var options = new RunOptions(23, 5, 2);
        var memory = RunOrchestrator.InMemory(c, options);
        var sink = new Collecting(c.Layout);

        var tally = RunOrchestrator.Execute(new RunPlan(c, options, ReplicationRange.All(23), 23), null, sink);

        Assert.True(sink.Metrics.SequenceEqual(memory.Metrics.ToArray()));
        Assert.True(sink.Daily.SequenceEqual(memory.Daily.ToArray()));
        Assert.Equal(memory.ControlTally.ToArray(), tally);
    }

    [Fact]
    public void Execute_BlocksPartlyDone_PlaysTheRest_AndGivesTheSameSummaryAsOneRun()
    {
        // Given a run of 17 in blocks of 5 whose block 1 was stored by an interrupted run
        var c = LineOfTowns();
        var options = new RunOptions(17, 9, 2);
        var plan = new RunPlan(c, options, ReplicationRange.All(17), 5);
        var store = new MemoryStore(c);
        store.Write(1, plan.BlockRange(1), s => MonteCarloRunner.Stream(c, options, plan.BlockRange(1), s));
        var accumulator = new SummaryAccumulator(c.Layout);
        int last = 0;

        // When the orchestrator finishes it
        var tally = RunOrchestrator.Execute(plan, store, accumulator, d => last = Math.Max(last, d));

        // Then it played only the missing blocks, and the result equals an uninterrupted run's
        Assert.Equal(4, store.Writes);
        Assert.Equal(17, last);
        var whole = MonteCarloRunner.Run(c, options);
        Assert.Equal(RunSummary.From(whole), accumulator.ToSummary(c, options.Seed), new SummaryComparer());
        Assert.Equal(whole.ControlTally.ToArray(), tally);
    }

    [Fact]
    public void Stream_WithAPool_ReusesItsSimulations_AndGivesEachBlockItsOwnResultsAndTally()
    {
        // Given three blocks played one after another through one pool of simulations, on two threads
        var c = LineOfTowns();
        var options = new RunOptions(18, 7, 2);
        var plan = new RunPlan(c, options, ReplicationRange.All(18), 6);
        var pool = new SimulationPool(c);
        for (int b = 0; b < plan.BlockCount; b++)
        {
            var pooled = new Collecting(c.Layout);
            var fresh = new Collecting(c.Layout);
            var pooledTally = MonteCarloRunner.Stream(c, options, plan.BlockRange(b), pooled, pool: pool);
            var freshTally = MonteCarloRunner.Stream(c, options, plan.BlockRange(b), fresh);

            // Then each block's results and control tally are those of fresh simulations (the tally does not carry over)
            Assert.True(pooled.Metrics.SequenceEqual(fresh.Metrics));
            Assert.True(pooled.Daily.SequenceEqual(fresh.Daily));
            Assert.Equal(freshTally, pooledTally);
        }
        // And no more simulations were built than one block's workers
        Assert.InRange(pool.Created, 1, options.Threads);
    }

    [Fact]
    public void TeeSink_HandsEveryReplicationToEachSink()
    {
        var c = LineOfTowns();
        var options = new RunOptions(6, 2, 1);
        var a = new Collecting(c.Layout);
        var b = new Collecting(c.Layout);
        MonteCarloRunner.Stream(c, options, ReplicationRange.All(6), new TeeSink(a, b));
        Assert.True(a.Metrics.SequenceEqual(b.Metrics));
        Assert.Equal(6 * c.Layout.Metrics.Length, a.Metrics.Count);
    }

    /// <summary>Collects streamed replications in arrival order.</summary>
    private sealed class Collecting(MetricLayout layout) : IReplicationSink
    {
        public List<double> Metrics { get; } = [];

        public List<float> Daily { get; } = [];

        public void Write(int replication, ReadOnlySpan<double> metrics, ReadOnlySpan<float> daily)
        {
            Assert.Equal(layout.Metrics.Length, metrics.Length);
            Metrics.AddRange(metrics.ToArray());
            Daily.AddRange(daily.ToArray());
        }
    }

    /// <summary>A block store in memory: each block's replications and tally.</summary>
    private sealed class MemoryStore(CompiledScenario scenario) : IBlockStore
    {
        private readonly SortedDictionary<int, (ReplicationRange Range, Collecting Rows, int[] Tally)> _blocks = [];

        public int Writes { get; private set; }

        public bool IsDone(int block) => _blocks.ContainsKey(block);

        public void Write(int block, ReplicationRange range, Func<IReplicationSink, int[]> play)
        {
            var rows = new Collecting(scenario.Layout);
            _blocks[block] = (range, rows, play(rows));
            Writes++;
        }

        public (IReplicationSource Source, int[] Tally) ReadAll()
        {
            var parts = _blocks.Values.Select(b => (IReplicationSource)new ArrayReplicationSource(scenario.Layout, b.Range.Start, b.Range.Count, [.. b.Rows.Metrics], [.. b.Rows.Daily])).ToList();
            var tally = new int[scenario.Days * scenario.CellCount];
            foreach (var b in _blocks.Values)
                for (int i = 0; i < tally.Length; i++) tally[i] += b.Tally[i];
            return (new ConcatenatedSource(parts), tally);
        }
    }

    /// <summary>Summaries compared by value (their arrays element by element).</summary>
    private sealed class SummaryComparer : IEqualityComparer<RunSummary>
    {
        public bool Equals(RunSummary? x, RunSummary? y) =>
            x is not null && y is not null && x.Replications == y.Replications && x.Metrics.SequenceEqual(y.Metrics)
            && x.Daily.Length == y.Daily.Length && x.Daily.Zip(y.Daily).All(p => p.First.Name == p.Second.Name
                && p.First.P05.SequenceEqual(p.Second.P05) && p.First.P50.SequenceEqual(p.Second.P50) && p.First.P95.SequenceEqual(p.Second.P95)
                && p.First.P25.SequenceEqual(p.Second.P25) && p.First.P75.SequenceEqual(p.Second.P75));

        public int GetHashCode(RunSummary obj) => obj.Replications;
    }
}
