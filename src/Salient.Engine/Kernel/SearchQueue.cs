namespace Salient.Engine.Kernel;

/// <summary>
/// The queue of a shortest-path search, over the binary heap (<see cref="NodeHeap"/>: pops in order of key, then cell)
/// or the bucket queue (<see cref="BucketQueue"/>: pops in order of bucket).
/// </summary>
/// <remarks>
/// PERF: the searches are generic over these struct wrappers, so the JIT compiles one copy of a search per queue with
/// the queue's calls inlined, where an interface or a delegate would call through.
/// </remarks>
internal interface ISearchQueue
{
    int Count { get; }

    /// <summary>A lower bound on every key in the queue (valid while <see cref="Count"/> is positive).</summary>
    double LowerBound { get; }

    void Clear();

    void Pop(out double key, out int node);

    void Push(double key, int node);
}

/// <summary>The heap as a search queue; its lower bound is the least key.</summary>
internal readonly struct HeapQueue(NodeHeap heap) : ISearchQueue
{
    public int Count => heap.Count;
    public double LowerBound => heap.MinKey;
    public void Clear() => heap.Clear();
    public void Pop(out double key, out int node) => heap.Pop(out key, out node);
    public void Push(double key, int node) => heap.Push(key, node);
}

/// <summary>The bucket queue as a search queue.</summary>
internal readonly struct BucketSearchQueue(BucketQueue buckets) : ISearchQueue
{
    public int Count => buckets.Count;
    public double LowerBound => buckets.LowerBound;
    public void Clear() => buckets.Clear();
    public void Pop(out double key, out int node) => buckets.Pop(out key, out node);
    public void Push(double key, int node) => buckets.Push(key, node);
}
