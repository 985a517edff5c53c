using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Engine.Random;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// The fast distance fields give bit for bit the distances of a full search (<see cref="PathFinder"/>): the repaired
/// field after random sequences of captures and source changes, and the lazy field at any cell it is asked about.
/// Exact equality (no tolerance): the engine's outputs must not change by a bit when a field is repaired instead of
/// rebuilt.
/// </summary>
public class PathFieldTests
{
    private static readonly CompiledScenario Kursk = TestScenarios.Bundled("scenarios/kursk-2024");

    [Fact]
    public void ACellNamedManyTimesAsASource_IsOneSource_AfterARebuildAndARepair()
    {
        // Two depots on one cell name it twice; a scenario may name a cell more times than the theatre has cells (the
        // pipeline fuzz found an index overflow here). The field must equal the full search, which ignores repeats.
        var c = Kursk;
        var control = (byte[])c.InitialControl.Clone();
        int[] sources = [.. Enumerable.Repeat(5, c.CellCount + 3), 7, 7];
        var field = new DynamicPathField(c, -1);
        var expected = new double[c.CellCount];
        var paths = new PathFinder(c);
        paths.Clear(expected);
        foreach (int s in sources) paths.AddSource(expected, s);
        paths.Run(expected, control, -1);
        field.Update(control, sources);
        field.Update(control, [.. sources.Reverse()]);
        for (int v = 0; v < c.CellCount; v++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[v]), BitConverter.DoubleToInt64Bits(field.Distances[v]));
    }

    [Fact]
    public void KursksFields_PopFromBuckets()
    {
        // Kursk's edge costs lie within the buckets' spread, so the tests below on Kursk exercise the bucket queue
        // (and, with useBuckets false, the heap it replaces).
        Assert.True(new DynamicPathField(Kursk, 0).UsesBuckets);
        Assert.False(new DynamicPathField(Kursk, 0, useBuckets: false).UsesBuckets);
        Assert.True(new LazyPathField(Kursk).UsesBuckets);
    }

    [Theory]
    [InlineData(0, 1u, true)]
    [InlineData(1, 2u, true)]
    [InlineData(-1, 3u, true)]
    [InlineData(0, 4u, true)]
    [InlineData(1, 5u, true)]
    [InlineData(0, 1u, false)]
    [InlineData(1, 2u, false)]
    [InlineData(-1, 3u, false)]
    public void RepairedField_EqualsAFullSearch_AfterEveryChange(int side, uint seed, bool buckets)
    {
        var c = Kursk;
        var rng = new RandomStream(seed, 0, 1);
        var control = (byte[])c.InitialControl.Clone();
        var paths = new PathFinder(c);
        var field = new DynamicPathField(c, side, buckets);
        var expected = new double[c.CellCount];
        var sources = new List<int> { rng.NextInt(c.CellCount) };
        for (int step = 0; step < 300; step++)
        {
            // A capture at the line (a cell bordering the other side), now and then two, and sometimes a source change.
            int flips = rng.NextInt(4) == 0 ? 2 : 1;
            for (int f = 0; f < flips; f++)
            {
                int cell = BorderCell(c, control, ref rng);
                if (cell >= 0) control[cell] = (byte)(1 - control[cell]);
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
            if (step % 50 == 17) field.Invalidate();
            field.Update(control, sources.ToArray());
            paths.Clear(expected);
            foreach (int s in sources) paths.AddSource(expected, s);
            paths.Run(expected, control, side);
            for (int v = 0; v < c.CellCount; v++)
                Assert.True(BitConverter.DoubleToInt64Bits(expected[v]) == BitConverter.DoubleToInt64Bits(field.Distances[v]),
                    $"step {step}, cell {v}: full search {expected[v]:R}, repaired {field.Distances[v]:R}");
        }
    }

    [Fact]
    public void FieldsSharingTheirQueues_EachEqualAFullSearch_AfterEveryChange()
    {
        // A simulation's repaired fields share one heap and one bucket queue (FieldQueues): each update must leave them
        // empty for the next field. Three fields updated in turn after every change, each against a full search.
        var c = Kursk;
        var rng = new RandomStream(21, 0, 1);
        var control = (byte[])c.InitialControl.Clone();
        var paths = new PathFinder(c);
        var queues = new FieldQueues(FieldGraph.Of(c));
        int[] sides = [0, 1, -1];
        var fields = sides.Select(s => new DynamicPathField(c, s, queues)).ToArray();
        int[][] sources = [[rng.NextInt(c.CellCount)], [rng.NextInt(c.CellCount), rng.NextInt(c.CellCount)], [rng.NextInt(c.CellCount)]];
        var expected = new double[c.CellCount];
        for (int step = 0; step < 150; step++)
        {
            int cell = BorderCell(c, control, ref rng);
            if (cell >= 0) control[cell] = (byte)(1 - control[cell]);
            if (step % 25 == 7) sources[step % 3] = [rng.NextInt(c.CellCount)];
            for (int f = 0; f < fields.Length; f++)
            {
                fields[f].Update(control, sources[f]);
                paths.Clear(expected);
                foreach (int s in sources[f]) paths.AddSource(expected, s);
                paths.Run(expected, control, sides[f]);
                for (int v = 0; v < c.CellCount; v++)
                    Assert.True(BitConverter.DoubleToInt64Bits(expected[v]) == BitConverter.DoubleToInt64Bits(fields[f].Distances[v]),
                        $"step {step}, field {f}, cell {v}: full search {expected[v]:R}, shared-queue field {fields[f].Distances[v]:R}");
                Assert.Equal(0, queues.Buckets!.Count);
                Assert.Equal(0, queues.Heap.Count);
            }
        }
    }

    [Theory]
    [InlineData(0, 11u)]
    [InlineData(1, 12u)]
    [InlineData(-1, 13u)]
    [InlineData(0, 11u, false)]
    [InlineData(1, 12u, false)]
    [InlineData(-1, 13u, false)]
    public void LazyField_GivesTheFullSearchsDistance_AtEveryCellAskedAbout(int side, uint seed, bool buckets = true)
    {
        var c = Kursk;
        var rng = new RandomStream(seed, 0, 1);
        var control = (byte[])c.InitialControl.Clone();
        var paths = new PathFinder(c);
        var lazy = new LazyPathField(c, buckets);
        Assert.Equal(buckets, lazy.UsesBuckets);
        var expected = new double[c.CellCount];
        for (int round = 0; round < 20; round++)
        {
            int source = rng.NextInt(c.CellCount);
            paths.Clear(expected);
            paths.AddSource(expected, source);
            paths.Run(expected, control, side);
            lazy.Start(control, side);
            lazy.AddSource(source);
            for (int ask = 0; ask < 60; ask++)
            {
                int v = rng.NextInt(c.CellCount);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[v]), BitConverter.DoubleToInt64Bits(lazy.At(v)));
            }
            lazy.Complete();
            for (int v = 0; v < c.CellCount; v++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[v]), BitConverter.DoubleToInt64Bits(lazy.Distances[v]));
            // A capture somewhere before the next round.
            int cell = BorderCell(c, control, ref rng);
            if (cell >= 0) control[cell] = (byte)(1 - control[cell]);
        }
    }

    /// <summary>A random cell held by side 0 or 1 that borders a cell of the other side (-1 when none is found).</summary>
    internal static int BorderCell(CompiledScenario c, byte[] control, ref RandomStream rng)
    {
        for (int attempt = 0; attempt < 10_000; attempt++)
        {
            int v = rng.NextInt(c.CellCount);
            if (control[v] > 1) continue;
            for (int e = c.NeighbourStart[v]; e < c.NeighbourStart[v + 1]; e++)
                if (control[c.Neighbour[e]] == 1 - control[v]) return v;
        }
        return -1;
    }
}
