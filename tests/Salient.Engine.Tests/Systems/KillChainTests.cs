using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Salient.Engine.Tests.Systems;

/// <summary>
/// Kill-chain means against their closed forms. Every count here is a sum of binomial/Poisson draws, so its
/// standard error is known; assertions allow 6 standard errors (false failure probability below 1e-8 each) and the
/// seeds are fixed, so the tests are deterministic.
/// </summary>
public class KillChainTests
{
    private const double Sigmas = 6;
    private const int Replications = 400;
    private static readonly double FindProbability = 1 - Math.Exp(-1.0); // isr.base_detection = 1 and no sensors

    [Theory]
    [InlineData(1.0, 0.6)]
    [InlineData(0.5, 0.8)]
    [InlineData(0.0, 0.9)]
    public void RadioSorties_JammedShare_IsCoverageTimesEffect(double coverage, double effect)
    {
        var c = SystemsScenario.Compile(SystemsScenario.Yaml(radioTeams: 10, ewAvailability: coverage, ewOnDrone: effect));
        var s = SystemsScenario.Sum(c, Replications, 3, "fires.sorties.fpv-rf.blue", "fires.jammed.fpv-rf.blue");
        double share = s[1] / s[0];
        double p = coverage * effect;
        double se = Math.Sqrt(Math.Max(p * (1 - p), 1e-12) / s[0]);
        Assert.InRange(share, p - Sigmas * se, p + Sigmas * se);
    }

    [Fact]
    public void FiberSorties_Unaffected_ByJamming()
    {
        foreach (double effect in new[] { 0.0, 0.9 })
        {
            var c = SystemsScenario.Compile(SystemsScenario.Yaml(fiberTeams: 10, ewAvailability: 1, ewOnDrone: effect));
            var s = SystemsScenario.Sum(c, Replications, 5, "fires.sorties.fpv-fiber.blue", "fires.jammed.fpv-fiber.blue", "fires.hits.fpv-fiber.blue");
            Assert.Equal(0, s[1]);
            // Expected sorties: 10 teams x 24 a day x 1 day; hits: sorties x P_find x p_hit.
            double expectSorties = 10 * 24.0 * Replications;
            Assert.InRange(s[0], expectSorties - Sigmas * Math.Sqrt(expectSorties), expectSorties + Sigmas * Math.Sqrt(expectSorties));
            double p = FindProbability * 0.5;
            double hitsSe = Math.Sqrt(s[0] * p * (1 - p));
            Assert.InRange(s[2], s[0] * p - Sigmas * hitsSe, s[0] * p + Sigmas * hitsSe);
        }
    }

    [Fact]
    public void RadioHits_FollowTheChain_ThroughCounterDroneJammingFindAndHit()
    {
        var c = SystemsScenario.Compile(SystemsScenario.Yaml(radioTeams: 10, ewAvailability: 0.5, ewOnDrone: 0.6, counterDrone: 0.2));
        var s = SystemsScenario.Sum(c, Replications, 7, "fires.sorties.fpv-rf.blue", "fires.hits.fpv-rf.blue", "casualties.by_cause.fpv-rf.red");
        double p = (1 - 0.2) * (1 - 0.5 * 0.6) * FindProbability * 0.5;
        double se = Math.Sqrt(s[0] * p * (1 - p));
        Assert.InRange(s[1], s[0] * p - Sigmas * se, s[0] * p + Sigmas * se);
        // One casualty per hit on average (Poisson), so casualties are Poisson(hits).
        Assert.InRange(s[2], s[1] - Sigmas * Math.Sqrt(s[1]), s[1] + Sigmas * Math.Sqrt(s[1]));
    }

    [Theory]
    [InlineData(2, 0.7, 1)]
    [InlineData(1, 0.5, 2)]
    public void AirDefence_Leakers_MatchSaturationClosedForm(double channels, double pk, double shots)
    {
        // Rockets: 2 launchers x 48 a day over 24 one-hour ticks, so each tick's raid is N ~ Poisson(4); one battery
        // engages min(N, channels) of them (cycle 60 min = one cycle per tick), each killed with q = 1 - (1-pk)^shots.
        // E[leakers per tick] = E[N] - q E[min(N, C)], with E[min(N, C)] summed exactly over the Poisson pmf.
        var c = SystemsScenario.Compile(SystemsScenario.Yaml(rocketLaunchers: 2, adBatteries: 1, adChannels: channels, adPk: pk, adShots: shots));
        var s = SystemsScenario.Sum(c, Replications, 9, "air_defence.threats.red", "air_defence.leakers.red", "air_defence.engaged.red");
        const double lambda = 4;
        double eMin = 0, pmf = Math.Exp(-lambda);
        for (int k = 0; k < 100; k++) { eMin += Math.Min(k, channels) * pmf; pmf *= lambda / (k + 1); }
        double q = 1 - Math.Pow(1 - pk, shots);
        double ticks = 24.0 * Replications;
        double expected = ticks * (lambda - q * eMin);
        // Leakers per tick have variance below E[N] + E[min]: a safe bound for the standard error.
        double se = Math.Sqrt(ticks * (lambda + eMin));
        Assert.InRange(s[1], expected - Sigmas * se, expected + Sigmas * se);
        Assert.InRange(s[2], ticks * eMin - Sigmas * se, ticks * eMin + Sigmas * se);
    }

    [Fact]
    public void Stock_CapsSorties()
    {
        var c = SystemsScenario.Compile(SystemsScenario.Yaml(radioTeams: 10, stock: 50));
        var s = SystemsScenario.Sum(c, 20, 1, "fires.sorties.fpv-rf.blue");
        Assert.Equal(50 * 20, s[0]);
    }

    // Monotonicity properties over generated configurations. Each compares expectations estimated with the same
    // seeds; the tolerance (6 standard errors of the difference) makes a false failure negligible.

    [FsCheck.Xunit.Property(MaxTest = 8, Replay = "(12345,67891)")]
    public Property MoreEw_NeverHelpsRadioDrones() =>
        Prop.ForAll(Gen.Choose(0, 10).Select(i => i / 10.0).ToArbitrary(), Gen.Choose(0, 10).Select(i => i / 10.0).ToArbitrary(), (a, b) =>
        {
            double lo = Math.Min(a, b), hi = Math.Max(a, b);
            double hitsLo = Hits(lo), hitsHi = Hits(hi);
            return hitsHi <= hitsLo + Sigmas * Math.Sqrt(hitsLo + hitsHi + 1);

            static double Hits(double effect) =>
                SystemsScenario.Sum(SystemsScenario.Compile(SystemsScenario.Yaml(radioTeams: 5, ewAvailability: 1, ewOnDrone: effect)), 60, 2, "fires.hits.fpv-rf.blue")[0];
        });

    [FsCheck.Xunit.Property(MaxTest = 8, Replay = "(2222,3333)")]
    public Property MoreInterceptors_NeverAddLeakers() =>
        Prop.ForAll(Gen.Choose(0, 200).ToArbitrary(), Gen.Choose(0, 200).ToArbitrary(), (a, b) =>
        {
            int lo = Math.Min(a, b), hi = Math.Max(a, b);
            double leakLo = Leakers(lo), leakHi = Leakers(hi);
            return leakHi <= leakLo + Sigmas * Math.Sqrt(leakLo + leakHi + 1);

            static double Leakers(int interceptors) =>
                SystemsScenario.Sum(SystemsScenario.Compile(SystemsScenario.Yaml(rocketLaunchers: 2, adBatteries: 1, adChannels: 3, adInterceptors: interceptors)), 40, 4, "air_defence.leakers.red")[0];
        });

    [FsCheck.Xunit.Property(MaxTest = 8, Replay = "(4444,5555)")]
    public Property MoreStock_NeverLowersSorties() =>
        Prop.ForAll(Gen.Choose(0, 400).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), (a, b) =>
        {
            int lo = Math.Min(a, b), hi = Math.Max(a, b);
            // Same seed and replications: the Poisson draws are identical, and the cap min(S, stock) is monotone in stock.
            return Sorties(hi) >= Sorties(lo);

            static double Sorties(int stock) =>
                SystemsScenario.Sum(SystemsScenario.Compile(SystemsScenario.Yaml(radioTeams: 10, stock: stock)), 10, 6, "fires.sorties.fpv-rf.blue")[0];
        });
}
