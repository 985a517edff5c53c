using FsCheck;
using FsCheck.Xunit;
using Salient.Experiments.Sharding;
using Xunit;

namespace Salient.Experiments.Tests.Sharding;

public class ShardSpecTests
{
    [Theory]
    [InlineData("1/3", 1, 3)]
    [InlineData("3/3", 3, 3)]
    [InlineData(" 2/8 ", 2, 8)]
    [InlineData("1/1", 1, 1)]
    public void TryParse_ValidSpecs_Parse(string text, int k, int n)
    {
        Assert.True(ShardSpec.TryParse(text, out var spec, out _));
        Assert.Equal(new ShardSpec(k, n), spec);
    }

    [Theory]
    [InlineData("0/3", "between 1 and 3")]
    [InlineData("4/3", "between 1 and 3")]
    [InlineData("x", "k/N")]
    [InlineData("1/", "k/N")]
    [InlineData("/3", "k/N")]
    [InlineData("-1/3", "k/N")]
    [InlineData("1/0", "between 1 and")]
    [InlineData("1.5/3", "k/N")]
    [InlineData("", "k/N")]
    public void TryParse_BadSpecs_FailWithReason(string text, string reason)
    {
        Assert.False(ShardSpec.TryParse(text, out _, out string error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void RangeOf_FollowsTheFloorFormula()
    {
        Assert.Equal(new ReplicationRange(0, 13), new ShardSpec(1, 3).RangeOf(40));
        Assert.Equal(new ReplicationRange(13, 13), new ShardSpec(2, 3).RangeOf(40));
        Assert.Equal(new ReplicationRange(26, 14), new ShardSpec(3, 3).RangeOf(40));
        Assert.Equal(new ReplicationRange(0, 0), new ShardSpec(1, 4).RangeOf(2));
    }

    [Property(MaxTest = 300)]
    public void Shards_CoverEveryReplicationExactlyOnce(PositiveInt r, PositiveInt n)
    {
        int replications = Math.Min(r.Get, 5_000_000), count = Math.Min(n.Get, 5000);
        int expected = 0;
        for (int k = 1; k <= count; k++)
        {
            var range = new ShardSpec(k, count).RangeOf(replications);
            Assert.Equal(expected, range.Start);
            Assert.InRange(range.Count, replications / count, replications / count + 1);
            expected = range.End;
        }
        Assert.Equal(replications, expected);
    }

    [Fact]
    public void RangeOf_LargestCounts_DoNotOverflow()
    {
        var last = new ShardSpec(ShardSpec.MaxCount, ShardSpec.MaxCount).RangeOf(10_000_000);
        Assert.Equal(10_000_000, last.End);
    }
}
