using System.Globalization;
using System.Text;
using Salient.Output.Csv;
using Salient.Output.Files;

namespace Salient.Output.History;

/// <summary>
/// Writes generic tables (named columns; each cell a double, NaN for none, or a string) as NAME.csv and NAME.parquet,
/// and PNG plots, into a folder: the product of <c>salient history</c>. A column whose cells are all numbers is a
/// Parquet double column, any other a string column.
/// </summary>
public static class TableFiles
{
    /// <summary>Writes every table as CSV and Parquet and every plot (under a file-safe name) into <paramref name="dir"/>.</summary>
    public static void Write(string dir, IEnumerable<(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object[]> Rows)> tables, IEnumerable<(string Name, byte[] Png)> plots)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(plots);
        foreach (var (name, columns, rows) in tables)
        {
            WriteCsv(Path.Combine(dir, FileNames.Safe(name + ".csv")), columns, rows);
            WriteParquet(Path.Combine(dir, FileNames.Safe(name + ".parquet")), columns, rows);
        }
        foreach (var (name, png) in plots) File.WriteAllBytes(Path.Combine(dir, FileNames.Safe(name)), png);
    }

    /// <summary>The CSV text of one table (numbers round-trip, NaN as an empty cell, strings quoted when needed).</summary>
    public static string Csv(IReadOnlyList<string> columns, IReadOnlyList<object[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder(string.Join(',', columns)).Append('\n');
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(row[i] switch
                {
                    double d => CsvFormat.Number(d),
                    string s => Quote(s),
                    null => "",
                    var o => Quote(Convert.ToString(o, CultureInfo.InvariantCulture) ?? ""),
                });
            }
            sb.Append('\n');
        }
        return sb.ToString();

        static string Quote(string v) => v.Contains(',', StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal) || v.Contains('\n', StringComparison.Ordinal)
            ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    private static void WriteCsv(string path, IReadOnlyList<string> columns, IReadOnlyList<object[]> rows) =>
        File.WriteAllText(path, Csv(columns, rows), new UTF8Encoding(false));

    private static void WriteParquet(string path, IReadOnlyList<string> columns, IReadOnlyList<object[]> rows)
    {
        bool[] numeric = [.. columns.Select((_, i) => rows.All(r => r[i] is double))];
        var cols = columns.Select((c, i) => numeric[i] ? (ParquetSharp.Column)new ParquetSharp.Column<double>(c) : new ParquetSharp.Column<string>(c)).ToArray();
        using var file = new ParquetSharp.ParquetFileWriter(path, cols, ParquetSharp.Compression.Snappy);
        using (var group = file.AppendRowGroup())
        {
            for (int i = 0; i < columns.Count; i++)
            {
                if (numeric[i])
                {
                    using var w = group.NextColumn().LogicalWriter<double>();
                    w.WriteBatch([.. rows.Select(r => (double)r[i])]);
                }
                else
                {
                    using var w = group.NextColumn().LogicalWriter<string>();
                    w.WriteBatch([.. rows.Select(r => r[i] switch { double d => CsvFormat.Number(d), null => "", var o => Convert.ToString(o, CultureInfo.InvariantCulture) ?? "" })]);
                }
            }
        }
        file.Close();
    }
}
