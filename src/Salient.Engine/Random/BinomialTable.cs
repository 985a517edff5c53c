using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Salient.Engine.Random;

/// <summary>
/// <see cref="Sampler.Binomial"/> for a probability that stays the same over many calls (the killed share of a side's
/// casualties), with the inversion's probability masses kept between calls: the same variates and the same stream
/// consumption as <see cref="Sampler.Binomial"/> for every (n, p), bit for bit.
/// </summary>
/// <remarks>
/// PERF: <see cref="Sampler.Binomial"/> below n p = 30 inverts by a sequential search from 0 whose masses follow
/// f(0) = exp(n log1p(-p)), f(x) = f(x - 1) ((n + 1) s / x - s) with s = p / (1 - p): an exp, a log and a division
/// a step, all fixed by (n, p). This class computes each f(x) once per (n, p), when a search first reaches it, by
/// the same expressions in the same order (so the same doubles); later searches only subtract and compare, exactly
/// as the sampler does with the values it recomputes. A p that differs from the last one (bit for bit) starts the tables again; n above
/// <see cref="MaxTrials"/>, and every case the sampler does not invert, go to <see cref="Sampler.Binomial"/>.
/// All storage is allocated in the constructor, so the tick loop allocates nothing.
/// </remarks>
public sealed class BinomialTable
{
    /// <summary>Largest n whose masses are kept; above it the call goes to <see cref="Sampler.Binomial"/>.</summary>
    public const int MaxTrials = 128;

    // Row n holds f(0) .. f(n + 1) at [Offset(n) ..]; _length[n] is the number of entries computed so far (0: none).
    // The search stops at the first x > n or f(x) <= 0, so a row never needs more than n + 2 entries.
    private readonly double[] _pmf = new double[Offset(MaxTrials + 1)];
    private readonly int[] _length = new int[MaxTrials + 1];
    // Hot rows also keep thresholds (Thresholds): _limit[n] > 0 once built, the index B at which the search breaks off.
    private readonly double[] _threshold = new double[ThresholdOffset(MaxTrials + 1)];
    private readonly int[] _limit = new int[MaxTrials + 1];
    private readonly int[] _uses = new int[MaxTrials + 1];
    private double _p = double.NaN;    // the p the rows were built for (NaN: none yet)
    private double _small;             // min(p, 1 - p) as Sampler.Binomial computes it
    private double _s;                 // small / (1 - small), the inversion's s
    private bool _flip;                // p > 0.5: the result is n - Binomial(n, 1 - p)

    private static int Offset(int n) => n * (n + 3) / 2; // rows of n' + 2 entries for n' < n

    /// <summary>A row is searched through its masses this many times (for one p) before its thresholds are built.</summary>
    internal const int HotUses = 32;

    private static int ThresholdWidth(int n) => (n + 2 + 3) & ~3; // n + 2 entries, padded to whole vectors

    private static readonly int[] ThresholdOffsets = ThresholdOffsetTable();

    private static int ThresholdOffset(int n) => ThresholdOffsets[n];

    private static int[] ThresholdOffsetTable()
    {
        var at = new int[MaxTrials + 2];
        for (int i = 0; i <= MaxTrials; i++) at[i + 1] = at[i] + ThresholdWidth(i);
        return at;
    }

    /// <summary>Binomial(<paramref name="n"/>, <paramref name="p"/>), exactly as <see cref="Sampler.Binomial"/> draws it.</summary>
    public long Sample(ref RandomStream rng, long n, double p)
    {
        if (n > MaxTrials || n < 0 || !(p > 0.0 && p < 1.0)) return Sampler.Binomial(ref rng, n, p);
        if (n == 0) return 0;
        if (BitConverter.DoubleToInt64Bits(p) != BitConverter.DoubleToInt64Bits(_p)) Start(p);
        // The sampler's branch: inversion below the limit, BTRD at or above it (through the sampler itself).
        if (!(n * _small < Sampler.BinomialInversionLimit)) return Sampler.Binomial(ref rng, n, p);
        long x = Invert(ref rng, (int)n);
        return _flip ? n - x : x;
    }

    private void Start(double p)
    {
        _p = p;
        _flip = p > 0.5;
        _small = _flip ? 1.0 - p : p;
        _s = _small / (1.0 - _small);
        Array.Clear(_length);
        Array.Clear(_limit);
        Array.Clear(_uses);
    }

    /// <summary>Row n of the masses and how many are computed, with f(0) = exp(n log1p(-p)) computed on first use.</summary>
    private Span<double> Row(int n, out int length)
    {
        var row = _pmf.AsSpan(Offset(n), n + 2);
        length = _length[n];
        if (length == 0)
        {
            row[0] = Math.Exp(n * Sampler.Log1P(-_small));
            length = 1;
        }

        return row;
    }

    /// <summary>
    /// The sampler's sequential search (Sampler.BinomialInversion) over row n: the stored masses, and past them the
    /// sampler's recurrence, whose new terms are stored (a row is only ever computed as far as a search went, so a p
    /// used a few times costs what the sampler costs).
    /// </summary>
    private long Invert(ref RandomStream rng, int n)
    {
        if (_limit[n] > 0) return Count(ref rng, n);
        if (++_uses[n] == HotUses) BuildThresholds(n);
        var row = Row(n, out int length);
        double s = _s;
        double a = ((double)n + 1.0) * s;

        while (true)
        {
            double u = rng.NextDouble();
            double pmf = row[0];
            int x = 0;
            while (u >= pmf)
            {
                u -= pmf;
                x++;
                if (x < length) pmf = row[x];
                else
                {
                    pmf *= (a / x) - s;
                    row[x] = pmf;
                    length = x + 1;
                }

                if (x > n || pmf <= 0.0) break;
            }

            if (x <= n && pmf > 0.0)
            {
                _length[n] = length;
                return x;
            }
        }
    }

    /// <summary>
    /// A hot row's search without the chain of subtractions: the result for a uniform u is the number of thresholds
    /// T_x &lt;= u, x &lt; B, and a count of B draws again, as the search does when it breaks off at B.
    /// </summary>
    /// <remarks>
    /// PERF: the search subtracts f(0), f(1), ... from u one after another (four cycles each, a dozen steps at the
    /// duel's n p) and its exit is a mispredicted branch; comparing u with all of a row's thresholds at once costs a
    /// few vector compares. Exact (see <see cref="BuildThresholds"/>): the same result and the same draws.
    /// </remarks>
    private long Count(ref RandomStream rng, int n)
    {
        int limit = _limit[n];
        var thresholds = _threshold.AsSpan(ThresholdOffset(n), ThresholdWidth(n));
        while (true)
        {
            double u = rng.NextDouble();
            var uu = Vector256.Create(u);
            int x = 0;
            ref double first = ref MemoryMarshal.GetReference(thresholds);
            for (int i = 0; i < thresholds.Length; i += Vector256<double>.Count) // the width is whole vectors
                x += BitOperations.PopCount(Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref first, (nuint)i), uu).ExtractMostSignificantBits());
            if (x < limit) return x;
        }
    }

    /// <summary>
    /// Thresholds of row n. The search at u passes step x (goes on past f(x)) when u_k &gt;= f(k) for every k &lt;= x,
    /// with u_0 = u and u_(k+1) = u_k - f(k) rounded. Rounding is monotone, so each u_k is a non-decreasing function
    /// of u, and the set of u passing step x is an upper set of the doubles: every u from its least member T_x on
    /// (found by bisection over the ordered bit patterns of [0, 1)), none below. Passing step x implies passing every
    /// earlier step, so the steps passed, and so the search's result, are the number of x with T_x &lt;= u; the
    /// search breaks off (and draws again) once it has passed every step before B, the first x with x &gt; n or
    /// f(x) &lt;= 0. Thresholds from B on are +infinity and never count.
    /// </summary>
    private void BuildThresholds(int n)
    {
        var row = Row(n, out int length);
        double s = _s;
        double a = ((double)n + 1.0) * s;

        // The masses up to B, the first x >= 1 with x > n or f(x) <= 0 (a search reaching it breaks off), by the
        // sampler's recurrence where the searches have not yet been.
        int limit = 1;
        while (limit <= n)
        {
            if (limit >= length)
            {
                row[limit] = row[limit - 1] * ((a / limit) - s);
                length = limit + 1;
            }

            if (row[limit] <= 0.0) break;
            limit++;
        }

        _length[n] = length;
        var thresholds = _threshold.AsSpan(ThresholdOffset(n), ThresholdWidth(n));
        thresholds.Fill(double.PositiveInfinity);
        long top = BitConverter.DoubleToInt64Bits(1.0) - 1; // the largest double below 1
        long low = -1;                                      // a bit pattern that fails every step (below 0)
        for (int x = 0; x < limit; x++)
        {
            if (!Passes(row, x, BitConverter.Int64BitsToDouble(top))) break; // no u in [0, 1) passes x (nor later steps)
            long lo = low, hi = top;                         // Passes fails at lo (or lo is below 0), holds at hi
            while (hi - lo > 1)
            {
                long mid = lo + ((hi - lo) >> 1);
                if (Passes(row, x, BitConverter.Int64BitsToDouble(mid))) hi = mid;
                else lo = mid;
            }

            thresholds[x] = BitConverter.Int64BitsToDouble(hi);
            low = lo; // T_(x+1) >= T_x
        }

        _limit[n] = limit;
    }

    /// <summary>For tests: row n's thresholds for p (built now if need be), and its B.</summary>
    internal (double[] Thresholds, int Limit) ThresholdsOf(int n, double p)
    {
        if (BitConverter.DoubleToInt64Bits(p) != BitConverter.DoubleToInt64Bits(_p)) Start(p);
        if (_limit[n] == 0) BuildThresholds(n);
        return (_threshold.AsSpan(ThresholdOffset(n), ThresholdWidth(n)).ToArray(), _limit[n]);
    }

    /// <summary>Whether the search at <paramref name="u"/> passes steps 0 .. <paramref name="x"/> (the sampler's arithmetic).</summary>
    private static bool Passes(ReadOnlySpan<double> row, int x, double u)
    {
        for (int k = 0; k <= x; k++)
        {
            if (!(u >= row[k])) return false;
            u -= row[k];
        }

        return true;
    }
}
