using Xunit;
using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Testing;

namespace Salient.Engine.Tests.Kernel;

public class SimulationTests
{
    private static (double[] Metrics, float[] Daily) RunOnce(CompiledScenario c, ulong seed, int rep)
    {
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];
        new Simulation(c).Run(seed, rep, metrics, daily);
        return (metrics, daily);
    }

    private static double Metric(CompiledScenario c, double[] metrics, string name) => metrics[c.Layout.MetricIndex(name)];

    [Fact]
    public void Run_SameSeedAndReplication_IdenticalResultsAndStateHash()
    {
        var c = TestScenarios.Bundled("scenarios/examples/line-of-towns");
        var a = new Simulation(c);
        var b = new Simulation(c);
        var ma = new double[c.Layout.Metrics.Length];
        var mb = new double[c.Layout.Metrics.Length];
        var da = new float[c.Layout.DailyLength];
        var db = new float[c.Layout.DailyLength];
        // b first runs another replication, so reuse of its buffers must not leak state into the next one.
        b.Run(9, 5, mb, db);
        a.Run(9, 3, ma, da);
        b.Run(9, 3, mb, db);
        Assert.Equal(ma, mb);
        Assert.Equal(da, db);
        Assert.Equal(a.StateHash(), b.StateHash());
    }

    [Fact]
    public void Run_DifferentReplications_DifferentOutcomes()
    {
        var c = TestScenarios.Bundled("scenarios/examples/line-of-towns");
        var hashes = new HashSet<ulong>();
        var sim = new Simulation(c);
        var m = new double[c.Layout.Metrics.Length];
        var d = new float[c.Layout.DailyLength];
        for (int rep = 0; rep < 10; rep++)
        {
            sim.Run(1, rep, m, d);
            hashes.Add(sim.StateHash());
        }
        Assert.True(hashes.Count >= 9, $"only {hashes.Count} distinct end states in 10 replications");
    }

    [Fact]
    public void Step_SteadyState_AllocatesNothing()
    {
        var c = TestScenarios.Bundled("scenarios/kursk-2024");
        var sim = new Simulation(c);
        var daily = new float[c.Layout.DailyLength];
        sim.Begin(1, 0);
        for (int i = 0; i < 40; i++) sim.Step(daily); // warm up: JIT, first distance fields
        // Windows of 400 ticks: a tick that allocated would allocate in each of them (AllocationWindows).
        var windows = AllocationWindows.UntilClean(() => { for (int i = 0; i < 400; i++) sim.Step(daily); });
        Assert.True(AllocationWindows.Clean(windows), AllocationWindows.Describe(windows));
    }

    // Assault equation: with cohesion 1, full supply, no support or garrison, the defender's expected casualties in
    // one tick of dt = 1 day are k_blue * A / sqrt(M) with A = blue personnel, and the attacker's k_red * D * sqrt(M).
    // Poisson draws: the standard error of the mean over n replications is sqrt(lambda / n); 6 SE gives a false
    // failure probability below 1e-8 per assertion.
    private const int AssaultReplications = 4000;
    private const double Sigmas = 6.0;

    /// <summary>Each side's mean casualties over <see cref="AssaultReplications"/> replications of <paramref name="seed"/>.</summary>
    private static (double Red, double Blue) MeanCasualties(CompiledScenario c, ulong seed)
    {
        double red = 0, blue = 0;
        for (int rep = 0; rep < AssaultReplications; rep++)
        {
            var (m, _) = RunOnce(c, seed, rep);
            red += Metric(c, m, "casualties.total.red");
            blue += Metric(c, m, "casualties.total.blue");
        }
        return (red / AssaultReplications, blue / AssaultReplications);
    }

    /// <summary>The mean of Poisson counts lies within <see cref="Sigmas"/> standard errors, sqrt(lambda / n), of lambda.</summary>
    private static void AssertPoissonMean(double mean, double expected)
    {
        double se = Math.Sqrt(expected / AssaultReplications);
        Assert.InRange(mean, expected - Sigmas * se, expected + Sigmas * se);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.25)]
    public void Assault_OneTick_MeanCasualtiesMatchLanchesterRates(double defensibility)
    {
        string yaml = TestScenarios.Duel(1000, 800, ground: "positional_intensity: 0\nlethality: { blue: 0.02, red: 0.03 }").Replace("area_km2: 10, control: red", $"area_km2: 10, control: red, defensibility: {defensibility}", StringComparison.Ordinal);
        var c = TestScenarios.Compile(yaml);
        var (meanRed, meanBlue) = MeanCasualties(c, 11);
        double sqrtM = Math.Sqrt(defensibility);
        double expectRed = 0.02 * 1000 / sqrtM;
        double expectBlue = 0.03 * 800 * sqrtM;
        AssertPoissonMean(meanRed, expectRed);
        AssertPoissonMean(meanBlue, expectBlue);
    }

    [Fact]
    public void PositionalFighting_BothDefending_MeanCasualtiesMatchIntensity()
    {
        // Each side fires k * intensity * P on its single contact: blue 0.02 * 0.5 * 1000 = 10 a day on red.
        string yaml = TestScenarios.Duel(1000, 800, bluePosture: "defend", ground: "positional_intensity: 0.5\nlethality: { blue: 0.02, red: 0.03 }").Replace(", objectives: [e]", "", StringComparison.Ordinal);
        var c = TestScenarios.Compile(yaml);
        const double expectRed = 0.02 * 0.5 * 1000;
        AssertPoissonMean(MeanCasualties(c, 5).Red, expectRed);
    }

    [Fact]
    public void Assault_AreaFire_MeanCasualtiesScaleWithTheTargetsDensity()
    {
        // Area fire multiplies a side's casualty mean by (1 - phi) + phi * rho / rho_ref, rho = target personnel / area
        // of the contested cell (10 km2): red's rho = 80, blue's rho = 100, against rho_ref = 50.
        string yaml = TestScenarios.Duel(1000, 800, ground: "positional_intensity: 0\nlethality: { blue: 0.02, red: 0.03 }\narea_fire: { blue: 0.5, red: 1 }\narea_fire_density: 50");
        var c = TestScenarios.Compile(yaml);
        var (meanRed, meanBlue) = MeanCasualties(c, 11);
        const double expectRed = 0.02 * 1000 * (0.5 + 0.5 * 800 / 10.0 / 50);
        const double expectBlue = 0.03 * 800 * (1000 / 10.0 / 50);
        AssertPoissonMean(meanRed, expectRed);
        AssertPoissonMean(meanBlue, expectBlue);
    }

    [Fact]
    public void PositionalFighting_AreaFire_ScalesWithTheDensityOfTheTargetsCell()
    {
        // Blue's fire is all area fire: 0.02 * 0.5 * 1000 a day, times red's density 800 / 10 km2 over rho_ref 40.
        string yaml = TestScenarios.Duel(1000, 800, bluePosture: "defend", ground: "positional_intensity: 0.5\nlethality: { blue: 0.02, red: 0.03 }\narea_fire: { blue: 1 }\narea_fire_density: 40").Replace(", objectives: [e]", "", StringComparison.Ordinal);
        var c = TestScenarios.Compile(yaml);
        var (meanRed, meanBlue) = MeanCasualties(c, 5);
        const double expectRed = 0.02 * 0.5 * 1000 * (800 / 10.0 / 40);
        const double expectBlue = 0.03 * 0.5 * 800; // red's fire stays aimed
        AssertPoissonMean(meanRed, expectRed);
        AssertPoissonMean(meanBlue, expectBlue);
    }

    [Fact]
    public void AreaFire_Zero_IsIdenticalToTheDefault()
    {
        var plain = TestScenarios.Compile(TestScenarios.Duel(3000, 1000, days: 5, tickHours: 6, ground: "positional_intensity: 0.2"));
        var zero = TestScenarios.Compile(TestScenarios.Duel(3000, 1000, days: 5, tickHours: 6, ground: "positional_intensity: 0.2\narea_fire: { blue: 0, red: 0 }\narea_fire_density: 7"));
        for (int rep = 0; rep < 5; rep++)
        {
            var a = RunOnce(plain, 2, rep);
            var b = RunOnce(zero, 2, rep);
            Assert.Equal(a.Metrics, b.Metrics);
            Assert.Equal(a.Daily, b.Daily);
        }
    }

    [Fact]
    public void Step_WithAreaFire_AllocatesNothing()
    {
        var c = TestScenarios.Compile(TestScenarios.Duel(3000, 1000, days: 30, tickHours: 1, ground: "positional_intensity: 0.2\narea_fire: { blue: 0.5, red: 1 }"));
        var sim = new Simulation(c);
        var daily = new float[c.Layout.DailyLength];
        sim.Begin(1, 0);
        for (int i = 0; i < 40; i++) sim.Step(daily);
        var windows = AllocationWindows.UntilClean(() => { for (int i = 0; i < 400; i++) sim.Step(daily); });
        Assert.True(AllocationWindows.Clean(windows), AllocationWindows.Describe(windows));
    }

    [Fact]
    public void Casualties_AddUp_PersonnelIsConserved()
    {
        var c = TestScenarios.Compile(TestScenarios.Duel(3000, 1000, days: 20, tickHours: 6, ground: "positional_intensity: 0.2"));
        for (int rep = 0; rep < 20; rep++)
        {
            var (m, _) = RunOnce(c, 3, rep);
            foreach (var side in new[] { "blue", "red" })
            {
                double initial = side == "blue" ? 3000 : 1000;
                double lost = Metric(c, m, $"casualties.total.{side}");
                double final = Metric(c, m, $"personnel.final.{side}");
                Assert.Equal(initial, final + lost, 6);
                Assert.Equal(lost, Metric(c, m, $"casualties.killed.{side}") + Metric(c, m, $"casualties.wounded.{side}") + Metric(c, m, $"casualties.captured.{side}"), 6);
            }
        }
    }

    [Fact]
    public void UndefendedCell_FallsAfterDistanceOverAdvanceRate()
    {
        // Red has no unit in 'e' and no garrison: blue walks in at 7 km / (3.5 km/day) = 2 days, so on day index 1.
        var c = TestScenarios.Compile(TestScenarios.Duel(1000, 0, days: 5, tickHours: 6, ground: "advance_km_per_day: 3.5"));
        var (m, daily) = RunOnce(c, 1, 0);
        Assert.Equal(20, Metric(c, m, "control.area_km2.blue"));
        int series = c.Layout.SeriesIndex("control.area_km2.blue");
        Assert.Equal(10f, daily[series * c.Days + 0]);
        Assert.Equal(20f, daily[series * c.Days + 1]);
    }

    [Fact]
    public void KurskScenario_RunsToTheEnd_WithPlausibleTotals()
    {
        var c = TestScenarios.Bundled("scenarios/kursk-2024");
        var (m, _) = RunOnce(c, 1, 0);
        Assert.True(Metric(c, m, "control.area_km2_peak.blue") > 100, "the incursion should take ground");
        Assert.True(Metric(c, m, "casualties.total.blue") > 0);
        Assert.True(Metric(c, m, "casualties.total.red") > 0);
        Assert.False(double.IsNaN(Metric(c, m, "capture.sudzha.blue")), "Sudzha should fall to blue");
    }
}
