using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Engine.Random;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Shortcuts of Kursk's logistics, ISR and recovery (PERF), each against the path it replaces, bit for bit: route distances
/// read from a field left stale when the captures since provably leave the distance read
/// (<c>DynamicPathField.TryReadUnchanged</c>), and each unit's jam probabilities and detection sum
/// kept while the EW and ISR holders, their cells and item counts, the day and the unit's cell stay (<c>Simulation.Isr</c>),
/// the recovery's cell loop over the cells not at rest (<c>Simulation.Recovery</c>), and each (unit, fire system) pair's
/// row of enemy route segments in reach kept while the control version and the unit's cell stay
/// (<c>Simulation.PairReach</c>). Exact equality, no tolerance.
/// </summary>
public class KeptReadsTests
{
    private static readonly CompiledScenario Kursk = TestScenarios.Bundled("scenarios/kursk-2024");

    [Theory]
    [InlineData(0, 41u)]
    [InlineData(1, 42u)]
    [InlineData(0, 43u)]
    [InlineData(1, 44u)]
    public void UnrepairedRead_EqualsAFullSearch_AtTheCellRead(int side, uint seed)
    {
        // A single-source field (a route cell's) read at a few cells after random captures, some of them the source's:
        // every read the field answers without repairing equals a new search of the current map; otherwise it is repaired.
        var c = Kursk;
        var rng = new RandomStream(seed, 0, 1);
        var control = (byte[])c.InitialControl.Clone();
        var log = new ControlLog(64);
        var paths = new PathFinder(c);
        var field = new DynamicPathField(c, side);
        var expected = new double[c.CellCount];
        int source;
        do source = rng.NextInt(c.CellCount); while (control[source] != side);
        int unrepaired = 0, repaired = 0;
        for (int step = 0; step < 600; step++)
        {
            int flips = rng.NextInt(4) == 0 ? 2 : 1;
            for (int f = 0; f < flips; f++)
            {
                int cell = rng.NextInt(6) == 0 ? source : PathFieldTests.BorderCell(c, control, ref rng);
                if (cell < 0 || control[cell] > 1) continue;
                control[cell] = (byte)(1 - control[cell]);
                log.Add(cell);
            }
            if (step == 300)
            {
                log.Reset(); // a new replication
                field.Invalidate();
            }
            int[] sources = control[source] == side ? [source] : [];
            paths.Clear(expected);
            foreach (int s in sources) paths.AddSource(expected, s);
            paths.Run(expected, control, side);
            for (int ask = 0; ask < 3; ask++)
            {
                int v = rng.NextInt(c.CellCount);
                double d;
                if (field.TryReadUnchanged(control, sources, log, v, out d)) unrepaired++;
                else
                {
                    field.Update(control, sources, log);
                    d = field.Distances[v];
                    repaired++;
                }
                Assert.True(BitConverter.DoubleToInt64Bits(expected[v]) == BitConverter.DoubleToInt64Bits(d),
                    $"step {step}, cell {v}: full search {expected[v]:R}, read {d:R}");
            }
        }
        Assert.True(unrepaired > 100, $"only {unrepaired} reads without a repair");
        Assert.True(repaired > 100, $"only {repaired} repairs");
    }

    [Fact]
    public void UnrepairedRead_ReadsNothing_WhenTheSourcesDiffer()
    {
        var c = Kursk;
        var control = (byte[])c.InitialControl.Clone();
        var log = new ControlLog(64);
        var field = new DynamicPathField(c, 0);
        int a = Array.IndexOf(control, (byte)0), b = Array.LastIndexOf(control, (byte)0);
        Assert.False(field.TryReadUnchanged(control, [a], log, b, out _)); // never built
        field.Update(control, [a], log);
        Assert.True(field.TryReadUnchanged(control, [a], log, b, out double same));
        Assert.Equal(field.Distances[b], same);
        Assert.False(field.TryReadUnchanged(control, [b], log, b, out _));
        Assert.False(field.TryReadUnchanged(control, [], log, b, out _));
        Assert.False(field.TryReadUnchanged(control, [a, b], log, b, out _));
    }

    [Theory]
    [InlineData("scenarios/kursk-2024", 3ul, 3, true)]
    [InlineData("scenarios/kursk-2024", 9ul, 2, true)]
    [InlineData("scenarios/examples/supply-interdiction", 5ul, 12, false)] // too few captures to take it
    public void UnrepairedRouteReads_GiveTheSameReplications_AsRepairingEveryRead(string path, ulong seed, int replications, bool taken)
    {
        var c = TestScenarios.Bundled(path);
        var shortcut = new Simulation(c);
        var reference = new Simulation(c) { ReadRouteFieldsUnrepaired = false };
        SameRuns.AssertSame(c, shortcut, reference, seed, replications, "unrepaired", "repaired");
        Assert.Equal(0, reference.RouteReadsUnrepaired);
        Assert.Equal(taken, shortcut.RouteReadsUnrepaired > 0);
    }

    [Theory]
    [InlineData("scenarios/kursk-2024", 3ul, 3)]
    [InlineData("scenarios/kursk-2024", 9ul, 2)]
    [InlineData("scenarios/examples/ew-coordination", 5ul, 12)]
    [InlineData("scenarios/examples/deep-strike", 5ul, 12)]
    [InlineData("scenarios/examples/season-cycle", 5ul, 12)]
    [InlineData("scenarios/validation/ew-jamming", 7ul, 20)]
    [InlineData("scenarios/validation/air-defence-saturation", 7ul, 20)]
    public void KeptIsrSums_GiveTheSameReplications_AsSummingEveryTick(string path, ulong seed, int replications)
    {
        var c = TestScenarios.Bundled(path);
        var shortcut = new Simulation(c);
        var reference = new Simulation(c) { KeepIsrSums = false };
        SameRuns.AssertSame(c, shortcut, reference, seed, replications, "kept", "summed");
        Assert.Equal(0, reference.IsrSumsKept);
        if (path.EndsWith("kursk-2024", StringComparison.Ordinal)) Assert.True(shortcut.IsrSumsKept > 0, "no ISR sums were kept");
    }

    [Theory]
    [InlineData("scenarios/kursk-2024", 3ul, 3)]
    [InlineData("scenarios/kursk-2024", 9ul, 2)]
    [InlineData("scenarios/examples/line-of-towns", 5ul, 12)]
    [InlineData("scenarios/examples/towns-attribution", 5ul, 12)]
    [InlineData("scenarios/examples/season-cycle", 5ul, 12)]
    [InlineData("scenarios/examples/infiltration", 5ul, 12)]
    [InlineData("scenarios/validation/duel", 5ul, 40)]
    public void CellsAtRest_GiveTheSameReplications_AsVisitingEveryCell(string path, ulong seed, int replications)
    {
        // With and without settled replications: their bulk play writes the fortification behind the list's back.
        var c = TestScenarios.Bundled(path);
        foreach (bool skipSettled in new[] { true, false })
        {
            var shortcut = new Simulation(c) { SkipSettled = skipSettled };
            var reference = new Simulation(c) { SkipSettled = skipSettled, KeepCellsAtRest = false };
            SameRuns.AssertSame(c, shortcut, reference, seed, replications, "cells at rest skipped", "every cell");
        }
    }

    [Theory]
    [InlineData("scenarios/kursk-2024", 3ul, 3)]
    [InlineData("scenarios/examples/supply-interdiction", 5ul, 12)]
    public void KeptReachRows_GiveTheSameReplications_AsRecomputingEveryDay(string path, ulong seed, int replications)
    {
        var c = TestScenarios.Bundled(path);
        var shortcut = new Simulation(c);
        var reference = new Simulation(c) { KeepReachRows = false };
        SameRuns.AssertSame(c, shortcut, reference, seed, replications, "kept", "recomputed");
        Assert.Equal(0, reference.ReachRowsKept);
        Assert.True(shortcut.ReachRowsKept > 0, "no reach row was kept");
        Assert.True(shortcut.ReachRowsComputed > 0, "no reach row was computed");
        Assert.Equal(reference.ReachRowsComputed, shortcut.ReachRowsComputed + shortcut.ReachRowsKept);
    }
}
