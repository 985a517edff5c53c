using System.Globalization;
using ParquetSharp;

namespace Salient.Output.Parquet;

/// <summary>
/// control_tally.parquet: the per-cell control tally as an int32 column <c>first_side_held</c> of length days x cells,
/// entry <c>[day * cells + cell]</c> counting the replications in which the first side held the cell at the end of
/// that day. Integer counts, so the shards' tallies add up exactly to the whole run's.
/// </summary>
public static class ControlTallyParquet
{
    /// <summary>The file name in shard folders.</summary>
    public const string FileName = "control_tally.parquet";

    /// <summary>The count column's name.</summary>
    public const string Column = "first_side_held";

    /// <summary>Writes <paramref name="tally"/> (days x cells) to <paramref name="path"/>.</summary>
    public static void Write(string path, ReadOnlySpan<int> tally, int days, int cells)
    {
        if (tally.Length != (long)days * cells) throw new ArgumentException("the tally is not days x cells long", nameof(tally));
        var kv = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["salient.days"] = days.ToString(CultureInfo.InvariantCulture),
            ["salient.cells"] = cells.ToString(CultureInfo.InvariantCulture),
        };
        using var file = new ParquetFileWriter(path, [new Column<int>(Column)], Compression.Snappy, kv);
        using (var group = file.AppendRowGroup())
        using (var w = group.NextColumn().LogicalWriter<int>())
            w.WriteBatch(tally.ToArray());
        file.Close();
    }

    /// <summary>Reads a tally, checking it is <paramref name="days"/> x <paramref name="cells"/> long.</summary>
    /// <exception cref="InvalidDataException">The file is unreadable or of another shape.</exception>
    public static int[] Read(string path, int days, int cells)
    {
        try
        {
            using var file = new ParquetFileReader(path);
            long n = file.FileMetaData.NumRows;
            if (n != (long)days * cells) throw new InvalidDataException($"{path}: the tally has {n} entries, expected {days} days x {cells} cells");
            var tally = new int[n];
            int at = 0;
            for (int g = 0; g < file.FileMetaData.NumRowGroups; g++)
            {
                using var group = file.RowGroup(g);
                int rows = checked((int)group.MetaData.NumRows);
                using var r = group.Column(0).LogicalReader<int>();
                r.ReadAll(rows).CopyTo(tally, at);
                at += rows;
            }
            file.Close();
            return tally;
        }
        catch (ParquetException ex)
        {
            throw new InvalidDataException($"{path}: not a readable Parquet file: {ex.Message}", ex);
        }
    }
}
