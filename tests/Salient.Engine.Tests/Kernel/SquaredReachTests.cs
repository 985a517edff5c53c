using Salient.Engine.Kernel;
using Salient.Engine.Random;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Range tests without the square root (Simulation.SquaredReach, PERF): for every squared distance x &gt;= 0,
/// sqrt(x) &gt; range exactly when x &gt; SquaredReach(range). Checked at the bound, the doubles beside it and beside
/// range^2, and at random sums of squared coordinate differences, for random, integral, tiny, huge and special ranges.
/// </summary>
public class SquaredReachTests
{
    [Fact]
    public void RangeTest_WithoutRoot_IsTheRangeTest()
    {
        var ranges = new List<double> { 0.0, -0.0, -1.0, -1e-300, double.Epsilon, 1e-160, 1.0, 2.0, 3.0, 10.0, 12.5, 25.0, 40.0,
            80.0, 300.0, 1e150, 1.3e154, 1e200, double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN };
        var rng = new RandomStream(3, 0, 1);
        for (int i = 0; i < 2000; i++) ranges.Add(rng.NextDouble() * 400);
        for (int i = 0; i < 200; i++) ranges.Add(Math.Round(rng.NextDouble() * 100, 1));
        foreach (double range in ranges)
        {
            double t = Simulation.SquaredReach(range);
            var xs = new List<double> { 0.0, double.Epsilon, 1.0, double.MaxValue, double.PositiveInfinity };
            foreach (double c in new[] { t, range * range })
            {
                if (double.IsNaN(c) || c < 0) continue;
                double below = c, above = c;
                for (int k = 0; k < 4; k++)
                {
                    xs.Add(below);
                    xs.Add(above);
                    below = Math.Max(0, Math.BitDecrement(below));
                    above = Math.BitIncrement(above);
                }
            }
            for (int k = 0; k < 50; k++)
            {
                double dx = (rng.NextDouble() - 0.5) * 2.5 * Math.Abs(range), dy = (rng.NextDouble() - 0.5) * 2.5 * Math.Abs(range);
                xs.Add(dx * dx + dy * dy);
            }
            foreach (double x in xs)
                Assert.True(Math.Sqrt(x) > range == x > t, $"range {range:R}, x {x:R}, bound {t:R}");
        }
    }
}
