using Salient.Engine.Compilation;

namespace Salient.Experiments.Sharding;

/// <summary>
/// A sink that can take results already stored (the blocks of a checkpoint, the shards of a merge) whole, rather than
/// one replication at a time: the run folder's sink copies stored Parquet files column by column, which keeps its
/// memory flat however many replications there are (docs/scale-out.md, section 5).
/// </summary>
public interface IReplicationSourceSink : IReplicationSink
{
    /// <summary>Takes every replication of <paramref name="source"/>, in order, as if each had been written.</summary>
    void WriteAll(IReplicationSource source);
}

/// <summary>Hands a source to a sink.</summary>
public static class ReplicationSourceSinks
{
    /// <summary>Gives <paramref name="source"/> whole to a <see cref="IReplicationSourceSink"/>, or replication by replication to any other sink.</summary>
    public static void WriteAllTo(this IReplicationSource source, MetricLayout layout, IReplicationSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (sink is IReplicationSourceSink whole) whole.WriteAll(source);
        else source.CopyTo(layout, sink);
    }
}
