using BenchmarkDotNet.Attributes;
using Salient.Engine.Random;

namespace Salient.Benchmarks;

/// <summary>The counter-based generator and the exact tick-loop samplers, per call.</summary>
[MemoryDiagnoser]
public class RandomBenchmarks
{
    private RandomStream _rng = new(1, 0, 6);

    [Params(3.0, 250.0)]
    public double Mean { get; set; }

    [Benchmark(Description = "Philox NextDouble")]
    public double NextDouble() => _rng.NextDouble();

    [Benchmark(Description = "Poisson(mean)")]
    public long Poisson() => Sampler.Poisson(ref _rng, Mean);

    [Benchmark(Description = "Binomial(10 x mean, 0.3)")]
    public long Binomial() => Sampler.Binomial(ref _rng, (long)(10 * Mean), 0.3);
}
