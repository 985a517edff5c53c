using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Experiments.Statistics;
using Salient.Testing;
using Xunit;

namespace Salient.Experiments.Tests.Sharding;

/// <summary>
/// The summary in bounded memory: columns past their exact capacity keep bucket counts only and select their order
/// statistics by replaying the replications, and the summary must equal, bit for bit, the one that kept every value.
/// </summary>
public class BoundedSummaryTests
{
    private static readonly Lazy<CompiledScenario> Scenario = new(() => TestRepository.Compile(TestRepository.LineOfTowns));

    internal static void AssertBitIdentical(RunSummary expected, RunSummary actual)
    {
        Assert.Equal(expected.Replications, actual.Replications);
        for (int i = 0; i < expected.Metrics.Length; i++)
        {
            var (e, a) = (expected.Metrics[i], actual.Metrics[i]);
            Assert.Equal(e.Name, a.Name);
            foreach (var (x, y) in new[] { (e.Mean, a.Mean), (e.P05, a.P05), (e.P50, a.P50), (e.P95, a.P95), (e.Probability, a.Probability) })
                Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits(y));
        }
        for (int s = 0; s < expected.Daily.Length; s++)
        {
            var (e, a) = (expected.Daily[s], actual.Daily[s]);
            foreach (var (x, y) in new[] { (e.P05, a.P05), (e.P25, a.P25), (e.P50, a.P50), (e.P75, a.P75), (e.P95, a.P95) })
                for (int d = 0; d < x.Length; d++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(x[d]), BitConverter.DoubleToInt64Bits(y[d]));
        }
    }

    /// <summary>Synthetic results for the layout: every column a different kind of distribution, with NaN, infinities, signed zeros and subnormals.</summary>
    private static ArrayReplicationSource Synthetic(MetricLayout layout, int n, int seed)
    {
        var rng = new Random(seed);
        int width = layout.Metrics.Length, block = layout.DailyLength;
        var metrics = new double[(long)n * width];
        var daily = new float[(long)n * block];
        double Draw(int column)
        {
            return (column % 7) switch
            {
                0 => rng.NextDouble() * 1000 - 300,                                // continuous, both signs
                1 => rng.Next(40),                                                  // few distinct values: stays exact
                2 => Math.Exp(rng.NextDouble() * 60 - 30),                          // spans many binades
                3 => rng.Next(10) == 0 ? double.NaN : rng.NextDouble(),             // missing values
                4 => rng.Next(20) switch { 0 => double.PositiveInfinity, 1 => double.NegativeInfinity, 2 => -0.0, 3 => 0.0, _ => rng.NextDouble() * 1e-310 },
                5 => rng.Next(3) == 0 ? 5.0 : 5.0 + rng.NextDouble() * 1e-9,        // a point mass and a narrow spread
                _ => Math.Round(rng.NextDouble() * 5000) / 4,                       // repeated, many distinct values
            };
        }
        for (int r = 0; r < n; r++)
        {
            for (int m = 0; m < width; m++) metrics[(long)r * width + m] = Draw(m);
            for (int d = 0; d < block; d++) daily[(long)r * block + d] = (float)Draw(d);
        }
        return new ArrayReplicationSource(layout, 0, n, metrics, daily);
    }

    [Theory]
    [InlineData(512, 256, 65536, 32L << 20)]    // the defaults
    [InlineData(16, 8, 65536, 32L << 20)]       // bucketed early, values collected in one pass
    [InlineData(16, 4, 3, 32L << 20)]           // sub-bucket passes before collecting
    [InlineData(1, 2, 1, 64)]                   // one bucket per pass, the narrowest splits
    public void BoundedColumns_GiveTheSummaryOfEveryValue(int exact, int buckets, int collect, long budget)
    {
        var c = Scenario.Value;
        var source = Synthetic(c.Layout, 3000, exact + buckets);
        var full = new SummaryAccumulator(c.Layout, int.MaxValue);
        full.AddAll(source);
        var bounded = new SummaryAccumulator(c.Layout, exact, buckets) { CollectLimit = collect, PassBudgetBytes = budget };
        bounded.AddAll(source);
        Assert.True(bounded.BucketedColumns > 0);
        AssertBitIdentical(full.ToSummary(c, 1), bounded.ToSummary(c, 1, source));
        Assert.True(bounded.ReplayPasses > 0);
    }

    [Fact]
    public void BoundedColumns_OnARealRun_GiveTheSameSummary()
    {
        var c = Scenario.Value;
        var result = MonteCarloRunner.Run(c, new RunOptions(300, 5, 2));
        var bounded = new SummaryAccumulator(c.Layout, 4, 2) { CollectLimit = 2 };
        bounded.AddAll(result.Source);
        Assert.True(bounded.BucketedColumns > 0);
        AssertBitIdentical(RunSummary.From(result), bounded.ToSummary(c, 5, result.Source));
    }

    [Fact]
    public void AtMostTheExactCapacity_NoColumnIsBucketed_AndNoReplayIsNeeded()
    {
        var c = Scenario.Value;
        var source = Synthetic(c.Layout, ExactColumn<double>.DefaultExactCapacity, 3);
        var accumulator = new SummaryAccumulator(c.Layout);
        accumulator.AddAll(source);
        Assert.Equal(0, accumulator.BucketedColumns);
        accumulator.ToSummary(c, 1);
        Assert.Equal(0, accumulator.ReplayPasses);
    }

    [Fact]
    public void BucketedWithoutAReplay_Throws()
    {
        var c = Scenario.Value;
        var accumulator = new SummaryAccumulator(c.Layout, 4, 2);
        accumulator.AddAll(Synthetic(c.Layout, 50, 4));
        Assert.Throws<InvalidOperationException>(() => accumulator.ToSummary(c, 1));
    }

    [Fact]
    public void AReplayOfOtherValues_IsRefused()
    {
        var c = Scenario.Value;
        var accumulator = new SummaryAccumulator(c.Layout, 4, 2);
        accumulator.AddAll(Synthetic(c.Layout, 50, 4));
        Assert.Throws<InvalidDataException>(() => accumulator.ToSummary(c, 1, Synthetic(c.Layout, 50, 5)));
    }

    [Fact]
    public void ColumnStorage_IsBounded_WhateverTheNumberOfValues()
    {
        // A continuous float column (a daily series) and a double one (a metric): storage reaches its bound by 10^4
        // values and does not grow to 10^6 (the bound: 256 buckets of 16 bytes and a pending buffer of 256 values).
        var rng = new Random(8);
        var f = new ExactColumn<float>();
        var d = new ExactColumn<double>();
        long bound = ExactColumn<double>.DefaultBucketCapacity * 16L + 256 * 8L + 64;
        for (int i = 1; i <= 1_000_000; i++)
        {
            f.Add((float)(rng.NextDouble() * 1e4));
            d.Add(rng.NextDouble() * 1e4);
            if (i is 10_000 or 100_000 or 1_000_000)
            {
                Assert.True(f.StorageBytes <= bound, $"float column at {i}: {f.StorageBytes} bytes");
                Assert.True(d.StorageBytes <= bound, $"double column at {i}: {d.StorageBytes} bytes");
            }
        }
        Assert.True(f.IsBucketed && d.IsBucketed);
    }

    [Fact]
    public void ABucketedColumn_AllocatesAlmostNothingPerValue()
    {
        // Allocation budget (bytes, not time): once bucketed and warm, a value that falls in an existing bucket costs a
        // binary search and a count; new buckets are merged in batches of 256. A per-value allocation of even one small
        // object would cost over 2 MB for these 100,000 values; the budget is 256 kB.
        var rng = new Random(12);
        var column = new ExactColumn<float>();
        for (int i = 0; i < 100_000; i++) column.Add((float)(rng.NextDouble() * 1e4));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++) column.Add((float)(rng.NextDouble() * 1e4));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated <= 256 * 1024, $"{allocated} bytes for 100,000 values");
    }

    [Fact]
    public void Keys_OrderValuesAsArraySortDoes_AndGiveThemBack()
    {
        double[] values = [double.NaN, double.NegativeInfinity, -1e300, -1, -double.Epsilon, -0.0, 0.0, double.Epsilon, 1e-310, 0.5, 1, 1e300, double.PositiveInfinity];
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var byKey = values.OrderBy(ExactColumn<double>.Key).ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(0, sorted[i].CompareTo(byKey[i]));
            double back = ExactColumn<double>.ValueOf(ExactColumn<double>.Key(values[i]));
            Assert.Equal(values[i] == 0 ? 0 : BitConverter.DoubleToInt64Bits(values[i]), back == 0 ? 0 : BitConverter.DoubleToInt64Bits(back));
        }
        float[] floats = [float.NaN, float.NegativeInfinity, -3e38f, -1, -float.Epsilon, -0f, 0f, float.Epsilon, 1e-40f, 0.5f, 1, 3e38f, float.PositiveInfinity];
        var fsorted = (float[])floats.Clone();
        Array.Sort(fsorted);
        var fbyKey = floats.OrderBy(ExactColumn<float>.Key).ToArray();
        for (int i = 0; i < floats.Length; i++)
        {
            Assert.Equal(0, fsorted[i].CompareTo(fbyKey[i]));
            Assert.True(ExactColumn<float>.Key(floats[i]) <= uint.MaxValue);
            double back = ExactColumn<float>.ValueOf(ExactColumn<float>.Key(floats[i]));
            Assert.True(back.Equals((double)floats[i]) || (floats[i] == 0 && back == 0));
        }
    }
}
