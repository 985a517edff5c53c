using Salient.Engine.Kernel;
using Salient.Engine.Random;
using Salient.Testing;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// The bucket queue of <see cref="DynamicPathField"/>'s search: every entry pushed is popped once, in ascending order of
/// bucket (width half the least cost), and a key pushed below the bucket being popped is popped next.
/// </summary>
public class BucketQueueTests
{
    private static int BucketOf(double key, double leastCost) => (int)(key * (2 / leastCost));

    [Theory]
    [InlineData(1.0, 1u)]
    [InlineData(0.37, 2u)]
    [InlineData(3.9, 3u)]
    public void PopsEveryEntryOnce_InAscendingBuckets(double leastCost, uint seed)
    {
        var rng = new RandomStream(seed, 0, 1);
        var queue = new BucketQueue(2000, leastCost);
        var pushed = new List<(double Key, int Node)>();
        for (int i = 0; i < 500; i++)
        {
            double key = rng.NextDouble() * 200 * leastCost;
            queue.Push(key, i);
            pushed.Add((key, i));
        }
        Assert.Equal(500, queue.Count);
        var popped = new List<(double Key, int Node)>();
        int lastBucket = -1;
        while (queue.Count > 0)
        {
            queue.Pop(out double key, out int node);
            int bucket = BucketOf(key, leastCost);
            Assert.True(bucket >= lastBucket, $"bucket {bucket} after {lastBucket}");
            lastBucket = bucket;
            popped.Add((key, node));
        }
        Assert.Equal(pushed.OrderBy(p => p.Node), popped.OrderBy(p => p.Node));
    }

    [Fact]
    public void AKeyPushedBelowTheCursor_IsPoppedNext()
    {
        var queue = new BucketQueue(16, 1.0);
        queue.Push(10, 1);
        queue.Push(20, 2);
        queue.Pop(out double key, out int node);
        Assert.Equal((10.0, 1), (key, node));
        queue.Push(0.2, 3); // a seed below the bucket just popped
        queue.Pop(out key, out node);
        Assert.Equal((0.2, 3), (key, node));
        queue.Pop(out key, out node);
        Assert.Equal((20.0, 2), (key, node));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Clear_EmptiesIt_AndItIsUsableAgain()
    {
        var queue = new BucketQueue(8, 2.0);
        for (int i = 0; i < 8; i++) queue.Push(i * 3.0, i);
        queue.Pop(out _, out _);
        queue.Clear();
        Assert.Equal(0, queue.Count);
        // The pool starts again from its first entry, so a full capacity fits after the clear.
        for (int i = 0; i < 8; i++) queue.Push(50 - i, i);
        queue.Pop(out double key, out int node);
        Assert.Equal((43.0, 7), (key, node));
    }

    [Fact]
    public void LowerBound_IsAtMostEveryKeyLeft()
    {
        var rng = new RandomStream(7, 0, 1);
        var queue = new BucketQueue(300, 0.7);
        var keys = new List<double>();
        for (int i = 0; i < 300; i++)
        {
            double key = rng.NextDouble() * 90;
            queue.Push(key, i);
            keys.Add(key);
        }
        while (queue.Count > 0)
        {
            double bound = queue.LowerBound;
            Assert.True(keys.TrueForAll(k => bound <= k), $"bound {bound:R} above a key left");
            queue.Pop(out double key, out _);
            keys.Remove(key);
        }
    }

    [Fact]
    public void ForCosts_TakesBucketsOnlyForPositiveCostsWithin64TimesTheLeast()
    {
        double inf = double.PositiveInfinity;
        Assert.NotNull(BucketQueue.ForCosts([1.0, 3.5, inf, 64.0], 8));
        Assert.Null(BucketQueue.ForCosts([1.0, 64.5], 8));
        Assert.Null(BucketQueue.ForCosts([0.0, 1.0], 8));
        Assert.Null(BucketQueue.ForCosts([double.NaN, 1.0], 8));
        Assert.Null(BucketQueue.ForCosts([inf, inf], 8));
    }

    [Fact]
    public void MoreEntriesThanItsCapacity_Throw()
    {
        var queue = new BucketQueue(2, 1.0);
        queue.Push(1, 0);
        queue.Push(2, 1);
        Assert.Throws<InvalidOperationException>(() => queue.Push(3, 2));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void ALeastCostThatIsNotPositiveAndFinite_IsRefused(double leastCost) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BucketQueue(4, leastCost));

    [Fact]
    public void AWarmQueue_AllocatesNothing()
    {
        var queue = new BucketQueue(64, 0.5);
        void Round()
        {
            for (int i = 0; i < 64; i++) queue.Push(i * 0.9, i);
            while (queue.Count > 0) queue.Pop(out _, out _);
        }
        Round(); // grows the bucket array to the largest key
        // Windows of one round each (AllocationWindows): a push or pop that allocated would spoil every window.
        var windows = AllocationWindows.UntilClean(Round);
        Assert.True(AllocationWindows.Clean(windows), AllocationWindows.Describe(windows));
    }
}
