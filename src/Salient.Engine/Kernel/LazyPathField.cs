using Salient.Engine.Compilation;

namespace Salient.Engine.Kernel;

/// <summary>
/// A shortest-path distance field (the same search and edge cost as <see cref="PathFinder"/>) that is settled only as
/// far as its readers need: <see cref="At"/> resumes the search until the asked cell's distance is final.
/// </summary>
/// <remarks>
/// PERF: most readers look at a few cells (a unit's cell and its neighbours) near the sources, so a full search over the
/// theatre each time the control map changes is mostly wasted. The values read are bit-identical to a full search's:
/// a search's result is the minimum over paths of the left-to-right floating-point sum of the edge costs, whatever the
/// order in which cells are popped, and a cell's distance is final once the least key in the heap is not below it
/// (every later relaxation adds a non-negative cost to a key at least that large). The control map must not change
/// between <see cref="Start"/> and the last read; the owner restarts the field when it does.
/// </remarks>
internal sealed class LazyPathField
{
    private readonly int[] _start;
    private readonly int[] _nbr;
    private readonly double[] _cost;     // [edge] length / mobility, +infinity when mobility <= 0 (the edge is closed)
    private readonly double[] _dist;
    private readonly NodeHeap _heap;
    private byte[] _control = [];
    private int _side;

    public LazyPathField(CompiledScenario c)
    {
        _start = c.NeighbourStart;
        _nbr = c.Neighbour;
        // PERF: the quotient once per edge rather than at every relaxation (the same division, so the same bits).
        _cost = new double[_nbr.Length];
        for (int e = 0; e < _cost.Length; e++)
        {
            double m = c.NeighbourMobility[e];
            _cost[e] = m > 0 ? c.NeighbourLengthKm[e] / m : double.PositiveInfinity;
        }
        _dist = new double[c.CellCount];
        int capacity = c.Neighbour.Length + c.CellCount + 1;
        _heap = new NodeHeap(capacity);
    }

    private long _version = long.MinValue; // control version of the single-source search kept by FromSource
    private int _source = -1;

    /// <summary>
    /// Makes this the field from the single <paramref name="source"/> through <paramref name="side"/>'s cells of
    /// <paramref name="control"/> at <paramref name="version"/>: restarted only when the version or the source changed,
    /// so what earlier reads settled is kept.
    /// </summary>
    public void FromSource(byte[] control, int side, long version, int source)
    {
        if (_version == version && _source == source) return;
        _version = version;
        _source = source;
        Start(control, side);
        AddSource(source);
    }

    /// <summary>Forgets the search kept by <see cref="FromSource"/> (a new replication).</summary>
    public void Invalidate() => _version = long.MinValue;

    /// <summary>
    /// Starts a new search over <paramref name="control"/>: every distance is +infinity. When <paramref name="side"/> is 0
    /// or 1 only cells whose control equals it are entered; when -1, every cell is.
    /// </summary>
    public void Start(byte[] control, int side)
    {
        _control = control;
        _side = side;
        _dist.AsSpan().Fill(double.PositiveInfinity);
        _heap.Clear();
    }

    /// <summary>Adds a source cell at distance 0.</summary>
    public void AddSource(int cell)
    {
        if (_dist[cell] == 0) return;
        _dist[cell] = 0;
        _heap.Push(0, cell);
    }

    /// <summary>The final distance to <paramref name="cell"/> (+infinity when the search cannot reach it).</summary>
    public double At(int cell)
    {
        // A cell the search may not enter keeps +infinity unless it is a source: answer without exhausting the search.
        if (_side >= 0 && _control[cell] != _side && _dist[cell] != 0) return double.PositiveInfinity;
        while (_heap.Count > 0 && _heap.MinKey < _dist[cell]) Step();
        return _dist[cell];
    }

    /// <summary>Runs the search to the end: every distance is final.</summary>
    public void Complete()
    {
        while (_heap.Count > 0) Step();
    }

    /// <summary>
    /// The raw distances: final for cells already read with <see cref="At"/> (and after <see cref="Complete"/>), otherwise
    /// upper bounds on cells not yet settled.
    /// </summary>
    public ReadOnlySpan<double> Distances => _dist;

    private void Step()
    {
        _heap.Pop(out double d, out int u);
        if (d > _dist[u]) return;
        for (int e = _start[u]; e < _start[u + 1]; e++)
        {
            int v = _nbr[e];
            if (_side >= 0 && _control[v] != _side) continue;
            double nd = d + _cost[e]; // +infinity through a closed edge, which never improves a distance
            if (nd < _dist[v])
            {
                _dist[v] = nd;
                _heap.Push(nd, v);
            }
        }
    }
}
