using System.Runtime.CompilerServices;

namespace Salient.Engine.Random;

/// <summary>
/// <see cref="Sampler.Binomial"/> and <see cref="Sampler.Poisson"/> with the inversions' set-up kept by argument: the same
/// variates and the same stream consumption as the sampler for every argument, bit for bit.
/// </summary>
/// <remarks>
/// PERF: below n min(p, 1 - p) = 30 the binomial inverts by a search whose set-up, s = p / (1 - p) and
/// f(0) = exp(n log1p(-p)), costs a log, an exp and two divisions, and below a mean of 10 the Poisson's set-up is
/// f(0) = exp(-mean). The fires draw the same (n, p) and means again and again (the split of a unit's sorties over the
/// same candidates, the counter-drone share of a day, a system's daily sortie rate): a direct-mapped table keyed by the
/// arguments' bits keeps the set-up computed by the sampler's own expressions, so a hit gives the very doubles the
/// sampler would compute, and the search that follows is the sampler's (<see cref="Sampler.BinomialSearch"/>,
/// <see cref="Sampler.PoissonSearch"/>). Every other case (degenerate arguments, errors, BTRD, PTRS) goes to the
/// sampler. The tables are allocated in the constructor, so the tick loop allocates nothing; what a table holds never
/// changes a result, only how much is recomputed.
/// </remarks>
public sealed class SamplerMemo
{
    private const int BinomialBits = 12;
    private const int PoissonBits = 9;

    private struct BinomialSetUp
    {
        public long PBits;   // the bits of min(p, 1 - p), in (0, 0.5]: 0 marks an empty entry
        public long N;
        public double S;
        public double PmfZero;
    }

    private struct PoissonSetUp
    {
        public long MeanBits; // in (0, 10): 0 marks an empty entry
        public double PmfZero;
    }

    private readonly BinomialSetUp[] _binomial = new BinomialSetUp[1 << BinomialBits];
    private readonly PoissonSetUp[] _poisson = new PoissonSetUp[1 << PoissonBits];

    /// <summary>Binomial(<paramref name="n"/>, <paramref name="p"/>), exactly as <see cref="Sampler.Binomial"/> draws it.</summary>
    public long Binomial(ref RandomStream rng, long n, double p)
    {
        // Sampler.Binomial's degenerate cases and errors (n = 0, p = 0, p = 1, n < 0, p outside [0, 1] or NaN).
        if (n <= 0 || n > Sampler.MaxTrials || !(p > 0.0 && p < 1.0)) return Sampler.Binomial(ref rng, n, p);
        // Its symmetry and branch: the inversion for min(p, 1 - p) below the limit, else BTRD through the sampler.
        bool flip = p > 0.5;
        double small = flip ? 1.0 - p : p;
        if (!(n * small < Sampler.BinomialInversionLimit)) return Sampler.Binomial(ref rng, n, p);
        long bits = BitConverter.DoubleToInt64Bits(small);
        ref var e = ref _binomial[(int)((((ulong)bits * 0x9E3779B97F4A7C15UL) + ((ulong)n * 0xC2B2AE3D27D4EB4FUL)) >> (64 - BinomialBits))];
        if (e.PBits != bits || e.N != n)
        {
            // Sampler.BinomialInversion's set-up, the same expressions.
            e.PBits = bits;
            e.N = n;
            e.S = small / (1.0 - small);
            e.PmfZero = Math.Exp(n * Sampler.Log1P(-small));
        }

        long x = Sampler.BinomialSearch(ref rng, n, e.S, e.PmfZero);
        return flip ? n - x : x;
    }

    /// <summary>Poisson(<paramref name="mean"/>), exactly as <see cref="Sampler.Poisson"/> draws it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Poisson(ref RandomStream rng, double mean)
    {
        // Sampler.Poisson's zero, errors and PTRS branch go to the sampler.
        if (!(mean > 0.0 && mean < Sampler.PoissonInversionLimit)) return Sampler.Poisson(ref rng, mean);
        long bits = BitConverter.DoubleToInt64Bits(mean);
        ref var e = ref _poisson[(int)(((ulong)bits * 0x9E3779B97F4A7C15UL) >> (64 - PoissonBits))];
        if (e.MeanBits != bits)
        {
            e.MeanBits = bits;
            e.PmfZero = Math.Exp(-mean); // Sampler.PoissonInversion's set-up
        }

        return Sampler.PoissonSearch(ref rng, mean, e.PmfZero);
    }
}
