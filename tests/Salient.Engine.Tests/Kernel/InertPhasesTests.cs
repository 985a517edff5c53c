using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Phases left out where the scenario gives them nothing to do (Simulation.Overheads.cs, <c>SetInertPhases</c>): whole
/// runs with the shortcut and with every phase called every tick give the same bytes: final metrics, daily series,
/// control tallies, clock and the state hash (which counts every stream's draws). Run both with settled replications
/// played in bulk (as <c>Run</c> does) and stepping every tick, over bundled scenarios that use and do not use the
/// shortcuts, at three seeds.
/// </summary>
public class InertPhasesTests
{
    [Theory]
    [InlineData("scenarios/validation/duel", 40, true)]
    [InlineData("scenarios/validation/markov-duel", 40, false)]
    [InlineData("scenarios/validation/lanchester-square", 6, false)]
    [InlineData("scenarios/validation/lanchester-linear", 6, false)]
    [InlineData("scenarios/validation/hughes-salvo", 6, false)]
    [InlineData("scenarios/validation/air-defence-saturation", 4, false)]
    [InlineData("scenarios/validation/ew-jamming", 4, false)]
    [InlineData("scenarios/examples/line-of-towns", 4, false)]
    [InlineData("scenarios/examples/towns-attribution", 4, false)]
    [InlineData("scenarios/examples/supply-interdiction", 3, false)]
    [InlineData("scenarios/examples/infiltration", 3, false)]
    [InlineData("scenarios/examples/fatigue-rotation", 3, false)]
    [InlineData("scenarios/examples/deep-strike", 3, false)]
    [InlineData("scenarios/examples/season-cycle", 3, false)]
    [InlineData("scenarios/examples/ew-coordination", 3, false)]
    public void BundledScenarios_SameBytes_AsCallingEveryPhase(string path, int replications, bool logisticsInert)
    {
        var c = TestScenarios.Bundled(path);
        Assert.Equal(logisticsInert, new Simulation(c).LogisticsSkipped);
        foreach (bool settle in new[] { true, false })
            foreach (ulong seed in new ulong[] { 1, 3, 2024 })
                AssertSameAsEveryPhase(c, seed, replications, settle);
    }

    /// <summary>The duel leaves out arrivals (after the first tick), infiltration, logistics, ISR and EW, fires and fatigue.</summary>
    [Fact]
    public void Duel_LeavesOutEveryPhaseButCommandCombatAndRecovery()
    {
        var sim = new Simulation(TestScenarios.Bundled("scenarios/validation/duel"));
        Assert.Equal((true, true, true, true, true), (sim.LogisticsSkipped, sim.InfiltrationSkipped, sim.IsrSkipped, sim.FiresSkipped, sim.FatigueSkipped));
        var daily = new float[sim.Compiled.Layout.DailyLength];
        sim.Begin(1, 0);
        Assert.False(sim.ArrivalsDone);
        sim.Step(daily);
        Assert.True(sim.ArrivalsDone);
        var off = new Simulation(sim.Compiled) { SkipInertPhases = false };
        Assert.Equal((false, false, false, false, false), (off.LogisticsSkipped, off.InfiltrationSkipped, off.IsrSkipped, off.FiresSkipped, off.FatigueSkipped));
        off.Begin(1, 0);
        off.Step(daily);
        Assert.False(off.ArrivalsDone);
    }

    /// <summary>
    /// Stands without depots (so logistics is left out): a unit still to arrive or a reinforcement keeps arrivals in
    /// every tick; units that withdraw (cohesion below the threshold) and march through their own ground read the
    /// supply and front fields that logistics no longer brings up to date each tick, across captures.
    /// </summary>
    [Theory]
    [InlineData("late-arrival", true)]
    [InlineData("one-off", true)]
    [InlineData("withdraw", false)]
    [InlineData("attack", false)]
    public void StandsWithoutDepots_SameBytes_AsCallingEveryPhase(string variant, bool arrivalsKept)
    {
        var c = TestScenarios.Compile(Stand(variant));
        var sim = new Simulation(c);
        Assert.True(sim.LogisticsSkipped);
        var daily = new float[c.Layout.DailyLength];
        sim.Begin(1, 0);
        for (int t = 0; t < 4; t++) sim.Step(daily);
        Assert.Equal(!arrivalsKept, sim.ArrivalsDone);
        foreach (bool settle in new[] { true, false })
            foreach (ulong seed in new ulong[] { 1, 9, 31 })
                AssertSameAsEveryPhase(c, seed, 8, settle);
    }

    /// <summary>
    /// Three cells in a row, x - w - e, no depots, 6-hour ticks for 4 days: blue holds w (and x behind it), red e;
    /// the variant adds a late unit, a one-off reinforcement, cohesion loss with a withdrawal threshold (units fall
    /// back and come up again), or blue attacking e with a reserve in x.
    /// </summary>
    private static string Stand(string variant)
    {
        var y = new List<string>
        {
            "salient: 1",
            "name: stand",
            "calendar: { start: 2024-01-01, end: 2024-01-04, tick_hours: 6 }",
            "sides:",
            variant == "withdraw"
                ? "  - { id: blue, doctrine: { withdraw_cohesion: 0.9, recover_cohesion: 0.95 } }"
                : "  - { id: blue, doctrine: { withdraw_cohesion: 0, recover_cohesion: 0 } }",
            "  - { id: red, doctrine: { withdraw_cohesion: 0, recover_cohesion: 0 } }",
            "theatre:",
            "  nodes:",
            "    - { id: x, lon: 29.95, lat: 50, area_km2: 10, control: blue }",
            "    - { id: w, lon: 30.0, lat: 50, area_km2: 10, control: blue }",
            "    - { id: e, lon: 30.05, lat: 50, area_km2: 10, control: red }",
            "  edges:",
            "    - { from: x, to: w }",
            "    - { from: w, to: e }",
            "units:",
            "  - { id: b, side: blue, at: w, personnel: 600 }",
            "  - { id: b2, side: blue, at: x, personnel: 300 }",
            "  - { id: r, side: red, at: e, personnel: 400 }",
        };
        if (variant == "late-arrival") y.Add("  - { id: b3, side: blue, at: w, arrives: 2024-01-03, personnel: 50 }");
        if (variant == "one-off") y.AddRange(["reinforcements:", "  - { unit: b, date: 2024-01-03, personnel: 100 }"]);
        y.AddRange(["plans:", "  - side: blue", "    phases:"]);
        y.Add(variant == "attack"
            ? "      - { name: push, start: 2024-01-01, end: 2024-01-04, posture: attack, objectives: [e] }"
            : "      - { name: hold, start: 2024-01-01, end: 2024-01-04, posture: defend }");
        y.AddRange(["  - side: red", "    phases:", "      - { name: hold, start: 2024-01-01, end: 2024-01-04, posture: defend }"]);
        y.AddRange(["parameters:", "  ground:", "    positional_intensity: 1", "    lethality: { blue: 0.6, red: 0.5 }"]);
        y.Add("  cohesion:");
        y.Add(variant == "withdraw" ? "    loss_per_casualty_fraction: 2" : "    loss_per_casualty_fraction: 0");
        if (variant == "withdraw") y.Add("    recovery_per_day: 0.5");
        return string.Join('\n', y) + "\n";
    }

    private static void AssertSameAsEveryPhase(CompiledScenario c, ulong seed, int n, bool settle) =>
        SameRuns.AssertSame(c, new Simulation(c) { SkipSettled = settle }, new Simulation(c) { SkipSettled = settle, SkipInertPhases = false },
            seed, n, "with the shortcut", "calling every phase");
}
