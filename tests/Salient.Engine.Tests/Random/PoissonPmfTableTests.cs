using Salient.Engine.Random;
using Xunit;

namespace Salient.Engine.Tests.Random;

/// <summary>
/// PTRS's exact test reads 0.5 log(k + 1) and the Stirling remainder from tables (Sampler.LogPoissonPmf, PERF): the
/// log-pmf it gives must be the double that computing every term gives, bit for bit, for every k in the tables and
/// past their end, at the duel's means and others.
/// </summary>
public class PoissonPmfTableTests
{
    [Fact]
    public void TabledLogPmf_EqualsComputed_BitForBit()
    {
        var means = new List<double> { 10.0, 10.5, 33.333333333333336, 41.666666666666664, 62.5, 100.0, 999.9, 5000.25 };
        var rng = new RandomStream(11, 0, 0);
        for (int i = 0; i < 40; i++) means.Add(10.0 + 990.0 * rng.NextDouble());
        foreach (double mean in means)
            for (long k = 0; k < Sampler.PmfTableSize + 64; k++)
            {
                double tabled = Sampler.LogPoissonPmf(k, mean), computed = Sampler.LogPoissonPmfDirect(k, mean);
                Assert.True(BitConverter.DoubleToInt64Bits(tabled) == BitConverter.DoubleToInt64Bits(computed),
                    $"k = {k}, mean = {mean}: {tabled:R} from the tables, {computed:R} computed");
            }
    }
}
