using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Kept service assignments (Simulation.AssignService, PERF): a unit whose cell, side's maximum supply distance, route
/// cells reached by a convoy and control map are as at its last search keeps that search's route cell and distance;
/// whole replications with the shortcut and with every unit searched every tick are the same bit for bit (state hash,
/// tick, metrics, daily series, control tallies). Exact equality, no tolerance.
/// </summary>
public class ServiceAssignmentTests
{
    [Theory]
    [InlineData("scenarios/kursk-2024", 3ul, 3)]
    [InlineData("scenarios/kursk-2024", 9ul, 2)]
    [InlineData("scenarios/examples/supply-interdiction", 5ul, 12)]
    public void KeptAssignments_GiveTheSameReplications_AsSearchingEveryTick(string path, ulong seed, int replications)
    {
        var c = TestScenarios.Bundled(path);
        var kept = new Simulation(c);
        var searched = new Simulation(c) { KeepServiceAssignments = false };
        SameRuns.AssertSame(c, kept, searched, seed, replications, "kept", "searched");
        Assert.Equal(0, searched.ServiceSearchesKept);
        Assert.True(kept.ServiceSearchesKept > 0, "the shortcut was never taken");
        Assert.Equal(searched.ServiceSearches, kept.ServiceSearches + kept.ServiceSearchesKept);
    }
}
