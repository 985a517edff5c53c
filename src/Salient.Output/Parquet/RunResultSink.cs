using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Experiments.Statistics;

namespace Salient.Output.Parquet;

/// <summary>
/// The result sink of a run folder: each replication, as the run orchestrator streams it in replication order, goes
/// into <c>replications.parquet</c> and, in the same pass, into the summary's accumulator, so summary.json does not
/// need the file read back. Results already stored in Parquet parts (a checkpoint's blocks, a merge's shards) are
/// copied column by column instead (<see cref="WriteAll"/>). Memory stays that of a streaming run (one row group, the
/// summary's bounded columns), whatever the number of replications.
/// </summary>
public sealed class RunResultSink : IReplicationSourceSink, IDisposable
{
    private readonly CompiledScenario _scenario;
    private readonly string _path;
    private readonly IReadOnlyDictionary<string, string>? _metadata;
    private readonly SummaryAccumulator? _summary;
    private ReplicationParquetWriter? _parquet;
    private ReplicationParquetParts? _parts;
    private bool _completed;

    /// <summary>Starts <c>dir/replications.parquet</c> with <paramref name="metadata"/>; with <paramref name="summarise"/>, also accumulates the summary.</summary>
    public RunResultSink(string dir, CompiledScenario scenario, IReadOnlyDictionary<string, string>? metadata, bool summarise)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        _path = Path.Combine(dir, ReplicationParquetWriter.FileName);
        _metadata = metadata;
        _summary = summarise ? new SummaryAccumulator(scenario.Layout) : null;
    }

    /// <inheritdoc/>
    public void Write(int replication, ReadOnlySpan<double> metrics, ReadOnlySpan<float> daily)
    {
        if (_parts is not null) throw new InvalidOperationException("the results were already given whole");
        _parquet ??= new ReplicationParquetWriter(_path, _scenario, _metadata);
        _parquet.Write(replication, metrics, daily);
        _summary?.Write(replication, metrics, daily);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// PERF (issue 16): Parquet parts are copied into replications.parquet column by column, in row groups of whole
    /// parts' row groups (<see cref="ReplicationParquetParts.CopyTo"/>), and the summary and the outputs that need
    /// per-replication rows read the parts, whose row groups are those of the row-by-row writer. Written row by row,
    /// Kursk at 10^5 replications made 363 row groups whose metadata the writer, and then each reader of the finished
    /// file, held (185 and 130 MB). The rows and values are the same either way.
    /// </remarks>
    public void WriteAll(IReplicationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source is not ReplicationParquetParts parts || _parquet is not null || _parts is not null)
        {
            source.CopyTo(_scenario.Layout, this);
            return;
        }
        _parts = parts;
        parts.CopyTo(_path, _scenario, _metadata);
        _summary?.AddAll(parts);
    }

    /// <summary>
    /// Closes replications.parquet and returns the run's result (read block by block, from the file or from the parts it
    /// was copied from, for the outputs that need per-replication rows) and its summary (null unless summarising).
    /// </summary>
    public (MonteCarloResult Result, RunSummary? Summary) Complete(ulong seed, int[] tally)
    {
        _parquet ??= _parts is null ? new ReplicationParquetWriter(_path, _scenario, _metadata) : null;
        _parquet?.Complete();
        _parquet?.Dispose();
        _completed = true;
        IReplicationSource source = _parts ?? (IReplicationSource)new ReplicationParquetReader(_path, _scenario.Layout);
        var result = new MonteCarloResult(_scenario, seed, source, tally);
        // Columns that outgrew their exact capacity select their percentiles by reading the replications again (SummaryAccumulator).
        return (result, _summary?.ToSummary(_scenario, seed, result.Source));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_completed) _parquet?.Dispose();
    }
}
