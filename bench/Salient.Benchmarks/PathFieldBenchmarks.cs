using BenchmarkDotNet.Attributes;
using Salient.Engine.Compilation;
using Salient.Engine.Kernel;

namespace Salient.Benchmarks;

/// <summary>
/// A repaired distance field (<see cref="DynamicPathField"/>) on the Kursk 2024-25 theatre brought up to date after
/// each change of control in one replication (seed 1, replication 0), popping from the binary heap or from the bucket
/// queue (docs/scale-out.md, section 8): a depth field, through a side's own ground from its cells on the line (every
/// own cell bordering the other side's, as the depth field takes them when no enemy unit stands at the line). Both
/// queues repair the same sequence and give the same field.
/// </summary>
[MemoryDiagnoser]
public class PathFieldBenchmarks
{
    private CompiledScenario _scenario = null!;
    private byte[][] _controls = [];
    private int[][] _sources = [];
    private DynamicPathField _field = null!;

    /// <summary>Whether the field pops from the bucket queue (false: the binary heap).</summary>
    [Params(false, true)]
    public bool Buckets { get; set; }

    /// <summary>Which side's ground the field runs through.</summary>
    [Params(0, 1)]
    public int Side { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Repo.Compile("scenarios/kursk-2024");
        var c = _scenario;
        // The control map after every tick that changed it, in one replication.
        var sim = new Simulation(c);
        var daily = new float[c.Layout.DailyLength];
        var controls = new List<byte[]>();
        var last = c.InitialControl;
        sim.Begin(1, 0);
        while (sim.Tick < c.TotalTicks)
        {
            sim.Step(daily);
            if (sim.Control.SequenceEqual(last)) continue;
            last = sim.Control.ToArray();
            controls.Add(last);
        }
        _controls = [.. controls];
        _sources = [.. _controls.Select(control => LineCells(c, control, Side))];
        _field = new DynamicPathField(c, Side, Buckets);
    }

    [Benchmark(Description = "kursk-2024: a field repaired after each change of control in a replication")]
    public double RepairAfterEachChange()
    {
        _field.Invalidate();
        double sum = 0;
        for (int i = 0; i < _controls.Length; i++)
        {
            _field.Update(_controls[i], _sources[i]);
            sum += _field.Distances[0];
        }
        return sum;
    }

    /// <summary>The cells of <paramref name="side"/> bordering a cell it does not hold, ascending.</summary>
    private static int[] LineCells(CompiledScenario c, byte[] control, int side) =>
        [.. Enumerable.Range(0, c.CellCount).Where(x => control[x] == side
            && Enumerable.Range(c.NeighbourStart[x], c.NeighbourStart[x + 1] - c.NeighbourStart[x]).Any(e => control[c.Neighbour[e]] != side))];
}
