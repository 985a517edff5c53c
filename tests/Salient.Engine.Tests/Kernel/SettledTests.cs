using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Testing;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Settled replications (Simulation.Settled.cs): recording the remaining days in bulk once a side is wiped out and
/// nothing else can change gives the same bytes as stepping every tick: final metrics, daily series, control tallies
/// and the state hash (which includes how many random numbers each stream drew), over bundled scenarios, scenarios
/// written to hit each condition of the proof, several seeds and many replications.
/// </summary>
public class SettledTests
{
    [Theory]
    [InlineData("scenarios/validation/duel", 60, true)]
    [InlineData("scenarios/validation/markov-duel", 60, true)]
    [InlineData("scenarios/validation/lanchester-square", 8, false)]
    [InlineData("scenarios/validation/lanchester-linear", 8, false)]
    [InlineData("scenarios/examples/line-of-towns", 6, false)]
    [InlineData("scenarios/examples/towns-attribution", 6, false)]
    public void BundledScenarios_SameBytes_AsSteppingEveryTick(string path, int replications, bool settles)
    {
        var c = TestScenarios.Bundled(path);
        int skipped = 0;
        foreach (ulong seed in new ulong[] { 1, 3, 2024 })
            skipped += AssertSameAsStepping(c, seed, replications);
        if (settles) Assert.True(skipped > 0, "no replication settled");
    }

    /// <summary>
    /// Two forces in positional contact, red much weaker, so red is wiped out early and blue stands alone; each variant
    /// adds one thing the proof must see: depots (supply a fixed point or not), fortification growing to a cap, cohesion
    /// recovering, a reinforcement flow or a one-off still to come, a late arrival, a parameter schedule, a plan phase
    /// switching to or from attack, the survivor attacking, a withdrawal threshold, a unit marching to the front.
    /// </summary>
    [Theory]
    [InlineData("", true)]
    [InlineData("depots", true)]
    [InlineData("cut-off", false)]
    [InlineData("fortify", true)]
    [InlineData("fortify-uncapped", true)]
    [InlineData("cohesion", true)]
    [InlineData("flow", true)]
    [InlineData("one-off", true)]
    [InlineData("late-arrival", true)]
    [InlineData("schedule", true)]
    [InlineData("attack-then-hold", true)]
    [InlineData("hold-then-attack", false)]
    [InlineData("attack", false)]
    [InlineData("withdraw", null)]
    [InlineData("interior", true)]
    public void Variants_SameBytes_AsSteppingEveryTick(string variant, bool? settles)
    {
        var c = TestScenarios.Compile(Stand(variant));
        int skipped = 0;
        foreach (ulong seed in new ulong[] { 1, 5, 77 })
            skipped += AssertSameAsStepping(c, seed, 12);
        if (settles == true) Assert.True(skipped > 0, $"variant '{variant}': no replication settled");
        else if (settles == false) Assert.Equal(0, skipped);
    }

    /// <summary>
    /// The proof's claim checked directly: stepping every tick, from any tick at which the check holds, no later tick
    /// draws a random number, and on the duel (no fortification, cohesion at 1) none changes the state hash at all.
    /// </summary>
    [Theory]
    [InlineData("scenarios/validation/duel", true)]
    [InlineData("scenarios/validation/markov-duel", false)]
    public void OnceSettled_NoLaterTick_Draws(string path, bool stateFixed)
    {
        var c = TestScenarios.Bundled(path);
        var sim = new Simulation(c);
        var daily = new float[c.Layout.DailyLength];
        int settledTicks = 0;
        for (int rep = 0; rep < 20; rep++)
        {
            sim.Begin(9, rep);
            (ulong Hash, (ulong, ulong, ulong) Words)? settled = null;
            while (sim.Tick < c.TotalTicks)
            {
                if (settled is null && sim.IsSettled()) settled = (sim.StateHash(), sim.WordsDrawn);
                sim.Step(daily);
                if (settled is not { } s) continue;
                Assert.Equal(s.Words, sim.WordsDrawn);
                if (stateFixed) Assert.Equal(s.Hash, sim.StateHash());
                settledTicks++;
            }
        }
        Assert.True(settledTicks > 0);
    }

    /// <summary>Budget in bytes, not time: once warm, whole replications that settle allocate nothing.</summary>
    [Fact]
    public void WarmRuns_ThatSettle_AllocateNothing()
    {
        var c = TestScenarios.Bundled("scenarios/validation/duel");
        var sim = new Simulation(c);
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];
        for (int rep = 0; rep < 20; rep++) sim.Run(4, rep, metrics, daily);
        int skipped = 0, next = 20;
        // Windows of 40 replications each (AllocationWindows): a replication that allocated would spoil every window.
        var windows = AllocationWindows.UntilClean(() =>
        {
            for (int end = next + 40; next < end; next++)
            {
                sim.Run(4, next, metrics, daily);
                skipped += sim.SettledTicksSkipped;
            }
        });
        Assert.True(AllocationWindows.Clean(windows), AllocationWindows.Describe(windows));
        Assert.True(skipped > 0);
    }

    /// <summary>Runs replications [0, n) of <paramref name="seed"/> both ways; returns the ticks the fast path skipped.</summary>
    private static int AssertSameAsStepping(CompiledScenario c, ulong seed, int n)
    {
        int skipped = 0;
        SameRuns.AssertSame(c, new Simulation(c), new Simulation(c) { SkipSettled = false }, seed, n, "skipping", "stepping",
            (fast, slow) =>
            {
                Assert.Equal(0, slow.SettledTicksSkipped);
                skipped += fast.SettledTicksSkipped;
            });
        return skipped;
    }

    /// <summary>
    /// 1,000 blue holding 'w' against 150 red in 'e' (positional fire, hourly ticks, 6 days), both defending, with
    /// the variant's additions.
    /// </summary>
    private static string Stand(string variant)
    {
        bool west = variant is "cut-off" or "interior";
        var y = new List<string>
        {
            "salient: 1",
            "name: stand",
            "calendar: { start: 2024-01-01, end: 2024-01-06, tick_hours: 1 }",
            "sides:",
            variant == "withdraw"
                ? "  - { id: blue, doctrine: { withdraw_cohesion: 0.95, recover_cohesion: 1 } }"
                : "  - { id: blue, doctrine: { withdraw_cohesion: 0, recover_cohesion: 0 } }",
            "  - { id: red, doctrine: { withdraw_cohesion: 0, recover_cohesion: 0 } }",
            "theatre:",
            "  nodes:",
            "    - { id: w, lon: 30.0, lat: 50, area_km2: 10, control: blue }",
            "    - { id: e, lon: 30.05, lat: 50, area_km2: 10, control: red }",
        };
        if (west) y.Add("    - { id: x, lon: 29.95, lat: 50, area_km2: 10, control: blue }");
        y.Add("  edges:");
        y.Add("    - { from: w, to: e }");
        if (west) y.Add("    - { from: x, to: w }");
        if (variant is "depots" or "cohesion" or "withdraw") y.AddRange(["  depots:", "    - { id: bd, side: blue, at: w }", "    - { id: rd, side: red, at: e }"]);
        if (variant == "cut-off") y.AddRange(["  depots:", "    - { id: bd, side: blue, at: x }"]);
        y.Add("units:");
        y.Add($"  - {{ id: b, side: blue, at: {(variant == "interior" ? "x" : "w")}, personnel: 1000 }}");
        y.Add("  - { id: r, side: red, at: e, personnel: 150 }");
        if (variant == "late-arrival") y.Add("  - { id: b2, side: blue, at: w, arrives: 2024-01-04, personnel: 50 }");
        if (variant == "flow") y.AddRange(["reinforcements:", "  - { unit: b, start: 2024-01-03, end: 2024-01-04, per_day: 40 }"]);
        if (variant == "one-off") y.AddRange(["reinforcements:", "  - { unit: b, date: 2024-01-04, personnel: 100 }"]);
        y.AddRange(["plans:", "  - side: blue", "    phases:"]);
        y.AddRange(variant switch
        {
            "hold-then-attack" => ["      - { name: hold, start: 2024-01-01, end: 2024-01-03, posture: defend }",
                                   "      - { name: push, start: 2024-01-04, end: 2024-01-06, posture: attack, objectives: [e] }"],
            "attack-then-hold" => ["      - { name: push, start: 2024-01-01, end: 2024-01-02, posture: attack, objectives: [e] }",
                                   "      - { name: hold, start: 2024-01-03, end: 2024-01-06, posture: defend }"],
            "attack" => ["      - { name: push, start: 2024-01-01, end: 2024-01-06, posture: attack, objectives: [e] }"],
            _ => new[] { "      - { name: hold, start: 2024-01-01, end: 2024-01-06, posture: defend }" },
        });
        y.AddRange(["parameters:", "  ground:", "    positional_intensity: 1", "    lethality: { blue: 1.0, red: 0.5 }"]);
        switch (variant)
        {
            case "fortify": y.AddRange(["    fortification_per_day: 0.25", "    fortification_max: 0.5"]); break;
            case "fortify-uncapped": y.AddRange(["    fortification_per_day: 0.01", "    fortification_max: 5"]); break;
            case "schedule":
                y.AddRange(["    fortification_per_day:", "      schedule:", "        - { date: 2024-01-01, value: 0 }", "        - { date: 2024-01-04, value: 0.2 }"]);
                y.Add("    fortification_max: 0.1");
                break;
        }
        y.Add("  cohesion:");
        y.Add(variant is "cohesion" or "withdraw" ? "    loss_per_casualty_fraction: 1" : "    loss_per_casualty_fraction: 0");
        if (variant == "cohesion") y.Add("    recovery_per_day: 0.5");
        if (variant == "cut-off") y.AddRange(["  logistics:", "    max_supply_km: { blue: 1 }"]);
        return string.Join('\n', y) + "\n";
    }
}
