using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Salient.Engine.Compilation;

namespace Salient.Engine.Kernel;

/// <summary>
/// A shortest-path distance field (the same search and edge cost as <see cref="PathFinder"/>: multi-source, through one
/// side's own cells or through every cell) kept up to date after changes of control or of its sources by repairing the
/// cells the change reaches instead of searching the whole theatre again.
/// </summary>
/// <remarks>
/// PERF: a capture changes one cell at the edge of a side's ground, and only the few cells whose shortest path ran
/// through it (or can now run through it) change distance; rebuilding every field from scratch after each capture was
/// the largest cost of a replication. The repaired field is bit-identical to a new search's. A search's result is, for
/// every cell, the least over paths from a source of the left-to-right floating-point sum of edge costs (rounding is
/// monotone, so the least path's prefixes are least too). The repair (1) marks invalid every cell that left the
/// side's ground or stopped being a source, and, in order of distance, every cell none of whose in-neighbours still
/// gives its distance exactly (fl(d_u + w) == d_v); every other cell keeps a value that a path in the new map attains;
/// (2) sets the invalid cells, the cells that joined and the new sources to the least value their valid in-neighbours
/// give; (3) runs the search from those cells with the usual relaxation. Every kept value is attained by a path, every
/// edge out of a kept cell was already relaxed, so the search ends at the least values. A case outside that argument
/// (an edge cost absorbed by rounding, fl(d + w) == d) falls back to a new search.
/// </remarks>
internal sealed class DynamicPathField
{
    private readonly int _n;
    private readonly int _side;
    private readonly int[] _start;
    private readonly int[] _nbr;
    private readonly double[] _cost;     // FieldGraph's, shared by every field of the scenario
    private readonly int[] _inStart;
    private readonly double[] _inCost;
    private readonly int[] _inFrom;
    private readonly bool _exactSupports; // no edge cost can be absorbed by rounding (see PushOut)
    private readonly bool _nonNegativeCosts; // every edge cost >= 0 (see TryReadUnchanged)
    private readonly double[] _dist;
    private readonly bool[] _own;        // the cells the field could enter when last built or repaired
    private readonly bool[] _source;     // the current sources
    private readonly int[] _sourceList;
    private int _sourceCount;
    private readonly int[] _mark;        // == _epoch: the cell is in _work (touched or invalid) this repair
    private readonly int[] _seen;        // == _epoch: the cell was in the new source list / decided as a candidate
    private readonly int[] _work;        // scratch: touched and invalid cells of this repair
    private int _epoch;
    // The queues, maybe shared with a simulation's other fields (FieldQueues): the heap for Repair's step 1 and for
    // the search where buckets cannot serve, the buckets where the costs suit them (BucketQueue.ForCosts).
    private readonly NodeHeap _heap;
    private readonly BucketQueue? _buckets;
    private bool _built;
    private int _logGeneration = -1;     // the control log's generation and position this field last saw
    private long _logPosition;

    /// <summary>A field through <paramref name="side"/>'s own cells (0 or 1), or every cell (-1); its own queues.</summary>
    public DynamicPathField(CompiledScenario c, int side)
        : this(c, side, new FieldQueues(FieldGraph.Of(c))) { }

    /// <summary>As above; <paramref name="useBuckets"/> false keeps the heap for every step (tests compare the two).</summary>
    internal DynamicPathField(CompiledScenario c, int side, bool useBuckets)
        : this(c, side, new FieldQueues(FieldGraph.Of(c), useBuckets)) { }

    /// <summary>As above, with <paramref name="queues"/>, which other fields of one simulation may share.</summary>
    internal DynamicPathField(CompiledScenario c, int side, FieldQueues queues)
    {
        var g = FieldGraph.Of(c);
        _n = g.CellCount;
        _side = side;
        _start = g.Start;
        _nbr = g.Neighbour;
        _cost = g.Cost;
        _inStart = g.InStart;
        _inCost = g.InCost;
        _inFrom = g.InFrom;
        _exactSupports = g.ExactSupports;
        _nonNegativeCosts = g.NonNegativeCosts;
        _heap = queues.Heap;
        _buckets = queues.Buckets;
        _dist = new double[_n];
        _own = new bool[_n];
        _source = new bool[_n];
        _sourceList = new int[_n];
        _mark = new int[_n];
        _seen = new int[_n];
        _work = new int[_n];
    }

    /// <summary>Whether the search pops from buckets rather than the heap (for tests).</summary>
    internal bool UsesBuckets => _buckets is not null;

    /// <summary>The distances, +infinity where no source is reachable.</summary>
    public ReadOnlySpan<double> Distances => _dist;

    /// <summary>Forgets the field: the next <see cref="Update(byte[], ReadOnlySpan{int}, ControlLog)"/> searches from scratch (a new replication).</summary>
    public void Invalidate() => _built = false;

    /// <summary>
    /// Brings the field up to date with <paramref name="control"/> and the source cells <paramref name="sources"/>
    /// (a cell may be named more than once; a source is at distance 0 whatever its control, as in <see cref="PathFinder.AddSource"/>).
    /// </summary>
    public void Update(byte[] control, ReadOnlySpan<int> sources) => Update(control, sources, null);

    /// <summary>
    /// As <see cref="Update(byte[], ReadOnlySpan{int})"/>, where <paramref name="log"/> (when given) lists every change
    /// of <paramref name="control"/>: only the cells changed since this field's last update are compared with its
    /// snapshot (PERF: not the whole theatre). The touched cells are the same set either way, so the field is too.
    /// </summary>
    public void Update(byte[] control, ReadOnlySpan<int> sources, ControlLog? log)
    {
        if (!_built)
        {
            Rebuild(control, sources);
            Synced(log);
            return;
        }
        NextEpoch();
        int work = 0;
        if (_side < 0) { } // every cell is entered whatever its control: nothing to compare
        else if (log is not null && log.Since(_logGeneration, _logPosition))
        {
            for (long i = _logPosition; i < log.Count; i++) Compare(control, log[i], ref work);
        }
        else
        {
            for (int c = 0; c < _n; c++) Compare(control, c, ref work);
        }
        Synced(log);
        foreach (int s in sources)
        {
            _seen[s] = _epoch;
            if (!_source[s]) Note(s, ref work);
        }
        for (int i = 0; i < _sourceCount; i++)
        {
            int s = _sourceList[i];
            if (_seen[s] != _epoch) Note(s, ref work);
        }
        for (int i = 0; i < _sourceCount; i++) _source[_sourceList[i]] = false;
        _sourceCount = 0;
        foreach (int s in sources)
        {
            if (_source[s]) continue; // a cell named twice (two depots on one cell) is one source
            _source[s] = true;
            _sourceList[_sourceCount++] = s;
        }
        if (work == 0) return;
        if (work > _n / 8 || !Repair(work)) Rebuild(control, sources);
    }

    /// <summary>
    /// The distance at <paramref name="target"/> that <see cref="Update(byte[], ReadOnlySpan{int}, ControlLog)"/> with
    /// the same sources would give, read without bringing the field up to date when the changes since its last update
    /// provably leave that one distance as it is; false (nothing read) otherwise.
    /// </summary>
    /// <remarks>
    /// PERF: a route field is read at one cell (the unit's), and most captures happen where they cannot change that
    /// cell's distance. With d the kept distance at the target (the least over the old map's paths; costs are not
    /// negative, so a path's partial sums never decrease, rounding being monotone): a cell that left the field's
    /// ground with a kept distance above d lies on no path attaining d (every cell on such a path has its least distance
    /// at most d), so that path survives and the new least is at most d; a path of the new map that enters a cell that
    /// joined does so first from a kept cell u (or a source) along a prefix that is a path of the old map, so its sum
    /// there is at least fl(d_u + w) >= d_u, and with every such d_u >= d it cannot end below d; every other path of
    /// the new map is a path of the old one. So the new least at the target is d, bit for bit, whatever the order or
    /// number of the changes (each cell is judged by its net change: control now against the field's snapshot). The
    /// sources must be the field's own (a flipped source, or a different set, reads nothing). Left stale, the field is
    /// repaired over every change when a read cannot be proved this way (the log's argument above).
    /// </remarks>
    public bool TryReadUnchanged(byte[] control, ReadOnlySpan<int> sources, ControlLog log, int target, out double distance)
    {
        distance = 0;
        if (!_built || _side < 0 || !_nonNegativeCosts || !log.Since(_logGeneration, _logPosition)) return false;
        if (log.Count - _logPosition > MaxUnrepaired) return false;
        if (sources.Length != _sourceCount) return false;
        foreach (int s in sources)
            if (!_source[s]) return false;
        double d = _dist[target];
        for (long i = _logPosition; i < log.Count; i++)
        {
            int c = log[i];
            bool own = control[c] == _side;
            if (own == _own[c]) continue; // no net change
            if (_source[c]) return false;
            if (!own)
            {
                if (!(_dist[c] > d)) return false;
                continue;
            }
            for (int j = _inStart[c]; j < _inStart[c + 1]; j++)
            {
                int u = _inFrom[j];
                if ((_own[u] || _source[u]) && !(_dist[u] >= d)) return false;
            }
        }
        distance = d;
        return true;
    }

    /// <summary>Changes a field may lag behind before <see cref="TryReadUnchanged"/> stops trying (its check visits each).</summary>
    private const int MaxUnrepaired = 32;

    private void Compare(byte[] control, int c, ref int work)
    {
        bool own = control[c] == _side;
        if (own == _own[c]) return;
        _own[c] = own;
        Note(c, ref work);
    }

    private void Synced(ControlLog? log)
    {
        if (log is null)
        {
            _logGeneration = -1; // a later update with a log must scan: changes until now were not followed
            return;
        }
        _logGeneration = log.Generation;
        _logPosition = log.Count;
    }

    private void Note(int c, ref int work)
    {
        if (_mark[c] == _epoch) return;
        _mark[c] = _epoch;
        _work[work++] = c;
    }

    private void NextEpoch()
    {
        if (++_epoch < int.MaxValue) return;
        Array.Clear(_mark);
        Array.Clear(_seen);
        _epoch = 1;
    }

    private void Rebuild(byte[] control, ReadOnlySpan<int> sources)
    {
        _built = true;
        _dist.AsSpan().Fill(double.PositiveInfinity);
        for (int c = 0; c < _n; c++) _own[c] = _side < 0 || control[c] == _side;
        for (int i = 0; i < _sourceCount; i++) _source[_sourceList[i]] = false;
        _sourceCount = 0;
        _heap.Clear();
        _buckets?.Clear();
        foreach (int s in sources)
        {
            if (!_source[s]) _sourceList[_sourceCount++] = s;
            _source[s] = true;
            if (_dist[s] == 0) continue;
            _dist[s] = 0;
            Seed(0, s);
        }
        Run();
    }

    /// <summary>Repairs the field after the cells in _work[0..touched) changed (see the remarks); false to search anew.</summary>
    /// <remarks>
    /// PERF: step 1 pops from the buckets too when supports are exact: a support's distance is below its cell's by at
    /// least the least cost, two bucket widths, so every support of a popped cell lies in an earlier bucket and was
    /// decided before it, which is all the order of step 1 is for; the invalid set, and so the field, is the same.
    /// </remarks>
    private bool Repair(int touched) =>
        _buckets is not null && _exactSupports ? Repair(new BucketSearchQueue(_buckets), touched) : Repair(new HeapQueue(_heap), touched);

    private bool Repair<TQueue>(TQueue queue, int touched) where TQueue : struct, ISearchQueue
    {
        // 1. Invalidate: the touched cells, then in order of (old) distance every cell left without an exact support.
        queue.Clear();
        int work = touched;
        // PERF: a touched cell that is a source now (a new source, or one whose control changed) does not queue the
        // cells it supported: its new distance 0 is at or below its old one, so a cell v it supported keeps
        // fl(d_old + w) >= fl(0 + w) >= the new field's d_v (rounding is monotone), an upper bound like every other kept
        // value; the source is reseeded at 0 and its edges relaxed, so v is lowered where the new field is lower. Every
        // other step of the argument above holds as it is (kept values are upper bounds attained or dominated by paths
        // of the new map, and every edge out of a kept cell already satisfies d_v <= fl(d_u + w)), so the repaired
        // field is the same bits. Depth fields gain sources whenever an enemy unit steps up to the line; this spares
        // invalidating, resetting and searching again everything behind the new source (a third of their work).
        for (int i = 0; i < touched; i++)
            if (!_source[_work[i]] && !double.IsPositiveInfinity(_dist[_work[i]])) PushOut(queue, _work[i]);
        while (queue.Count > 0)
        {
            queue.Pop(out double d, out int v);
            if (_seen[v] == _epoch || _mark[v] == _epoch) continue; // decided already
            _seen[v] = _epoch;
            bool supported = false;
            for (int j = _inStart[v]; j < _inStart[v + 1]; j++)
            {
                int u = _inFrom[j];
                if (_mark[u] == _epoch) continue; // invalid
                double du = _dist[u];
                if (du + _inCost[j] != d) continue;
                if (du >= d) return false;       // the cost was absorbed by rounding: outside the argument
                supported = true;
                break;
            }
            if (supported) continue;
            _mark[v] = _epoch;
            _work[work++] = v;
            PushOut(queue, v);
        }
        // 2. Reset the invalid cells, then seed each from its valid in-neighbours (sources at 0).
        for (int i = 0; i < work; i++) _dist[_work[i]] = double.PositiveInfinity;
        for (int i = 0; i < work; i++)
        {
            int v = _work[i];
            double best = double.PositiveInfinity;
            if (_source[v]) best = 0;
            else if (_own[v])
                for (int j = _inStart[v]; j < _inStart[v + 1]; j++)
                {
                    double nd = _dist[_inFrom[j]] + _inCost[j];
                    if (nd < best) best = nd;
                }
            if (double.IsPositiveInfinity(best)) continue;
            _dist[v] = best;
            Seed(best, v);
        }
        // 3. Search on from the seeds (step 1 left its queue empty).
        Run();
        return true;
    }

    /// <summary>Queues the out-neighbours of invalid cell u that it may have supported, keyed by their old distance.</summary>
    /// <remarks>
    /// PERF: when supports are exact (<c>_exactSupports</c>), only the out-neighbours u supported (d_u + w == d_v) are
    /// queued. A cell none of whose supports is invalid stays valid, so it need not be checked; a cell all of whose
    /// supports are invalid has at least one (a cell's distance in a search's result is some in-neighbour's plus its
    /// edge), which queues it. The invalid set is the same as when every out-neighbour is checked (about five times as
    /// many pops), and so is the repaired field. Outside that condition every out-neighbour is queued, as before.
    /// </remarks>
    private void PushOut<TQueue>(TQueue queue, int u) where TQueue : struct, ISearchQueue
    {
        double du = _dist[u];
        for (int e = _start[u]; e < _start[u + 1]; e++)
        {
            int v = _nbr[e];
            if (!_own[v] || _source[v] || _mark[v] == _epoch) continue;
            double dv = _dist[v];
            if (double.IsPositiveInfinity(dv) || (_exactSupports && du + _cost[e] != dv)) continue;
            queue.Push(dv, v);
        }
    }

    /// <summary>Queues a seed of the search (a source, or a cell a repair reset) at <paramref name="key"/>.</summary>
    private void Seed(double key, int cell)
    {
        if (_buckets is not null) _buckets.Push(key, cell);
        else _heap.Push(key, cell);
    }

    private void Run()
    {
        if (_buckets is not null) Run(new BucketSearchQueue(_buckets));
        else Run(new HeapQueue(_heap));
    }

    /// <remarks>
    /// PERF: the arrays are read through unchecked references (the searches are a fifth of a Kursk replication): every
    /// index is a cell (below the arrays' length n) or an edge of the compiled CSR (below <c>_start[n]</c>, the
    /// neighbour and cost arrays' length), as the checked reads before established; the arithmetic is the same.
    /// </remarks>
    private void Run<TQueue>(TQueue queue) where TQueue : struct, ISearchQueue
    {
        ref int start = ref MemoryMarshal.GetArrayDataReference(_start);
        ref int nbr = ref MemoryMarshal.GetArrayDataReference(_nbr);
        ref bool own = ref MemoryMarshal.GetArrayDataReference(_own);
        ref double cost = ref MemoryMarshal.GetArrayDataReference(_cost);
        ref double dist = ref MemoryMarshal.GetArrayDataReference(_dist);
        while (queue.Count > 0)
        {
            queue.Pop(out double d, out int u);
            if (d > Unsafe.Add(ref dist, u)) continue;
            int end = Unsafe.Add(ref start, u + 1);
            for (int e = Unsafe.Add(ref start, u); e < end; e++)
            {
                int v = Unsafe.Add(ref nbr, e);
                if (!Unsafe.Add(ref own, v)) continue;
                double nd = d + Unsafe.Add(ref cost, e);
                ref double dv = ref Unsafe.Add(ref dist, v);
                if (nd < dv)
                {
                    dv = nd;
                    queue.Push(nd, v);
                }
            }
        }
    }
}
