using ParquetSharp;
using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;

namespace Salient.Output.Parquet;

/// <summary>
/// Several replications.parquet files that follow each other in replication order (the blocks of a checkpoint, the
/// shards of a merge), read as one <see cref="IReplicationSource"/>, and copied into one file column by column
/// (<see cref="CopyTo"/>) rather than replication by replication.
/// </summary>
/// <remarks>
/// PERF (issue 16): a Parquet writer keeps the metadata of every row group it has written until it closes (measured
/// with ParquetSharp 25: about 1.5 kB a column chunk), and a reader parses all of it when it opens the file. Kursk's
/// rows are 30 kB, so the row-by-row writer cuts them into row groups of 276 (its 8 MB buffer): at 10^5
/// replications, 363 row groups of 332 columns, 185 MB held by the writer and 130 MB by each reader of the finished
/// file. The copy writes whole row groups of a part, packed up to <see cref="ReplicationParquetWriter.MaxRowsPerGroup"/>
/// rows, into one row group of the output (a run in blocks of 5,000 has one row group per block), and holds one column
/// of one row group at a time; the rows and values are those of the parts.
/// </remarks>
public sealed class ReplicationParquetParts : IReplicationSource
{
    /// <summary>Values copied per batch.</summary>
    private const int Batch = 1 << 16;

    private readonly IReadOnlyList<ReplicationParquetReader> _parts;
    private readonly ConcatenatedSource _source;

    /// <summary>Chains <paramref name="parts"/>, which must be contiguous: each starts where the previous one ends.</summary>
    public ReplicationParquetParts(IReadOnlyList<ReplicationParquetReader> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _source = new ConcatenatedSource(parts);
        _parts = parts;
    }

    /// <inheritdoc/>
    public int Start => _source.Start;

    /// <inheritdoc/>
    public int Count => _source.Count;

    /// <inheritdoc/>
    public IEnumerable<ReplicationBlock> Blocks() => _source.Blocks();

    /// <summary>
    /// Writes every part's rows, in order, into a new replications.parquet at <paramref name="path"/> with the file
    /// metadata the row-by-row writer would give it (<see cref="ReplicationParquetWriter.FileMetadata"/>). Row groups are
    /// the parts' row groups packed, within each part, up to <see cref="ReplicationParquetWriter.MaxRowsPerGroup"/> rows.
    /// </summary>
    public void CopyTo(string path, CompiledScenario scenario, IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var columns = ReplicationParquetWriter.Columns(scenario.Layout);
        var def = new short[Batch];
        var rep = new short[Batch];
        var ints = new int[Batch];
        var doubles = new double[Batch];
        var floats = new float[Batch];
        using var file = new ParquetFileWriter(path, columns, Compression.Snappy, ReplicationParquetWriter.FileMetadata(scenario, metadata));
        foreach (var part in _parts)
        {
            using var reader = ReplicationParquetReader.Open(part.Path);
            int groups = reader.FileMetaData.NumRowGroups;
            for (int g = 0; g < groups;)
            {
                // Whole row groups of this part, up to the largest row group (at least one).
                int h = g;
                long rows = 0;
                while (h < groups)
                {
                    long n;
                    using (var next = reader.RowGroup(h)) n = next.MetaData.NumRows;
                    if (h > g && rows + n > ReplicationParquetWriter.MaxRowsPerGroup) break;
                    rows += n;
                    h++;
                }
                var sources = new RowGroupReader[h - g];
                try
                {
                    for (int k = 0; k < sources.Length; k++) sources[k] = reader.RowGroup(g + k);
                    using var group = file.AppendRowGroup();
                    for (int c = 0; c < columns.Length; c++)
                    {
                        using var writer = group.NextColumn();
                        foreach (var source in sources)
                        {
                            using var column = source.Column(c);
                            switch (writer)
                            {
                                case ColumnWriter<int> w: Copy((ColumnReader<int>)column, w, def, rep, ints); break;
                                case ColumnWriter<double> w: Copy((ColumnReader<double>)column, w, def, rep, doubles); break;
                                case ColumnWriter<float> w: Copy((ColumnReader<float>)column, w, def, rep, floats); break;
                                default: throw new InvalidDataException($"{part.Path}: unexpected column type {writer.GetType().Name}");
                            }
                        }
                    }
                }
                finally
                {
                    foreach (var s in sources) s?.Dispose();
                }
                g = h;
            }
            reader.Close();
        }
        file.Close();
    }

    /// <summary>Copies a column chunk's levels and values as stored (a day is its DATE, a NULL its definition level).</summary>
    private static void Copy<T>(ColumnReader<T> reader, ColumnWriter<T> writer, short[] def, short[] rep, T[] values)
        where T : unmanaged
    {
        bool defined = reader.ColumnDescriptor.MaxDefinitionLevel > 0, repeated = reader.ColumnDescriptor.MaxRepetitionLevel > 0;
        while (reader.HasNext)
        {
            long levels = reader.ReadBatch(Batch, defined ? def : default, repeated ? rep : default, values, out long read);
            writer.WriteBatch(checked((int)levels), defined ? def.AsSpan(0, (int)levels) : default, repeated ? rep.AsSpan(0, (int)levels) : default, values.AsSpan(0, (int)read));
        }
    }
}
