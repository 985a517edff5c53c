using Salient.Engine.Random;
using Salient.Testing;
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
                for (int i = 0; i < 100; i++) // past BinomialTable.HotUses: thresholds from then on
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
        // Windows of 10,000 draws (AllocationWindows): a draw that allocated would spoil every window.
        long sum = 0;
        var windows = AllocationWindows.UntilClean(() =>
        {
            for (int i = 0; i < 10_000; i++) sum += table.Sample(ref rng, i % 100, 0.3);
        });
        Assert.True(AllocationWindows.Clean(windows), AllocationWindows.Describe(windows));
        Assert.True(sum > 0);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.03)]
    [InlineData(1e-6)]
    public void Thresholds_GiveTheSearchesResult_AtEveryBoundary(double p)
    {
        // At each threshold T_x and the double just below it, and at 200 uniforms a row, the count of thresholds
        // <= u (a count of B: draw again) must be what Sampler.Binomial's search gives for that u.
        var table = new BinomialTable();
        var rng = new RandomStream(3, 1, 4);
        for (int n = 1; n <= BinomialTable.MaxTrials; n++)
        {
            if (!(n * p < Sampler.BinomialInversionLimit)) continue;
            var (thresholds, limit) = table.ThresholdsOf(n, p);
            var probes = new List<double>();
            for (int x = 0; x < limit && !double.IsPositiveInfinity(thresholds[x]); x++)
            {
                probes.Add(thresholds[x]);
                if (thresholds[x] > 0) probes.Add(Math.BitDecrement(thresholds[x]));
            }
            for (int i = 0; i < 200; i++) probes.Add(rng.NextDouble());
            probes.Add(0.0);
            probes.Add(Math.BitDecrement(1.0));
            foreach (double u in probes)
            {
                int count = 0;
                foreach (double t in thresholds) count += t <= u ? 1 : 0;
                Assert.Equal(SearchAt(n, p, u), count < limit ? count : -1);
            }
        }
    }

    /// <summary>Sampler.BinomialInversion's search for one uniform u (p &lt;= 0.5): its result, or -1 where it draws again.</summary>
    private static long SearchAt(long n, double p, double u)
    {
        double s = p / (1.0 - p);
        double a = ((double)n + 1.0) * s;
        double pmf = Math.Exp(n * Sampler.Log1P(-p));
        long x = 0;
        while (u >= pmf)
        {
            u -= pmf;
            x++;
            pmf *= (a / x) - s;
            if (x > n || pmf <= 0.0) break;
        }
        return x <= n && pmf > 0.0 ? x : -1;
    }
}
