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
    private readonly double[] _cost;     // FieldGraph's: [edge] length / mobility, +infinity when mobility <= 0 (the edge is closed)
    private readonly double[] _dist;
    private readonly BucketQueue? _buckets; // the queue where the costs suit it (BucketQueue.ForCosts), else the heap
    private readonly NodeHeap? _heap;        // PERF: made only without buckets (each field keeps its search between reads)
    private byte[] _control = [];
    private int _side;

    public LazyPathField(CompiledScenario c) : this(c, useBuckets: true) { }

    /// <summary>As above; <paramref name="useBuckets"/> false keeps the heap (tests compare the two).</summary>
    internal LazyPathField(CompiledScenario c, bool useBuckets)
    {
        var g = FieldGraph.Of(c); // PERF: the costs shared with every field of the scenario (the same quotients)
        _start = g.Start;
        _nbr = g.Neighbour;
        _cost = g.Cost;
        _dist = new double[c.CellCount];
        if (useBuckets) _buckets = BucketQueue.ForCosts(_cost, g.QueueCapacity);
        if (_buckets is null) _heap = new NodeHeap(g.QueueCapacity);
    }

    /// <summary>Whether the search pops from buckets rather than the heap (for tests).</summary>
    internal bool UsesBuckets => _buckets is not null;

    private long _version = long.MinValue; // control version of the single-source search kept by FromSource
    private int _source = -1;
    private int _logGeneration = -1;       // the control log's generation and position at the version kept
    private long _logPosition;

    /// <summary>
    /// Makes this the field from the single <paramref name="source"/> through <paramref name="side"/>'s cells of
    /// <paramref name="control"/> at <paramref name="version"/>: restarted only when the version or the source changed,
    /// so what earlier reads settled is kept. With <paramref name="log"/> (every change of <paramref name="control"/>),
    /// a new version whose changes all lie away from the search (see <see cref="Untouched"/>) keeps it too.
    /// </summary>
    public void FromSource(byte[] control, int side, long version, int source, ControlLog? log = null)
    {
        if (_version == version && _source == source) return;
        bool keep = _version != long.MinValue && _source == source && _side == side && ReferenceEquals(_control, control)
            && log is not null && log.Since(_logGeneration, _logPosition) && Untouched(log);
        _version = version;
        _source = source;
        if (log is not null)
        {
            _logGeneration = log.Generation;
            _logPosition = log.Count;
        }
        else _logGeneration = -1;
        if (keep) return;
        Start(control, side);
        AddSource(source);
    }

    /// <summary>
    /// Whether every cell changed since the kept version is unreached and has no reached neighbour (all +infinity).
    /// </summary>
    /// <remarks>
    /// PERF: a rear unit's searches settle a few cells around it, and most captures happen elsewhere on the line; such
    /// a capture leaves the search as valid for the new map as a restart would be. No settled cell borders the changed
    /// cell, so every settled cell's edges were relaxed exactly as the new map allows and no settled distance used it;
    /// a cell that joined is relaxed when a neighbour settles (relaxation reads the current map), and one that left was
    /// never queued. So every distance read later is the new map's, bit for bit.
    /// </remarks>
    private bool Untouched(ControlLog log)
    {
        for (long i = _logPosition; i < log.Count; i++)
        {
            int x = log[i];
            if (!double.IsPositiveInfinity(_dist[x])) return false;
            for (int e = _start[x]; e < _start[x + 1]; e++)
                if (!double.IsPositiveInfinity(_dist[_nbr[e]])) return false;
        }
        return true;
    }

    /// <summary>Forgets the search kept by <see cref="FromSource"/> (a new replication).</summary>
    public void Invalidate()
    {
        _version = long.MinValue;
        _logGeneration = -1;
    }

    /// <summary>
    /// Starts a new search over <paramref name="control"/>: every distance is +infinity. When <paramref name="side"/> is 0
    /// or 1 only cells whose control equals it are entered; when -1, every cell is.
    /// </summary>
    public void Start(byte[] control, int side)
    {
        _control = control;
        _side = side;
        _dist.AsSpan().Fill(double.PositiveInfinity);
        _heap?.Clear();
        _buckets?.Clear();
    }

    /// <summary>Adds a source cell at distance 0.</summary>
    public void AddSource(int cell)
    {
        if (_dist[cell] == 0) return;
        _dist[cell] = 0;
        if (_buckets is not null) _buckets.Push(0, cell);
        else _heap!.Push(0, cell);
    }

    /// <summary>The final distance to <paramref name="cell"/> (+infinity when the search cannot reach it).</summary>
    public double At(int cell)
    {
        // A cell the search may not enter keeps +infinity unless it is a source: answer without exhausting the search.
        if (_side >= 0 && _control[cell] != _side && _dist[cell] != 0) return double.PositiveInfinity;
        if (_buckets is not null) Settle(new BucketSearchQueue(_buckets), cell);
        else Settle(new HeapQueue(_heap!), cell);
        return _dist[cell];
    }

    /// <summary>Runs the search to the end: every distance is final.</summary>
    public void Complete()
    {
        if (_buckets is not null) Settle(new BucketSearchQueue(_buckets), -1);
        else Settle(new HeapQueue(_heap!), -1);
    }

    /// <summary>
    /// Steps until every key left is at least <paramref name="cell"/>'s distance, when it is final, or to the end
    /// (<paramref name="cell"/> -1). PERF: with the buckets a step pops any key of the lowest bucket and the bound is
    /// that bucket's (less one bucket); keys of one bucket cannot lower one another (see <see cref="BucketQueue"/>),
    /// so the search may settle a few more cells than the heap's, never a different distance.
    /// </summary>
    private void Settle<TQueue>(TQueue queue, int cell) where TQueue : struct, ISearchQueue
    {
        while (queue.Count > 0 && (cell < 0 || queue.LowerBound < _dist[cell])) Step(queue);
    }

    /// <summary>
    /// The raw distances: final for cells already read with <see cref="At"/> (and after <see cref="Complete"/>), otherwise
    /// upper bounds on cells not yet settled.
    /// </summary>
    public ReadOnlySpan<double> Distances => _dist;

    private void Step<TQueue>(TQueue queue) where TQueue : struct, ISearchQueue
    {
        queue.Pop(out double d, out int u);
        if (d > _dist[u]) return;
        for (int e = _start[u]; e < _start[u + 1]; e++)
        {
            int v = _nbr[e];
            if (_side >= 0 && _control[v] != _side) continue;
            double nd = d + _cost[e]; // +infinity through a closed edge, which never improves a distance
            if (nd < _dist[v])
            {
                _dist[v] = nd;
                queue.Push(nd, v);
            }
        }
    }
}
