using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;

namespace Salient.Output.Parquet;

/// <summary>Runs replications straight into a folder's replications.parquet, so a run's memory does not grow with its replication count.</summary>
public static class ReplicationFiles
{
    /// <summary>Metadata key of the provenance (scenario, seed, engine, shard, range, host, start time) in Parquet files.</summary>
    public const string ProvenanceKey = "salient.provenance";

    /// <summary>
    /// Runs <paramref name="range"/> of <paramref name="options"/>, streaming the replications in order into
    /// <c>dir/replications.parquet</c>, and returns the result read back from that file (with the control tally).
    /// </summary>
    public static MonteCarloResult Run(CompiledScenario scenario, RunOptions options, ReplicationRange range, string dir,
        IReadOnlyDictionary<string, string>? metadata = null, Action<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        string path = Path.Combine(dir, ReplicationParquetWriter.FileName);
        int[] tally;
        using (var writer = new ReplicationParquetWriter(path, scenario, metadata))
        {
            tally = MonteCarloRunner.Stream(scenario, options, range, writer, progress, cancel);
            writer.Complete();
        }
        return new MonteCarloResult(scenario, options.Seed, new ReplicationParquetReader(path, scenario.Layout), tally);
    }

    /// <summary>
    /// Copies <paramref name="source"/> into <c>dir/replications.parquet</c> (the merge of shards) and returns the
    /// result read back from it, with <paramref name="tally"/>.
    /// </summary>
    public static MonteCarloResult Copy(CompiledScenario scenario, ulong seed, IReplicationSource source, int[] tally, string dir,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(source);
        string path = Path.Combine(dir, ReplicationParquetWriter.FileName);
        using (var writer = new ReplicationParquetWriter(path, scenario, metadata))
        {
            source.CopyTo(scenario.Layout, writer);
            writer.Complete();
        }
        return new MonteCarloResult(scenario, seed, new ReplicationParquetReader(path, scenario.Layout), tally);
    }
}
