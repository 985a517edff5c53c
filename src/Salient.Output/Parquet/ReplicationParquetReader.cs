using System.Buffers;
using ParquetSharp;
using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;

namespace Salient.Output.Parquet;

/// <summary>
/// Reads replications.parquet back as a <see cref="IReplicationSource"/>, row group by row group, so results far
/// larger than memory can be summarised, merged and written out. Checks the columns match the scenario's layout and
/// that the replication indices are consecutive.
/// </summary>
public sealed class ReplicationParquetReader : IReplicationSource
{
    private readonly string _path;
    private readonly MetricLayout _layout;
    private readonly int _startEpochDay;

    /// <summary>Opens <paramref name="path"/> and checks it holds results of <paramref name="layout"/>'s shape.</summary>
    /// <exception cref="InvalidDataException">The file is not a replications.parquet of this layout.</exception>
    public ReplicationParquetReader(string path, MetricLayout layout)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(layout);
        _path = path;
        _layout = layout;
        try
        {
            using var file = new ParquetFileReader(path);
            var meta = file.FileMetaData;
            var expected = ReplicationParquetWriter.Columns(layout).Select(c => c.Name).ToArray();
            var found = meta.Schema.GroupNode.Fields.Select(f => f.Name).ToArray();
            if (!expected.SequenceEqual(found, StringComparer.Ordinal))
                throw new InvalidDataException($"{path}: its columns do not match the scenario's metrics and series (was it written by another scenario or engine version?)");
            Metadata = meta.KeyValueMetadata;
            // Day metrics are DATEs: the calendar's first day, from the layout description, turns them back into day indices.
            if (!Metadata.TryGetValue(ReplicationParquetWriter.LayoutKey, out string? json))
                throw new InvalidDataException($"{path}: no '{ReplicationParquetWriter.LayoutKey}' metadata (was it written by another engine version?)");
            using (var doc = System.Text.Json.JsonDocument.Parse(json))
                _startEpochDay = ReplicationParquetWriter.EpochDay(DateOnly.ParseExact(doc.RootElement.GetProperty("start").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Count = checked((int)meta.NumRows);
            Start = 0;
            if (Count > 0)
            {
                using var group = file.RowGroup(0);
                using var reader = group.Column(0).LogicalReader<int>();
                Start = reader.ReadAll(1)[0];
            }
            file.Close();
        }
        catch (ParquetException ex)
        {
            throw new InvalidDataException($"{path}: not a readable Parquet file: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: unreadable '{ReplicationParquetWriter.LayoutKey}' metadata: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The layout and first calendar day a replications.parquet describes in its metadata (<see cref="ReplicationParquetWriter.LayoutKey"/>),
    /// so a run folder can be read without its scenario. Null when the file or its description is missing or unreadable.
    /// </summary>
    public static (MetricLayout Layout, DateOnly Start)? ReadLayout(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) return null;
        try
        {
            using var file = new ParquetFileReader(path);
            if (!file.FileMetaData.KeyValueMetadata.TryGetValue(ReplicationParquetWriter.LayoutKey, out string? json)) return null;
            file.Close();
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            var root = doc.RootElement;
            var start = DateOnly.ParseExact(root.GetProperty("start").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var metrics = root.GetProperty("metrics").EnumerateArray().Select(m =>
                new MetricInfo(m.GetProperty("name").GetString()!, m.GetProperty("kind").GetString() == "day" ? MetricKind.Day : MetricKind.Value));
            var series = root.GetProperty("series").EnumerateArray().Select(s => s.GetString()!);
            return (MetricLayout.Create(metrics, series, root.GetProperty("days").GetInt32()), start);
        }
        catch (Exception ex) when (ex is ParquetException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The file's key-value metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <inheritdoc/>
    public int Start { get; }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public IEnumerable<ReplicationBlock> Blocks()
    {
        int width = _layout.Metrics.Length, block = _layout.DailyLength, days = _layout.Days;
        using var file = new ParquetFileReader(_path);
        int groups = file.FileMetaData.NumRowGroups;
        int expected = Start;
        // PERF: the block buffers come from the shared pool and go back when the enumeration ends: a run reads its
        // checkpoint blocks and its file back several times, and fresh buffers each time left large-object garbage resident.
        double[] metrics = [];
        float[] daily = [];
        try
        {
            for (int g = 0; g < groups; g++)
            {
                int n;
                using (var group = file.RowGroup(g))
                {
                    n = checked((int)group.MetaData.NumRows);
                    if (metrics.Length < n * width) Swap(ref metrics, n * width);
                    if (daily.Length < n * block) Swap(ref daily, n * block);
                    int[] reps;
                    using (var r = group.Column(0).LogicalReader<int>()) reps = r.ReadAll(n);
                    for (int i = 0; i < n; i++)
                        if (reps[i] != expected + i)
                            throw new InvalidDataException($"{_path}: replication {reps[i]} found where {expected + i} was expected (rows must be consecutive replications)");
                    for (int m = 0; m < width; m++)
                    {
                        if (_layout.Metrics[m].Kind == MetricKind.Day)
                        {
                            Date?[] column;
                            using (var r = group.Column(1 + m).LogicalReader<Date?>()) column = r.ReadAll(n);
                            for (int i = 0; i < n; i++) metrics[i * width + m] = column[i] is { } d ? d.Days - _startEpochDay : double.NaN;
                        }
                        else
                        {
                            double?[] column;
                            using (var r = group.Column(1 + m).LogicalReader<double?>()) column = r.ReadAll(n);
                            for (int i = 0; i < n; i++) metrics[i * width + m] = column[i] ?? double.NaN;
                        }
                    }
                    for (int s = 0; s < _layout.Series.Length; s++)
                    {
                        float[][] lists;
                        using (var r = group.Column(1 + width + s).LogicalReader<float[]>()) lists = r.ReadAll(n);
                        for (int i = 0; i < n; i++)
                        {
                            if (lists[i].Length != days) throw new InvalidDataException($"{_path}: replication {expected + i} has {lists[i].Length} days of {_layout.Series[s]}, expected {days}");
                            lists[i].CopyTo(daily, i * block + s * days);
                        }
                    }
                }
                yield return new ReplicationBlock(expected, n, metrics.AsMemory(0, n * width), daily.AsMemory(0, n * block));
                expected += n;
            }
            file.Close();
        }
        finally
        {
            if (metrics.Length > 0) ArrayPool<double>.Shared.Return(metrics);
            if (daily.Length > 0) ArrayPool<float>.Shared.Return(daily);
        }
    }

    private static void Swap<T>(ref T[] buffer, int length)
    {
        if (buffer.Length > 0) ArrayPool<T>.Shared.Return(buffer);
        buffer = ArrayPool<T>.Shared.Rent(length);
    }
}
