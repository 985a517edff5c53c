using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Positional fire's contact counts and (firer, target) pairs kept while the occupancy lists stay as they were
/// (Simulation.GroundCombat.cs, PERF): whole runs keeping them give the bytes of runs that scan the cells every tick,
/// as before: final metrics, daily series, control tallies, clock and state hash, on scenarios where units move,
/// withdraw, arrive, emerge from infiltration and are eliminated, at three seeds.
/// </summary>
public class ContactPairsTests
{
    [Theory]
    [InlineData("scenarios/validation/duel", 30)]
    [InlineData("scenarios/validation/markov-duel", 30)]
    [InlineData("scenarios/validation/lanchester-square", 5)]
    [InlineData("scenarios/validation/lanchester-linear", 5)]
    [InlineData("scenarios/examples/line-of-towns", 4)]
    [InlineData("scenarios/examples/towns-attribution", 4)]
    [InlineData("scenarios/examples/infiltration", 3)]
    [InlineData("scenarios/examples/fatigue-rotation", 3)]
    [InlineData("scenarios/examples/supply-interdiction", 3)]
    [InlineData("scenarios/examples/deep-strike", 3)]
    [InlineData("scenarios/kursk-2024", 1)]
    public void KeptPairs_SameBytes_AsScanningEveryTick(string path, int replications)
    {
        var c = TestScenarios.Bundled(path);
        foreach (ulong seed in new ulong[] { 1, 3, 2024 })
        {
            SameRuns.AssertSame(c, new Simulation(c), new Simulation(c) { KeepContactPairs = false }, seed, replications, "kept", "scanned");
        }
    }
}
