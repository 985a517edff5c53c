using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Inflict skips the casualty fraction's division when nothing reads it (Simulation.GroundCombat.cs, PERF): with a
/// cohesion loss of +0 or -0 the new cohesion max(0, c - loss x fraction) must be max(0, c - 0) bit for bit, for
/// every cohesion (both zeros, NaN, the smallest subnormal, values in (0, 1]) and every finite fraction in [0, 1]
/// the callers can produce (casualties at most the personnel, personnel at least 1). Whole runs of every bundled
/// scenario keep their bytes (tools/output-hashes.sh); this checks the algebra on its own.
/// </summary>
public class CasualtyFractionTests
{
    [Fact]
    public void ZeroLoss_SameCohesion_AsSkippingTheFraction()
    {
        double[] cohesions = [0.0, -0.0, double.NaN, double.Epsilon, 1e-300, 0.25, 0.5, 0.999999, 1.0];
        var fractions = new List<double> { 0.0, double.Epsilon, 1e-12, 1.0 };
        for (long x = 1; x <= 40; x++)
            foreach (double personnel in new[] { 1.0, 1.5, 40.0, 41.0, 799.0, 1000.0 })
                if (x <= (long)personnel) fractions.Add(x / personnel);
        foreach (double loss in new[] { 0.0, -0.0 })
            foreach (double c in cohesions)
                foreach (double f in fractions)
                {
                    double full = Math.Max(0, c - loss * f), skipped = Math.Max(0, c - 0.0);
                    Assert.True(BitConverter.DoubleToInt64Bits(full) == BitConverter.DoubleToInt64Bits(skipped),
                        $"loss {loss}, cohesion {c}, fraction {f}: {full} against {skipped}");
                }
    }
}
