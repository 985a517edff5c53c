using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Engine.Random;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// The repaired field fed by a <see cref="ControlLog"/> (only the flipped cells compared) gives bit for bit the
/// distances of a full search, also when it skips updates and catches up over many changes (the lazily repaired route
/// fields), when it falls behind the log's ring (it scans the theatre instead), and across replications (a reset log).
/// Exact equality: the engine's outputs must not change by a bit.
/// </summary>
public class PathFieldLogTests
{
    private static readonly CompiledScenario Kursk = TestScenarios.Bundled("scenarios/kursk-2024");

    [Theory]
    [InlineData(0, 21u)]
    [InlineData(1, 22u)]
    [InlineData(0, 23u)]
    [InlineData(1, 24u)]
    public void LoggedField_EqualsAFullSearch_WhenUpdatedLateOrAfterTheRingWrapped(int side, uint seed)
    {
        var c = Kursk;
        var rng = new RandomStream(seed, 0, 1);
        var control = (byte[])c.InitialControl.Clone();
        var log = new ControlLog(64);
        var paths = new PathFinder(c);
        var field = new DynamicPathField(c, side);
        var expected = new double[c.CellCount];
        var sources = new List<int> { rng.NextInt(c.CellCount) };
        int compared = 0, next = 0;
        for (int step = 0; step < 400; step++)
        {
            int flips = rng.NextInt(4) == 0 ? 2 : 1;
            for (int f = 0; f < flips; f++)
            {
                int cell = PathFieldTests.BorderCell(c, control, ref rng);
                if (cell < 0) continue;
                control[cell] = (byte)(1 - control[cell]);
                log.Add(cell);
            }
            if (rng.NextInt(10) == 0)
            {
                if (sources.Count > 1 && rng.NextInt(2) == 0) sources.RemoveAt(rng.NextInt(sources.Count));
                else
                {
                    int s = rng.NextInt(c.CellCount);
                    if (!sources.Contains(s)) sources.Add(s);
                }
            }
            if (step == 150)
            {
                // A new replication: the log restarts and the field is searched anew.
                log.Reset();
                field.Invalidate();
            }
            // Mostly every step; sometimes a few steps late; now and then so late that the ring (64) wrapped.
            if (step < next) continue;
            next = step + (rng.NextInt(8) == 0 ? 50 : 1 + rng.NextInt(3));
            field.Update(control, sources.ToArray(), log);
            paths.Clear(expected);
            foreach (int s in sources) paths.AddSource(expected, s);
            paths.Run(expected, control, side);
            for (int v = 0; v < c.CellCount; v++)
                Assert.True(BitConverter.DoubleToInt64Bits(expected[v]) == BitConverter.DoubleToInt64Bits(field.Distances[v]),
                    $"step {step}, cell {v}: full search {expected[v]:R}, repaired {field.Distances[v]:R}");
            compared++;
        }
        Assert.True(compared > 40);
    }

    [Theory]
    [InlineData(0, 31u)]
    [InlineData(1, 32u)]
    public void KeptLazyField_GivesTheFullSearchsDistance_AfterCapturesElsewhere(int side, uint seed)
    {
        // A single-source lazy field kept across captures (FromSource with the log) answers every cell asked about as a
        // new search of the current map would, whether the captures left it alone (kept) or touched it (restarted).
        var c = Kursk;
        var rng = new RandomStream(seed, 0, 1);
        var control = (byte[])c.InitialControl.Clone();
        var log = new ControlLog(c.CellCount);
        var paths = new PathFinder(c);
        var lazy = new LazyPathField(c);
        var expected = new double[c.CellCount];
        int source = -1;
        long version = 0;
        for (int round = 0; round < 300; round++)
        {
            if (source < 0 || control[source] != side || rng.NextInt(25) == 0)
            {
                do source = rng.NextInt(c.CellCount); while (control[source] != side);
            }
            lazy.FromSource(control, side, version, source, log);
            paths.Clear(expected);
            paths.AddSource(expected, source);
            paths.Run(expected, control, side);
            // A few cells near the source (as a rear unit reads), now and then one anywhere.
            for (int ask = 0; ask < 4; ask++)
            {
                int v = rng.NextInt(8) == 0 ? rng.NextInt(c.CellCount) : Near(c, source, ref rng);
                Assert.True(BitConverter.DoubleToInt64Bits(expected[v]) == BitConverter.DoubleToInt64Bits(lazy.At(v)),
                    $"round {round}, cell {v}: full search {expected[v]:R}, lazy {lazy.At(v):R}");
            }
            int cell = PathFieldTests.BorderCell(c, control, ref rng);
            if (cell < 0 || cell == source) continue;
            control[cell] = (byte)(1 - control[cell]);
            log.Add(cell);
            version++;
        }
    }

    private static int Near(CompiledScenario c, int cell, ref RandomStream rng)
    {
        for (int hop = rng.NextInt(4); hop > 0; hop--)
        {
            int degree = c.NeighbourStart[cell + 1] - c.NeighbourStart[cell];
            cell = c.Neighbour[c.NeighbourStart[cell] + rng.NextInt(degree)];
        }
        return cell;
    }

    [Fact]
    public void Log_KnowsWhatItStillHolds()
    {
        var log = new ControlLog(10); // at least 64 entries
        Assert.True(log.Since(log.Generation, 0));
        for (int i = 0; i < 64; i++) log.Add(i);
        Assert.True(log.Since(log.Generation, 0));
        Assert.Equal(5, log[5]);
        log.Add(99);
        Assert.False(log.Since(log.Generation, 0)); // change 0 was overwritten
        Assert.True(log.Since(log.Generation, 1));
        Assert.Equal(99, log[64]);
        int before = log.Generation;
        log.Reset();
        Assert.False(log.Since(before, 0));
        Assert.True(log.Since(log.Generation, 0));
        Assert.Equal(0, log.Count);
    }
}
