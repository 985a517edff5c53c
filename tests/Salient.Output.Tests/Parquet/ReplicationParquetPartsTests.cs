using ParquetSharp;
using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;
using Salient.Output.Parquet;
using Salient.Testing;
using Xunit;

namespace Salient.Output.Tests.Parquet;

/// <summary>
/// replications.parquet copied from Parquet parts (a checkpoint's blocks, a merge's shards) column by column
/// (<see cref="ReplicationParquetParts.CopyTo"/>), and read back in slices (issue 16: flat memory for any number of
/// replications).
/// </summary>
public sealed class ReplicationParquetPartsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-parts-" + Guid.NewGuid().ToString("N"));

    private static readonly Lazy<CompiledScenario> Scenario = new(() => TestRepository.Compile(TestRepository.LineOfTowns));

    public ReplicationParquetPartsTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Writes replications [start, start + count) of synthetic values (NULL days and NaN values included) row by row.</summary>
    private static void WritePart(string path, CompiledScenario c, int start, int count, int? rowsPerGroup = null)
    {
        var layout = c.Layout;
        var metrics = new double[layout.Metrics.Length];
        var daily = new float[layout.DailyLength];
        using var writer = new ReplicationParquetWriter(path, c, new Dictionary<string, string> { ["part"] = path }, rowsPerGroup);
        for (int r = start; r < start + count; r++)
        {
            for (int m = 0; m < metrics.Length; m++)
            {
                ulong h = Mix((ulong)r << 20 | (uint)m);
                metrics[m] = layout.Metrics[m].Kind == MetricKind.Day
                    ? (h % 5 == 0 ? double.NaN : h % (ulong)layout.Days)
                    : (h % 7 == 0 ? double.NaN : (h >> 11) * (1.0 / (1ul << 53)) * 1000 - 100);
            }
            for (int i = 0; i < daily.Length; i++) daily[i] = (float)(Mix((ulong)r << 20 | (uint)(metrics.Length + i)) % 100_000) / 7f;
            writer.Write(r, metrics, daily);
        }
        writer.Complete();
    }

    /// <summary>SplitMix64's finaliser: a fixed value per (replication, column).</summary>
    private static ulong Mix(ulong x)
    {
        x *= 0x9E3779B97F4A7C15ul;
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9ul;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBul;
        return x ^ (x >> 31);
    }

    private ReplicationParquetParts Parts(CompiledScenario c, int parts, int rows, int? rowsPerGroup, string tag)
    {
        var readers = new List<ReplicationParquetReader>();
        for (int p = 0; p < parts; p++)
        {
            string path = Path.Combine(_root, $"{tag}-part{p}.parquet");
            WritePart(path, c, p * rows, rows, rowsPerGroup);
            readers.Add(new ReplicationParquetReader(path, c.Layout));
        }
        return new ReplicationParquetParts(readers);
    }

    /// <summary>Every replication's metrics and daily values, as bits, in order.</summary>
    private static List<(long[] Metrics, int[] Daily)> Rows(IReplicationSource source, MetricLayout layout, out int largestBlock)
    {
        var rows = new List<(long[], int[])>();
        largestBlock = 0;
        int width = layout.Metrics.Length, block = layout.DailyLength;
        foreach (var b in source.Blocks())
        {
            largestBlock = Math.Max(largestBlock, b.Count);
            for (int i = 0; i < b.Count; i++)
                rows.Add(([.. b.Metrics.Span.Slice(i * width, width).ToArray().Select(BitConverter.DoubleToInt64Bits)],
                    [.. b.Daily.Span.Slice(i * block, block).ToArray().Select(BitConverter.SingleToInt32Bits)]));
        }
        return rows;
    }

    private static int RowGroups(string path)
    {
        using var file = new ParquetFileReader(path);
        return file.FileMetaData.NumRowGroups;
    }

    [Fact]
    public void CopiedParts_HoldTheRowsOfTheRowByRowFile_ReadBackInSlicesOfARowByRowGroup()
    {
        var c = Scenario.Value;
        var layout = c.Layout;
        int slice = ReplicationParquetWriter.RowsPerGroup(layout);
        // Two parts of slice + 600 rows each: written row by row, each part is a full row group and one of 600; copied,
        // each part becomes one row group larger than a row-by-row one, which the reader then reads in two slices.
        int rows = slice + 600;
        var parts = Parts(c, 2, rows, null, "big");
        string copy = Path.Combine(_root, "copy.parquet");
        var metadata = new Dictionary<string, string> { ["x"] = "y" };
        parts.CopyTo(copy, c, metadata);
        string direct = Path.Combine(_root, "direct.parquet");
        WritePart(direct, c, 0, 2 * rows);

        Assert.Equal(2, RowGroups(copy));
        var reader = new ReplicationParquetReader(copy, layout);
        Assert.Equal((0, 2 * rows), (reader.Start, reader.Count));
        Assert.Equal("y", reader.Metadata["x"]);
        Assert.Equal(ReplicationParquetWriter.LayoutJson(c), reader.Metadata[ReplicationParquetWriter.LayoutKey]);
        var expected = Rows(new ReplicationParquetReader(direct, layout), layout, out _);
        var actual = Rows(reader, layout, out int largest);
        Assert.Equal(slice, largest);
        Assert.Equal(expected.Count, actual.Count);
        for (int r = 0; r < expected.Count; r++)
        {
            Assert.Equal(expected[r].Metrics, actual[r].Metrics);
            Assert.Equal(expected[r].Daily, actual[r].Daily);
        }
        // The parts read as one source give the same rows.
        var fromParts = Rows(parts, layout, out _);
        for (int r = 0; r < expected.Count; r++) Assert.Equal(expected[r].Metrics, fromParts[r].Metrics);
    }

    /// <summary>
    /// The memory budget of a copied file, in bytes: a Parquet writer holds the metadata of every row group it wrote
    /// until it closes, and every reader holds the whole footer (measured with ParquetSharp 25 on Kursk's 332 columns:
    /// about 1.5 kB in memory a column chunk, for the ~240 bytes it takes in the footer). Twenty parts of N and of 20N
    /// replications, written row by row in small row groups (a stand-in for Kursk's 276 rows of 30 kB), are copied: the
    /// copy's footer at 20N must stay within 1.5x of the one at N. It is about 1.0x (20 row groups either way, the
    /// statistics of each column chunk the same size); the tolerance only absorbs the statistics' value lengths. The
    /// parts' own footers, what a row-by-row writer of the whole file would have held, grow 20x: the check bites.
    /// </summary>
    [Fact]
    public void CopiedFooter_StaysFlat_FromNTo20NReplications()
    {
        var c = Scenario.Value;
        const int Parts20 = 20, RowsPerGroup = 32;
        long Footer(string path)
        {
            using var file = new ParquetFileReader(path);
            return file.FileMetaData.Size;
        }
        var footers = new List<long>();
        var partFooters = new List<long>();
        foreach (int perPart in new[] { RowsPerGroup, 20 * RowsPerGroup })
        {
            var parts = Parts(c, Parts20, perPart, RowsPerGroup, $"n{perPart}");
            string copy = Path.Combine(_root, $"copy-{perPart}.parquet");
            parts.CopyTo(copy, c, null);
            Assert.Equal(Parts20, RowGroups(copy));
            footers.Add(Footer(copy));
            partFooters.Add(Enumerable.Range(0, Parts20).Sum(p => Footer(Path.Combine(_root, $"n{perPart}-part{p}.parquet"))));
        }
        Assert.True(footers[1] <= 1.5 * footers[0], $"the copied footer grew from {footers[0]} to {footers[1]} bytes from N to 20N replications");
        Assert.True(partFooters[1] >= 10 * partFooters[0], $"the row-by-row footers grew only from {partFooters[0]} to {partFooters[1]} bytes");
    }
}
