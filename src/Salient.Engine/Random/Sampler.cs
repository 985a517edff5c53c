using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Salient.Engine.Random;

/// <summary>
/// Allocation-free samplers for the tick loop, drawing from a <see cref="RandomStream"/> passed by <c>ref</c>.
/// </summary>
/// <remarks>
/// PERF: hand-written on purpose. MathNet's Binomial sampler is O(n) (a sum of Bernoulli trials) and every
/// MathNet sampler takes a <see cref="System.Random"/>, a class whose members are virtual calls; in the tick loop
/// we want O(1) expected time, no allocation, no LINQ, no closures and no virtual dispatch. MathNet remains fine
/// at set-up time through <see cref="RandomStreamSource"/>.
/// <para>
/// "Exact" means the algorithms are exact in real arithmetic (no normal or other approximation), and they are
/// evaluated in forms that avoid cancellation (log1p, a whole/fraction split of the hat centre, a 5-term Stirling
/// series with tabulated small values), so double rounding stays negligible across the whole parameter range.
/// Parameters are limited to where doubles represent the integers involved exactly:
/// n &lt;= <see cref="MaxTrials"/> and mean &lt;= <see cref="MaxPoissonMean"/>.
/// </para>
/// <para>
/// Stream consumption: <see cref="Bernoulli"/> always uses one 64-bit draw, <see cref="StandardNormal"/> two and
/// <see cref="Exponential"/> one. <see cref="Binomial"/> and <see cref="Poisson"/> use a variable number, and none at
/// all for the degenerate cases (n = 0, p = 0, p = 1, mean = 0).
/// </para>
/// </remarks>
public static class Sampler
{
    /// <summary>Largest trial count accepted by <see cref="Binomial"/>: 2^53 - 1, so n + 1 is an exact double.</summary>
    public const long MaxTrials = (1L << 53) - 1;

    /// <summary>Largest mean accepted by <see cref="Poisson"/>: 2^52, so every plausible result is an exact double.</summary>
    public const double MaxPoissonMean = 4503599627370496.0;

    /// <summary>Binomial uses inversion below this value of n * min(p, 1 - p), BTRD at or above it.</summary>
    public const double BinomialInversionLimit = 30.0;

    /// <summary>Poisson uses inversion below this mean, PTRS at or above it.</summary>
    public const double PoissonInversionLimit = 10.0;

    /// <summary>log(2 pi) / 2.</summary>
    private const double HalfLogTwoPi = 0.91893853320467274178;

    private const double TwoPi = 2.0 * Math.PI;

    /// <summary>Results at or beyond 2^53 have probability far below double precision for any allowed mean.</summary>
    private const double PoissonResultLimit = 9007199254740992.0;

    /// <summary>Returns true with probability <paramref name="p"/>. Always consumes exactly one 64-bit draw.</summary>
    /// <param name="rng">The stream to draw from.</param>
    /// <param name="p">Success probability in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Bernoulli(ref RandomStream rng, double p)
    {
        if (!(p >= 0.0 && p <= 1.0))
        {
            ThrowProbability(p);
        }

        // NextDouble() < 1 always, so p = 1 is always true and p = 0 always false.
        return rng.NextDouble() < p;
    }

    /// <summary>
    /// Samples the number of successes in <paramref name="n"/> independent trials of probability <paramref name="p"/>.
    /// Exact; O(1) expected time for any n.
    /// </summary>
    /// <param name="rng">The stream to draw from.</param>
    /// <param name="n">Number of trials, 0 &lt;= n &lt;= <see cref="MaxTrials"/>.</param>
    /// <param name="p">Success probability in [0, 1].</param>
    /// <returns>A value in [0, n].</returns>
    /// <exception cref="ArgumentOutOfRangeException">n is negative or above <see cref="MaxTrials"/>, or p is NaN or outside [0, 1].</exception>
    public static long Binomial(ref RandomStream rng, long n, double p)
    {
        // PERF: hand-written rather than MathNet's O(n) Binomial on a virtual System.Random (see class remarks):
        // O(1) expected time, no allocation, throws kept in a [DoesNotReturn] helper so this method stays small.
        if (n < 0 || n > MaxTrials || !(p >= 0.0 && p <= 1.0))
        {
            ThrowBinomialArguments(n, p);
        }

        if (n == 0 || p == 0.0)
        {
            return 0;
        }

        if (p == 1.0)
        {
            return n;
        }

        // Symmetry: Binomial(n, p) = n - Binomial(n, 1 - p). 1 - p is exact for p in [0.5, 1] (Sterbenz).
        return p > 0.5 ? n - BinomialSmallP(ref rng, n, 1.0 - p) : BinomialSmallP(ref rng, n, p);
    }

    /// <summary>Samples a Poisson variate. Exact; O(1) expected time for any mean.</summary>
    /// <param name="rng">The stream to draw from.</param>
    /// <param name="mean">Mean (and variance), 0 &lt;= mean &lt;= <see cref="MaxPoissonMean"/>.</param>
    /// <returns>A non-negative count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is NaN, negative or above <see cref="MaxPoissonMean"/>.</exception>
    public static long Poisson(ref RandomStream rng, double mean)
    {
        // PERF: hand-written rather than MathNet's Poisson on a virtual System.Random (see class remarks):
        // O(1) expected time, no allocation, throws kept in a [DoesNotReturn] helper.
        if (!(mean >= 0.0 && mean <= MaxPoissonMean))
        {
            ThrowMean(mean);
        }

        if (mean == 0.0)
        {
            return 0;
        }

        return mean < PoissonInversionLimit ? PoissonInversion(ref rng, mean) : PoissonPtrs(ref rng, mean);
    }

    /// <summary>
    /// Samples a standard normal variate (mean 0, standard deviation 1) by the Box-Muller transform (cosine branch).
    /// Consumes two 64-bit draws; |result| &lt;= 8.6 because the radius uniform is at least 2^-53.
    /// </summary>
    /// <param name="rng">The stream to draw from.</param>
    public static double StandardNormal(ref RandomStream rng)
    {
        double radius = Math.Sqrt(-2.0 * Math.Log(rng.NextDoubleOpen()));
        return radius * Math.Cos(TwoPi * rng.NextDouble());
    }

    /// <summary>Samples an exponential waiting time with the given rate (mean 1 / rate, in the reciprocal unit of the rate).</summary>
    /// <param name="rng">The stream to draw from.</param>
    /// <param name="rate">Events per unit time; finite and &gt; 0.</param>
    /// <returns>A positive waiting time (it overflows to infinity only for rates below ~1e-307).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is NaN, infinite, zero or negative.</exception>
    public static double Exponential(ref RandomStream rng, double rate)
    {
        if (!(rate > 0.0 && rate <= double.MaxValue))
        {
            ThrowRate(rate);
        }

        return -Math.Log(rng.NextDoubleOpen()) / rate;
    }

    /// <summary>p in (0, 0.5]; n &gt;= 1.</summary>
    private static long BinomialSmallP(ref RandomStream rng, long n, double p) =>
        n * p < BinomialInversionLimit ? BinomialInversion(ref rng, n, p) : BinomialBtrd(ref rng, n, p);

    /// <summary>
    /// Sequential-search inversion: walk the pmf from 0 using f(x) = f(x - 1) * ((n + 1) s / x - s), s = p / q.
    /// Expected cost O(1 + n p), and n p &lt; 30 here.
    /// </summary>
    private static long BinomialInversion(ref RandomStream rng, long n, double p)
    {
        double s = p / (1.0 - p);

        // q^n through log1p keeps full precision when p is tiny and n huge; n p < 30 so it cannot underflow.
        double pmfZero = Math.Exp(n * Log1P(-p));
        return BinomialSearch(ref rng, n, s, pmfZero);
    }

    /// <summary>
    /// The search of <see cref="BinomialInversion"/> from its set-up: s = p / (1 - p) and f(0) = exp(n log1p(-p)).
    /// Shared with <see cref="SamplerMemo"/>, which keeps the set-up by (n, p).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long BinomialSearch(ref RandomStream rng, long n, double s, double pmfZero)
    {
        double a = ((double)n + 1.0) * s;
        while (true)
        {
            double u = rng.NextDouble();
            double pmf = pmfZero;
            long x = 0;
            while (u >= pmf)
            {
                u -= pmf;
                x++;
                pmf *= (a / x) - s;

                // Rounding leaves ~1e-16 of the mass unassigned; if u lands in it, draw again (conditioning on
                // the representable mass, which is exact to double precision) instead of walking to n.
                if (x > n || pmf <= 0.0)
                {
                    break;
                }
            }

            if (x <= n && pmf > 0.0)
            {
                return x;
            }
        }
    }

    /// <summary>
    /// BTRD: transformed rejection with decomposition (Hörmann 1993, "The generation of binomial random variates",
    /// J. Statist. Comput. Simul. 46, 101-110). Requires p &lt;= 0.5 and n p &gt;= 10; here n p &gt;= 30.
    /// </summary>
    private static long BinomialBtrd(ref RandomStream rng, long n, double p)
    {
        // Step 0: set-up. n <= 2^53 - 1, so (double)n and every n - k + 1 below are exact.
        double nd = n;
        double q = 1.0 - p;
        double r = p / q;
        double nr = (nd + 1.0) * r;
        double npq = nd * p * q;
        double sqrtNpq = Math.Sqrt(npq);
        double b = 1.15 + (2.53 * sqrtNpq);
        double a = -0.0873 + (0.0248 * b) + (0.01 * p);
        double alpha = (2.83 + (5.1 / b)) * sqrtNpq;
        double vr = 0.92 - (4.2 / b);
        double urvr = 0.86 * vr;
        long m = (long)Math.Floor((nd + 1.0) * p);

        // The hat centre c = n p + 0.5 split into whole and fraction, so floor(x + c) is computed on small
        // numbers and stays exact even when n p is large.
        double c = (nd * p) + 0.5;
        double cWhole = Math.Floor(c);
        double cFraction = c - cWhole;
        long cInteger = (long)cWhole;
        double correctionAtMode = StirlingCorrection(m) + StirlingCorrection(n - m);

        while (true)
        {
            // Step 1: the central region lies entirely under the histogram; accept immediately.
            double v = rng.NextDouble();
            double u;
            if (v <= urvr)
            {
                u = (v / vr) - 0.43;
                return cInteger + (long)Math.Floor((((2.0 * a / (0.5 - Math.Abs(u))) + b) * u) + cFraction);
            }

            // Step 2: generate (u, v) for the remaining region.
            if (v >= vr)
            {
                u = rng.NextDouble() - 0.5;
            }
            else
            {
                u = (v / vr) - 0.93;
                u = (u < 0.0 ? -0.5 : 0.5) - u;
                v = rng.NextDouble() * vr;
            }

            // Step 3.0: the candidate. Range-check the double before converting (us can be 0, giving +-infinity).
            double us = 0.5 - Math.Abs(u);
            double kOffset = Math.Floor((((2.0 * a / us) + b) * u) + cFraction);
            if (!(kOffset >= -cWhole && kOffset <= nd - cWhole))
            {
                continue;
            }

            long k = cInteger + (long)kOffset;
            v = v * alpha / ((a / (us * us)) + b);
            long km = Math.Abs(k - m);
            if (km <= 15)
            {
                // Step 3.1: f(k) / f(m) by the recursion f(i) / f(i - 1) = (n + 1) r / i - r.
                double f = 1.0;
                if (m < k)
                {
                    for (long i = m + 1; i <= k; i++)
                    {
                        f *= (nr / i) - r;
                    }
                }
                else if (m > k)
                {
                    for (long i = k + 1; i <= m; i++)
                    {
                        v *= (nr / i) - r;
                    }
                }

                if (v <= f)
                {
                    return k;
                }

                continue;
            }

            // Step 3.2: squeeze with the normal approximation of log(f(k) / f(m)).
            v = Math.Log(v);
            double kmd = km;
            double rho = kmd / npq * ((((kmd / 3.0) + 0.625) * kmd + (1.0 / 6.0)) / npq + 0.5);
            double t = -kmd * kmd / (2.0 * npq);
            if (v < t - rho)
            {
                return k;
            }

            if (v > t + rho)
            {
                continue;
            }

            // Step 3.3: the exact test, log(f(k) / f(m)) from Stirling's formula with corrections.
            double logRatio = LogBinomialRatioWithoutCorrections(nd, k, m, r)
                + correctionAtMode - StirlingCorrection(k) - StirlingCorrection(n - k);
            if (v <= logRatio)
            {
                return k;
            }
        }
    }

    /// <summary>
    /// log(f(k) / f(m)) for the binomial pmf f, without the Stirling correction terms fc. With
    /// log j! = (j + 1/2) log(j + 1) - (j + 1) + log(2 pi) / 2 + fc(j) and t = k - m, the linear terms cancel and
    /// <code>
    /// log f(k)/f(m) - fc terms = -(m + 1/2) log1p(t / (m + 1)) + (n - m + 1/2) log1p(t / (n - k + 1))
    ///                            + t log((n - k + 1) r / (k + 1))
    /// </code>
    /// Each term is O(t) rather than O(n log n), so the result keeps its absolute accuracy for large n
    /// (Hörmann's (n + 1) log((n - m + 1) / (n - k + 1)) form loses about n * 1e-16).
    /// </summary>
    private static double LogBinomialRatioWithoutCorrections(double n, long k, long m, double r)
    {
        double t = k - m;
        double nkPlusOne = n - k + 1.0;
        return (-(m + 0.5) * Log1P(t / (m + 1.0)))
            + ((n - m + 0.5) * Log1P(t / nkPlusOne))
            + (t * Math.Log(nkPlusOne * r / (k + 1.0)));
    }

    /// <summary>Inversion by sequential search from 0; mean &lt; 10, so expected cost is at most ~11 steps.</summary>
    private static long PoissonInversion(ref RandomStream rng, double mean) => PoissonSearch(ref rng, mean, Math.Exp(-mean));

    /// <summary>The search of <see cref="PoissonInversion"/> from f(0) = exp(-mean); shared with <see cref="SamplerMemo"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long PoissonSearch(ref RandomStream rng, double mean, double pmfZero)
    {
        while (true)
        {
            double u = rng.NextDouble();
            double pmf = pmfZero;
            long k = 0;
            while (u >= pmf)
            {
                u -= pmf;
                k++;
                pmf *= mean / k;

                // Unassigned rounding mass (~1e-16): draw again rather than walk on, as in BinomialInversion.
                if (pmf <= 0.0)
                {
                    break;
                }
            }

            if (pmf > 0.0)
            {
                return k;
            }
        }
    }

    /// <summary>
    /// PTRS: transformed rejection with squeeze (Hörmann 1993, "The transformed rejection method for generating
    /// Poisson random variables", Insurance: Mathematics and Economics 12, 39-45). Valid for mean &gt;= 10.
    /// </summary>
    private static long PoissonPtrs(ref RandomStream rng, double mean)
    {
        double b = 0.931 + (2.53 * Math.Sqrt(mean));
        double a = -0.059 + (0.02483 * b);
        // PERF: log(1 / alpha) is read only by the exact test after the squeeze fails (about two draws in five at the
        // duel's means of 40 to 50), so it is computed there, once per call: the same double, and one log fewer when the
        // squeeze accepts.
        double logInvAlpha = double.NaN;
        double vr = 0.9277 - (3.6224 / (b - 2.0));

        // Hat centre mean + 0.43 split as in BTRD so that floor() works on small numbers.
        double centre = mean + 0.43;
        double centreWhole = Math.Floor(centre);
        double centreFraction = centre - centreWhole;
        long centreInteger = (long)centreWhole;

        while (true)
        {
            double u = rng.NextDouble() - 0.5;
            double v = rng.NextDouble();
            double us = 0.5 - Math.Abs(u);
            double kOffset = Math.Floor((((2.0 * a / us) + b) * u) + centreFraction);

            // Squeeze: this region lies under the histogram (and inside k >= 0) for mean >= 10.
            if (us >= 0.07 && v <= vr)
            {
                return centreInteger + (long)kOffset;
            }

            // Rejects k < 0, us = 0 (kOffset = -infinity) and astronomically unlikely huge k before conversion.
            if (!(kOffset >= -centreWhole && kOffset < PoissonResultLimit - centreWhole) || (us < 0.013 && v > us))
            {
                continue;
            }

            long k = centreInteger + (long)kOffset;
            if (double.IsNaN(logInvAlpha)) logInvAlpha = Math.Log(1.1239 + (1.1328 / (b - 3.4)));
            if (Math.Log(v) + logInvAlpha - Math.Log((a / (us * us)) + b) <= LogPoissonPmf(k, mean))
            {
                return k;
            }
        }
    }

    /// <summary>
    /// log(mean^k e^-mean / k!) written to avoid cancellation for large mean:
    /// (k + 1 - mean) - k log1p((k + 1 - mean) / mean) - log(2 pi (k + 1)) / 2 - fc(k).
    /// k + 1 - mean is exact (Sterbenz) whenever it matters.
    /// </summary>
    internal static double LogPoissonPmf(long k, double mean)
    {
        // PERF: the two terms that depend on k alone are read from tables filled by the same expressions (the same
        // doubles), saving a log and the series' division on each exact test; the subtractions keep their order.
        if ((ulong)k >= PmfTableSize) return LogPoissonPmfDirect(k, mean);
        double kd = k;
        double d = kd + 1.0 - mean;
        return d - (kd * Log1P(d / mean)) - HalfLogK1[k] - HalfLogTwoPi - Stirling[k];
    }

    /// <summary><see cref="LogPoissonPmf"/> with every term computed (beyond the tables, and for tests).</summary>
    internal static double LogPoissonPmfDirect(long k, double mean)
    {
        double kd = k;
        double d = kd + 1.0 - mean;
        return d - (kd * Log1P(d / mean)) - HalfLogOfNext(kd) - HalfLogTwoPi - StirlingCorrection(k);
    }

    private static double HalfLogOfNext(double kd) => 0.5 * Math.Log(kd + 1.0);

    /// <summary>Entries of <see cref="HalfLogK1"/> and <see cref="Stirling"/>: PTRS's k stay near its mean (the duel's are below 70).</summary>
    internal const int PmfTableSize = 1024;

    /// <summary>[k]: 0.5 log(k + 1), as <see cref="LogPoissonPmf"/> computes it.</summary>
    private static readonly double[] HalfLogK1 = PmfTable(k => HalfLogOfNext(k));

    /// <summary>[k]: <see cref="StirlingCorrection"/>(k).</summary>
    private static readonly double[] Stirling = PmfTable(StirlingCorrection);

    private static double[] PmfTable(Func<long, double> term)
    {
        var table = new double[PmfTableSize];
        for (int k = 0; k < table.Length; k++) table[k] = term(k);
        return table;
    }

    /// <summary>
    /// fc(k) = log k! - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi) / 2], the Stirling series remainder.
    /// Tabulated for k &lt; 10, otherwise five terms of the series in z = k + 1 (truncation error &lt; 7e-15).
    /// </summary>
    private static double StirlingCorrection(long k)
    {
        switch (k)
        {
            case 0: return 0.081061466795327258;
            case 1: return 0.041340695955409294;
            case 2: return 0.027677925684998339;
            case 3: return 0.020790672103765093;
            case 4: return 0.016644691189821192;
            case 5: return 0.013876128823070748;
            case 6: return 0.011896709945891770;
            case 7: return 0.010411265261972096;
            case 8: return 0.0092554621827127329;
            case 9: return 0.0083305634333628713;
            default:
                double inverse = 1.0 / (k + 1.0);
                double inverseSquared = inverse * inverse;
                double series = (1.0 / 1680.0) - (inverseSquared / 1188.0);
                series = (1.0 / 1260.0) - (inverseSquared * series);
                series = (1.0 / 360.0) - (inverseSquared * series);
                series = (1.0 / 12.0) - (inverseSquared * series);
                return inverse * series;
        }
    }

    /// <summary>
    /// log(1 + x) accurate for small |x| (Goldberg 1991, "What every computer scientist should know about
    /// floating-point arithmetic", theorem 4): the rounding of 1 + x is compensated by x / (u - 1). x &gt; -1.
    /// </summary>
    internal static double Log1P(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowProbability(double p) =>
        throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBinomialArguments(long n, double p)
    {
        if (n < 0 || n > MaxTrials)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"The number of trials must be in [0, {MaxTrials}].");
        }

        throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMean(double mean) =>
        throw new ArgumentOutOfRangeException(nameof(mean), mean, $"The Poisson mean must be in [0, {MaxPoissonMean}].");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRate(double rate) =>
        throw new ArgumentOutOfRangeException(nameof(rate), rate, "The rate must be positive and finite.");
}
