using Salient.Engine.Compilation;

namespace Salient.Engine.Kernel;

/// <summary>
/// Multi-source shortest paths over the theatre graph (Dijkstra with a binary heap and lazy deletion), with edge
/// cost = length / mobility. Hand-written over preallocated arrays: it runs inside the tick loop, where a library
/// graph type would allocate.
/// </summary>
internal sealed class PathFinder
{
    private readonly CompiledScenario _c;
    private readonly NodeHeap _heap;

    public PathFinder(CompiledScenario c)
    {
        _c = c;
        int capacity = c.Neighbour.Length + c.CellCount + 1;
        _heap = new NodeHeap(capacity);
    }

    /// <summary>Starts a search: every distance is set to +infinity.</summary>
    public void Clear(Span<double> dist)
    {
        dist.Fill(double.PositiveInfinity);
        _heap.Clear();
    }

    /// <summary>Adds a source cell at distance 0.</summary>
    public void AddSource(Span<double> dist, int cell)
    {
        if (dist[cell] == 0) return;
        dist[cell] = 0;
        _heap.Push(0, cell);
    }

    /// <summary>
    /// Runs the search from the added sources. When <paramref name="side"/> is 0 or 1, only cells whose control
    /// equals it are entered (a side's own ground); when -1, every cell is.
    /// </summary>
    public void Run(Span<double> dist, ReadOnlySpan<byte> control, int side) => Search(dist, control, new OwnGround(side));

    /// <summary>
    /// Runs the search from the added sources over every cell, a step from a cell that <paramref name="side"/> does not
    /// hold toward the sources costing <paramref name="enemyFactor"/> x length / mobility: crossing ground the side does
    /// not hold costs that factor more, and a cell's value already includes the cost of leaving it, so a unit
    /// compares its neighbours' values alone.
    /// </summary>
    public void RunWeighted(Span<double> dist, ReadOnlySpan<byte> control, int side, double enemyFactor) =>
        Search(dist, control, new EnemyGroundWeighted(side, enemyFactor));

    /// <summary>What a step into cell v of the search (out of v toward the sources) costs per unit of length / mobility;
    /// +infinity closes the cell.</summary>
    private interface IStepFactor
    {
        double Of(int v, ReadOnlySpan<byte> control);
    }

    private readonly struct OwnGround(int side) : IStepFactor
    {
        public double Of(int v, ReadOnlySpan<byte> control) => side >= 0 && control[v] != side ? double.PositiveInfinity : 1;
    }

    private readonly struct EnemyGroundWeighted(int side, double enemyFactor) : IStepFactor
    {
        public double Of(int v, ReadOnlySpan<byte> control) => control[v] == side ? 1 : enemyFactor;
    }

    // PERF: a struct policy, so the JIT specialises the loop for each and inlines the factor (no interface call). A
    // factor of 1 gives len / m bit for bit (1 x a is a); +infinity never relaxes, as skipping the cell did.
    private void Search<TFactor>(Span<double> dist, ReadOnlySpan<byte> control, TFactor factor) where TFactor : struct, IStepFactor
    {
        var start = _c.NeighbourStart;
        var nbr = _c.Neighbour;
        var len = _c.NeighbourLengthKm;
        var mob = _c.NeighbourMobility;
        while (_heap.Count > 0)
        {
            _heap.Pop(out double d, out int u);
            if (d > dist[u]) continue;
            for (int e = start[u]; e < start[u + 1]; e++)
            {
                int v = nbr[e];
                double f = factor.Of(v, control);
                if (double.IsPositiveInfinity(f)) continue;
                double m = mob[e];
                if (m <= 0) continue;
                double nd = d + f * len[e] / m;
                if (nd < dist[v])
                {
                    dist[v] = nd;
                    _heap.Push(nd, v);
                }
            }
        }
    }
}
