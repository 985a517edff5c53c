using MathNet.Numerics.Statistics;
using Salient.Experiments.Sharding;
using Xunit;

namespace Salient.Experiments.Tests.Sharding;

public class ExactColumnTests
{
    private static readonly double[] Taus = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];

    /// <summary>The reference: sort the whole array, MathNet R-7, and LINQ's mean (what RunSummary computed before streaming).</summary>
    private static void AssertSameAsArray(double[] values, ExactColumn<double> column)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        foreach (double tau in Taus)
            Assert.Equal(BitConverter.DoubleToInt64Bits(SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7)),
                BitConverter.DoubleToInt64Bits(column.Quantile(tau)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(values.Average()), BitConverter.DoubleToInt64Bits(column.Mean));
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 37)]
    [InlineData(5000, 3)]
    [InlineData(20_000, 1000)]
    [InlineData(50_000, 100_000)]
    public void Quantiles_AreBitIdenticalToSortingTheArray(int n, int distinct)
    {
        var rng = new Random(n + distinct);
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = rng.Next(distinct) * 0.37 + (distinct > 10_000 ? rng.NextDouble() : 0);
        // Unbounded: the values stay in memory (histogram, then raw); the bounded default is tested in BoundedSummaryTests.
        var column = new ExactColumn<double>(int.MaxValue);
        foreach (double v in values) column.Add(v);
        Assert.Equal(n, column.Count);
        AssertSameAsArray(values, column);
    }

    [Fact]
    public void ContinuousValues_SwitchToRaw_RepeatedValues_StayAHistogram()
    {
        var rng = new Random(3);
        var continuous = new ExactColumn<double>(int.MaxValue);
        var repeated = new ExactColumn<double>(int.MaxValue);
        for (int i = 0; i < 200_000; i++)
        {
            continuous.Add(rng.NextDouble());
            repeated.Add(rng.Next(800));
        }
        Assert.True(continuous.IsRaw);
        Assert.False(repeated.IsRaw);
        Assert.True(repeated.StorageBytes < 100_000, $"{repeated.StorageBytes} bytes");
    }

    [Fact]
    public void Floats_SortNaNFirst_AsArraySortDoes()
    {
        float[] values = [3f, float.NaN, 1f, 2f, 2f, float.NaN, 5f];
        var column = new ExactColumn<float>();
        foreach (float v in values) column.Add(v);
        var asDoubles = values.Select(v => (double)v).ToArray();
        Array.Sort(asDoubles);
        foreach (double tau in Taus)
            Assert.Equal(SortedArrayStatistics.QuantileCustom(asDoubles, tau, QuantileDefinition.R7), column.Quantile(tau));
    }

    [Fact]
    public void NegativeZero_IsStoredAsZero()
    {
        var column = new ExactColumn<double>();
        column.Add(-0.0);
        Assert.Equal(0, BitConverter.DoubleToInt64Bits(column.Quantile(0.5)));
    }

    [Fact]
    public void Empty_GivesNaN()
    {
        var column = new ExactColumn<double>();
        Assert.True(double.IsNaN(column.Quantile(0.5)));
        Assert.True(double.IsNaN(column.Mean));
    }

    [Fact]
    public void AddingAfterAQuantile_StaysExact()
    {
        var rng = new Random(9);
        var values = new List<double>();
        var column = new ExactColumn<double>(int.MaxValue);
        for (int round = 0; round < 5; round++)
        {
            for (int i = 0; i < 3000; i++)
            {
                double v = round < 3 ? rng.Next(50) : rng.NextDouble();
                values.Add(v);
                column.Add(v);
            }
            AssertSameAsArray([.. values], column);
        }
    }
}
