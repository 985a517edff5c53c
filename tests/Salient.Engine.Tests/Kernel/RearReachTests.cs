using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Engine.Random;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// The speed-ups of docs/scale-out.md section 8, "Rear goals without searches": rear goals chosen with reaching read from
/// the own ground's components give the same replications as goals chosen by the search, and a repaired field whose
/// sources come and go along the line (the depth field's pattern) equals a full search. Exact equality, no tolerance.
/// </summary>
public class RearReachTests
{
    private static readonly CompiledScenario Kursk = TestScenarios.Bundled("scenarios/kursk-2024");

    [Theory]
    [InlineData(7ul)]
    [InlineData(11ul)]
    public void RearGoalsByComponents_GiveTheSameReplications_AsTheSearch(ulong seed)
    {
        var c = Kursk;
        var fast = new Simulation(c);
        var slow = new Simulation(c) { RearGoalsBySearch = true };
        Assert.True(fast.ReachByComponents); // Kursk has rear units and symmetric edges: the shortcut is taken
        int width = c.Layout.Metrics.Length, block = c.Layout.DailyLength;
        var mf = new double[width];
        var ms = new double[width];
        var df = new float[block];
        var ds = new float[block];
        for (int rep = 0; rep < 2; rep++)
        {
            fast.Run(seed, rep, mf, df);
            slow.Run(seed, rep, ms, ds);
            Assert.Equal(slow.StateHash(), fast.StateHash());
            for (int i = 0; i < width; i++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(ms[i]), BitConverter.DoubleToInt64Bits(mf[i]));
            for (int i = 0; i < block; i++)
                Assert.Equal(BitConverter.SingleToInt32Bits(ds[i]), BitConverter.SingleToInt32Bits(df[i]));
        }
    }

    [Theory]
    [InlineData(0, 21u)]
    [InlineData(1, 22u)]
    [InlineData(0, 23u)]
    public void RepairedField_EqualsAFullSearch_WhenSourcesComeAndGoAlongTheLine(int side, uint seed)
    {
        // Each step some of the side's border cells become sources and some stop being ones (an enemy unit stepping up
        // to or away from the line), now and then with a capture: new sources are repaired without invalidating what
        // they supported (DynamicPathField.Repair), and the field must still be the full search's, bit for bit.
        var c = Kursk;
        var rng = new RandomStream(seed, 0, 1);
        var control = (byte[])c.InitialControl.Clone();
        var paths = new PathFinder(c);
        var field = new DynamicPathField(c, side);
        var expected = new double[c.CellCount];
        var sources = new List<int>();
        for (int step = 0; step < 300; step++)
        {
            int adds = rng.NextInt(3), drops = rng.NextInt(3);
            for (int i = 0; i < adds; i++)
            {
                int cell = PathFieldTests.BorderCell(c, control, ref rng);
                if (cell >= 0 && control[cell] == side && !sources.Contains(cell)) sources.Add(cell);
            }
            for (int i = 0; i < drops && sources.Count > 1; i++) sources.RemoveAt(rng.NextInt(sources.Count));
            if (rng.NextInt(4) == 0)
            {
                int cell = PathFieldTests.BorderCell(c, control, ref rng);
                if (cell >= 0) control[cell] = (byte)(1 - control[cell]);
            }
            field.Update(control, sources.ToArray());
            paths.Clear(expected);
            foreach (int s in sources) paths.AddSource(expected, s);
            paths.Run(expected, control, side);
            for (int v = 0; v < c.CellCount; v++)
                Assert.True(BitConverter.DoubleToInt64Bits(expected[v]) == BitConverter.DoubleToInt64Bits(field.Distances[v]),
                    $"step {step}, cell {v}: full search {expected[v]:R}, repaired {field.Distances[v]:R}");
        }
    }
}
