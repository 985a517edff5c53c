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

    /// <summary>The distribution's mean, used for reporting and for deterministic (mean-value) runs.</summary>
    public double Mean => Kind switch
    {
        DistributionKind.Triangular => (A + B + C) / 3.0,
        DistributionKind.Uniform => (A + B) / 2.0,
        DistributionKind.LogNormal => A * Math.Exp(B * B / 2.0),
        DistributionKind.Beta => Min + (Max - Min) * A / (A + B),
        DistributionKind.Normal => A,
        DistributionKind.Particles => WeightedMean(),
        _ => double.NaN,
    };

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
