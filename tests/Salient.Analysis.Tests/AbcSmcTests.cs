using System.Globalization;
using MathNet.Numerics.Distributions;
using Salient.Analysis.Calibration;
using Salient.Engine.Random;
using Salient.Scenario.Model;
using Xunit;
using Xunit.Abstractions;

namespace Salient.Analysis.Tests;

public sealed class AbcSmcTests(ITestOutputHelper output)
{
    private const double Observed = 1.5;
    private const double Sigma = 0.2;

    private static Prior Flat(string path, double lo, double hi) =>
        new(path, new Distribution(DistributionKind.Uniform, lo, hi, 0, lo, hi), double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>
    /// The data are a mean ybar ~ N(theta, 0.2^2), observed 1.5. The simulator draws ybar for proposal k from its own
    /// stream, so the distance is deterministic in (theta, k), as the sampler requires.
    /// </summary>
    private static double Distance(double[] theta, long proposal)
    {
        var random = new RandomStreamSource(new RandomStream(99, (uint)proposal, StreamIds.Calibration));
        return Math.Abs(Normal.Sample(random, theta[0], Sigma) - Observed);
    }

    [Fact]
    public void NormalMean_FlatPrior_RecoversTheConjugatePosterior()
    {
        // With a flat prior the exact posterior is N(1.5, 0.2^2). ABC's posterior is that convolved with the tolerance
        // window (a uniform of half-width epsilon, variance epsilon^2/3), so the expected sd is sqrt(0.04 + eps^2/3).
        // Tolerance of the mean: 5 standard errors of an importance-weighted mean, 5 * sd / sqrt(ESS), plus eps (the
        // window's asymmetry near its edge cannot shift the mean by more). Tolerance of the sd: 15% relative, about
        // 5 standard errors of a sample sd at ESS >= 300 (relative SE 1/sqrt(2 ESS) = 0.04).
        var gens = AbcSmc.Run([Flat("theta", -10, 10)], new AbcOptions(Particles: 800, Generations: 8, Quantile: 0.5, Seed: 7, Threads: 2), Distance);
        var last = gens[^1];
        double mean = last.Particles.Sum(p => p.Weight * p.Theta[0]);
        double sd = Math.Sqrt(last.Particles.Sum(p => p.Weight * (p.Theta[0] - mean) * (p.Theta[0] - mean)));
        double expectedSd = Math.Sqrt(Sigma * Sigma + last.Epsilon * last.Epsilon / 3);
        foreach (var g in gens)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generation {g.Index}: eps {g.Epsilon:G4}, acceptance {g.AcceptanceRate:P1}, ESS {g.EffectiveSampleSize:F0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"posterior mean {mean:F4}, sd {sd:F4} (expected {expectedSd:F4})"));
        Assert.True(last.EffectiveSampleSize >= 300, $"ESS {last.EffectiveSampleSize}");
        Assert.True(last.Epsilon < 0.1, $"the tolerance only fell to {last.Epsilon}");
        Assert.InRange(mean, Observed - (5 * sd / Math.Sqrt(last.EffectiveSampleSize)) - last.Epsilon, Observed + (5 * sd / Math.Sqrt(last.EffectiveSampleSize)) + last.Epsilon);
        Assert.InRange(sd, expectedSd * 0.85, expectedSd * 1.15);
        Assert.All(gens.Skip(1).Zip(gens), pair => Assert.True(pair.First.Epsilon <= pair.Second.Epsilon));
    }

    [Fact]
    public void SameSeed_SameParticles_OnAnyThreadCount()
    {
        var one = AbcSmc.Run([Flat("theta", -10, 10)], new AbcOptions(100, 4, 0.5, Seed: 3, Threads: 1), Distance);
        var four = AbcSmc.Run([Flat("theta", -10, 10)], new AbcOptions(100, 4, 0.5, Seed: 3, Threads: 4), Distance);
        Assert.Equal(one.Count, four.Count);
        for (int g = 0; g < one.Count; g++)
        {
            Assert.Equal(one[g].Epsilon, four[g].Epsilon);
            Assert.Equal(one[g].Proposals, four[g].Proposals);
            Assert.Equal(one[g].Particles.Select(p => (p.Theta[0], p.Weight, p.Proposal)), four[g].Particles.Select(p => (p.Theta[0], p.Weight, p.Proposal)));
        }
    }

    [Fact]
    public void Proposals_StayInsideThePriorSupport()
    {
        // The observation sits at the prior's edge, so perturbations often step outside [1, 3]; every particle must not.
        var gens = AbcSmc.Run([Flat("theta", 1.4, 3)], new AbcOptions(200, 5, 0.5, Seed: 5, Threads: 2), Distance);
        Assert.All(gens.SelectMany(g => g.Particles), p => Assert.InRange(p.Theta[0], 1.4, 3));
        Assert.All(gens, g => Assert.Equal(1.0, g.Particles.Sum(p => p.Weight), 9));
    }

    [Fact]
    public void Prior_DensityAndSamples_MatchItsFamily()
    {
        var tri = new Prior("t", new Distribution(DistributionKind.Triangular, 0, 1, 4, 0, 4), 0, 10);
        Assert.Equal(0.5, tri.Density(1), 12); // peak height 2 / (max - min)
        Assert.Equal(0, tri.Density(4.5));
        var clipped = new Prior("c", new Distribution(DistributionKind.Normal, 0, 1, 0, double.NegativeInfinity, double.PositiveInfinity), -0.5, 0.5);
        var random = new RandomStreamSource(new RandomStream(1, 0, StreamIds.Calibration));
        Assert.All(Enumerable.Range(0, 1000).Select(_ => clipped.Sample(random)), x => Assert.InRange(x, -0.5, 0.5));
        Assert.Throws<ArgumentException>(() => new Prior("e", new Distribution(DistributionKind.Uniform, 0, 1, 0, 0, 1), 2, 3));
    }
}
