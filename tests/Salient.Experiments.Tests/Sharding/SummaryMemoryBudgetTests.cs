using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;
using Salient.Testing;
using Xunit;

namespace Salient.Experiments.Tests.Sharding;

/// <summary>
/// The memory budget of a run's aggregation (issue 16: peak memory must not grow with the number of replications),
/// asserted in bytes: the summary's retained state and the bytes one replay pass holds are bounded by constants of the
/// layout, the same at N and 4N replications; what grows with the count is only the number of replay passes.
/// </summary>
public class SummaryMemoryBudgetTests
{
    private static readonly Lazy<CompiledScenario> Scenario = new(() => TestRepository.Compile(TestRepository.LineOfTowns));

    /// <summary>
    /// Every value distinct (the worst case for the summary: each column outgrows its histogram), generated again on each
    /// enumeration so that the source itself holds one block, like replications.parquet read row group by row group.
    /// </summary>
    private sealed class DistinctSource(MetricLayout layout, int count) : IReplicationSource
    {
        public int Start => 0;

        public int Count => count;

        public IEnumerable<ReplicationBlock> Blocks()
        {
            const int Rows = 128;
            int width = layout.Metrics.Length, block = layout.DailyLength;
            var metrics = new double[Rows * width];
            var daily = new float[Rows * block];
            for (int start = 0; start < count; start += Rows)
            {
                int n = Math.Min(Rows, count - start);
                for (int i = 0; i < n; i++)
                {
                    for (int c = 0; c < width; c++) metrics[i * width + c] = Unit(start + i, c) * 1000 - 200;
                    for (int c = 0; c < block; c++) daily[i * block + c] = (float)(Unit(start + i, width + c) * 5000);
                }
                yield return new ReplicationBlock(start, n, metrics.AsMemory(0, n * width), daily.AsMemory(0, n * block));
            }
        }

        /// <summary>A value in [0, 1) from (replication, column): SplitMix64's finaliser.</summary>
        private static double Unit(int replication, int column)
        {
            ulong x = ((ulong)(uint)replication << 32 | (uint)column) * 0x9E3779B97F4A7C15ul;
            x ^= x >> 30;
            x *= 0xBF58476D1CE4E5B9ul;
            x ^= x >> 27;
            x *= 0x94D049BB133111EBul;
            x ^= x >> 31;
            return (x >> 11) * (1.0 / (1ul << 53));
        }
    }

    [Fact]
    public void RetainedBytes_DoNotGrowFromNTo4N()
    {
        var c = Scenario.Value;
        var layout = c.Layout;
        int columns = layout.Metrics.Length + layout.DailyLength;
        // A bucketed column holds at most its buckets (a key and a count, 16 bytes each) and a pending buffer of at most
        // 256 values of 8 bytes or fewer: the bound depends on the layout only, not on the number of replications.
        long bound = columns * (ExactColumn<double>.DefaultBucketCapacity * 16L + 256 * 8L);
        const long Budget = 64 << 10;
        const int Collect = 1 << 10;
        var passes = new List<int>();
        foreach (int n in new[] { 1_500, 6_000 })
        {
            var source = new DistinctSource(layout, n);
            var bounded = new SummaryAccumulator(layout) { CollectLimit = Collect, PassBudgetBytes = Budget };
            bounded.AddAll(source);
            Assert.Equal(columns, bounded.BucketedColumns);
            Assert.True(bounded.StorageBytes <= bound, $"{n} replications: the summary holds {bounded.StorageBytes} bytes, above its bound {bound}");
            var summary = bounded.ToSummary(c, 1, source);
            // One pass holds at most the budget, or a single group when it alone is larger (collected values or sub-bucket counts).
            Assert.InRange(bounded.ReplayPeakBytes, 1, Math.Max(Budget, Math.Max(Collect * 8L, 4096 * 8L)));
            passes.Add(bounded.ReplayPasses);
            if (n == 6_000)
            {
                // Still exact: the summary of every value held in memory, bit for bit.
                var full = new SummaryAccumulator(layout, int.MaxValue);
                full.AddAll(source);
                BoundedSummaryTests.AssertBitIdentical(full.ToSummary(c, 1), summary);
            }
        }
        // The larger run pays in passes over the replications, not in memory.
        Assert.True(passes[1] > passes[0], $"passes {passes[0]} then {passes[1]}");
    }
}
