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

    /// <summary>The layout the file was checked against.</summary>
    public MetricLayout Layout => _layout;

    /// <summary>The file read.</summary>
    public string Path => _path;

    /// <summary>Bytes a column reader reads from the file at a time (see <see cref="Open"/>).</summary>
    private const int StreamBufferBytes = 16 << 10;

    /// <summary>
    /// Opens <paramref name="path"/> for reading column chunks through a buffer of <see cref="StreamBufferBytes"/>
    /// rather than whole: a row group larger than <see cref="ReplicationParquetWriter.RowsPerGroup"/> rows (one copied
    /// from parts) is read a slice of rows at a time with every column open at once, which would otherwise hold the
    /// whole row group's column chunks.
    /// </summary>
    public static ParquetFileReader Open(string path)
    {
        using var properties = ReaderProperties.GetDefaultReaderProperties();
        properties.EnableBufferedStream();
        properties.BufferSize = StreamBufferBytes;
        return new ParquetFileReader(path, properties);
    }

    /// <summary>The file's key-value metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <inheritdoc/>
    public int Start { get; }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    /// <remarks>Yields a row group at a time, or, for a row group of more than <see cref="ReplicationParquetWriter.RowsPerGroup"/>
    /// rows, slices of that many rows: the buffers are those of a row group written row by row, whatever the file.</remarks>
    public IEnumerable<ReplicationBlock> Blocks()
    {
        int width = _layout.Metrics.Length, block = _layout.DailyLength;
        int slice = ReplicationParquetWriter.RowsPerGroup(_layout);
        using var file = Open(_path);
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
                using var group = file.RowGroup(g);
                int n = checked((int)group.MetaData.NumRows);
                int rows = Math.Min(n, slice);
                if (metrics.Length < rows * width) Swap(ref metrics, rows * width);
                if (daily.Length < rows * block) Swap(ref daily, rows * block);
                if (n <= slice)
                {
                    // A row group written row by row: read whole, one column after another, as it was written.
                    ReadWhole(group, n, expected, metrics, daily);
                    yield return new ReplicationBlock(expected, n, metrics.AsMemory(0, n * width), daily.AsMemory(0, n * block));
                    expected += n;
                    continue;
                }
                // A larger row group (copied from parts): every column's reader stays open across its slices of rows.
                var readers = new List<IDisposable>();
                try
                {
                    var reps = Reader<int>(group, 0, readers);
                    var columns = new LogicalColumnReader[width];
                    for (int m = 0; m < width; m++)
                        columns[m] = _layout.Metrics[m].Kind == MetricKind.Day ? Reader<Date?>(group, 1 + m, readers) : Reader<double?>(group, 1 + m, readers);
                    var series = new LogicalColumnReader<float[]>[_layout.Series.Length];
                    for (int s = 0; s < series.Length; s++) series[s] = Reader<float[]>(group, 1 + width + s, readers);
                    var repBuffer = new int[rows];
                    var dates = new Date?[rows];
                    var values = new double?[rows];
                    var lists = new float[rows][];
                    for (int done = 0; done < n; done += rows)
                    {
                        int k = Math.Min(rows, n - done);
                        Read(reps, repBuffer, k);
                        for (int i = 0; i < k; i++)
                            if (repBuffer[i] != expected + i)
                                throw new InvalidDataException($"{_path}: replication {repBuffer[i]} found where {expected + i} was expected (rows must be consecutive replications)");
                        for (int m = 0; m < width; m++)
                        {
                            if (columns[m] is LogicalColumnReader<Date?> day)
                            {
                                Read(day, dates, k);
                                for (int i = 0; i < k; i++) metrics[i * width + m] = dates[i] is { } d ? d.Days - _startEpochDay : double.NaN;
                            }
                            else
                            {
                                Read((LogicalColumnReader<double?>)columns[m], values, k);
                                for (int i = 0; i < k; i++) metrics[i * width + m] = values[i] ?? double.NaN;
                            }
                        }
                        for (int s = 0; s < series.Length; s++)
                        {
                            Read(series[s], lists, k);
                            for (int i = 0; i < k; i++)
                            {
                                if (lists[i].Length != _layout.Days) throw new InvalidDataException($"{_path}: replication {expected + i} has {lists[i].Length} days of {_layout.Series[s]}, expected {_layout.Days}");
                                lists[i].CopyTo(daily, i * block + s * _layout.Days);
                            }
                        }
                        yield return new ReplicationBlock(expected, k, metrics.AsMemory(0, k * width), daily.AsMemory(0, k * block));
                        expected += k;
                    }
                }
                finally
                {
                    // Before the row group's reader (this scope's end) and the file's.
                    Close(readers);
                }
            }
            file.Close();
        }
        finally
        {
            if (metrics.Length > 0) ArrayPool<double>.Shared.Return(metrics);
            if (daily.Length > 0) ArrayPool<float>.Shared.Return(daily);
        }
    }

    /// <summary>Reads a row group of <paramref name="n"/> rows whole into the buffers, one column after another.</summary>
    private void ReadWhole(RowGroupReader group, int n, int expected, double[] metrics, float[] daily)
    {
        int width = _layout.Metrics.Length, block = _layout.DailyLength, days = _layout.Days;
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

    /// <summary>Opens column <paramref name="index"/> of <paramref name="group"/>, its readers added to <paramref name="open"/> to be disposed.</summary>
    private static LogicalColumnReader<T> Reader<T>(RowGroupReader group, int index, List<IDisposable> open)
    {
        var column = group.Column(index);
        open.Add(column);
        var reader = column.LogicalReader<T>();
        open.Add(reader);
        return reader;
    }

    /// <summary>Reads exactly <paramref name="count"/> values into <paramref name="buffer"/>.</summary>
    private void Read<T>(LogicalColumnReader<T> reader, T[] buffer, int count)
    {
        int read = 0;
        while (read < count)
        {
            int got = reader.ReadBatch(buffer.AsSpan(read, count - read));
            if (got == 0) throw new InvalidDataException($"{_path}: a column ends before its row group's last row");
            read += got;
        }
    }

    private static void Close(List<IDisposable> open)
    {
        for (int i = open.Count - 1; i >= 0; i--) open[i].Dispose();
        open.Clear();
    }

    private static void Swap<T>(ref T[] buffer, int length)
    {
        if (buffer.Length > 0) ArrayPool<T>.Shared.Return(buffer);
        buffer = ArrayPool<T>.Shared.Rent(length);
    }
}
