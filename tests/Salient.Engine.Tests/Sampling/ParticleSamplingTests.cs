using System.Collections.Immutable;
using Salient.Engine.Sampling;
using Salient.Scenario.Model;
using Xunit;

namespace Salient.Engine.Tests.Sampling;

/// <summary>
/// Joint sampling of a fitted posterior's particles (docs/model.md 3.2, <c>dist: particles</c>): every quantity that
/// carries the same weights takes the same particle in a replication, and particle k is taken with probability
/// w_k / sum w.
/// </summary>
public class ParticleSamplingTests
{
    private static readonly ImmutableArray<double> Weights = [0.1, 0.0, 0.2, 0.3, 0.4];

    private static Quantity Particles(string path, params double[] values) =>
        Quantity.Fixed(path, 0) with { Distribution = Distribution.FromParticles([.. values], Weights) };

    [Fact]
    public void QuantitiesWithTheSameWeights_TakeTheSameParticle_InEveryReplication()
    {
        var a = Particles("parameters.ground.lethality.red", 1, 2, 3, 4, 5);
        var b = Particles("parameters.ground.max_assault_density", 10, 20, 30, 40, 50);
        for (uint r = 0; r < 2000; r++)
            Assert.Equal(10 * InputSampler.Sample(a, 42, r), InputSampler.Sample(b, 42, r));
    }

    [Fact]
    public void ParticlesAreTaken_InProportionToTheirWeights_AndAZeroWeightNever()
    {
        // n = 40,000 draws: each count is Binomial(n, w_k); 6 standard errors make a false failure below 1e-8 per
        // particle, and the seed is fixed, so the test is deterministic.
        const int n = 40_000;
        var counts = new int[Weights.Length];
        for (uint r = 0; r < n; r++) counts[InputSampler.ParticleIndex(Weights, 7, r)]++;
        Assert.Equal(0, counts[1]);
        for (int k = 0; k < Weights.Length; k++)
        {
            double mean = n * Weights[k], sd = Math.Sqrt(n * Weights[k] * (1 - Weights[k]));
            Assert.InRange(counts[k], mean - 6 * sd, mean + 6 * sd);
        }
    }

    [Fact]
    public void TheParticle_DoesNotDependOnThePath_ButOnTheSeedAndReplication()
    {
        var a = Particles("parameters.a", 1, 2, 3, 4, 5);
        var b = Particles("parameters.b", 1, 2, 3, 4, 5);
        var same = Enumerable.Range(0, 200).Select(r => InputSampler.Sample(a, 3, (uint)r)).ToArray();
        Assert.Equal(same, Enumerable.Range(0, 200).Select(r => InputSampler.Sample(b, 3, (uint)r)).ToArray());
        Assert.NotEqual(same, Enumerable.Range(0, 200).Select(r => InputSampler.Sample(a, 4, (uint)r)).ToArray());
    }
}
