using ParquetSharp;
using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;

namespace Salient.Output.Parquet;

/// <summary>
/// daily.parquet (<c>--trajectories</c>): every replication's daily series in long form, one row per
/// (replication, series, day): <c>replication</c> int32, <c>series</c> string (the series' name as in summary.json),
/// <c>day</c> int32 (days from the calendar start, 0 on its first day), <c>date</c> DATE (that day's date),
/// <c>value</c> float32 (NULL where the engine gave NaN). Easy to filter and plot in pandas, Polars, DuckDB or R.
/// </summary>
public static class DailyParquetWriter
{
    /// <summary>The file name in run folders.</summary>
    public const string FileName = "daily.parquet";

    /// <summary>Writes every replication of <paramref name="source"/> to <paramref name="path"/>, one row group per block of at most a million rows.</summary>
    public static void Write(IReplicationSource source, CompiledScenario scenario, string path)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scenario);
        var layout = scenario.Layout;
        int block = layout.DailyLength, days = layout.Days;
        var kv = new Dictionary<string, string>(StringComparer.Ordinal) { [ReplicationParquetWriter.LayoutKey] = ReplicationParquetWriter.LayoutJson(scenario) };
        Column[] columns = [new Column<int>("replication"), new Column<string>("series"), new Column<int>("day"), new Column<Date>("date"), new Column<float?>("value")];
        using var file = new ParquetFileWriter(path, columns, Compression.Snappy, kv);
        int maxReps = Math.Max(1, 1_000_000 / Math.Max(1, block));
        var reps = new int[maxReps * block];
        var series = new string[maxReps * block];
        var day = new int[maxReps * block];
        var date = new int[maxReps * block];
        var value = new float[maxReps * block];
        var present = new short[maxReps * block];
        int startEpochDay = ReplicationParquetWriter.EpochDay(scenario.Model.Calendar.Start);
        foreach (var b in source.Blocks())
        {
            var daily = b.Daily.Span;
            for (int first = 0; first < b.Count; first += maxReps)
            {
                int n = Math.Min(maxReps, b.Count - first), rows = 0, values = 0;
                for (int i = first; i < first + n; i++)
                    for (int s = 0; s < layout.Series.Length; s++)
                        for (int d = 0; d < days; d++)
                        {
                            reps[rows] = b.Start + i;
                            series[rows] = layout.Series[s];
                            day[rows] = d;
                            date[rows] = startEpochDay + d;
                            float v = daily[i * block + s * days + d];
                            present[rows] = float.IsNaN(v) ? (short)0 : (short)1;
                            if (!float.IsNaN(v)) value[values++] = v;
                            rows++;
                        }
                using var group = file.AppendRowGroup();
                using (var w = group.NextColumn().LogicalWriter<int>()) w.WriteBatch(reps, 0, rows);
                using (var w = group.NextColumn().LogicalWriter<string>()) w.WriteBatch(series, 0, rows);
                using (var w = group.NextColumn().LogicalWriter<int>()) w.WriteBatch(day, 0, rows);
                using (var w = (ColumnWriter<int>)group.NextColumn()) w.WriteBatch(date.AsSpan(0, rows));
                using (var w = (ColumnWriter<float>)group.NextColumn()) w.WriteBatch(rows, present.AsSpan(0, rows), default, value.AsSpan(0, values));
            }
        }
        file.Close();
    }
}
