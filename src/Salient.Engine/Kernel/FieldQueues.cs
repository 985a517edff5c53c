namespace Salient.Engine.Kernel;

/// <summary>
/// The queues the repaired fields of one simulation share (<see cref="DynamicPathField"/>): a field's update leaves them
/// empty (its search pops until none is left; a repair that gives up is followed by a rebuild, which clears them), and
/// a simulation updates one field at a time, so one pair serves them all. PERF: one heap and one bucket queue of some
/// 100 KB each instead of one per field.
/// </summary>
internal sealed class FieldQueues
{
    public FieldQueues(FieldGraph graph, bool useBuckets = true)
    {
        Heap = new NodeHeap(graph.QueueCapacity);
        if (useBuckets) Buckets = BucketQueue.ForCosts(graph.Cost, graph.QueueCapacity);
    }

    public NodeHeap Heap { get; }
    public BucketQueue? Buckets { get; }
}
