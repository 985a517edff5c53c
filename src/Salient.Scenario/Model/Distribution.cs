using System.Collections.Immutable;

namespace Salient.Scenario.Model;

/// <summary>An uncertain input: sampled once per replication.</summary>
/// <remarks>Immutable. Parameters are named as in the YAML (min, mode, max, median, sigma, alpha, beta, mean, sd);
/// <see cref="DistributionKind.Particles"/> keeps its <see cref="Values"/> and <see cref="Weights"/> instead.</remarks>
public sealed record Distribution(DistributionKind Kind, double A, double B, double C, double Min, double Max)
{
    /// <summary>The particles' values (<see cref="DistributionKind.Particles"/> only; empty otherwise).</summary>
    public ImmutableArray<double> Values { get; init; } = [];

    /// <summary>The particles' weights, same length as <see cref="Values"/>, non-negative, with a positive sum.</summary>
    public ImmutableArray<double> Weights { get; init; } = [];

    /// <summary>Weighted particles: min and max are the smallest and largest value.</summary>
    public static Distribution FromParticles(ImmutableArray<double> values, ImmutableArray<double> weights) =>
        new(DistributionKind.Particles, 0, 0, 0, values.Min(), values.Max()) { Values = values, Weights = weights };

    /// <summary>The distribution's mean, used for reporting and for deterministic (mean-value) runs. For the
    /// lognormal and the normal it is the mean of the distribution truncated to [<see cref="Min"/>, <see cref="Max"/>],
    /// which is what the input sampler draws from.</summary>
    public double Mean => Kind switch
    {
        DistributionKind.Triangular => (A + B + C) / 3.0,
        DistributionKind.Uniform => (A + B) / 2.0,
        DistributionKind.LogNormal => TruncatedLogNormalMean(A, B, Min, Max),
        DistributionKind.Beta => Min + (Max - Min) * A / (A + B),
        DistributionKind.Normal => TruncatedNormalMean(A, B, Min, Max),
        DistributionKind.Particles => WeightedMean(),
        _ => double.NaN,
    };

    /// <summary>
    /// E[X | lo &lt;= X &lt;= hi] for ln X ~ N(ln median, sigma^2): median e^(sigma^2/2) (Phi(b - sigma) - Phi(a - sigma)) /
    /// (Phi(b) - Phi(a)), a and b the bounds' standard scores (ln 0 = -inf); the untruncated mean when lo = 0 and hi is
    /// infinite. The median when the window is too far in a tail for its probability to be computed (the sampler's
    /// fallback too).
    /// </summary>
    private static double TruncatedLogNormalMean(double median, double sigma, double lo, double hi)
    {
        double mu = Math.Log(median);
        double a = lo > 0 ? (Math.Log(lo) - mu) / sigma : double.NegativeInfinity;
        double b = double.IsPositiveInfinity(hi) ? double.PositiveInfinity : (Math.Log(hi) - mu) / sigma;
        double mass = Phi(b) - Phi(a);
        if (!(mass > 0)) return median;
        return median * Math.Exp(sigma * sigma / 2) * (Phi(b - sigma) - Phi(a - sigma)) / mass;
    }

    /// <summary>E[X | lo &lt;= X &lt;= hi] for X ~ N(mean, sd^2): mean + sd (phi(a) - phi(b)) / (Phi(b) - Phi(a)), a and b
    /// the bounds' standard scores; the clamped mean when the window is too far in a tail (the sampler's fallback).</summary>
    private static double TruncatedNormalMean(double mean, double sd, double lo, double hi)
    {
        double a = (lo - mean) / sd, b = (hi - mean) / sd;
        double mass = Phi(b) - Phi(a);
        if (!(mass > 0)) return Math.Clamp(mean, lo, hi);
        return Math.Clamp(mean + sd * (StandardDensity(a) - StandardDensity(b)) / mass, lo, hi);
    }

    private static double Phi(double z) => MathNet.Numerics.Distributions.Normal.CDF(0, 1, z);

    private static double StandardDensity(double z) => double.IsInfinity(z) ? 0 : MathNet.Numerics.Distributions.Normal.PDF(0, 1, z);

    /// <summary>The distribution of k·X for k &gt; 0 (same family; location, scale and bounds multiplied).</summary>
    public Distribution Scaled(double k)
    {
        if (!(k > 0)) throw new ArgumentOutOfRangeException(nameof(k), k, "the factor must be positive");
        return Kind switch
        {
            DistributionKind.Triangular => this with { A = A * k, B = B * k, C = C * k, Min = Min * k, Max = Max * k },
            DistributionKind.Uniform => this with { A = A * k, B = B * k, Min = Min * k, Max = Max * k },
            DistributionKind.LogNormal => this with { A = A * k, Min = Min * k, Max = Max * k },
            DistributionKind.Beta => this with { Min = Min * k, Max = Max * k },
            DistributionKind.Particles => this with { Min = Min * k, Max = Max * k, Values = [.. Values.Select(v => v * k)] },
            _ => this with { A = A * k, B = B * k, Min = Min * k, Max = Max * k },
        };
    }

    private double WeightedMean()
    {
        double sum = 0, total = 0;
        for (int i = 0; i < Values.Length; i++) { sum += Weights[i] * Values[i]; total += Weights[i]; }
        return sum / total;
    }
}
