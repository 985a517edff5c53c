using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Allocation budgets per tick and per phase (bytes, never time): once a simulation is warm (one replication played,
/// so every lazily sized buffer exists), its ticks allocate nothing in any phase, on every kind of scenario (the duel,
/// assaults on a line of towns, supply routes, infiltration, EW and coordination, fatigue, seasons, Kursk).
/// </summary>
public class TickAllocationTests
{
    /// <summary>Bytes a warm tick may allocate: none (a single object a tick would show as 24 bytes or more).</summary>
    private const long BytesPerTick = 0;

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
        sim.Begin(2, 1);
        // Warm the profiled path too (its first call is compiled), then measure every remaining tick.
        sim.StepProfiled(daily, elapsed);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int ticks = 0;
        while (sim.Tick < c.TotalTicks)
        {
            sim.StepProfiled(daily, elapsed);
            ticks++;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated <= BytesPerTick * ticks, $"{allocated} bytes in {ticks} warm ticks");
    }
}
