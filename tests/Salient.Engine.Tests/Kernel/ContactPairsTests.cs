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
            var kept = new Simulation(c);
            var scanned = new Simulation(c) { KeepContactPairs = false };
            int width = c.Layout.Metrics.Length, block = c.Layout.DailyLength;
            var mk = new double[width];
            var ms = new double[width];
            var dk = new float[block];
            var ds = new float[block];
            for (int rep = 0; rep < replications; rep++)
            {
                kept.Run(seed, rep, mk, dk);
                scanned.Run(seed, rep, ms, ds);
                Assert.Equal(scanned.StateHash(), kept.StateHash());
                Assert.Equal(scanned.Tick, kept.Tick);
                for (int i = 0; i < width; i++)
                    Assert.True(BitConverter.DoubleToInt64Bits(ms[i]) == BitConverter.DoubleToInt64Bits(mk[i]),
                        $"seed {seed}, replication {rep}: {c.Layout.Metrics[i].Name} = {mk[i]} kept, {ms[i]} scanned");
                for (int i = 0; i < block; i++)
                    Assert.True(BitConverter.SingleToInt32Bits(ds[i]) == BitConverter.SingleToInt32Bits(dk[i]),
                        $"seed {seed}, replication {rep}: daily value {i} = {dk[i]} kept, {ds[i]} scanned");
            }
            Assert.Equal(scanned.ControlTally, kept.ControlTally);
        }
    }
}
