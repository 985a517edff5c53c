using Salient.Analysis.Sensitivity;
using System.Globalization;
using Xunit;
using Xunit.Abstractions;

namespace Salient.Analysis.Tests;

public sealed class SensitivityTests(ITestOutputHelper output)
{
    /// <summary>Ishigami function (a = 7, b = 0.1) on the unit cube mapped to [-π, π]^3.</summary>
    private static double Ishigami(double[] u)
    {
        double x1 = (2 * u[0] - 1) * Math.PI, x2 = (2 * u[1] - 1) * Math.PI, x3 = (2 * u[2] - 1) * Math.PI;
        return Math.Sin(x1) + (7 * Math.Sin(x2) * Math.Sin(x2)) + (0.1 * Math.Pow(x3, 4) * Math.Sin(x1));
    }

    [Fact]
    public void Sobol_Ishigami_MatchesPublishedIndices()
    {
        // Published (Ishigami & Homma 1990; Saltelli et al. 2008): S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
        // N = 50,000 seeded Monte Carlo rows (250,000 evaluations): the Jansen estimators' standard error is about 0.005,
        // so the stated tolerance is 0.02 (four standard errors).
        const double Tolerance = 0.02;
        var r = SobolIndices.Run(Ishigami, 3, 50_000, seed: 1, bootstrap: 100);
        double[] s1 = [0.3139, 0.4424, 0.0];
        double[] st = [0.5576, 0.4424, 0.2437];
        for (int i = 0; i < 3; i++)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"x{i + 1}: S1 = {r.FirstOrder[i]:0.0000} [{r.FirstLow[i]:0.0000}, {r.FirstHigh[i]:0.0000}], ST = {r.Total[i]:0.0000} [{r.TotalLow[i]:0.0000}, {r.TotalHigh[i]:0.0000}]"));
        for (int i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(r.FirstOrder[i] - s1[i]) < Tolerance, $"S1[{i}] = {r.FirstOrder[i]}, expected {s1[i]}");
            Assert.True(Math.Abs(r.Total[i] - st[i]) < Tolerance, $"ST[{i}] = {r.Total[i]}, expected {st[i]}");
            Assert.True(r.FirstLow[i] <= r.FirstOrder[i] && r.FirstOrder[i] <= r.FirstHigh[i]);
            Assert.True(r.TotalLow[i] <= r.Total[i] && r.Total[i] <= r.TotalHigh[i]);
            Assert.True(r.FirstHigh[i] - r.FirstLow[i] < 0.05, $"S1[{i}] interval too wide");
        }
        Assert.Equal(13.845, r.Variance, 0.3);
    }

    [Fact]
    public void Sobol_IsDeterministicForASeed()
    {
        var a = SobolIndices.Run(Ishigami, 3, 500, seed: 7, bootstrap: 20);
        var b = SobolIndices.Run(Ishigami, 3, 500, seed: 7, bootstrap: 20);
        Assert.Equal(a.FirstOrder, b.FirstOrder);
        Assert.Equal(a.TotalHigh, b.TotalHigh);
    }

    [Fact]
    public void Sobol_AdditiveLinearModel_IndicesAreSquaredCoefficientShares()
    {
        // f = 1 x1 + 2 x2 + 0 x3 with independent uniforms: S_i = ST_i = c_i^2 / sum c^2 = 0.2, 0.8, 0.
        var r = SobolIndices.Run(u => u[0] + (2 * u[1]), 3, 20_000, seed: 3, bootstrap: 0);
        Assert.Equal(0.2, r.FirstOrder[0], 0.02);
        Assert.Equal(0.8, r.FirstOrder[1], 0.02);
        Assert.Equal(0.0, r.Total[2], 1e-12);
    }

    [Fact]
    public void Morris_LinearModel_MuStarEqualsCoefficientsExactly()
    {
        double[] c = [3.0, -1.5, 0.0, 10.0];
        var effects = MorrisScreening.Run(u => c.Select((ci, i) => ci * u[i]).Sum(), 4, trajectories: 10, levels: 4, seed: 5);
        for (int i = 0; i < c.Length; i++)
        {
            Assert.Equal(Math.Abs(c[i]), effects[i].MuStar, 1e-9);
            Assert.Equal(c[i], effects[i].Mu, 1e-9);
            Assert.Equal(0.0, effects[i].Sigma, 1e-9);
        }
    }

    [Fact]
    public void Morris_SobolGFunction_RanksInputsByImportance()
    {
        // g(x) = prod (|4x_i - 2| + a_i) / (1 + a_i); smaller a_i means a more important input.
        double[] a = [0, 1, 4.5, 9, 99, 99];
        double G(double[] x) => a.Select((ai, i) => (Math.Abs(4 * x[i] - 2) + ai) / (1 + ai)).Aggregate(1.0, (p, v) => p * v);
        var effects = MorrisScreening.Run(G, a.Length, trajectories: 50, levels: 4, seed: 11);
        for (int i = 0; i + 1 < 4; i++)
            Assert.True(effects[i].MuStar > effects[i + 1].MuStar, $"mu*[{i}] = {effects[i].MuStar} <= mu*[{i + 1}] = {effects[i + 1].MuStar}");
        // The a = 99 inputs are nearly inert: tolerance 0.1 on an effect of the order of 0.04.
        Assert.True(effects[4].MuStar < 0.1 && effects[5].MuStar < 0.1);
        Assert.True(effects[0].Sigma > 0);
    }

    [Fact]
    public void MorrisDesign_StepsStayOnTheGridAndInsideTheCube()
    {
        var design = MorrisDesign.Create(5, 20, 6, seed: 2);
        Assert.Equal(20 * 6, design.Rows.Count);
        Assert.Equal(0.6, design.Delta, 1e-12);
        foreach (var row in design.Rows)
            foreach (double x in row)
            {
                Assert.InRange(x, 0, 1);
                Assert.Equal(Math.Round(x * 5), x * 5, 1e-9);
            }
    }

    [Fact]
    public void MorrisDesign_OddLevels_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MorrisDesign.Create(2, 2, 5, 1));
}
