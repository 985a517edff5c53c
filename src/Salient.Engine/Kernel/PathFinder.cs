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
    private readonly double[] _heapKey;
    private readonly int[] _heapNode;
    private int _count;

    public PathFinder(CompiledScenario c)
    {
        _c = c;
        int capacity = c.Neighbour.Length + c.CellCount + 1;
        _heapKey = new double[capacity];
        _heapNode = new int[capacity];
    }

    /// <summary>Starts a search: every distance is set to +infinity.</summary>
    public void Clear(Span<double> dist)
    {
        dist.Fill(double.PositiveInfinity);
        _count = 0;
    }

    /// <summary>Adds a source cell at distance 0.</summary>
    public void AddSource(Span<double> dist, int cell)
    {
        if (dist[cell] == 0) return;
        dist[cell] = 0;
        Push(0, cell);
    }

    /// <summary>
    /// Runs the search from the added sources. When <paramref name="side"/> is 0 or 1, only cells whose control
    /// equals it are entered (a side's own ground); when -1, every cell is.
    /// </summary>
    public void Run(Span<double> dist, ReadOnlySpan<byte> control, int side)
    {
        var start = _c.NeighbourStart;
        var nbr = _c.Neighbour;
        var len = _c.NeighbourLengthKm;
        var mob = _c.NeighbourMobility;
        while (_count > 0)
        {
            Pop(out double d, out int u);
            if (d > dist[u]) continue;
            for (int e = start[u]; e < start[u + 1]; e++)
            {
                int v = nbr[e];
                if (side >= 0 && control[v] != side) continue;
                double m = mob[e];
                if (m <= 0) continue;
                double nd = d + len[e] / m;
                if (nd < dist[v])
                {
                    dist[v] = nd;
                    Push(nd, v);
                }
            }
        }
    }

    private void Push(double key, int node)
    {
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            // Ties break on node index so the order of equal-cost pops never depends on insertion history.
            if (_heapKey[parent] < key || (_heapKey[parent] == key && _heapNode[parent] <= node)) break;
            _heapKey[i] = _heapKey[parent];
            _heapNode[i] = _heapNode[parent];
            i = parent;
        }
        _heapKey[i] = key;
        _heapNode[i] = node;
    }

    private void Pop(out double key, out int node)
    {
        key = _heapKey[0];
        node = _heapNode[0];
        _count--;
        if (_count == 0) return;
        double k = _heapKey[_count];
        int n = _heapNode[_count];
        int i = 0;
        while (true)
        {
            int l = 2 * i + 1;
            if (l >= _count) break;
            int r = l + 1;
            int c = r < _count && Less(r, l) ? r : l;
            if (_heapKey[c] > k || (_heapKey[c] == k && _heapNode[c] >= n)) break;
            _heapKey[i] = _heapKey[c];
            _heapNode[i] = _heapNode[c];
            i = c;
        }
        _heapKey[i] = k;
        _heapNode[i] = n;
    }

    private bool Less(int a, int b) => _heapKey[a] < _heapKey[b] || (_heapKey[a] == _heapKey[b] && _heapNode[a] < _heapNode[b]);
}
