using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Engine.Tests.Kernel;
using Salient.Scenario.Parsing;
using Xunit;

namespace Salient.Engine.Tests.Systems;

/// <summary>
/// Supply routes and their interdiction (docs/model.md, "Supply routes and interdiction") against closed forms.
/// The scenario: a blue road depot - a - b - tail with no ground combat (both sides defend, no positional fire); red
/// fiber-optic drone teams on a flank node 5 km from the road task only against logistics. Each day red flies
/// S ~ Poisson(n rate) sorties spread evenly over the segments in reach, each destroying a truck with
/// q = (1 - p_cd) e p_hit k; with 1000 trucks a day the cap never binds, so vehicles lost per day are Poisson(n rate q)
/// and a sum over R replications and D days is Poisson with mean R D n rate q. Assertions allow 6 standard errors
/// (false failure probability below 1e-8 each); seeds are fixed, so the tests are deterministic.
/// </summary>
public class SupplyRouteTests
{
    private const double Sigmas = 6;
    private const int Replications = 200;
    private const int Days = 10;
    private const double Throughput = 500, Vehicles = 1000;
    private const double Exposure = 0.5, PHit = 0.5, Kill = 0.8;

    private static string Yaml(int teams = 0, double rate = 4, double rangeKm = 10, bool cut = false, double counterDrone = 0, bool cutB = false, bool bypass = false,
        double throughput = Throughput, string logistics = "", double kill = Kill, string shooterClass = "drone", string link = "fiber")
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return $$"""
            salient: 1
            name: supply
            calendar: { start: 2024-01-01, end: 2024-01-{{Days:00}}, tick_hours: 6 }
            sides: [ { id: blue, doctrine: { cut_off_days: 100 } }, { id: red } ]
            theatre:
              nodes:
                - { id: depot, lon: 30.00, lat: 50, area_km2: 10, control: blue }
                - { id: a, lon: 30.07, lat: 50, area_km2: 10, control: {{(cut ? "red" : "blue")}} }
                - { id: b, lon: 30.14, lat: 50, area_km2: 10, control: {{(cutB ? "red" : "blue")}} }
                - { id: tail, lon: 30.21, lat: 50, area_km2: 10, control: blue }
                - { id: flank, lon: 30.105, lat: 50.045, area_km2: 10, control: red }
                - { id: east, lon: 30.28, lat: 50, area_km2: 10, control: red }
            {{(bypass ? "    - { id: bypass, lon: 30.14, lat: 49.95, area_km2: 10, control: blue }" : "")}}
              edges:
                - { from: depot, to: a }
                - { from: a, to: b }
                - { from: b, to: tail }
                - { from: tail, to: east }
                - { from: a, to: flank }
                - { from: b, to: flank }
            {{(bypass ? "    - { from: a, to: bypass }\n    - { from: bypass, to: tail }" : "")}}
              depots:
                - { id: blue-base, side: blue, at: depot }
                - { id: red-base, side: red, at: east }
            catalogue:
              - { id: truck, class: logistics, exposure: {{F(Exposure)}}, cost_usd: 100000 }
              - id: fpv-fiber
                class: {{shooterClass}}
                exposure: 0
                fires: { link: {{link}}, range_km: {{F(rangeKm)}}, rate_per_day: {{F(rate)}}, p_hit: {{F(PHit)}}, kill: { logistics: {{F(kill)}} }, priority: { logistics: 1 } }
            units:
              - { id: bde, side: blue, at: tail, personnel: 500 }
              - { id: drones, side: red, at: flank, personnel: 100, inventory: { fpv-fiber: {{teams}} } }
              - { id: bn, side: red, at: east, personnel: 500 }
            supply_routes:
              - { id: road, side: blue, path: [depot, tail], throughput: {{F(throughput)}}, vehicle: truck, vehicles_per_day: {{F(Vehicles)}} }
            parameters:
              ground: { positional_intensity: 0 }
              counter_drone: { p: { blue: {{F(counterDrone)}} } }
            {{(logistics.Length > 0 ? "  logistics: " + logistics : "")}}
            """;
    }

    private static double[] Sum(string yaml, ulong seed, params string[] names) =>
        SystemsScenario.Sum(TestScenarios.Compile(yaml), Replications, seed, names);

    [Fact]
    public void NoInterdiction_DeliversThroughputEveryDay()
    {
        // Without shooters every truck reaches the tail: delivered = T x days exactly, nothing lost, never under-supplied
        // (the brigade sits on the route, phi = min(1, T / P) = 1, and resupply 0.5 a day beats consumption 0.1).
        var s = Sum(Yaml(teams: 0), 1, "supply.delivered.road.blue", "supply.lost.road.blue", "supply.vehicles_lost.blue",
            "supply.under_supplied_unit_days.blue");
        Assert.Equal(Throughput * Days * Replications, s[0], 6);
        Assert.Equal(0, s[1]);
        Assert.Equal(0, s[2]);
        Assert.Equal(0, s[3]);
    }

    [Theory]
    [InlineData(10, 4.0, 0.0)]
    [InlineData(5, 2.0, 0.3)]
    public void ConvoyLosses_MatchThePoissonExpectation(int teams, double rate, double counterDrone)
    {
        var s = Sum(Yaml(teams, rate, counterDrone: counterDrone), 3, "supply.interdiction_sorties.road.blue",
            "supply.vehicles_lost.road.blue", "losses.truck.blue", "supply.delivered.road.blue", "supply.lost.road.blue", "cost.lost_usd.blue");
        double days = (double)Replications * Days;
        double sorties = days * teams * rate;
        Assert.InRange(s[0], sorties - Sigmas * Math.Sqrt(sorties), sorties + Sigmas * Math.Sqrt(sorties));
        double q = (1 - counterDrone) * Exposure * PHit * Kill;
        double lost = days * teams * rate * q;
        Assert.InRange(s[1], lost - Sigmas * Math.Sqrt(lost), lost + Sigmas * Math.Sqrt(lost));
        // The vehicles count as equipment losses with their cost; supply lost and delivered add up to the throughput.
        Assert.Equal(s[1], s[2]);
        Assert.Equal(s[1] * 100000, s[5], 6);
        Assert.Equal(Throughput * days, s[3] + s[4], 6);
        Assert.Equal(Throughput / Vehicles * s[1], s[4], 6);
    }

    [Fact]
    public void MoreInterdiction_NeverRaisesDeliveredSupply()
    {
        // Out of reach (range 1 km; the flank is 5 km from the road): exactly the closed form. Then more sorties a day
        // deliver less, each step by more than 6 standard errors of the difference of the two sums.
        double outOfReach = Sum(Yaml(teams: 10, rangeKm: 1), 5, "supply.delivered.road.blue")[0];
        Assert.Equal(Throughput * Days * Replications, outOfReach, 6);
        double previous = outOfReach;
        foreach (double rate in new[] { 1.0, 4.0, 16.0 })
        {
            double delivered = Sum(Yaml(teams: 10, rate: rate), 5, "supply.delivered.road.blue")[0];
            double lostVehicles = (outOfReach - delivered) * Vehicles / Throughput;
            Assert.True(delivered < previous, $"rate {rate}: delivered {delivered} not below {previous}");
            Assert.InRange(lostVehicles, 0, double.MaxValue);
            previous = delivered;
        }
        // A longer range never delivers more (the segments in reach only grow; here the same sorties spread over them).
        double shortRange = Sum(Yaml(teams: 10, rate: 4, rangeKm: 6), 7, "supply.delivered.road.blue")[0];
        double longRange = Sum(Yaml(teams: 10, rate: 4, rangeKm: 30), 7, "supply.delivered.road.blue")[0];
        double se = Math.Sqrt(10 * 4.0 * Exposure * PHit * Kill * Days * Replications) * Throughput / Vehicles;
        Assert.True(longRange <= shortRange + Sigmas * se * Math.Sqrt(2), $"range 30: {longRange} above range 6: {shortRange}");
    }

    [Fact]
    public void CutRoute_StarvesTheUnitsDownstream()
    {
        // Red holds node a: the convoys stop at the head (the path [depot, tail] is joined through a and b, the shortest
        // path, or the cut would not bite), the brigade at the tail gets nothing and runs down at 0.1 a
        // day from 1.0 (cut_off_days 100 keeps it in place), so it is below min_supply_to_attack 0.3 at the end of days
        // 8, 9 and 10 (1 - 0.1 x 8 = 0.2), and of day 7 too when the running sum of 28 ticks of 0.025 lands a rounding
        // error below 0.3: 3 or 4 of 10 days, the same in every replication (nothing here is random).
        var open = Sum(Yaml(cut: false), 9, "supply.under_supplied_unit_days.blue", "supply.delivered.road.blue");
        var cut = Sum(Yaml(cut: true), 9, "supply.under_supplied_unit_days.blue", "supply.delivered.road.blue");
        Assert.Equal(0, open[0]);
        Assert.True(cut[0] == 3.0 * Replications || cut[0] == 4.0 * Replications, $"under-supplied unit-days {cut[0]}");
        Assert.Equal(Throughput * Days * Replications, cut[1], 6); // delivered at the head, where no unit is served
    }

    [Fact]
    public void UnderSuppliedDays_PerUnit_CountTheCutBrigadeOnly_AndSumToTheSidesUnitDays()
    {
        // The cut of CutRoute_StarvesTheUnitsDownstream: the brigade alone is starved (3 or 4 days of 10, the same in
        // every replication); red's units draw on no route and keep the 4.2 depot rule, so they stay supplied.
        var cut = Sum(Yaml(cut: true), 9, "supply.under_supplied_days.bde", "supply.under_supplied_days.drones",
            "supply.under_supplied_days.bn", "supply.under_supplied_unit_days.blue", "supply.under_supplied_unit_days.red");
        Assert.True(cut[0] == 3.0 * Replications || cut[0] == 4.0 * Replications, $"brigade under-supplied days {cut[0]}");
        Assert.Equal(cut[3], cut[0]);
        Assert.Equal(cut[4], cut[1] + cut[2]);
        var open = Sum(Yaml(cut: false), 9, "supply.under_supplied_days.bde");
        Assert.Equal(0, open[0]);
    }

    [Fact]
    public void CutRoute_ServesAUnitFromTheNearestFedCell_WhenOwnGroundReachesIt()
    {
        // Red holds b, so the convoys stop at a. The brigade at the tail is nearest to the tail's route cell, which no
        // convoy reaches; through the bypass (own ground, ~15 km) it reaches a, which they do. It is served from a and
        // never runs down; without the bypass it is cut off as in CutRoute_StarvesTheUnitsDownstream (3 or 4 days).
        var withBypass = Sum(Yaml(cutB: true, bypass: true), 9, "supply.under_supplied_unit_days.blue");
        var without = Sum(Yaml(cutB: true), 9, "supply.under_supplied_unit_days.blue");
        Assert.Equal(0, withBypass[0]);
        Assert.True(without[0] >= 3.0 * Replications, $"under-supplied unit-days without the bypass {without[0]}");
    }

    /// <summary>The brigade's supply level after each tick of one replication (nothing here is random without shooters).</summary>
    private static double[] SupplyByTick(string yaml) => TestScenarios.EveryTick(TestScenarios.Compile(yaml), sim => sim.SupplyOfUnit(0));

    [Theory]
    // Person-days (docs/model.md 4.10): the brigade (P = 500, defending, consumption 0.1 a day) sits on the route's tail
    // cell (d = 0), which all V trucks reach, so it gains min(r, a T / P) a day; after t ticks of 1/4 day its supply is
    // 1 - (0.1 - min(0.5, a T / 500)) t / 4 while below 1. Tolerance 1e-12: forty additions of exact quarters and
    // products of short binary fractions.
    [InlineData(0.04, 500, 0.04)]    // a T / P = 0.04: runs down at 0.06 a day
    [InlineData(0.04, 1000, 0.08)]   // twice the throughput, twice the intake: the share no longer saturates at P
    [InlineData(0.02, 1000, 0.04)]   // half the supply per person-day, the same intake as the first case
    public void PersonDays_IntakeIsTheFlowPerPersonServed(double perPersonDay, double throughput, double intake)
    {
        string yaml = Yaml(throughput: throughput, logistics: $"{{ supply_per_person_day: {{ blue: {perPersonDay.ToString(CultureInfo.InvariantCulture)} }} }}");
        var supply = SupplyByTick(yaml);
        for (int t = 0; t < supply.Length; t++)
            Assert.Equal(1 - (0.1 - intake) * (t + 1) / 4.0, supply[t], 12);
    }

    [Fact]
    public void PersonDays_IntakeIsCappedByTheResupplyRate()
    {
        // a T / P = 2 but r = 0.5 caps the intake; consumption 0.55 a day makes the cap visible: 1 - 0.05 (t + 1) / 4.
        var supply = SupplyByTick(Yaml(logistics: "{ supply_per_person_day: { blue: 2 }, consumption_per_day: { defend: 0.55 } }"));
        for (int t = 0; t < supply.Length; t++)
            Assert.Equal(1 - 0.05 * (t + 1) / 4.0, supply[t], 12);
    }

    [Fact]
    public void PersonDaysOff_TheShareSaturatesAtTheServedPersonnel()
    {
        // Default a = 0: phi = min(1, T / P) = 1 for T = 500 and T = 1000 alike, so consumption 0.55 against r = 0.5
        // gives the same 1 - 0.05 (t + 1) / 4 whatever the route carries above the personnel served.
        foreach (double throughput in new[] { 500.0, 1000.0 })
        {
            var supply = SupplyByTick(Yaml(throughput: throughput, logistics: "{ consumption_per_day: { defend: 0.55 } }"));
            for (int t = 0; t < supply.Length; t++)
                Assert.Equal(1 - 0.05 * (t + 1) / 4.0, supply[t], 12);
        }
    }

    [Theory]
    [InlineData(10, 4.0, 0.02, 0.0)]
    [InlineData(5, 2.0, 0.1, 0.3)]
    public void FireControl_TurnsBackTheConvoysAsTheClosedFormSays(int teams, double rate, double delta, double counterDrone)
    {
        // No kills (kill.logistics 0): on each of the route's segments the sorties S_i ~ Poisson(mu_i), sum mu_i = n rate
        // = lambda, turn back each vehicle still moving with probability 1 - exp(-delta (1 - p_cd) S_i), independently
        // across segments, so a vehicle gets through with probability A1 = prod_i E[exp(-d S_i)] =
        // exp(-lambda (1 - exp(-d))), d = delta (1 - p_cd) (the Poisson generating function), and the day's vehicles
        // through D have E[D] = V A1, E[D(D - 1)] = V (V - 1) A2, A2 = exp(-lambda (1 - exp(-2d))) (binomial thinning
        // with random probabilities). The sum over R x days independent days is held to 6 of its standard errors.
        string yaml = Yaml(teams, rate, counterDrone: counterDrone, kill: 0,
            logistics: $"{{ fire_control: {{ blue: {delta.ToString(CultureInfo.InvariantCulture)} }} }}");
        var s = Sum(yaml, 11, "supply.vehicles_turned_back.road.blue", "supply.vehicles_turned_back.blue", "supply.delivered.road.blue",
            "supply.vehicles_lost.road.blue");
        double through = AssertThroughAsTheClosedFormSays(s[0], teams * rate, delta * (1 - counterDrone));
        Assert.Equal(s[0], s[1]);
        Assert.Equal(0, s[3]);
        // A turned-back vehicle delivers nothing and is not lost: what was delivered is what got through.
        Assert.Equal(Throughput / Vehicles * through, s[2], 6);
    }

    /// <summary>
    /// Holds the vehicles that got through over R x days to the closed form of fire control with no kills, lambda
    /// sorties a day at the road and d the turn-back exponent per sortie; returns them.
    /// </summary>
    private static double AssertThroughAsTheClosedFormSays(double turnedBack, double lambda, double d)
    {
        double days = (double)Replications * Days;
        double a1 = Math.Exp(-lambda * (1 - Math.Exp(-d))), a2 = Math.Exp(-lambda * (1 - Math.Exp(-2 * d)));
        double mean = Vehicles * a1, variance = Vehicles * (Vehicles - 1) * a2 + mean - mean * mean;
        double through = days * Vehicles - turnedBack, expected = days * mean, se = Math.Sqrt(days * variance);
        Assert.InRange(through, expected - Sigmas * se, expected + Sigmas * se);
        return through;
    }

    [Fact]
    public void FireControl_CountsDroneSortiesOnly()
    {
        // The same shooters as artillery: their sorties still destroy trucks, but none is turned back.
        var s = Sum(Yaml(teams: 10, logistics: "{ fire_control: { blue: 0.5 } }", shooterClass: "artillery"), 17,
            "supply.vehicles_turned_back.road.blue", "supply.vehicles_lost.road.blue");
        Assert.Equal(0, s[0]);
        Assert.True(s[1] > 0);
    }

    [Fact]
    public void FireControlOff_DrawsNothingAndDeclaresNoMetric()
    {
        // delta = 0 set explicitly runs exactly as no setting at all (no draw, the same deliveries) and declares nothing new.
        string off = Yaml(teams: 10), zero = Yaml(teams: 10, logistics: "{ fire_control: { blue: 0 } }");
        Assert.Equal(Sum(off, 13, "supply.delivered.road.blue", "supply.vehicles_lost.road.blue"),
            Sum(zero, 13, "supply.delivered.road.blue", "supply.vehicles_lost.road.blue"));
        Assert.DoesNotContain(TestScenarios.Compile(zero).Layout.Metrics, m => m.Name.Contains("turned_back", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.5, 0.0, 19)]
    [InlineData(0.9, 0.3, 23)]
    public void ConvoyJamming_ThinsRadioLinkedKillsAsTheClosedFormSays(double jamming, double counterDrone, ulong seed)
    {
        // Radio-linked teams, no unit's EW anywhere: each sortie destroys a truck with q = (1 - p_cd)(1 - j) e p_hit k,
        // so the vehicles lost over R x days are Poisson with mean R D n rate q (the cap never binds).
        string yaml = Yaml(teams: 10, rate: 4, counterDrone: counterDrone, link: "radio",
            logistics: $"{{ convoy_jamming: {{ blue: {jamming.ToString(CultureInfo.InvariantCulture)} }} }}");
        double lost = Sum(yaml, seed, "supply.vehicles_lost.road.blue")[0];
        double expected = (double)Replications * Days * 10 * 4 * (1 - counterDrone) * (1 - jamming) * Exposure * PHit * Kill;
        Assert.InRange(lost, expected - Sigmas * Math.Sqrt(expected), expected + Sigmas * Math.Sqrt(expected));
    }

    [Fact]
    public void ConvoyJamming_TurnsBackOnlyTheSortiesItLetsThrough()
    {
        // Fire control with radio-linked teams and convoy jammers: the closed form of FireControl_* with
        // d = delta (1 - j), since only the sorties the jammers let through watch the road.
        const double delta = 0.05, jamming = 0.6;
        const int teams = 10;
        const double rate = 4;
        string yaml = Yaml(teams, rate, kill: 0, link: "radio", logistics: string.Create(CultureInfo.InvariantCulture,
            $"{{ fire_control: {{ blue: {delta} }}, convoy_jamming: {{ blue: {jamming} }} }}"));
        double turnedBack = Sum(yaml, 29, "supply.vehicles_turned_back.road.blue")[0];
        AssertThroughAsTheClosedFormSays(turnedBack, teams * rate, delta * (1 - jamming));
    }

    [Fact]
    public void ConvoyJamming_LeavesFiberAndItsOwnAbsenceToTheBit()
    {
        // Fiber-optic teams are immune: the same draws with or without convoy jammers. For radio-linked teams, j = 0
        // written out runs exactly as the key absent.
        string[] names = ["supply.delivered.road.blue", "supply.vehicles_lost.road.blue", "supply.vehicles_turned_back.road.blue"];
        const string FireControl = "{ fire_control: { blue: 0.05 } }";
        Assert.Equal(Sum(Yaml(teams: 10, logistics: FireControl), 31, names),
            Sum(Yaml(teams: 10, logistics: "{ fire_control: { blue: 0.05 }, convoy_jamming: { blue: 0.9 } }"), 31, names));
        double[] radio = Sum(Yaml(teams: 10, link: "radio", logistics: FireControl), 37, names);
        Assert.Equal(radio, Sum(Yaml(teams: 10, link: "radio", logistics: "{ fire_control: { blue: 0.05 }, convoy_jamming: { blue: 0 } }"), 37, names));
        Assert.True(radio[1] > 0);
    }

    [Fact]
    public void NoRoutes_DeclaresNoSupplyMetrics()
    {
        var c = TestScenarios.Bundled("scenarios/examples/line-of-towns");
        Assert.DoesNotContain(c.Layout.Metrics, m => m.Name.StartsWith("supply.", StringComparison.Ordinal));
        Assert.Empty(c.Model.SupplyRoutes);
    }

    [Fact]
    public void Example_DronesCutDeliveredSupply_AgainstTheNoDronesVariant()
    {
        string path = Path.Combine(TestScenarios.RepositoryRoot(), "scenarios/examples/supply-interdiction");
        CompiledScenario Load(string? variant)
        {
            var result = ScenarioLoader.Load(path, new LoadOptions(variant));
            Assert.True(result.Success, string.Join("\n", result.Errors));
            return new CompiledScenario(result.Scenario!);
        }
        string[] names = ["supply.delivered.main-road.blue", "supply.vehicles_lost.main-road.blue", "supply.under_supplied_unit_days.blue"];
        var with = SystemsScenario.Sum(Load(null), 50, 11, names);
        var without = SystemsScenario.Sum(Load("no-drones"), 50, 11, names);
        // 30 fiber teams x 6 sorties a day x share 2/3 (priority logistics 2 of 3) = 120 sorties a day, each destroying a
        // truck with q = exposure 0.5 x p_hit 0.5 x kill 0.8 x (1 - counter-drone 0.1) = 0.18: 21.6 of the 40 trucks a day
        // over 40 days (the cap of 40 binds with probability about 1e-4 a day). Poisson sum over 50 replications, 6 sigma.
        double lost = 50 * 40 * 120 * 0.18;
        Assert.InRange(with[1], lost - Sigmas * Math.Sqrt(lost), lost + Sigmas * Math.Sqrt(lost));
        Assert.Equal(0, without[1]);
        Assert.Equal(2000.0 * 40 * 50, without[0], 6);
        Assert.True(with[0] < without[0]);
        // Without drones resupply 0.15 a day beats consumption 0.1; with about half the convoys lost it does not.
        Assert.Equal(0, without[2]);
        Assert.True(with[2] > 0, $"under-supplied unit-days with drones: {with[2]}");
    }
}
