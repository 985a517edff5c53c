using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Salient.Engine.Kernel;

/// <summary>
/// The binary min-heap of (distance, cell) the shortest-path searches share (<see cref="PathFinder"/>,
/// <see cref="LazyPathField"/>, <see cref="DynamicPathField"/>). Ties break on the cell index, so the order of
/// equal-cost pops never depends on insertion history and every search is deterministic.
/// </summary>
/// <remarks>
/// PERF: one array of (key, cell) pairs (a sift touches one cache line per level, not two) read through unchecked
/// references, and no allocation after construction: the searches are a third of a Kursk replication. The order of
/// pops is the same total order (key, then cell) as before, so every search gives the same result.
/// </remarks>
internal sealed class NodeHeap(int capacity)
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public double Key;
        public int Node;
    }

    private readonly Entry[] _items = new Entry[capacity];

    /// <summary>Entries in the heap.</summary>
    public int Count { get; private set; }

    /// <summary>The least key (valid while <see cref="Count"/> is positive).</summary>
    public double MinKey => _items[0].Key;

    /// <summary>Empties the heap.</summary>
    public void Clear() => Count = 0;

    /// <summary>Adds <paramref name="node"/> at <paramref name="key"/>.</summary>
    public void Push(double key, int node)
    {
        int i = Count++;
        if ((uint)i >= (uint)_items.Length) throw new InvalidOperationException("heap capacity exceeded");
        ref Entry a = ref MemoryMarshal.GetArrayDataReference(_items);
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            ref Entry p = ref Unsafe.Add(ref a, parent);
            if (p.Key < key || (p.Key == key && p.Node <= node)) break;
            Unsafe.Add(ref a, i) = p;
            i = parent;
        }
        ref Entry slot = ref Unsafe.Add(ref a, i);
        slot.Key = key;
        slot.Node = node;
    }

    /// <summary>Removes the least entry (by key, then cell index).</summary>
    public void Pop(out double key, out int node)
    {
        ref Entry a = ref MemoryMarshal.GetArrayDataReference(_items);
        key = a.Key;
        node = a.Node;
        int count = --Count;
        if (count <= 0) return;
        Entry last = Unsafe.Add(ref a, count);
        double k = last.Key;
        int n = last.Node;
        int i = 0;
        while (true)
        {
            int l = 2 * i + 1;
            if (l >= count) break;
            int c = l;
            ref Entry left = ref Unsafe.Add(ref a, l);
            double ck = left.Key;
            int cn = left.Node;
            if (l + 1 < count)
            {
                ref Entry right = ref Unsafe.Add(ref a, l + 1);
                if (right.Key < ck || (right.Key == ck && right.Node < cn))
                {
                    c = l + 1;
                    ck = right.Key;
                    cn = right.Node;
                }
            }
            if (ck > k || (ck == k && cn >= n)) break;
            ref Entry at = ref Unsafe.Add(ref a, i);
            at.Key = ck;
            at.Node = cn;
            i = c;
        }
        ref Entry slot = ref Unsafe.Add(ref a, i);
        slot.Key = k;
        slot.Node = n;
    }
}
