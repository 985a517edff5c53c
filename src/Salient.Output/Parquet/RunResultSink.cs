using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Experiments.Statistics;

namespace Salient.Output.Parquet;

/// <summary>
/// The result sink of a run folder: each replication, as the run orchestrator streams it in replication order, goes
/// into <c>replications.parquet</c> and, in the same pass, into the summary's accumulator, so summary.json does not
/// need the file read back. Memory stays that of a streaming run (one row group, the summary's bounded columns), whatever the number of replications.
/// </summary>
public sealed class RunResultSink : IReplicationSink, IDisposable
{
    private readonly CompiledScenario _scenario;
    private readonly string _path;
    private readonly ReplicationParquetWriter _parquet;
    private readonly SummaryAccumulator? _summary;
    private bool _completed;

    /// <summary>Starts <c>dir/replications.parquet</c> with <paramref name="metadata"/>; with <paramref name="summarise"/>, also accumulates the summary.</summary>
    public RunResultSink(string dir, CompiledScenario scenario, IReadOnlyDictionary<string, string>? metadata, bool summarise)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        _path = Path.Combine(dir, ReplicationParquetWriter.FileName);
        _parquet = new ReplicationParquetWriter(_path, scenario, metadata);
        _summary = summarise ? new SummaryAccumulator(scenario.Layout) : null;
    }

    /// <inheritdoc/>
    public void Write(int replication, ReadOnlySpan<double> metrics, ReadOnlySpan<float> daily)
    {
        _parquet.Write(replication, metrics, daily);
        _summary?.Write(replication, metrics, daily);
    }

    /// <summary>
    /// Closes replications.parquet and returns the run's result (read from the file block by block, for the outputs
    /// that need per-replication rows) and its summary (null unless summarising).
    /// </summary>
    public (MonteCarloResult Result, RunSummary? Summary) Complete(ulong seed, int[] tally)
    {
        _parquet.Complete();
        _parquet.Dispose();
        _completed = true;
        var result = new MonteCarloResult(_scenario, seed, new ReplicationParquetReader(_path, _scenario.Layout), tally);
        // Columns that outgrew their exact capacity select their percentiles by reading the file again (SummaryAccumulator).
        return (result, _summary?.ToSummary(_scenario, seed, result.Source));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_completed) _parquet.Dispose();
    }
}
