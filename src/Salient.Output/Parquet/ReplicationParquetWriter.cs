using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ParquetSharp;
using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;
using Salient.Output.Files;

namespace Salient.Output.Parquet;

/// <summary>
/// Writes replications.parquet as replications arrive, in row groups: one row per replication with its index
/// (<c>replication</c>, int32), every final metric in a column named after it by <see cref="ColumnNames"/>
/// (<c>capture.sudzha.red</c> in <c>capture_sudzha_red</c>): day metrics (events, peak days) as nullable DATE, NULL when
/// the event did not happen; value metrics as nullable DOUBLE, NULL where the engine gave NaN. Each daily series is a
/// list of float32 values, one per day, in a column <c>daily_&lt;series&gt;</c>. Lossless: the reader gives back exactly
/// the values the engine produced (day indices from the calendar start, NaN for NULL). docs/outputs.md lists the columns.
/// </summary>
/// <remarks>Holds one row group in memory; replications must arrive in ascending order without gaps. Call
/// <see cref="Complete"/> to finish the file; disposing without it leaves a truncated file (inside a temporary folder
/// that <see cref="Files.AtomicDirectory"/> throws away).</remarks>
public sealed class ReplicationParquetWriter : IReplicationSink, IDisposable
{
    /// <summary>The file name in run, shard and merge folders.</summary>
    public const string FileName = "replications.parquet";

    /// <summary>Name of the replication index column.</summary>
    public const string ReplicationColumn = "replication";

    /// <summary>Prefix of the daily series columns (before the series' column name).</summary>
    public const string DailyPrefix = "daily_";

    /// <summary>Key of the file metadata entry describing the layout (days, start date, metric kinds, series).</summary>
    public const string LayoutKey = "salient.layout";

    /// <summary>Metadata key of the provenance (scenario, seed, engine, shard, range, host, start time) in Parquet files.</summary>
    public const string ProvenanceKey = "salient.provenance";

    /// <summary>Largest row group, in bytes of buffered results.</summary>
    public const long RowGroupBytes = 8L * 1024 * 1024;

    /// <summary>Most rows in a row group, whether written row by row or copied from parts (<see cref="ReplicationParquetParts"/>).</summary>
    public const int MaxRowsPerGroup = 16_384;

    private readonly MetricLayout _layout;
    private readonly ParquetFileWriter _file;
    private readonly int _rowsPerGroup;
    private readonly int[] _reps;
    private readonly double[] _metrics;
    private readonly float[] _daily;
    private readonly double[] _column;
    private readonly int[] _dates;
    private readonly short[] _present;
    private readonly int _startEpochDay;
    private readonly float[] _listValues;
    private readonly short[] _defLevels;
    private readonly short[] _repLevels;
    private int _rows;
    private int _next = -1;
    private bool _done;
    private bool _returned;

    /// <summary>Creates <paramref name="path"/> for results of <paramref name="scenario"/>, with extra file metadata.</summary>
    public ReplicationParquetWriter(string path, CompiledScenario scenario, IReadOnlyDictionary<string, string>? metadata = null, int? rowsPerGroup = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _layout = scenario.Layout;
        int width = _layout.Metrics.Length, block = _layout.DailyLength;
        _rowsPerGroup = rowsPerGroup ?? RowsPerGroup(_layout);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_rowsPerGroup);
        // PERF: the row-group buffers (about 10 MB) come from the shared pool and go back on Dispose: a checkpointed run
        // opens one writer per block, and fresh buffers each time left tens of megabytes of large-object garbage resident.
        _reps = ArrayPool<int>.Shared.Rent(_rowsPerGroup);
        _metrics = ArrayPool<double>.Shared.Rent(_rowsPerGroup * width);
        _daily = ArrayPool<float>.Shared.Rent(_rowsPerGroup * block);
        _column = ArrayPool<double>.Shared.Rent(_rowsPerGroup);
        _dates = ArrayPool<int>.Shared.Rent(_rowsPerGroup);
        _present = ArrayPool<short>.Shared.Rent(_rowsPerGroup);
        _startEpochDay = EpochDay(scenario.Model.Calendar.Start);
        _listValues = ArrayPool<float>.Shared.Rent(_rowsPerGroup * _layout.Days);
        _defLevels = ArrayPool<short>.Shared.Rent(_rowsPerGroup * _layout.Days);
        _repLevels = ArrayPool<short>.Shared.Rent(_rowsPerGroup * _layout.Days);
        _file = new ParquetFileWriter(path, Columns(_layout), Compression.Snappy, FileMetadata(scenario, metadata));
    }

    /// <summary>Rows in a row group written row by row: as many as fit in <see cref="RowGroupBytes"/>, within [64, <see cref="MaxRowsPerGroup"/>].</summary>
    public static int RowsPerGroup(MetricLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        long rowBytes = 4 + layout.Metrics.Length * 8L + layout.DailyLength * 4L;
        return (int)Math.Clamp(RowGroupBytes / rowBytes, 64, MaxRowsPerGroup);
    }

    /// <summary>The file metadata of a replications.parquet: the layout description under <see cref="LayoutKey"/>, then <paramref name="metadata"/>.</summary>
    public static Dictionary<string, string> FileMetadata(CompiledScenario scenario, IReadOnlyDictionary<string, string>? metadata)
    {
        var kv = new Dictionary<string, string>(StringComparer.Ordinal) { [LayoutKey] = LayoutJson(scenario) };
        if (metadata is not null) foreach (var (k, v) in metadata) kv[k] = v;
        return kv;
    }

    /// <summary>Replications written so far.</summary>
    public long Written { get; private set; }

    /// <summary>The columns of replications.parquet for <paramref name="layout"/>, in file order.</summary>
    public static Column[] Columns(MetricLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        string[] names = ColumnNames.Of([ReplicationColumn, .. layout.Metrics.Select(m => m.Name), .. layout.Series.Select(s => DailyPrefix + s)]);
        var columns = new List<Column> { new Column<int>(names[0]) };
        columns.AddRange(layout.Metrics.Select((m, i) => m.Kind == MetricKind.Day ? (Column)new Column<Date?>(names[1 + i]) : new Column<double?>(names[1 + i])));
        columns.AddRange(layout.Series.Select((s, i) => (Column)new Column<float[]>(names[1 + layout.Metrics.Length + i])));
        return [.. columns];
    }

    /// <summary>Days from 1970-01-01 (Parquet's DATE) to <paramref name="date"/>.</summary>
    public static int EpochDay(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The layout description stored under <see cref="LayoutKey"/>.</summary>
    public static string LayoutJson(CompiledScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var layout = scenario.Layout;
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["start"] = scenario.Model.Calendar.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["days"] = layout.Days,
            ["metrics"] = layout.Metrics.Select(m => new Dictionary<string, string> { ["name"] = m.Name, ["kind"] = m.Kind == MetricKind.Day ? "day" : "value" }).ToArray(),
            ["series"] = layout.Series.ToArray(),
        });
    }

    /// <inheritdoc/>
    public void Write(int replication, ReadOnlySpan<double> metrics, ReadOnlySpan<float> daily)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (_next >= 0 && replication != _next)
            throw new InvalidOperationException($"replication {replication} arrived out of order (expected {_next})");
        int width = _layout.Metrics.Length, block = _layout.DailyLength;
        if (metrics.Length != width || daily.Length != block) throw new ArgumentException("the results do not match the layout");
        _next = replication + 1;
        _reps[_rows] = replication;
        metrics.CopyTo(_metrics.AsSpan(_rows * width, width));
        daily.CopyTo(_daily.AsSpan(_rows * block, block));
        _rows++;
        Written++;
        if (_rows == _rowsPerGroup) FlushRowGroup();
    }

    /// <summary>Writes the last row group and closes the file.</summary>
    public void Complete()
    {
        if (_done) return;
        if (_rows > 0) FlushRowGroup();
        _file.Close();
        _done = true;
    }

    private void FlushRowGroup()
    {
        int n = _rows, width = _layout.Metrics.Length, block = _layout.DailyLength, days = _layout.Days;
        using var group = _file.AppendRowGroup();
        using (var w = group.NextColumn().LogicalWriter<int>()) w.WriteBatch(_reps, 0, n);
        // Optional columns through the physical writers: definition level 1 where a value is present, 0 for NULL (NaN in
        // memory), and only the present values; a day metric's value is the DATE's day count from 1970-01-01.
        for (int m = 0; m < width; m++)
        {
            int present = 0;
            bool day = _layout.Metrics[m].Kind == MetricKind.Day;
            for (int r = 0; r < n; r++)
            {
                double v = _metrics[r * width + m];
                if (double.IsNaN(v)) { _present[r] = 0; continue; }
                _present[r] = 1;
                if (day) _dates[present++] = _startEpochDay + checked((int)v);
                else _column[present++] = v;
            }
            if (day)
            {
                using var w = (ColumnWriter<int>)group.NextColumn();
                w.WriteBatch(n, _present.AsSpan(0, n), default, _dates.AsSpan(0, present));
            }
            else
            {
                using var w = (ColumnWriter<double>)group.NextColumn();
                w.WriteBatch(n, _present.AsSpan(0, n), default, _column.AsSpan(0, present));
            }
        }
        // The list columns go through the physical writer with explicit levels: every list is present and full, so
        // each value has the column's maximum definition level and repetition level 0 at a row's first day, the
        // maximum after it. Measured warm on the duel (20,000 rows, 48 metrics, 6 lists of 10 days), the whole writer
        // costs 3.6 µs a replication this way against 12.2 µs through the logical float[] writer.
        int values = n * days;
        for (int s = 0; s < _layout.Series.Length; s++)
        {
            for (int r = 0; r < n; r++) _daily.AsSpan(r * block + s * days, days).CopyTo(_listValues.AsSpan(r * days, days));
            using var w = (ColumnWriter<float>)group.NextColumn();
            short def = w.ColumnDescriptor.MaxDefinitionLevel, rep = w.ColumnDescriptor.MaxRepetitionLevel;
            for (int i = 0; i < values; i++)
            {
                _defLevels[i] = def;
                _repLevels[i] = i % days == 0 ? (short)0 : rep;
            }
            w.WriteBatch(values, _defLevels.AsSpan(0, values), _repLevels.AsSpan(0, values), _listValues.AsSpan(0, values));
        }
        _rows = 0;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_done)
        {
            _done = true;
            try { _file.Close(); }
            catch (ParquetException) { /* the file is abandoned anyway */ }
        }
        _file.Dispose();
        if (_returned) return;
        _returned = true;
        ArrayPool<int>.Shared.Return(_reps);
        ArrayPool<double>.Shared.Return(_metrics);
        ArrayPool<float>.Shared.Return(_daily);
        ArrayPool<double>.Shared.Return(_column);
        ArrayPool<int>.Shared.Return(_dates);
        ArrayPool<short>.Shared.Return(_present);
        ArrayPool<float>.Shared.Return(_listValues);
        ArrayPool<short>.Shared.Return(_defLevels);
        ArrayPool<short>.Shared.Return(_repLevels);
    }
}
