using FsCheck.Xunit;
using Salient.Scenario.Model;
using Xunit;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>
/// <see cref="Distribution.Mean"/> of the truncated families is the mean of what the input sampler draws: the density
/// renormalised on [min, max]. Checked against the untruncated closed forms, symmetry, and a numerical integral of the
/// truncated density (composite Simpson, 20,000 panels: its error here is below 1e-9 of the mean).
/// </summary>
public class DistributionMeanTests
{
    private static Distribution LogNormal(double median, double sigma, double min, double max) =>
        new(DistributionKind.LogNormal, median, sigma, 0, min, max);

    private static Distribution Normal(double mean, double sd, double min, double max) =>
        new(DistributionKind.Normal, mean, sd, 0, min, max);

    [Fact]
    public void AnUntruncatedLogNormal_HasItsClosedFormMean() =>
        Assert.Equal(600 * Math.Exp(0.2 * 0.2 / 2), LogNormal(600, 0.2, 0, double.PositiveInfinity).Mean, 1e-9);

    [Fact]
    public void ASymmetricallyTruncatedNormal_HasItsCentreAsMean() =>
        Assert.Equal(5.0, Normal(5, 2, 1, 9).Mean, 12);

    [Theory]
    [InlineData(600, 0.2, 0, 700)]      // cut above near the median: the mean falls below the untruncated 612
    [InlineData(1, 0.5, 0.8, 10)]       // cut below and far above
    [InlineData(0.02, 1.0, 0.01, 0.03)] // a wide sigma in a narrow window
    public void ATruncatedLogNormal_HasTheMeanOfItsRenormalisedDensity(double median, double sigma, double min, double max)
    {
        double mu = Math.Log(median);
        double Density(double x) => Math.Exp(-Math.Pow(Math.Log(x) - mu, 2) / (2 * sigma * sigma)) / (x * sigma * Math.Sqrt(2 * Math.PI));
        double lo = Math.Max(min, 1e-12);
        double expected = Simpson(x => x * Density(x), lo, max) / Simpson(Density, lo, max);
        Assert.Equal(expected, LogNormal(median, sigma, min, max).Mean, expected * 1e-9);
    }

    [Theory]
    [InlineData(0.5, 0.3, 0, 1)]    // cut on both sides, unevenly
    [InlineData(10, 4, 9, 100)]     // cut mostly below
    public void ATruncatedNormal_HasTheMeanOfItsRenormalisedDensity(double mean, double sd, double min, double max)
    {
        double Density(double x) => Math.Exp(-(x - mean) * (x - mean) / (2 * sd * sd));
        double expected = Simpson(x => x * Density(x), min, max) / Simpson(Density, min, max);
        Assert.Equal(expected, Normal(mean, sd, min, max).Mean, Math.Abs(expected) * 1e-9);
    }

    [Fact]
    public void AWindowTooFarInATail_FallsBackAsTheSamplerDoes()
    {
        Assert.Equal(1.0, LogNormal(1, 0.1, 1e6, 2e6).Mean);    // the median
        Assert.Equal(50.0, Normal(0, 1, 50, 60).Mean);          // the mean clamped into the window
    }

    [Property(MaxTest = 500)]
    public bool TheMean_LiesInsideTheWindow(ushort m, ushort s, ushort l, ushort w)
    {
        double median = 0.01 + m / 100.0, sigma = 0.01 + s / 20000.0;
        double lo = median * (l / 65536.0), hi = median * (1 + 1e-3 + w / 1000.0);
        double lognormal = LogNormal(median, sigma, lo, hi).Mean;
        double normal = Normal(median, sigma * median, lo, hi).Mean;
        return lognormal >= lo && lognormal <= hi && normal >= lo && normal <= hi;
    }

    private static double Simpson(Func<double, double> f, double a, double b, int panels = 20_000)
    {
        double h = (b - a) / panels, sum = f(a) + f(b);
        for (int i = 1; i < panels; i++) sum += f(a + i * h) * (i % 2 == 1 ? 4 : 2);
        return sum * h / 3;
    }
}
