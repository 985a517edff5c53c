using Salient.Engine.Random;
using Salient.Testing;
using Xunit;

namespace Salient.Engine.Tests.Random;

/// <summary><see cref="SamplerMemo"/> must give <see cref="Sampler.Binomial"/>'s and <see cref="Sampler.Poisson"/>'s
/// variates bit for bit: each draw and the stream position after it are compared exactly (no tolerance).</summary>
public class SamplerMemoTests
{
    [Fact]
    public void Binomial_EqualsSampler_OverArgumentsSeenAgain()
    {
        // p at and around the symmetry boundary, tiny, degenerate, and shares weight / total as the fires' split forms
        // them; n from 0 to 80 (inversion, and BTRD once n min(p, 1 - p) >= 30). Three rounds: set-ups computed on the
        // first, read (or recomputed after a collision in the direct-mapped table) on the next.
        var ps = new List<double> { 0.0, 1.0, 0.5, 0.4999999999999999, 0.5000000000000001, 0.97, 0.03, 1e-9, 0.999999, 0.3 };
        for (int weight = 1; weight <= 7; weight++)
            for (int total = weight; total <= 23; total += 3)
                ps.Add(Math.Min(1, weight / (double)total));
        var memo = new SamplerMemo();
        var expected = new RandomStream(7, 3, 1);
        var actual = new RandomStream(7, 3, 1);
        for (int round = 0; round < 3; round++)
            foreach (double p in ps)
                for (long n = 0; n <= 80; n++)
                {
                    Assert.Equal(Sampler.Binomial(ref expected, n, p), memo.Binomial(ref actual, n, p));
                    Assert.Equal(expected.WordsUsed, actual.WordsUsed);
                }
    }

    [Fact]
    public void Binomial_EqualsSampler_InterleavedArguments()
    {
        // Arguments changing from call to call, many colliding in the table (more distinct keys than entries).
        var memo = new SamplerMemo();
        var expected = new RandomStream(11, 0, 2);
        var actual = new RandomStream(11, 0, 2);
        var args = new RandomStream(3, 1, 4);
        for (int i = 0; i < 200_000; i++)
        {
            long n = (long)(args.NextDouble() * 60);
            double p = Math.Round(args.NextDouble(), i % 3 == 0 ? 2 : 4);
            Assert.Equal(Sampler.Binomial(ref expected, n, p), memo.Binomial(ref actual, n, p));
            Assert.Equal(expected.WordsUsed, actual.WordsUsed);
        }
    }

    [Fact]
    public void Poisson_EqualsSampler_OverMeansSeenAgain()
    {
        var memo = new SamplerMemo();
        var expected = new RandomStream(5, 2, 3);
        var actual = new RandomStream(5, 2, 3);
        var args = new RandomStream(9, 0, 1);
        double[] fixedMeans = [0.0, 1e-12, 0.5, 9.999999999999998, 10.0, 10.000000000000002, 37.5, 1e6];
        for (int i = 0; i < 100_000; i++)
        {
            double mean = i % 4 == 0 ? fixedMeans[i / 4 % fixedMeans.Length] : Math.Round(args.NextDouble() * 12, 3);
            Assert.Equal(Sampler.Poisson(ref expected, mean), memo.Poisson(ref actual, mean));
            Assert.Equal(expected.WordsUsed, actual.WordsUsed);
        }
    }

    [Fact]
    public void RejectsWhatTheSamplerRejects()
    {
        var memo = new SamplerMemo();
        var rng = new RandomStream(1, 0, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => memo.Binomial(ref rng, -1, 0.3));
        Assert.Throws<ArgumentOutOfRangeException>(() => memo.Binomial(ref rng, 5, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => memo.Binomial(ref rng, 5, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => memo.Binomial(ref rng, 5, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => memo.Binomial(ref rng, Sampler.MaxTrials + 1, 0.3));
        Assert.Throws<ArgumentOutOfRangeException>(() => memo.Poisson(ref rng, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => memo.Poisson(ref rng, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => memo.Poisson(ref rng, double.PositiveInfinity));
    }

    [Fact]
    public void WarmAllocatesNothing()
    {
        var memo = new SamplerMemo();
        var rng = new RandomStream(5, 0, 0);
        long sum = memo.Binomial(ref rng, 10, 0.3) + memo.Poisson(ref rng, 2.5);
        // Windows of 10,000 draws (AllocationWindows): a draw that allocated would spoil every window.
        var windows = AllocationWindows.UntilClean(() =>
        {
            for (int i = 0; i < 10_000; i++) sum += memo.Binomial(ref rng, i % 50, 0.3) + memo.Poisson(ref rng, i % 9 + 0.5);
        });
        Assert.True(AllocationWindows.Clean(windows), AllocationWindows.Describe(windows));
        Assert.True(sum > 0);
    }
}
