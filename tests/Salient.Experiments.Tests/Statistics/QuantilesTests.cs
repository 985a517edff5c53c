using MathNet.Numerics.Statistics;
using Salient.Experiments.Statistics;
using Xunit;

namespace Salient.Experiments.Tests.Statistics;

public class QuantilesTests
{
    private static readonly double[] Taus = [0, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975, 1];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(20)]
    [InlineData(34)]
    [InlineData(40)]
    [InlineData(1000)]
    public void R7_IsBitIdenticalToMathNet(int n)
    {
        // Given n values in ascending order
        var rng = new Random(n);
        var sorted = new double[n];
        for (int i = 0; i < n; i++) sorted[i] = rng.NextDouble() * 1000 - 100;
        Array.Sort(sorted);
        // Then every quantile has MathNet's bits (summary.json has always used this arithmetic)
        foreach (double tau in Taus)
            Assert.Equal(BitConverter.DoubleToInt64Bits(SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7)),
                BitConverter.DoubleToInt64Bits(Quantiles.R7(sorted, tau)));
    }

    [Fact]
    public void R7_Empty_OrOutsideTheUnitInterval_IsNaN()
    {
        Assert.True(double.IsNaN(Quantiles.R7(ReadOnlySpan<double>.Empty, 0.5)));
        Assert.True(double.IsNaN(Quantiles.R7([1.0, 2.0], -0.1)));
        Assert.True(double.IsNaN(Quantiles.R7([1.0, 2.0], 1.1)));
        Assert.True(double.IsNaN(Quantiles.R7([1.0, 2.0], double.NaN)));
    }

    [Fact]
    public void R7_InfiniteUpperNeighbour_Propagates_ExceptAtAWholePosition()
    {
        // Given five values of which the last two are infinite (events that never happened)
        double[] sorted = [1, 2, 3, double.PositiveInfinity, double.PositiveInfinity];
        // Then a position between 3 and infinity is infinite, and the position of 3 itself is 3
        Assert.Equal(double.PositiveInfinity, Quantiles.R7(sorted, 0.6));
        Assert.Equal(3, Quantiles.R7(sorted, 0.5));
        Assert.Equal(double.PositiveInfinity, Quantiles.R7(sorted, 1));
    }

    [Fact]
    public void R7_OfWholeNumbers_EqualsR7_OfTheirDoubles()
    {
        int[] days = [739_000, 739_003, 739_010, 739_011, 739_040];
        double[] asDoubles = [.. days.Select(d => (double)d)];
        foreach (double tau in Taus)
            Assert.Equal(Quantiles.R7(asDoubles, tau), Quantiles.R7(days, tau));
    }

    [Fact]
    public void R7OfUnsorted_SortsFirst()
    {
        Assert.Equal(2.5, Quantiles.R7OfUnsorted([4.0, 1.0, 3.0, 2.0], 0.5));
    }
}
