using System.Globalization;
using System.Text;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Statistics;
using Salient.Output.Files;

namespace Salient.Output.Csv;

/// <summary>CSV outputs for spreadsheets: one row per replication, and the daily bands in long form.</summary>
public static class CsvWriters
{
    /// <summary>
    /// replications.csv: <c>replication</c> then one column per metric, named by <see cref="ColumnNames"/>
    /// (<c>capture_sudzha_red</c>): day metrics as ISO dates, empty when the event did not happen; values as round-trip
    /// numbers, empty for NaN.
    /// </summary>
    public static void WriteReplications(MonteCarloResult result, string path)
    {
        var layout = result.Layout;
        var start = result.Scenario.Model.Calendar.Start;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("replication");
        foreach (string column in ColumnNames.Of(layout.Metrics.Select(m => m.Name))) { w.Write(','); w.Write(column); }
        w.Write('\n');
        int width = layout.Metrics.Length;
        // Block by block, so results streamed from replications.parquet are never all in memory at once.
        foreach (var block in result.Source.Blocks())
        {
            var values = block.Metrics.Span;
            for (int k = 0; k < block.Count; k++)
            {
                w.Write((block.Start + k).ToString(CultureInfo.InvariantCulture));
                for (int i = 0; i < width; i++)
                {
                    w.Write(',');
                    double v = values[k * width + i];
                    if (!double.IsFinite(v)) continue;
                    w.Write(layout.Metrics[i].Kind == MetricKind.Day
                        ? start.AddDays((int)v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : CsvFormat.Number(v));
                }
                w.Write('\n');
            }
        }
    }

    /// <summary>daily.csv: <c>series,date,p05,p25,p50,p75,p95</c>.</summary>
    public static void WriteDaily(RunSummary summary, string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("series,date,p05,p25,p50,p75,p95\n");
        foreach (var b in summary.Daily)
            for (int d = 0; d < b.P50.Length; d++)
                w.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{b.Name},{summary.Start.AddDays(d):yyyy-MM-dd},{CsvFormat.Number(b.P05[d])},{CsvFormat.Number(b.P25[d])},{CsvFormat.Number(b.P50[d])},{CsvFormat.Number(b.P75[d])},{CsvFormat.Number(b.P95[d])}\n"));
    }
}
