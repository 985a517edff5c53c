using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Experiments.Statistics;
using Salient.Testing;
using Xunit;

namespace Salient.Experiments.Tests.Sharding;

public class ShardedRunTests
{
    private static readonly Lazy<CompiledScenario> Scenario = new(() => TestRepository.Compile(TestRepository.LineOfTowns));

    private sealed class ListSink : IReplicationSink
    {
        public List<int> Order { get; } = [];
        public List<double> Metrics { get; } = [];
        public List<float> Daily { get; } = [];

        public void Write(int replication, ReadOnlySpan<double> metrics, ReadOnlySpan<float> daily)
        {
            Order.Add(replication);
            Metrics.AddRange(metrics.ToArray());
            Daily.AddRange(daily.ToArray());
        }
    }

    [Fact]
    public void RangeRun_EqualsTheSameSliceOfTheWholeRun()
    {
        var c = Scenario.Value;
        var whole = MonteCarloRunner.Run(c, new RunOptions(30, 11, 2));
        var slice = MonteCarloRunner.Run(c, new RunOptions(30, 11, 2), new ReplicationRange(10, 12));
        int width = c.Layout.Metrics.Length, block = c.Layout.DailyLength;
        Assert.Equal(10, slice.FirstReplication);
        Assert.Equal(12, slice.Replications);
        Assert.True(whole.Metrics.Slice(10 * width, 12 * width).SequenceEqual(slice.Metrics));
        Assert.True(whole.Daily.Slice(10 * block, 12 * block).SequenceEqual(slice.Daily));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Stream_DeliversInReplicationOrder_IdenticalToTheInMemoryRun(int threads)
    {
        var c = Scenario.Value;
        var whole = MonteCarloRunner.Run(c, new RunOptions(70, 4, 1));
        var sink = new ListSink();
        var tally = MonteCarloRunner.Stream(c, new RunOptions(70, 4, threads), ReplicationRange.All(70), sink);
        Assert.Equal(Enumerable.Range(0, 70), sink.Order);
        Assert.True(whole.Metrics.SequenceEqual(sink.Metrics.ToArray()));
        Assert.True(whole.Daily.SequenceEqual(sink.Daily.ToArray()));
        Assert.True(whole.ControlTally.SequenceEqual(tally));
    }

    [Fact]
    public void ShardsAccumulatedInOrder_GiveTheWholeRunsSummary()
    {
        var c = Scenario.Value;
        var options = new RunOptions(40, 7, 2);
        var expected = RunSummary.From(MonteCarloRunner.Run(c, options));
        var accumulator = new SummaryAccumulator(c.Layout);
        for (int k = 1; k <= 3; k++)
            accumulator.AddAll(MonteCarloRunner.Run(c, options, new ShardSpec(k, 3).RangeOf(40)).Source);
        var merged = accumulator.ToSummary(c, options.Seed);
        Assert.Equal(expected.Replications, merged.Replications);
        for (int i = 0; i < expected.Metrics.Length; i++) Assert.Equal(expected.Metrics[i], merged.Metrics[i]);
        for (int s = 0; s < expected.Daily.Length; s++)
        {
            Assert.Equal(expected.Daily[s].Name, merged.Daily[s].Name);
            Assert.True(expected.Daily[s].P05.SequenceEqual(merged.Daily[s].P05));
            Assert.True(expected.Daily[s].P50.SequenceEqual(merged.Daily[s].P50));
            Assert.True(expected.Daily[s].P95.SequenceEqual(merged.Daily[s].P95));
        }
    }

    [Fact]
    public void Accumulator_RejectsOutOfOrderReplications()
    {
        var c = Scenario.Value;
        var accumulator = new SummaryAccumulator(c.Layout);
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];
        accumulator.Write(3, metrics, daily);
        Assert.Throws<InvalidOperationException>(() => accumulator.Write(5, metrics, daily));
    }

    [Fact]
    public void Summary_MatchesThePreStreamingAlgorithm()
    {
        // The algorithm RunSummary used before streaming: copy each column, keep finite values, LINQ mean, sort, MathNet R-7.
        var c = Scenario.Value;
        var result = MonteCarloRunner.Run(c, new RunOptions(60, 21, 2));
        var summary = RunSummary.From(result);
        for (int i = 0; i < c.Layout.Metrics.Length; i++)
        {
            var present = result.MetricColumn(i).Where(double.IsFinite).ToArray();
            var m = summary.Metrics[i];
            if (present.Length == 0) { Assert.True(double.IsNaN(m.Mean)); continue; }
            Array.Sort(present);
            Assert.Equal(present.Average(), m.Mean);
            Assert.Equal(MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(present, 0.95, MathNet.Numerics.Statistics.QuantileDefinition.R7), m.P95);
        }
        for (int s = 0; s < c.Layout.Series.Length; s++)
            for (int d = 0; d < c.Days; d += 7)
            {
                var column = result.DailyColumn(s, d);
                Array.Sort(column);
                Assert.Equal(MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(column, 0.25, MathNet.Numerics.Statistics.QuantileDefinition.R7), summary.Daily[s].P25[d]);
            }
    }
}
