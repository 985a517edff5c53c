using ParquetSharp;
using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;

namespace Salient.Output.Parquet;

/// <summary>
/// daily.parquet (<c>--trajectories</c>): every replication's daily series in long form, one row per
/// (replication, series, day): <c>replication</c> int32, <c>series</c> string, <c>day</c> int32 (days from the calendar
/// start), <c>value</c> float32. Easy to filter and plot in pandas, Polars, DuckDB or R.
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
        Column[] columns = [new Column<int>("replication"), new Column<string>("series"), new Column<int>("day"), new Column<float>("value")];
        using var file = new ParquetFileWriter(path, columns, Compression.Snappy, kv);
        int maxReps = Math.Max(1, 1_000_000 / Math.Max(1, block));
        var reps = new int[maxReps * block];
        var series = new string[maxReps * block];
        var day = new int[maxReps * block];
        var value = new float[maxReps * block];
        foreach (var b in source.Blocks())
        {
            var values = b.Daily.Span;
            for (int first = 0; first < b.Count; first += maxReps)
            {
                int n = Math.Min(maxReps, b.Count - first), rows = 0;
                for (int i = first; i < first + n; i++)
                    for (int s = 0; s < layout.Series.Length; s++)
                        for (int d = 0; d < days; d++)
                        {
                            reps[rows] = b.Start + i;
                            series[rows] = layout.Series[s];
                            day[rows] = d;
                            value[rows] = values[i * block + s * days + d];
                            rows++;
                        }
                using var group = file.AppendRowGroup();
                using (var w = group.NextColumn().LogicalWriter<int>()) w.WriteBatch(reps, 0, rows);
                using (var w = group.NextColumn().LogicalWriter<string>()) w.WriteBatch(series, 0, rows);
                using (var w = group.NextColumn().LogicalWriter<int>()) w.WriteBatch(day, 0, rows);
                using (var w = group.NextColumn().LogicalWriter<float>()) w.WriteBatch(value, 0, rows);
            }
        }
        file.Close();
    }
}
