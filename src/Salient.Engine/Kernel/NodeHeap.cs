namespace Salient.Engine.Kernel;

/// <summary>
/// The binary min-heap of (distance, cell) the shortest-path searches share (<see cref="PathFinder"/>,
/// <see cref="LazyPathField"/>, <see cref="DynamicPathField"/>). Ties break on the cell index, so the order of
/// equal-cost pops never depends on insertion history and every search is deterministic.
/// </summary>
/// <remarks>PERF: two parallel arrays and no allocation after construction: the searches run many times a tick.</remarks>
internal sealed class NodeHeap(int capacity)
{
    private readonly double[] _key = new double[capacity];
    private readonly int[] _node = new int[capacity];

    /// <summary>Entries in the heap.</summary>
    public int Count { get; private set; }

    /// <summary>The least key (valid while <see cref="Count"/> is positive).</summary>
    public double MinKey => _key[0];

    /// <summary>Empties the heap.</summary>
    public void Clear() => Count = 0;

    /// <summary>Adds <paramref name="node"/> at <paramref name="key"/>.</summary>
    public void Push(double key, int node)
    {
        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (_key[parent] < key || (_key[parent] == key && _node[parent] <= node)) break;
            _key[i] = _key[parent];
            _node[i] = _node[parent];
            i = parent;
        }
        _key[i] = key;
        _node[i] = node;
    }

    /// <summary>Removes the least entry (by key, then cell index).</summary>
    public void Pop(out double key, out int node)
    {
        key = _key[0];
        node = _node[0];
        int count = --Count;
        if (count == 0) return;
        double k = _key[count];
        int n = _node[count];
        int i = 0;
        while (true)
        {
            int l = 2 * i + 1;
            if (l >= count) break;
            int r = l + 1;
            int c = r < count && Less(r, l) ? r : l;
            if (_key[c] > k || (_key[c] == k && _node[c] >= n)) break;
            _key[i] = _key[c];
            _node[i] = _node[c];
            i = c;
        }
        _key[i] = k;
        _node[i] = n;
    }

    private bool Less(int a, int b) => _key[a] < _key[b] || (_key[a] == _key[b] && _node[a] < _node[b]);
}
