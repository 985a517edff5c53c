using Salient.Engine.Kernel;
using Salient.Testing;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Allocation budgets per tick and per phase (bytes, never time): once a simulation is warm (one replication played,
/// so every lazily sized buffer exists), its ticks allocate nothing in any phase, on every kind of scenario (the duel,
/// assaults on a line of towns, supply routes, infiltration, EW and coordination, fatigue, seasons, Kursk).
/// </summary>
public class TickAllocationTests
{
    [Theory]
    [InlineData("scenarios/validation/duel")]
    [InlineData("scenarios/examples/line-of-towns")]
    [InlineData("scenarios/examples/supply-interdiction")]
    [InlineData("scenarios/examples/infiltration")]
    [InlineData("scenarios/examples/ew-coordination")]
    [InlineData("scenarios/examples/fatigue-rotation")]
    [InlineData("scenarios/examples/season-cycle")]
    [InlineData("scenarios/examples/deep-strike")]
    [InlineData("scenarios/kursk-2024")]
    public void WarmTicks_AllocateNothing_InAnyPhase(string path)
    {
        var c = TestScenarios.Bundled(path);
        var sim = new Simulation(c);
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];
        var elapsed = new long[Simulation.ProfiledPhases.Count];
        sim.Run(2, 0, metrics, daily);
        int replication = 0;
        int ticks = 0;
        // A window is the ticks of one replication, after its first (which warms the profiled path; Begin samples the
        // inputs, which allocates, so it stays outside): a tick that allocated would spoil every window (AllocationWindows).
        var windows = AllocationWindows.UntilClean(
            () =>
            {
                while (sim.Tick < c.TotalTicks)
                {
                    sim.StepProfiled(daily, elapsed);
                    ticks++;
                }
            },
            prepare: () =>
            {
                sim.Begin(2, ++replication);
                sim.StepProfiled(daily, elapsed);
            });
        Assert.True(AllocationWindows.Clean(windows), $"{AllocationWindows.Describe(windows)}, {ticks} warm ticks");
    }
}
