using MathNet.Numerics.Distributions;
using Salient.Scenario.Model;

namespace Salient.Analysis.Calibration;

/// <summary>
/// The prior of one calibrated input: the scenario quantity's own distribution, restricted to
/// <c>[Lower, Upper]</c> (its truncation and the parameter's allowed range). Densities are unnormalised where the
/// truncation constant is the same for every point, which is all ABC-SMC importance weights need.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class Prior
{
    /// <summary>A prior over <paramref name="path"/> from <paramref name="distribution"/>, within the parameter's range.</summary>
    public Prior(string path, Distribution distribution, double rangeMin, double rangeMax)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        Path = path;
        Distribution = distribution;
        Lower = Math.Max(distribution.Min, rangeMin);
        Upper = Math.Min(distribution.Max, rangeMax);
        if (!(Lower < Upper)) throw new ArgumentException($"the prior of '{path}' has an empty support [{Lower}, {Upper}]", nameof(distribution));
    }

    /// <summary>The quantity's path (<c>parameters.ground.lethality.red</c>).</summary>
    public string Path { get; }

    /// <summary>The distribution as written in the scenario.</summary>
    public Distribution Distribution { get; }

    /// <summary>Lowest value the prior allows.</summary>
    public double Lower { get; }

    /// <summary>Highest value the prior allows.</summary>
    public double Upper { get; }

    /// <summary>The prior density at <paramref name="x"/> (0 outside the support; unnormalised for truncated families).</summary>
    public double Density(double x)
    {
        if (!(x >= Lower && x <= Upper)) return 0;
        var d = Distribution;
        return d.Kind switch
        {
            DistributionKind.Triangular => Triangular.PDF(d.A, d.C, d.B, x),
            DistributionKind.Uniform => 1.0 / (Upper - Lower),
            DistributionKind.LogNormal => LogNormal.PDF(Math.Log(d.A), d.B, x),
            DistributionKind.Beta => Beta.PDF(d.A, d.B, (x - d.Min) / (d.Max - d.Min)),
            _ => Normal.PDF(d.A, d.B, x),
        };
    }

    /// <summary>One draw from the prior (rejection inside the support keeps the family's shape exact).</summary>
    public double Sample(System.Random random)
    {
        var d = Distribution;
        for (int i = 0; i < 100_000; i++)
        {
            double x = d.Kind switch
            {
                DistributionKind.Triangular => Triangular.Sample(random, d.A, d.C, d.B),
                DistributionKind.Uniform => ContinuousUniform.Sample(random, Lower, Upper),
                DistributionKind.LogNormal => LogNormal.Sample(random, Math.Log(d.A), d.B),
                DistributionKind.Beta => d.Min + (d.Max - d.Min) * Beta.Sample(random, d.A, d.B),
                _ => Normal.Sample(random, d.A, d.B),
            };
            if (x >= Lower && x <= Upper) return x;
        }
        throw new InvalidOperationException($"the prior of '{Path}' puts almost no mass in [{Lower}, {Upper}]");
    }
}
