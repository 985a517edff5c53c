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
    private double _p = double.NaN;    // the p the rows were built for (NaN: none yet)
    private double _small;             // min(p, 1 - p) as Sampler.Binomial computes it
    private double _s;                 // small / (1 - small), the inversion's s
    private bool _flip;                // p > 0.5: the result is n - Binomial(n, 1 - p)

    private static int Offset(int n) => n * (n + 3) / 2; // rows of n' + 2 entries for n' < n

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
    }

    /// <summary>
    /// The sampler's sequential search (Sampler.BinomialInversion) over row n: the stored masses, and past them the
    /// sampler's recurrence, whose new terms are stored (a row is only ever computed as far as a search went, so a p
    /// used a few times costs what the sampler costs).
    /// </summary>
    private long Invert(ref RandomStream rng, int n)
    {
        var row = _pmf.AsSpan(Offset(n), n + 2);
        int length = _length[n];
        double s = _s;
        double a = ((double)n + 1.0) * s;
        if (length == 0)
        {
            row[0] = Math.Exp(n * Sampler.Log1P(-_small));
            length = 1;
        }

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
}
