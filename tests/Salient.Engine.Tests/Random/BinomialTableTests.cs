using Salient.Engine.Random;
using Xunit;

namespace Salient.Engine.Tests.Random;

/// <summary><see cref="BinomialTable"/> must give <see cref="Sampler.Binomial"/>'s variates bit for bit: each draw and
/// the stream position after it are compared exactly (no tolerance).</summary>
public class BinomialTableTests
{
    [Theory]
    [InlineData(0.3)]          // the default killed share: inversion up to n = 99, BTRD above
    [InlineData(0.5)]          // the symmetry boundary (no flip)
    [InlineData(0.97)]         // through symmetry: n - Binomial(n, 0.03)
    [InlineData(1e-6)]         // tiny p: long searches from a mass near 1
    [InlineData(0.0)]          // degenerate: no draw
    [InlineData(1.0)]          // degenerate: n, no draw
    public void Sample_EqualsSampler_ForEveryN(double p)
    {
        var table = new BinomialTable();
        var expected = new RandomStream(7, 3, 1);
        var actual = new RandomStream(7, 3, 1);
        for (int round = 0; round < 3; round++)   // rows built on the first round, read on the next
            for (long n = 0; n <= BinomialTable.MaxTrials + 20; n++)
                for (int i = 0; i < 20; i++)
                {
                    long want = Sampler.Binomial(ref expected, n, p);
                    long got = table.Sample(ref actual, n, p);
                    Assert.Equal(want, got);
                    Assert.Equal(expected.WordsUsed, actual.WordsUsed);
                }
    }

    [Fact]
    public void Sample_EqualsSampler_WhenPChanges()
    {
        // A p that changes between calls (a scheduled or sampled killed share) starts the rows again.
        var table = new BinomialTable();
        var expected = new RandomStream(11, 0, 2);
        var actual = new RandomStream(11, 0, 2);
        double[] ps = [0.3, 0.25, 0.3, 0.7, 0.3000000000000001, 0.3];
        for (int i = 0; i < 6000; i++)
        {
            double p = ps[i / 7 % ps.Length];
            long n = i * 37 % 90;
            Assert.Equal(Sampler.Binomial(ref expected, n, p), table.Sample(ref actual, n, p));
            Assert.Equal(expected.WordsUsed, actual.WordsUsed);
        }
    }

    [Fact]
    public void Sample_RejectsWhatTheSamplerRejects()
    {
        var table = new BinomialTable();
        var rng = new RandomStream(1, 0, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Sample(ref rng, -1, 0.3));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Sample(ref rng, 5, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Sample(ref rng, 5, double.NaN));
    }

    [Fact]
    public void Sample_WarmAllocatesNothing()
    {
        var table = new BinomialTable();
        var rng = new RandomStream(5, 0, 0);
        for (long n = 0; n <= BinomialTable.MaxTrials; n++) table.Sample(ref rng, n, 0.3);
        long before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (int i = 0; i < 10_000; i++) sum += table.Sample(ref rng, i % 100, 0.3);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }
}
