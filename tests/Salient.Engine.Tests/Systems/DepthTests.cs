using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Engine.Tests.Kernel;
using Salient.Scenario.Model;
using Salient.Scenario.Parsing;
using Xunit;

namespace Salient.Engine.Tests.Systems;

/// <summary>
/// Depth (docs/model.md, "Depth: the rear and deep strike"): rear units hold their depth, deep strike follows its
/// closed form, air defence cuts it by its interception probability, and exposure by posture is monotone.
/// Counts are sums of Bernoulli, Poisson and binomial draws with known variance; assertions allow 6 standard errors
/// (false failure probability below 1e-8 each) and the seeds are fixed, so the tests are deterministic.
/// </summary>
public class DepthTests
{
    private const double Sigmas = 6;

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// A strip of cells 5 km apart (edges of length 5, mobility 1): blue holds w2, w1; red holds e1..e6. Both sides
    /// defend with a line unit at the line; red's rear unit starts at e6.
    /// </summary>
    private static string Strip(double depthKm, string redPlan = "defend", int days = 20) => $$"""
        salient: 1
        name: strip
        calendar: { start: 2024-01-01, end: 2024-01-{{days:00}}, tick_hours: 6 }
        sides: [ { id: blue }, { id: red, doctrine: { attack_ratio: 100 } } ]
        theatre:
          nodes:
            - { id: w2, lon: 29.86, lat: 50, area_km2: 25, control: blue }
            - { id: w1, lon: 29.93, lat: 50, area_km2: 25, control: blue }
            - { id: e1, lon: 30.00, lat: 50, area_km2: 25, control: red }
            - { id: e2, lon: 30.07, lat: 50, area_km2: 25, control: red }
            - { id: e3, lon: 30.14, lat: 50, area_km2: 25, control: red }
            - { id: e4, lon: 30.21, lat: 50, area_km2: 25, control: red }
            - { id: e5, lon: 30.28, lat: 50, area_km2: 25, control: red }
            - { id: e6, lon: 30.35, lat: 50, area_km2: 25, control: red }
          edges:
            - { from: w2, to: w1, length_km: 5 }
            - { from: w1, to: e1, length_km: 5 }
            - { from: e1, to: e2, length_km: 5 }
            - { from: e2, to: e3, length_km: 5 }
            - { from: e3, to: e4, length_km: 5 }
            - { from: e4, to: e5, length_km: 5 }
            - { from: e5, to: e6, length_km: 5 }
        units:
          - { id: b, side: blue, at: w1, personnel: 1000 }
          - { id: r, side: red, at: e1, personnel: 1000 }
          - { id: rear, side: red, at: e6, role: rear, depth_km: {{F(depthKm)}}, personnel: 100 }
        plans:
          - side: red
            phases:
              - { name: p, start: 2024-01-01, end: 2024-01-{{days:00}}, posture: {{redPlan}}, objectives: [w2] }
        parameters:
          ground: { positional_intensity: 0 }
        """;

    [Theory]
    [InlineData(10, 10)]   // exactly two cells behind e1: e3
    [InlineData(12, 10)]   // e3 (gap 2) beats e4 (gap 3)
    [InlineData(13, 15)]   // e4 (gap 2) beats e3 (gap 3)
    [InlineData(0, 0)]     // the engaged front cell itself: e1
    [InlineData(100, 25)]  // deeper than the strip: the last cell, e6
    public void RearUnit_ConvergesToTheCellNearestItsDepth(double depthKm, double expectedKm)
    {
        var c = TestScenarios.Compile(Strip(depthKm));
        var s = SystemsScenario.Sum(c, 3, 1, MetricNames.RearDistanceKm("red"));
        Assert.Equal(3 * expectedKm, s[0], 9);
    }

    [Fact]
    public void RearUnit_NeverAssaults_EvenWhenItsSidesPlanAttacks()
    {
        // Red's plan is attack, but attack_ratio 100 keeps its line unit from assaulting; the rear unit must still
        // hold its depth rather than close up on the objective (which a line unit in attack posture would do).
        var c = TestScenarios.Compile(Strip(10, redPlan: "attack"));
        var s = SystemsScenario.Sum(c, 2, 1, MetricNames.RearDistanceKm("red"));
        Assert.Equal(2 * 10.0, s[0], 9);
    }

    [Fact]
    public void RearUnit_FollowsTheFront_WhenItMoves()
    {
        // Blue (overwhelming, attack ratio 0) takes e1 and e2 and stops at its objective; red's engaged front moves from
        // e1 to e3, so a rear unit holding 10 km ends at e5, 10 km behind the new line (it first went to e3).
        string yaml = Strip(10, days: 30)
            .Replace("sides: [ { id: blue },", "sides: [ { id: blue, doctrine: { attack_ratio: 0 } },", StringComparison.Ordinal)
            .Replace("{ id: b, side: blue, at: w1, personnel: 1000 }", "{ id: b, side: blue, at: w1, personnel: 20000 }", StringComparison.Ordinal)
            .Replace("plans:\n", "plans:\n  - side: blue\n    phases:\n      - { name: a, start: 2024-01-01, end: 2024-01-30, posture: attack, objectives: [e2] }\n", StringComparison.Ordinal);
        var c = TestScenarios.Compile(yaml);
        var s = SystemsScenario.Sum(c, 3, 1, MetricNames.RearDistanceKm("red"), MetricNames.ControlArea("blue"));
        Assert.Equal(3 * 4 * 25.0, s[1], 6); // blue holds w2, w1, e1, e2 in every replication
        Assert.Equal(3 * 10.0, s[0], 9);
    }

    [Fact]
    public void NoRearUnit_DeclaresNoRearMetric()
    {
        var c = TestScenarios.Compile(Strip(10).Replace(", role: rear, depth_km: 10", "", StringComparison.Ordinal));
        Assert.True(c.Layout.MetricIndex(MetricNames.RearDistanceKm("red")) < 0);
        Assert.True(c.Layout.MetricIndex(MetricNames.DeepHits("logistics", "blue")) < 0);
    }

    /// <summary>
    /// Two cells 5 km apart, no ground combat: blue's deep-strike launchers aim at red's trucks (exposure 0.4, kill 0
    /// so the target never changes); red may have SAM batteries 10 km behind it, at f. No sensors: D = base detection.
    /// </summary>
    private static string Deep(double baseDetection, double holding = 1, int launchers = 10, double adPk = 0, int sams = 0,
        double samRangeKm = 50, double truckKill = 0, int days = 2) => $$"""
        salient: 1
        name: deep
        calendar: { start: 2024-01-01, end: 2024-01-{{days:00}}, tick_hours: 1 }
        sides: [ { id: blue }, { id: red } ]
        theatre:
          nodes:
            - { id: w, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: e, lon: 30.07, lat: 50, area_km2: 10, control: red }
            - { id: f, lon: 30.21, lat: 50, area_km2: 10, control: red }
          edges: [ { from: w, to: e }, { from: e, to: f } ]
        catalogue:
          - id: rocket
            class: artillery
            fires: { link: none, deep_strike: true, interceptable: true, range_km: 80, rate_per_day: 24, p_hit: 0.5, kill: { logistics: {{F(truckKill)}} }, priority: { logistics: 1 } }
          - { id: truck, class: logistics, exposure: 0.4, cost_usd: 100000 }
          - id: sam
            class: air_defence
            exposure: 0
            air_defence: { range_km: {{F(samRangeKm)}}, channels: 10000, cycle_minutes: 60, interceptors: 1000000, pk: {{F(adPk)}}, shots_per_target: 1 }
        units:
          - { id: b, side: blue, at: w, personnel: 1000, inventory: { rocket: {{launchers}} } }
          - { id: r, side: red, at: e, personnel: 1000, inventory: { truck: 1000 } }
          - { id: ad, side: red, at: f, role: rear, depth_km: 10, personnel: 100, inventory: { sam: {{sams}} } }
        parameters:
          ground: { positional_intensity: 0 }
          isr: { base_detection: {{F(baseDetection)}}, exposure: { holding: {{F(holding)}} } }
        """;

    /// <summary>
    /// Closed form: per tick of length dt (days), red is cued with q = 1 - exp(-D x_hold dt); given a cue, sorties are
    /// Poisson(n r dt) and each hits with exposure x p_hit, so hits per tick are q x Poisson(n r dt e p). Over T ticks
    /// and R replications, E[hits] = R T q n r dt e p and Var = R T (q mu (1 + mu) - (q mu)^2), mu = n r dt e p.
    /// </summary>
    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(2.0, 1.0)]
    [InlineData(2.0, 0.5)]
    public void DeepStrikeHits_MatchTheCueingClosedForm(double baseDetection, double holding)
    {
        const int R = 400, T = 48;
        double dt = 1.0 / 24;
        var c = TestScenarios.Compile(Deep(baseDetection, holding));
        var s = SystemsScenario.Sum(c, R, 11, MetricNames.DeepHits("logistics", "blue"), "fires.hits.rocket.blue");
        double q = 1 - Math.Exp(-baseDetection * holding * dt);
        double mu = 10 * 24 * dt * 0.4 * 0.5;
        double mean = R * T * q * mu;
        double se = Math.Sqrt(R * T * (q * mu * (1 + mu) - q * mu * q * mu));
        Assert.InRange(s[0], mean - Sigmas * se, mean + Sigmas * se);
        Assert.Equal(s[1], s[0]);
    }

    /// <summary>
    /// A battery covering the target (ample channels and missiles, one shot of kill probability pk) lets each
    /// interceptable sortie through with 1 - pk, so hits fall to (1 - pk) x the closed form above; the same battery
    /// with a radius short of the target (10 km away, 5 km range) changes nothing.
    /// </summary>
    [Theory]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public void AirDefenceInRadius_CutsDeepStrikesByItsInterceptionProbability(double pk)
    {
        const int R = 400, T = 48;
        double dt = 1.0 / 24, baseDetection = 2;
        double q = 1 - Math.Exp(-baseDetection * dt);
        double mu = 10 * 24 * dt * 0.4 * 0.5 * (1 - pk);
        var covered = SystemsScenario.Sum(TestScenarios.Compile(Deep(baseDetection, adPk: pk, sams: 1)), R, 13, MetricNames.DeepHits("logistics", "blue"));
        double mean = R * T * q * mu;
        double se = Math.Sqrt(R * T * (q * mu * (1 + mu) - q * mu * q * mu));
        Assert.InRange(covered[0], mean - Sigmas * se, mean + Sigmas * se);

        // A battery whose radius does not reach the target: the unprotected closed form.
        var outOfRange = SystemsScenario.Sum(TestScenarios.Compile(Deep(baseDetection, adPk: pk, sams: 1, samRangeKm: 5)), R, 13, MetricNames.DeepHits("logistics", "blue"));
        double mu0 = 10 * 24 * dt * 0.4 * 0.5;
        double mean0 = R * T * q * mu0;
        double se0 = Math.Sqrt(R * T * (q * mu0 * (1 + mu0) - q * mu0 * q * mu0));
        Assert.InRange(outOfRange[0], mean0 - Sigmas * se0, mean0 + Sigmas * se0);
    }

    [Fact]
    public void MoreAirDefenceCoverage_NeverRaisesLosses()
    {
        // Trucks now die (kill 0.5); losses to deep strike must not rise with more batteries or a better pk.
        // Each step's expected losses are lower, so the means may be compared with their standard errors.
        const int R = 300;
        double previous = double.PositiveInfinity, previousSe = 0;
        foreach (var (sams, pk) in new[] { (0, 0.0), (1, 0.3), (1, 0.6), (3, 0.6), (3, 0.9) })
        {
            var c = TestScenarios.Compile(Deep(2, adPk: pk, sams: sams, truckKill: 0.5));
            var s = SystemsScenario.Sum(c, R, 17, MetricNames.DeepLosses("logistics", "red"), "losses.truck.red");
            Assert.Equal(s[1], s[0]);
            double se = Math.Sqrt(Math.Max(s[0], 1));
            Assert.True(s[0] <= previous + Sigmas * Math.Sqrt(se * se + previousSe * previousSe),
                $"losses rose with more air defence: {s[0]} after {previous} ({sams} batteries, pk {pk})");
            previous = s[0];
            previousSe = se;
        }
    }

    [Fact]
    public void DugIn_IsNeverMoreFindableThanAssaultingOrMoving()
    {
        // The multipliers' catalogue ranges put holding at or below 1 and moving and assaulting at or above 1, so for
        // every valid scenario a unit holding is never more findable than the same unit moving or assaulting.
        var byName = ParameterCatalogue.Definitions.ToDictionary(d => d.Name);
        var holding = byName["isr.exposure.holding"];
        foreach (var other in new[] { byName["isr.exposure.moving"], byName["isr.exposure.assaulting"] })
        {
            Assert.True(holding.Max <= other.Min);
            Assert.Equal(1.0, other.Default);
        }
        Assert.Equal(1.0, holding.Default);
    }

    [Fact]
    public void DugIn_FewerDeepHitsThanTheSameUnitWithoutCover()
    {
        // Monotone in the holding multiplier: 0.25 < 0.5 < 1 gives no more hits at each step.
        const int R = 300;
        double previous = 0;
        foreach (double h in new[] { 0.25, 0.5, 1.0 })
        {
            var s = SystemsScenario.Sum(TestScenarios.Compile(Deep(2, holding: h)), R, 19, MetricNames.DeepHits("logistics", "blue"));
            Assert.True(s[0] >= previous - Sigmas * Math.Sqrt(Math.Max(previous, 1) * 3), $"more hits when dug in deeper: {previous} then {s[0]} at {h}");
            previous = s[0];
        }
    }

    [Fact]
    public void RoleAndDepth_AreChecked()
    {
        string ok = Strip(10);
        var missing = ScenarioLoader.LoadText(ok.Replace(", depth_km: 10", "", StringComparison.Ordinal), "t.yaml", Path.GetTempPath());
        Assert.Contains(missing.Errors, d => d.Code == "SAL102");
        var stray = ScenarioLoader.LoadText(ok.Replace("role: rear, ", "", StringComparison.Ordinal), "t.yaml", Path.GetTempPath());
        Assert.Contains(stray.Errors, d => d.Code == "SAL104");
        var badRole = ScenarioLoader.LoadText(ok.Replace("role: rear", "role: reer", StringComparison.Ordinal), "t.yaml", Path.GetTempPath());
        Assert.Contains(badRole.Errors, d => d.Code == "SAL104");
    }

    [Fact]
    public void Example_DeepStrike_HitsTheRearBattery_HeldAtItsDepth()
    {
        var c = TestScenarios.Bundled("scenarios/examples/deep-strike/scenario.yaml");
        const int R = 20;
        var s = SystemsScenario.Sum(c, R, 3, MetricNames.DeepHits("air_defence", "blue"), MetricNames.DeepLosses("air_defence", "red"),
            MetricNames.DeepLossesUsd("red"), MetricNames.RearDistanceKm("blue"));
        Assert.True(s[0] > 0, "no deep strike hit the battery");
        Assert.True(s[1] > 0, "no battery lost to deep strike");
        Assert.True(s[2] >= s[1] * 600e6, "the batteries' cost is not in the deep-strike losses");
        Assert.Equal(R * 10.0, s[3], 9);
    }
}
