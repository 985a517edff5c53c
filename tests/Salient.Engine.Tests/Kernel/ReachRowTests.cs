using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Kept reach rows (Simulation.PairReach, PERF): a (unit, fire system) pair tasked to convoys keeps the enemy route
/// segments it found open and in reach while the control version and the unit's cell are as when it looked; whole
/// replications with the shortcut and with every row recomputed every day are the same bit for bit (state hash, tick,
/// metrics, daily series, control tallies). Exact equality, no tolerance.
/// </summary>
public class ReachRowTests
{
    [Theory]
    [InlineData("scenarios/kursk-2024", 3ul, 3)]
    [InlineData("scenarios/examples/supply-interdiction", 5ul, 12)]
    public void KeptReachRows_GiveTheSameReplications_AsRecomputingEveryDay(string path, ulong seed, int replications)
    {
        var c = TestScenarios.Bundled(path);
        var kept = new Simulation(c);
        var recomputed = new Simulation(c) { KeepReachRows = false };
        SameRuns.AssertSame(c, kept, recomputed, seed, replications, "kept", "recomputed");
        Assert.Equal(0, recomputed.ReachRowsKept);
        Assert.True(kept.ReachRowsKept > 0, "the shortcut was never taken");
        Assert.True(kept.ReachRowsComputed > 0, "no row was ever computed");
        Assert.Equal(recomputed.ReachRowsComputed, kept.ReachRowsComputed + kept.ReachRowsKept);
    }
}
