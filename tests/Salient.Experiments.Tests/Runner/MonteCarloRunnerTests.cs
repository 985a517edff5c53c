using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Statistics;
using Salient.Testing;
using Xunit;

namespace Salient.Experiments.Tests.Runner;

public class MonteCarloRunnerTests
{
    private static CompiledScenario LineOfTowns() => TestRepository.Compile(TestRepository.LineOfTowns);

    [Fact]
    public void Run_OneOrTwoOrFiveThreads_BitIdenticalResults()
    {
        var c = LineOfTowns();
        var one = MonteCarloRunner.Run(c, new RunOptions(40, 17, 1));
        var two = MonteCarloRunner.Run(c, new RunOptions(40, 17, 2));
        var five = MonteCarloRunner.Run(c, new RunOptions(40, 17, 5));
        Assert.True(one.Metrics.SequenceEqual(two.Metrics));
        Assert.True(one.Metrics.SequenceEqual(five.Metrics));
        Assert.True(one.Daily.SequenceEqual(two.Daily));
        Assert.True(one.Daily.SequenceEqual(five.Daily));
    }

    [Fact]
    public void Run_ReportsEveryReplicationOnce()
    {
        var c = LineOfTowns();
        int calls = 0, max = 0;
        MonteCarloRunner.Run(c, new RunOptions(25, 1, 2), done => { Interlocked.Increment(ref calls); InterlockedMax(ref max, done); });
        Assert.Equal(25, calls);
        Assert.Equal(25, max);
    }

    [Fact]
    public void Run_DifferentSeeds_DifferentResults()
    {
        var c = LineOfTowns();
        var a = MonteCarloRunner.Run(c, new RunOptions(20, 1, 1));
        var b = MonteCarloRunner.Run(c, new RunOptions(20, 2, 1));
        Assert.False(a.Metrics.SequenceEqual(b.Metrics));
    }

    [Fact]
    public void Run_InvalidOptions_Throw()
    {
        var c = LineOfTowns();
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloRunner.Run(c, new RunOptions(0, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloRunner.Run(c, new RunOptions(1, 1, 0)));
    }

    [Fact]
    public void Summary_PercentilesFollowR7_AndEventsReportProbability()
    {
        var c = LineOfTowns();
        var result = MonteCarloRunner.Run(c, new RunOptions(50, 3, 2));
        var summary = RunSummary.From(result);
        int i = c.Layout.MetricIndex("casualties.total.blue");
        var column = result.MetricColumn(i).OrderBy(x => x).ToArray();
        // h = (n - 1) p; interpolate between the order statistics around h.
        double h = (column.Length - 1) * 0.05;
        double expected = column[(int)h] + (h - (int)h) * (column[(int)h + 1] - column[(int)h]);
        var m = summary.Metric("casualties.total.blue")!;
        Assert.Equal(expected, m.P05, 9);
        Assert.Equal(column.Average(), m.Mean, 9);
        var capture = summary.Metric("capture.mid.blue")!;
        Assert.Equal(MetricKind.Day, capture.Kind);
        Assert.InRange(capture.Probability, 0, 1);
        Assert.Equal(summary.Daily.Length, c.Layout.Series.Length);
        Assert.All(summary.Daily, b => Assert.Equal(c.Days, b.P50.Length));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
