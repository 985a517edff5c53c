using System.Globalization;
using Salient.Engine.Kernel;
using Salient.Engine.Tests.Kernel;
using Salient.Scenario.Geometry;
using Xunit;

namespace Salient.Engine.Tests.Systems;

/// <summary>
/// EW in the kernel against closed forms: fire-mission latency with comms jamming and satcom, GNSS jamming along the
/// path, reconnaissance detection and its jamming, range limits, emitters as targets, the massing of assaults and the
/// delay of withdrawals. Hit counts are binomial given the sorties, so assertions allow 6 standard errors (false
/// failure below 1e-8 each); the seeds are fixed, so the tests are deterministic.
/// </summary>
public class CoordinationKernelTests
{
    private const double Sigmas = 6;
    private const int Replications = 300;
    private const double TargetLon = 30.07;
    private static readonly double Find1 = 1 - Math.Exp(-1.0); // base detection 1, no sensors

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Blue's two rocket launchers (48 a day, p_hit 0.5) at w strike a large red unit at e (about 5 km east) holding
    /// <paramref name="jammers"/> jammers (availability 1) with the given effects; blue also holds sensors and satcom terminals.
    /// </summary>
    private static string Strike(
        double range = 80, bool c2 = false, double gnssDependence = 0, string priority = "personnel: 1", string kill = "personnel: 1",
        int sensors = 0, string sensorLink = "radio", double sensorRange = 20, double sensorDetection = 0.3,
        int jammers = 1, double radius = 20, double onRecon = 0, double onGnss = 0, double onComms = 0, double exposure = 1,
        int terminals = 0, string parameters = "") => $$"""
        salient: 1
        name: ew
        calendar: { start: 2024-01-01, end: 2024-01-01, tick_hours: 1 }
        sides: [ { id: blue }, { id: red } ]
        theatre:
          nodes:
            - { id: w, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: e, lon: {{F(TargetLon)}}, lat: 50, area_km2: 10, control: red }
          edges: [ { from: w, to: e } ]
        catalogue:
          - id: rocket
            class: artillery
            fires: { link: gnss, range_km: {{F(range)}}, rate_per_day: 48, p_hit: 0.5, gnss_dependence: {{F(gnssDependence)}}, c2: {{(c2 ? "true" : "false")}}, kill: { {{kill}} }, priority: { {{priority}} } }
          - id: sensor
            class: drone
            isr: { link: {{sensorLink}}, range_km: {{F(sensorRange)}}, detection: {{F(sensorDetection)}} }
          - id: jammer
            class: ew
            exposure: {{F(exposure)}}
            vulnerability: 0
            ew: { radius_km: {{F(radius)}}, availability: 1, effect: { recon: {{F(onRecon)}}, gnss: {{F(onGnss)}}, comms: {{F(onComms)}} } }
          - id: starlink
            class: satcom
            vulnerability: 0
        units:
          - { id: b, side: blue, at: w, personnel: 1000, inventory: { rocket: 2, sensor: {{sensors}}, starlink: {{terminals}} } }
          - { id: r, side: red, at: e, personnel: 1000000, inventory: { jammer: {{jammers}} } }
        parameters:
          ground: { positional_intensity: 0 }
          isr: { base_detection: 1.0 }
        {{string.Concat(parameters.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => "  " + l + "\n"))}}
        """;

    private static double[] Sum(string yaml, ulong seed, params string[] names) =>
        SystemsScenario.Sum(TestScenarios.Compile(yaml), Replications, seed, names);

    private static void AssertHitShare(double[] s, double p)
    {
        double se = Math.Sqrt(s[0] * p * (1 - p));
        Assert.InRange(s[1], s[0] * p - Sigmas * se - 1e-9, s[0] * p + Sigmas * se + 1e-9);
    }

    [Theory]
    [InlineData(0.0, 0, 1.0)]
    [InlineData(0.8, 0, 1.0)]
    [InlineData(0.8, 0, 3.0)]
    [InlineData(0.8, 5, 1.0)]
    [InlineData(0.8, 10, 2.0)]
    public void FireMissionLatency_CommsJammingAndSatcom_MatchTheClosedForm(double onComms, int terminals, double kappa)
    {
        // Blue (1000 personnel, 100 per terminal) has satcom share s = terminals / 10; red's jammer 5 km away jams its
        // radio with J = onComms. P(in time) = exp(-L (1 + kappa J (1 - s)) (1 - s r) / dwell), L = 2, r = 0.5, dwell = 4.
        string yaml = Strike(c2: true, onComms: onComms, terminals: terminals, parameters: $"c2: {{ jam_latency_factor: {{ blue: {F(kappa)} }} }}");
        var s = Sum(yaml, 11, "fires.sorties.rocket.blue", "fires.hits.rocket.blue");
        double share = terminals / 10.0;
        double latency = 2 * (1 + kappa * onComms * (1 - share)) * (1 - share * 0.5);
        AssertHitShare(s, Find1 * Math.Exp(-latency / 4) * 0.5);
    }

    [Fact]
    public void FireMissionLatency_MoreJammingFewerTimelyHits_MoreSatcomMore()
    {
        // Same seeds: the sorties are identical, and the hit probability is monotone in J and in s (closed form above).
        double Hits(double onComms, int terminals) => Sum(Strike(c2: true, onComms: onComms, terminals: terminals), 13, "fires.hits.rocket.blue")[0];
        double quiet = Hits(0, 0), jammed = Hits(0.9, 0), covered = Hits(0.9, 10);
        Assert.True(jammed < quiet, $"jammed {jammed} vs quiet {quiet}");
        Assert.True(covered > jammed, $"covered {covered} vs jammed {jammed}");
    }

    /// <summary>Length of the path from w to e on the kernel's plane (the projection centred on the cells' envelope).</summary>
    private static double PathKm()
    {
        var projection = new EqualAreaProjection((30.0 + TargetLon) / 2, 50);
        var (x0, y0) = projection.Forward(30.0, 50);
        var (x1, y1) = projection.Forward(TargetLon, 50);
        return Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void GnssJamming_AlongThePath_MatchesTheClosedForm(double weight)
    {
        // The red jammer (gnss effect 0.5, radius 1 km) sits on the target: J_target = 0.5 and the path from w is inside
        // its radius for phi = 1 / D of its length, so J_path = 1 - 0.5^phi. p_hit = 0.5 (1 - g J), g = 1,
        // J = (1 - w) J_target + w J_path.
        string yaml = Strike(gnssDependence: 1, radius: 1, onGnss: 0.5, parameters: $"ew: {{ gnss_path_weight: {F(weight)} }}");
        var s = Sum(yaml, 17, "fires.sorties.rocket.blue", "fires.hits.rocket.blue");
        double phi = 1 / PathKm();
        Assert.InRange(phi, 0.15, 0.25); // the geometry the test means: about 5 km
        double j = (1 - weight) * 0.5 + weight * (1 - Math.Pow(0.5, phi));
        AssertHitShare(s, Find1 * 0.5 * (1 - j));
    }

    [Theory]
    [InlineData("radio", 0.0, 20, 1 + 5 * 0.3)]
    [InlineData("radio", 0.6, 20, 1 + 5 * 0.3 * 0.4)]
    [InlineData("fiber", 0.6, 20, 1 + 5 * 0.3)]
    [InlineData("radio", 0.0, 2, 1.0)] // sensors 2 km range, target 5 km away: no contribution
    public void ReconDetection_SensorsJammingAndRange_MatchTheClosedForm(string link, double onRecon, double sensorRange, double level)
    {
        // D = base + n q (1 - J_recon) for radio-linked sensors in range (fiber ones are not jammed); P_find = 1 - exp(-D).
        string yaml = Strike(sensors: 5, sensorLink: link, sensorRange: sensorRange, onRecon: onRecon);
        var s = Sum(yaml, 23, "fires.sorties.rocket.blue", "fires.hits.rocket.blue");
        AssertHitShare(s, (1 - Math.Exp(-level)) * 0.5);
    }

    [Fact]
    public void RangeLimits_FiresBeyondRange_LaunchNothing_JammersBeyondRadius_JamNothing()
    {
        var s = Sum(Strike(range: 3), 29, "fires.sorties.rocket.blue");
        Assert.Equal(0, s[0]);
        // A comms jammer whose 3 km radius does not reach blue 5 km away leaves the latency at L.
        var t = Sum(Strike(c2: true, radius: 3, onComms: 1), 31, "fires.sorties.rocket.blue", "fires.hits.rocket.blue");
        AssertHitShare(t, Find1 * Math.Exp(-2.0 / 4) * 0.5);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Emitters_AreTargets_FoundInProportionToTheirExposure(double emitter)
    {
        // Rockets aimed only at EW items (exposure 0.2 x the emitter multiplier) hit with P_find x exposure x p_hit.
        string yaml = Strike(priority: "ew: 1", kill: "ew: 0", exposure: 0.2, parameters: $"ew: {{ emitter_exposure: {F(emitter)} }}");
        var s = Sum(yaml, 37, "fires.sorties.rocket.blue", "fires.hits.rocket.blue");
        AssertHitShare(s, Find1 * 0.2 * emitter * 0.5);
        // With a kill probability, the jammers are destroyed.
        var lost = Sum(Strike(priority: "ew: 1", kill: "ew: 1", jammers: 50, exposure: 0.2), 41, "losses.jammer.red");
        Assert.True(lost[0] > 0);
    }

    /// <summary>Blue (1000, holding satcom terminals) attacks red (holding a comms jammer covering blue); red's fire is 0, so blue never loses anyone.</summary>
    private static string Assault(double onComms, int terminals, double massingLoss, int days = 3) => $$"""
        salient: 1
        name: massing
        calendar: { start: 2024-01-01, end: 2024-01-{{days:00}}, tick_hours: 24 }
        sides:
          - { id: blue, doctrine: { attack_ratio: 0 } }
          - { id: red }
        theatre:
          nodes:
            - { id: w, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: e, lon: 30.1, lat: 50, area_km2: 10, control: red }
          edges:
            - { from: w, to: e, length_km: 7 }
        catalogue:
          - id: jammer
            class: ew
            vulnerability: 0
            ew: { radius_km: 50, availability: 1, effect: { comms: {{F(onComms)}} } }
          - id: starlink
            class: satcom
            vulnerability: 0
        units:
          - { id: b, side: blue, at: w, personnel: 1000, inventory: { starlink: {{terminals}} } }
          - { id: r, side: red, at: e, personnel: 100000, inventory: { jammer: 1 } }
        plans:
          - side: blue
            phases:
              - { name: p, start: 2024-01-01, end: 2024-01-{{days:00}}, posture: attack, objectives: [e] }
        parameters:
          ground: { break_ratio: 1000, break_cohesion: 0, support_fraction: 0, positional_intensity: 0, lethality: { red: 0 } }
          ew: { massing_loss: { blue: {{F(massingLoss)}} } }
        """;

    [Theory]
    [InlineData(0.8, 0, 0.5)]
    [InlineData(0.8, 5, 0.5)]
    [InlineData(0.8, 10, 0.5)]
    [InlineData(0.0, 0, 0.5)]
    [InlineData(0.8, 0, 1.0)]
    public void Massing_JammedAttacker_BringsOneMinusKJOneMinusS(double onComms, int terminals, double k)
    {
        // Every tick blue's massing factor is 1 - k J (1 - s) exactly; red's casualties are Poisson(0.02 x 1000 x factor)
        // a day (lethality 0.02, power 1000, defence multiplier 1).
        var c = TestScenarios.Compile(Assault(onComms, terminals, k));
        var s = SystemsScenario.Sum(c, Replications, 43, "ew.massing_factor.blue", "casualties.total.red");
        double factor = 1 - k * onComms * (1 - terminals / 10.0);
        Assert.Equal(factor, s[0] / Replications, 1e-12);
        double expected = Replications * 3 * 0.02 * 1000 * factor;
        Assert.InRange(s[1], expected - Sigmas * Math.Sqrt(expected) - 1e-9, expected + Sigmas * Math.Sqrt(expected) + 1e-9);
    }

    /// <summary>
    /// Blue at w, its depot at r 10 km behind, is cut off at w (maximum supply distance 0, cut-off limit 0 days), so
    /// its doctrine orders a withdrawal every time it stands at w; red's jammer covers every cell.
    /// </summary>
    private static string Reaction(double onComms, int terminals, double delayHours) => $$"""
        salient: 1
        name: reaction
        calendar: { start: 2024-01-01, end: 2024-01-03, tick_hours: 1 }
        sides:
          - { id: blue, doctrine: { cut_off_days: 0 } }
          - { id: red }
        theatre:
          nodes:
            - { id: r, lon: 29.86, lat: 50, area_km2: 10, control: blue }
            - { id: w, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: e, lon: 30.1, lat: 50, area_km2: 10, control: red }
          edges:
            - { from: r, to: w, length_km: 10 }
            - { from: w, to: e, length_km: 7 }
          depots:
            - { id: d, side: blue, at: r }
        catalogue:
          - id: jammer
            class: ew
            vulnerability: 0
            ew: { radius_km: 100, availability: 1, effect: { comms: {{F(onComms)}} } }
          - id: starlink
            class: satcom
            vulnerability: 0
        units:
          - { id: b, side: blue, at: w, personnel: 1000, inventory: { starlink: {{terminals}} } }
          - { id: x, side: red, at: e, personnel: 1000, inventory: { jammer: 1 } }
        parameters:
          ground: { positional_intensity: 0 }
          logistics: { max_supply_km: { blue: 0 } }
          ew: { reaction_delay_hours: { blue: {{F(delayHours)}} } }
        """;

    [Theory]
    [InlineData(0.5, 0, 9, 5)]   // H J = 4.5 h: five one-hour ticks
    [InlineData(0.5, 5, 9, 3)]   // s = 0.5: 2.25 h, three ticks
    [InlineData(0.5, 10, 9, 0)]  // full satcom: at once
    [InlineData(0.0, 0, 9, 0)]   // no jamming: at once
    [InlineData(1.0, 0, 2.5, 3)]
    public void ReactionDelay_JammedUnit_WithdrawsAfterCeilOfHJOneMinusSTicks(double onComms, int terminals, double delay, double waitHours)
    {
        var c = TestScenarios.Compile(Reaction(onComms, terminals, delay));
        var s = SystemsScenario.Sum(c, 3, 47, "ew.reaction_wait_hours.blue", "ew.withdrawals.blue");
        Assert.True(s[1] >= 3, $"only {s[1]} withdrawals");
        Assert.Equal(waitHours, s[0] / 3, 1e-12);
    }

    [Fact]
    public void ReactionDelay_MoreJamming_FewerWithdrawals()
    {
        double Withdrawals(double onComms) =>
            SystemsScenario.Sum(TestScenarios.Compile(Reaction(onComms, 0, 24)), 1, 53, "ew.withdrawals.blue")[0];
        Assert.True(Withdrawals(1) < Withdrawals(0));
    }

    [Fact]
    public void DefaultsSetExplicitly_AreByteIdentical_ToNoKeys()
    {
        string plain = Strike(c2: true, gnssDependence: 1, onGnss: 0.3, onComms: 0.5, priority: "personnel: 1, ew: 1", kill: "personnel: 1, ew: 0.5");
        string off = Strike(c2: true, gnssDependence: 1, onGnss: 0.3, onComms: 0.5, priority: "personnel: 1, ew: 1", kill: "personnel: 1, ew: 0.5",
            parameters: "ew: { gnss_path_weight: 0, emitter_exposure: 1, massing_loss: { blue: 0 }, reaction_delay_hours: { red: 0 } }\nc2: { jam_latency_factor: { blue: 1 } }\nfatigue: { rate_per_day: { red: 0 } }");
        var a = TestScenarios.Compile(plain);
        var b = TestScenarios.Compile(off);
        Assert.Equal(a.Layout.Metrics.Length, b.Layout.Metrics.Length);
        var (sa, sb) = (new Simulation(a), new Simulation(b));
        var (ma, mb) = (new double[a.Layout.Metrics.Length], new double[b.Layout.Metrics.Length]);
        var (da, db) = (new float[a.Layout.DailyLength], new float[b.Layout.DailyLength]);
        for (int r = 0; r < 5; r++)
        {
            sa.Run(7, r, ma, da);
            sb.Run(7, r, mb, db);
            Assert.Equal(ma, mb);
            Assert.Equal(sa.StateHash(), sb.StateHash());
        }
    }
}
