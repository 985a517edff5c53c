using Salient.Experiments.Validation;
using Xunit;

namespace Salient.Validation.Tests;

/// <summary>The closed forms themselves, against hand-computed values, and the cases' refusal of scenarios that break their assumptions.</summary>
public sealed class ClosedFormTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-validation-" + Guid.NewGuid().ToString("N"));

    public ClosedFormTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void DuelChain_OneTickOfOneAgainstOne_IsTheProductOfPoissonZeros()
    {
        var law = DuelChain.FinalLaw(1, 1, 0.3, 0.2, 1);
        Assert.Equal(Math.Exp(-0.3) * Math.Exp(-0.2), law[1, 1], 12);
        Assert.Equal((1 - Math.Exp(-0.3)) * (1 - Math.Exp(-0.2)), law[0, 0], 12);
        Assert.Equal(Math.Exp(-0.3) * (1 - Math.Exp(-0.2)), law[0, 1], 12);
    }

    [Fact]
    public void DuelChain_ConservesProbability_AndNeverGrowsAForce()
    {
        var law = DuelChain.FinalLaw(12, 10, 0.01, 0.012, 96);
        double total = 0;
        foreach (double p in law) { total += p; Assert.True(p >= 0); }
        Assert.Equal(1, total, 12);
    }

    [Fact]
    public void CappedPoisson_PutsTheTailOnTheCap()
    {
        var pmf = new double[3];
        DuelChain.CappedPoisson(1.5, 2, pmf);
        Assert.Equal(Math.Exp(-1.5), pmf[0], 14);
        Assert.Equal(1.5 * Math.Exp(-1.5), pmf[1], 14);
        Assert.Equal(1 - 2.5 * Math.Exp(-1.5), pmf[2], 14);
    }

    [Theory]
    [InlineData(4, 2, 0.7)]
    [InlineData(4, 8, 0.75)]
    public void AirDefenceMoments_MatchTheSaturationClosedForm(double lambda, double capacity, double q)
    {
        var (leak, leakVar, engaged, engagedVar) = AirDefenceSaturationCase.Moments(lambda, capacity, q);
        double eMin = 0, pmf = Math.Exp(-lambda);
        for (int k = 0; k < 200; k++) { eMin += Math.Min(k, capacity) * pmf; pmf *= lambda / (k + 1); }
        Assert.Equal(eMin, engaged, 10);
        Assert.Equal(lambda - q * eMin, leak, 10);
        Assert.True(engagedVar > 0 && engagedVar <= lambda + 1e-9, "min(N, C) varies less than N");
        Assert.True(leakVar > 0);
    }

    [Fact]
    public void AirDefenceMoments_WithoutCapacity_LeakersArePoisson()
    {
        var (leak, leakVar, engaged, _) = AirDefenceSaturationCase.Moments(3, 0, 0.9);
        Assert.Equal(3, leak, 10);
        Assert.Equal(3, leakVar, 10);
        Assert.Equal(0, engaged, 10);
    }

    [Fact]
    public void LinearLaw_KeepsItsInvariant_AndSolvesTheOde()
    {
        const double a = 2e-4, b = 1e-4, b0 = 800, r0 = 1000;
        for (double t = 0; t <= 20; t += 2.5)
        {
            var (bt, rt) = LanchesterLinearCase.Ode(b0, r0, a, b, t);
            Assert.Equal(a * b0 - b * r0, a * bt - b * rt, 10);
            // dB/dt = -b B R by a central difference.
            var (bp, rp) = LanchesterLinearCase.Ode(b0, r0, a, b, t + 1e-4);
            var (bm, rm) = LanchesterLinearCase.Ode(b0, r0, a, b, t - 1e-4);
            Assert.Equal(-b * bt * rt, (bp - bm) / 2e-4, 4);
            Assert.Equal(-a * bt * rt, (rp - rm) / 2e-4, 4);
        }
        // K = 0: both decay as B0 / (1 + a B0 t).
        var (b1, r1) = LanchesterLinearCase.Ode(1000, 500, 1e-4, 2e-4, 3);
        Assert.Equal(1000 / (1 + 0.1 * 3), b1, 9);
        Assert.Equal(500 / (1 + 0.1 * 3), r1, 9);
    }

    [Fact]
    public void LinearLaw_EulerMeanConvergesToTheOde()
    {
        var coarse = LanchesterLinearCase.Propagate(1000, 900, 1e-4, 8e-5, 1.0 / 24, 5, 24)[^1];
        var fine = LanchesterLinearCase.Propagate(1000, 900, 1e-4, 8e-5, 1.0 / 240, 5, 240)[^1];
        var (ob, or) = LanchesterLinearCase.Ode(1000, 900, 1e-4, 8e-5, 5);
        Assert.True(Math.Abs(fine.EulerB - ob) < Math.Abs(coarse.EulerB - ob) / 5, $"{fine.EulerB} {coarse.EulerB} {ob}");
        Assert.True(Math.Abs(fine.EulerR - or) < Math.Abs(coarse.EulerR - or) / 5, $"{fine.EulerR} {coarse.EulerR} {or}");
    }

    [Fact]
    public void SalvoMoments_SureKillsAreThePoissonExcess()
    {
        // q = 1, p = 1 and batteries that never cap: D = (N - C)^+.
        const double lambda = 12, c = 9;
        var (mean, variance) = HughesSalvoCase.Moments(lambda, c, 1, 1, 1000);
        double m1 = 0, m2 = 0, pmf = Math.Exp(-lambda);
        for (int n = 0; n < 200; n++) { double d = Math.Max(0, n - c); m1 += pmf * d; m2 += pmf * d * d; pmf *= lambda / (n + 1); }
        Assert.Equal(m1, mean, 10);
        Assert.Equal(m2 - m1 * m1, variance, 8);
    }

    [Fact]
    public void SalvoMoments_WithoutDefence_AreAThinnedPoisson_AndTheCapBinds()
    {
        // No capacity: D = Bin(N, p) is Poisson(lambda p) while B never binds.
        var (mean, variance) = HughesSalvoCase.Moments(10, 0, 0.5, 0.3, 1000);
        Assert.Equal(3, mean, 10);
        Assert.Equal(3, variance, 8);
        // With B = 1 the loss is 1 unless no missile hits.
        var (capped, _) = HughesSalvoCase.Moments(10, 0, 0.5, 0.3, 1);
        Assert.Equal(1 - Math.Exp(-3), capped, 10);
    }

    [Theory]
    [InlineData("lanchester-linear", "      red: { value: 1, source: \"validation: area fire only\" }", "      red: { value: 0.5, source: \"validation: area fire only\" }")]
    [InlineData("hughes-salvo", "cycle_minutes: { value: 1440,", "cycle_minutes: { value: 720,")]
    [InlineData("lanchester-square", "    positional_intensity: { value: 0, source: \"validation: assaults only\" }", "    positional_intensity: { value: 0.1, source: \"validation: assaults only\" }")]
    [InlineData("markov-duel", "    break_cohesion: { value: 0, source: \"validation: red never breaks on cohesion\" }", "    break_cohesion: { value: 0.2, source: \"validation: red never breaks on cohesion\" }")]
    [InlineData("air-defence-saturation", "cycle_minutes: { value: 60,", "cycle_minutes: { value: 30,")]
    [InlineData("ew-jamming", "      red: { value: 0, source: \"validation: every sortie reaches the jamming step\" }", "      red: { value: 0.1, source: \"validation: every sortie reaches the jamming step\" }")]
    public void Case_RefusesAScenarioThatBreaksItsAssumptions(string id, string original, string broken)
    {
        string text = File.ReadAllText(Path.Combine(ValidationFixture.RepoRoot, ValidationSuite.Folder, id, "scenario.yaml"));
        Assert.Contains(original, text, StringComparison.Ordinal);
        string folder = Path.Combine(_root, id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "scenario.yaml"), text.Replace(original, broken, StringComparison.Ordinal));
        var c = ValidationSuite.Cases.Single(v => v.Id == id);
        var ex = Assert.Throws<InvalidOperationException>(() => c.Run(folder, 1));
        Assert.Contains("assumption", ex.Message, StringComparison.Ordinal);
    }
}
