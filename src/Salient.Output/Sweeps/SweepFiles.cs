using System.Globalization;
using System.Text;
using Salient.Output.Csv;
using Salient.Output.Files;

namespace Salient.Output.Sweeps;

/// <summary>One row of a sweep: a design point's input values and one metric's statistics over its replications.</summary>
/// <remarks>Immutable.</remarks>
public sealed record SweepRow(int Point, IReadOnlyList<string> Values, string Metric, int Count, double Mean, double P05, double P50, double P95, double Censored);

/// <summary>The exporter of <c>salient sweep</c>'s product: sweep.csv, sweep.parquet and the plots.</summary>
public static class SweepFiles
{
    /// <summary>Writes sweep.csv, sweep.parquet (the input columns named by <see cref="ColumnNames"/>) and each plot (under a file-safe name) into <paramref name="dir"/>.</summary>
    public static void Write(string dir, IReadOnlyList<string> inputs, IReadOnlyList<SweepRow> rows, IReadOnlyList<(string Name, byte[] Png)> plots)
    {
        ArgumentNullException.ThrowIfNull(plots);
        WriteCsv(Path.Combine(dir, "sweep.csv"), inputs, rows);
        WriteParquet(Path.Combine(dir, "sweep.parquet"), inputs, rows);
        foreach (var (name, png) in plots) File.WriteAllBytes(Path.Combine(dir, FileNames.Safe(name)), png);
    }

    private static string N(double x) => CsvFormat.Number(x);

    private static void WriteCsv(string path, IReadOnlyList<string> inputs, IReadOnlyList<SweepRow> rows)
    {
        var sb = new StringBuilder("point,");
        foreach (string v in ColumnNames.Of(inputs)) sb.Append(v).Append(',');
        sb.Append("metric,count,mean,p05,p50,p95,censored\n");
        foreach (var s in rows)
        {
            sb.Append(s.Point.ToString(CultureInfo.InvariantCulture)).Append(',');
            foreach (string value in s.Values) sb.Append(Csv(value)).Append(',');
            sb.Append(CultureInfo.InvariantCulture, $"{s.Metric},{s.Count},{N(s.Mean)},{N(s.P05)},{N(s.P50)},{N(s.P95)},{N(s.Censored)}\n");
        }
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));

        static string Csv(string v) => v.Contains(',', StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal) ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    /// <summary>
    /// The rows of sweep.csv as Parquet: point (int32), one column per input (named by <see cref="ColumnNames"/>) (DOUBLE when every value of the input is a
    /// number, so that min, max and sorting are numeric; else a string), metric, count, mean, p05, p50, p95, censored.
    /// </summary>
    private static void WriteParquet(string path, IReadOnlyList<string> inputs, IReadOnlyList<SweepRow> rows)
    {
        var columns = new List<ParquetSharp.Column> { new ParquetSharp.Column<int>("point") };
        var numeric = Enumerable.Range(0, inputs.Count).Select(i => rows.All(r => IsNumber(r.Values[i]))).ToArray();
        columns.AddRange(ColumnNames.Of(inputs).Select((v, i) => numeric[i] ? (ParquetSharp.Column)new ParquetSharp.Column<double>(v) : new ParquetSharp.Column<string>(v)));
        columns.Add(new ParquetSharp.Column<string>("metric"));
        columns.Add(new ParquetSharp.Column<int>("count"));
        foreach (string name in new[] { "mean", "p05", "p50", "p95", "censored" }) columns.Add(new ParquetSharp.Column<double>(name));
        using var file = new ParquetSharp.ParquetFileWriter(path, [.. columns], ParquetSharp.Compression.Snappy);
        using (var group = file.AppendRowGroup())
        {
            using (var w = group.NextColumn().LogicalWriter<int>()) w.WriteBatch([.. rows.Select(r => r.Point)]);
            for (int i = 0; i < inputs.Count; i++)
            {
                if (numeric[i])
                {
                    using var w = group.NextColumn().LogicalWriter<double>();
                    w.WriteBatch([.. rows.Select(r => double.Parse(r.Values[i], NumberStyles.Float, CultureInfo.InvariantCulture))]);
                }
                else
                {
                    using var w = group.NextColumn().LogicalWriter<string>();
                    w.WriteBatch([.. rows.Select(r => r.Values[i])]);
                }
            }
            using (var w = group.NextColumn().LogicalWriter<string>()) w.WriteBatch([.. rows.Select(r => r.Metric)]);
            using (var w = group.NextColumn().LogicalWriter<int>()) w.WriteBatch([.. rows.Select(r => r.Count)]);
            foreach (var pick in new Func<SweepRow, double>[] { s => s.Mean, s => s.P05, s => s.P50, s => s.P95, s => s.Censored })
            {
                using var w = group.NextColumn().LogicalWriter<double>();
                w.WriteBatch([.. rows.Select(pick)]);
            }
        }
        file.Close();
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value);
}
