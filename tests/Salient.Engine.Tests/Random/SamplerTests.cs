using FsCheck;
using FsCheck.Xunit;
using MathNet.Numerics;
using Salient.Engine.Random;
using Salient.Testing;
using Xunit;

namespace Salient.Engine.Tests.Random;

public class SamplerTests
{
    private const ulong Seed = 20_240_601;

    // ~100k draws per distribution keeps the whole class well under a second. It is enough: a chi-square test
    // with N draws has noncentrality N * D, where D = sum (q_k - p_k)^2 / p_k is the chi-square divergence between
    // the sampled pmf q and the true pmf p. With <= ~200 bins the 1e-6 critical value is below ~330, so any
    // defect with D >= 5e-3 (e.g. a location shift of 0.07 sd, a 5% error in the sd, or 2% of the mass in the
    // wrong bin) is rejected with near certainty, while the exact sampler passes.
    private const int Draws = 100_000;

    // Reject goodness of fit only at p < 1e-6: with a fixed seed the tests are deterministic, and if an
    // algorithm or seed change reshuffles the draws, a correct sampler fails with probability 1e-6 per test.
    private const double ChiSquareSignificance = 1e-6;

    // Every pooled bin has expected count >= 20, comfortably above the usual validity rule of 5.
    private const double MinExpectedPerBin = 20.0;

    // Mean checks allow +-6 standard errors (sd / sqrt(N)): two-sided false-alarm probability 2e-9.
    private const double Sigmas = 6.0;

    [Theory]
    [InlineData(20, 0.3)]       // inversion, n p = 6
    [InlineData(1000, 0.02)]    // inversion, n p = 20
    [InlineData(50, 0.97)]      // inversion through symmetry, n (1 - p) = 1.5
    [InlineData(1, 0.5)]        // a single trial
    public void Binomial_InversionBranch_MatchesPmf(long n, double p)
    {
        long[] samples = DrawBinomial(n, p, replication: 1);

        AssertMatchesPmf(samples, 0, n, k => BinomialLogPmf(n, p, k));
        AssertMeanWithin(samples, n * p, Math.Sqrt(n * p * (1 - p)));
    }

    [Theory]
    [InlineData(100, 0.3)]      // BTRD at its threshold, n p = 30
    [InlineData(1000, 0.5)]     // BTRD, symmetric
    [InlineData(1000, 0.97)]    // BTRD through symmetry, n (1 - p) = 30
    [InlineData(100_000, 0.37)] // BTRD, large n: exercises the squeeze and the Stirling-based final test
    public void Binomial_BtrdBranch_MatchesPmf(long n, double p)
    {
        long[] samples = DrawBinomial(n, p, replication: 2);

        AssertMatchesPmf(samples, 0, n, k => BinomialLogPmf(n, p, k));
        AssertMeanWithin(samples, n * p, Math.Sqrt(n * p * (1 - p)));
    }

    [Theory]
    [InlineData(1_000_000_000_000_000, 0.37)]
    [InlineData(Sampler.MaxTrials, 0.5)]
    [InlineData(10_000_000_000_000, 0.999_999)]
    public void Binomial_HugeN_MatchesNormalLimit(long n, double p)
    {
        // Here the pmf is too wide to tabulate, but the continuity-corrected normal CDF matches it per bin to
        // O(skewness) <= 3e-4 relative (n p q >= 1e7), a chi-square divergence ~1e-8, far below what 100k draws
        // can resolve. This exercises BTRD at the top of its range, including n = MaxTrials.
        long[] samples = DrawBinomial(n, p, replication: 3);

        double sd = Math.Sqrt(n * p * (1 - p));
        AssertMatchesNormalLimit(samples, n * p, sd);
        AssertMeanWithin(samples, n * p, sd);
        AssertVarianceWithin(samples, sd * sd);
    }

    [Fact]
    public void Binomial_TinyPHugeN_MatchesPmf()
    {
        // n p = 5 with p = 5e-11: inversion where (1 - p)^n must come from log1p to be accurate.
        const long N = 100_000_000_000;
        const double P = 5e-11;
        long[] samples = DrawBinomial(N, P, replication: 4);

        AssertMatchesPmf(samples, 0, 200, k => BinomialLogPmf(N, P, k));
    }

    [Theory]
    [InlineData(0.5)]   // inversion
    [InlineData(7.0)]   // inversion
    [InlineData(10.0)]  // PTRS at its threshold
    [InlineData(35.5)]  // PTRS
    [InlineData(2500.0)] // PTRS, large mean
    public void Poisson_MatchesPmf(double mean)
    {
        long[] samples = DrawPoisson(mean, replication: 5);

        long upper = (long)(mean + (20 * Math.Sqrt(mean)) + 30);
        AssertMatchesPmf(samples, 0, upper, k => PoissonLogPmf(mean, k));
        AssertMeanWithin(samples, mean, Math.Sqrt(mean));
    }

    [Theory]
    [InlineData(1e12)]
    [InlineData(Sampler.MaxPoissonMean)]
    public void Poisson_HugeMean_MatchesNormalLimit(double mean)
    {
        // As for the binomial: skewness 1 / sd <= 1e-6, so the normal limit is exact for this test's purposes.
        long[] samples = DrawPoisson(mean, replication: 6);

        AssertMatchesNormalLimit(samples, mean, Math.Sqrt(mean));
        AssertMeanWithin(samples, mean, Math.Sqrt(mean));
        AssertVarianceWithin(samples, mean);
    }

    [Fact]
    public void DegenerateArguments_ReturnExactlyAndConsumeNothing()
    {
        var rng = new RandomStream(Seed, 0, StreamIds.Fires);

        Assert.Equal(0, Sampler.Binomial(ref rng, 0, 0.4));
        Assert.Equal(0, Sampler.Binomial(ref rng, 1000, 0.0));
        Assert.Equal(1000, Sampler.Binomial(ref rng, 1000, 1.0));
        Assert.Equal(Sampler.MaxTrials, Sampler.Binomial(ref rng, Sampler.MaxTrials, 1.0));
        Assert.Equal(0, Sampler.Poisson(ref rng, 0.0));
        Assert.Equal(0ul, rng.WordsUsed);
    }

    [Theory]
    [InlineData(-1L, 0.5)]
    [InlineData(long.MinValue, 0.5)]
    [InlineData(Sampler.MaxTrials + 1, 0.5)]
    [InlineData(10L, -0.01)]
    [InlineData(10L, 1.01)]
    [InlineData(10L, double.NaN)]
    [InlineData(10L, double.PositiveInfinity)]
    public void Binomial_InvalidArguments_Throw(long n, double p)
    {
        var rng = new RandomStream(Seed, 0, StreamIds.Fires);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampler.Binomial(ref rng, n, p));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(Sampler.MaxPoissonMean * 2)]
    public void Poisson_InvalidMean_Throws(double mean)
    {
        var rng = new RandomStream(Seed, 0, StreamIds.Fires);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampler.Poisson(ref rng, mean));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Exponential_InvalidRate_Throws(double rate)
    {
        var rng = new RandomStream(Seed, 0, StreamIds.Fires);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampler.Exponential(ref rng, rate));
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Bernoulli_InvalidProbability_Throws(double p)
    {
        var rng = new RandomStream(Seed, 0, StreamIds.Fires);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampler.Bernoulli(ref rng, p));
    }

    [Fact]
    public void Bernoulli_MatchesProbability_AndUsesOneDrawPerCall()
    {
        const double P = 0.137;
        var rng = new RandomStream(Seed, 7, StreamIds.Isr);
        int successes = 0;
        for (int i = 0; i < Draws; i++)
        {
            successes += Sampler.Bernoulli(ref rng, P) ? 1 : 0;
        }

        // Two 32-bit words (one 64-bit draw) per call.
        Assert.Equal(2ul * Draws, rng.WordsUsed);
        AssertWithinSigmas((double)successes / Draws, P, Math.Sqrt(P * (1 - P) / Draws));

        for (int i = 0; i < 1000; i++)
        {
            Assert.False(Sampler.Bernoulli(ref rng, 0.0));
            Assert.True(Sampler.Bernoulli(ref rng, 1.0));
        }
    }

    [Fact]
    public void StandardNormal_HasZeroMeanUnitVariance()
    {
        var rng = new RandomStream(Seed, 8, StreamIds.Ground);
        double[] samples = new double[Draws];
        for (int i = 0; i < Draws; i++)
        {
            samples[i] = Sampler.StandardNormal(ref rng);
        }

        (double mean, double variance) = Moments(samples);
        AssertWithinSigmas(mean, 0.0, 1.0 / Math.Sqrt(Draws));
        AssertWithinSigmas(variance, 1.0, Math.Sqrt(2.0 / Draws));

        // P(|Z| < 1) = erf(1/sqrt 2) = 0.682689...; the fraction is a binomial proportion.
        double inside = 0;
        foreach (double z in samples)
        {
            inside += Math.Abs(z) < 1.0 ? 1 : 0;
        }

        const double Expected = 0.6826894921370859;
        AssertWithinSigmas(inside / Draws, Expected, Math.Sqrt(Expected * (1 - Expected) / Draws));
    }

    [Fact]
    public void Exponential_HasMeanOneOverRate()
    {
        const double Rate = 2.5;
        var rng = new RandomStream(Seed, 9, StreamIds.Logistics);
        double[] samples = new double[Draws];
        for (int i = 0; i < Draws; i++)
        {
            samples[i] = Sampler.Exponential(ref rng, Rate);
            Assert.True(samples[i] > 0.0 && double.IsFinite(samples[i]));
        }

        // Exponential: sd = mean = 1 / rate; the variance has relative standard error sqrt(8 / N)
        // (fourth central moment 9 / rate^4, so var(s^2) ~ (9 - 1) / (rate^4 N)).
        (double mean, double variance) = Moments(samples);
        AssertWithinSigmas(mean, 1.0 / Rate, 1.0 / Rate / Math.Sqrt(Draws));
        AssertWithinSigmas(variance, 1.0 / (Rate * Rate), Math.Sqrt(8.0 / Draws) / (Rate * Rate));
    }

    [Property(MaxTest = 300, Replay = "(8675309,1234567)")]
    public bool Binomial_AnyArguments_ResultInRange(ulong seed, DoNotSize<uint> trials, byte scale, DoNotSize<uint> probabilityBits)
    {
        // n spans 0 .. 2^32 roughly log-uniformly, p spans [0, 1] with extra weight near 0 and 1, so both
        // branches, both sides of the symmetry and the degenerate cases all occur.
        long n = (long)trials.Item >> (scale % 33);
        double p = probabilityBits.Item / (double)uint.MaxValue;
        p = Math.ScaleB(p, -(scale / 8 % 20));
        if ((scale & 1) == 1)
        {
            p = 1.0 - p;
        }

        var rng = new RandomStream(seed, 0, StreamIds.Fires);
        for (int i = 0; i < 20; i++)
        {
            long x = Sampler.Binomial(ref rng, n, p);
            if (x < 0 || x > n)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 300, Replay = "(8675309,1234567)")]
    public bool Poisson_AnyMean_ResultNonNegative(ulong seed, DoNotSize<uint> meanBits, byte scale)
    {
        // mean spans [0, 1e9] over nine decades, covering both branches and the 10 threshold.
        double mean = meanBits.Item / (double)uint.MaxValue * Math.Pow(10, scale % 10);
        var rng = new RandomStream(seed, 0, StreamIds.Logistics);
        for (int i = 0; i < 20; i++)
        {
            if (Sampler.Poisson(ref rng, mean) < 0)
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void BinomialAndPoisson_AfterWarmUp_AllocateNothing()
    {
        var rng = new RandomStream(Seed, 10, StreamIds.AirDefence);
        long sink = RunMixedDraws(ref rng, 10_000); // warm-up: JIT every path first

        // A sampler that allocated per draw would allocate in every window of 400,000 draws (AllocationWindows).
        var windows = AllocationWindows.UntilClean(() => sink += RunMixedDraws(ref rng, 100_000));

        Assert.True(AllocationWindows.Clean(windows), AllocationWindows.Describe(windows));
        Assert.True(sink > 0);
    }

    private static long RunMixedDraws(ref RandomStream rng, int count)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            // Alternate parameters so that both branches of both samplers run.
            sum += Sampler.Binomial(ref rng, 40, 0.1);
            sum += Sampler.Binomial(ref rng, 5000, 0.3);
            sum += Sampler.Poisson(ref rng, 3.2);
            sum += Sampler.Poisson(ref rng, 480.0);
        }

        return sum;
    }

    private static long[] DrawBinomial(long n, double p, uint replication)
    {
        var rng = new RandomStream(Seed, replication, StreamIds.Fires);
        long[] samples = new long[Draws];
        for (int i = 0; i < Draws; i++)
        {
            samples[i] = Sampler.Binomial(ref rng, n, p);
        }

        return samples;
    }

    private static long[] DrawPoisson(double mean, uint replication)
    {
        var rng = new RandomStream(Seed, replication, StreamIds.Logistics);
        long[] samples = new long[Draws];
        for (int i = 0; i < Draws; i++)
        {
            samples[i] = Sampler.Poisson(ref rng, mean);
        }

        return samples;
    }

    // Exact log pmfs from MathNet's log-gamma: independent of the samplers' own Stirling code.
    private static double BinomialLogPmf(long n, double p, long k) =>
        SpecialFunctions.GammaLn(n + 1.0) - SpecialFunctions.GammaLn(k + 1.0) - SpecialFunctions.GammaLn(n - k + 1.0)
        + (k * Math.Log(p)) + ((n - k) * Math.Log(1.0 - p));

    private static double PoissonLogPmf(double mean, long k) =>
        -mean + (k * Math.Log(mean)) - SpecialFunctions.GammaLn(k + 1.0);

    /// <summary>
    /// Pearson chi-square goodness of fit. Values lower..upper are pooled, left to right, into bins with expected
    /// count >= <see cref="MinExpectedPerBin"/>; the first bin also holds everything below, the last everything
    /// above (its expectation is N times the remaining mass 1 - cumulative, so no tail mass is lost).
    /// </summary>
    private static void AssertMatchesPmf(long[] samples, long lower, long upper, Func<long, double> logPmf)
    {
        int width = checked((int)(upper - lower + 1));
        double[] pmf = new double[width];
        for (int i = 0; i < width; i++)
        {
            pmf[i] = Math.Exp(logPmf(lower + i));
        }

        // binOf[i]: bin of value lower + i.
        int[] binOf = new int[width];
        var expected = new List<double>();
        double cumulative = 0;
        double open = 0;
        for (int i = 0; i < width; i++)
        {
            binOf[i] = expected.Count;
            open += pmf[i];
            if (open * samples.Length >= MinExpectedPerBin && (1.0 - cumulative - open) * samples.Length >= MinExpectedPerBin)
            {
                expected.Add(open * samples.Length);
                cumulative += open;
                open = 0;
            }
        }

        int lastBin = expected.Count;
        expected.Add((1.0 - cumulative) * samples.Length);

        double[] observed = new double[expected.Count];
        foreach (long x in samples)
        {
            int bin = x < lower ? 0 : x > upper ? lastBin : binOf[x - lower];
            observed[bin]++;
        }

        AssertChiSquare(observed, [.. expected]);
    }

    private static void AssertChiSquare(double[] observed, double[] expected)
    {
        double statistic = 0;
        for (int b = 0; b < expected.Length; b++)
        {
            Assert.True(expected[b] >= MinExpectedPerBin / 2, $"bin {b} expects only {expected[b]:F1} draws");
            statistic += (observed[b] - expected[b]) * (observed[b] - expected[b]) / expected[b];
        }

        int degreesOfFreedom = expected.Length - 1;
        Assert.True(degreesOfFreedom >= 1, "Need at least two bins.");
        double pValue = SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, statistic / 2.0);
        Assert.True(pValue > ChiSquareSignificance, $"chi2 = {statistic:F1} on {degreesOfFreedom} df, p = {pValue:E2}");
    }

    /// <summary>
    /// Pearson chi-square against the continuity-corrected normal limit N(mean, sd^2), with 36 bins whose
    /// edges are at mean + sd * z for z = -3.4, -3.2, ..., 3.4. The two tail bins expect 100k * 3.4e-4 = 34 draws.
    /// </summary>
    private static void AssertMatchesNormalLimit(long[] samples, double mean, double sd)
    {
        const int EdgeCount = 35;
        const double FirstZ = -3.4;
        const double StepZ = 0.2;
        long[] edges = new long[EdgeCount];
        double[] cdf = new double[EdgeCount];
        for (int i = 0; i < EdgeCount; i++)
        {
            double z = FirstZ + (StepZ * i);
            edges[i] = (long)Math.Floor(mean + (sd * z));
            cdf[i] = MathNet.Numerics.Distributions.Normal.CDF(mean, sd, edges[i] + 0.5);
        }

        double[] expected = new double[EdgeCount + 1];
        double previous = 0;
        for (int i = 0; i < EdgeCount; i++)
        {
            expected[i] = (cdf[i] - previous) * samples.Length;
            previous = cdf[i];
        }

        expected[EdgeCount] = (1.0 - previous) * samples.Length;

        double[] observed = new double[EdgeCount + 1];
        foreach (long x in samples)
        {
            int bin = Array.BinarySearch(edges, x);
            observed[bin >= 0 ? bin : ~bin]++;
        }

        AssertChiSquare(observed, expected);
    }

    private static void AssertMeanWithin(long[] samples, double expectedMean, double sd)
    {
        double sum = 0;
        foreach (long x in samples)
        {
            sum += x;
        }

        AssertWithinSigmas(sum / samples.Length, expectedMean, sd / Math.Sqrt(samples.Length));
    }

    private static void AssertVarianceWithin(long[] samples, double expectedVariance)
    {
        double[] values = new double[samples.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            values[i] = samples[i];
        }

        // Near-normal data: the sample variance has standard error variance * sqrt(2 / N).
        (_, double variance) = Moments(values);
        AssertWithinSigmas(variance, expectedVariance, expectedVariance * Math.Sqrt(2.0 / samples.Length));
    }

    private static void AssertWithinSigmas(double actual, double expected, double standardError)
    {
        double tolerance = Sigmas * standardError;
        Assert.True(Math.Abs(actual - expected) <= tolerance,
            $"{actual} differs from {expected} by more than {Sigmas} standard errors ({tolerance})");
    }

    private static (double Mean, double Variance) Moments(double[] values)
    {
        // Two-pass for accuracy: values like 1e12 +- 1e6 would lose digits in a one-pass sum of squares.
        double sum = 0;
        foreach (double x in values)
        {
            sum += x;
        }

        double mean = sum / values.Length;
        double squares = 0;
        foreach (double x in values)
        {
            squares += (x - mean) * (x - mean);
        }

        return (mean, squares / (values.Length - 1));
    }
}
