using ParquetSharp;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Experiments.Statistics;
using Salient.Output.Files;
using Salient.Output.Manifest;
using Salient.Output.Parquet;
using Salient.Testing;
using Xunit;

namespace Salient.Output.Tests.Parquet;

public sealed class ParquetRoundTripTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-parquet-" + Guid.NewGuid().ToString("N"));

    private static readonly Lazy<CompiledScenario> Scenario = new(() => TestRepository.Compile(TestRepository.LineOfTowns));

    public ParquetRoundTripTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void StreamedRun_ReadsBackLosslessly_InSmallRowGroups()
    {
        var c = Scenario.Value;
        var options = new RunOptions(23, 3, 2);
        var memory = MonteCarloRunner.Run(c, options);
        string path = Path.Combine(_root, "r.parquet");
        using (var writer = new ReplicationParquetWriter(path, c, new Dictionary<string, string> { ["x"] = "y" }, rowsPerGroup: 5))
        {
            MonteCarloRunner.Stream(c, options, ReplicationRange.All(23), writer);
            writer.Complete();
        }
        var reader = new ReplicationParquetReader(path, c.Layout);
        Assert.Equal(0, reader.Start);
        Assert.Equal(23, reader.Count);
        Assert.Equal("y", reader.Metadata["x"]);
        Assert.Contains("\"days\":60", reader.Metadata[ReplicationParquetWriter.LayoutKey], StringComparison.Ordinal);
        Assert.Equal(5, reader.Blocks().Count());
        var back = new MonteCarloResult(c, options.Seed, reader, memory.ControlTally.ToArray());
        for (int m = 0; m < c.Layout.Metrics.Length; m++)
            Assert.Equal(memory.MetricColumn(m).Select(BitConverter.DoubleToInt64Bits), back.MetricColumn(m).Select(BitConverter.DoubleToInt64Bits));
        for (int s = 0; s < c.Layout.Series.Length; s++)
            Assert.Equal(memory.DailyColumn(s, 59), back.DailyColumn(s, 59));
        Assert.Equal(RunSummary.From(memory).Metrics.Select(x => x.P50), RunSummary.From(back).Metrics.Select(x => x.P50));
        Assert.Throws<InvalidOperationException>(() => back.Metrics.Length);
    }

    [Fact]
    public void Columns_AreReplicationThenMetricsThenDailyLists()
    {
        var c = Scenario.Value;
        string path = Path.Combine(_root, "r.parquet");
        var result = MonteCarloRunner.Run(c, new RunOptions(10, 1, 1), new ReplicationRange(4, 3));
        using (var writer = new ReplicationParquetWriter(path, c))
        {
            result.Source.CopyTo(c.Layout, writer);
            writer.Complete();
        }
        using var file = new ParquetFileReader(path);
        var names = file.FileMetaData.Schema.GroupNode.Fields.Select(f => f.Name).ToList();
        Assert.Equal("replication", names[0]);
        Assert.Equal("control_area_km2_blue", names[1]); // docs/outputs.md: dots become _ in column names
        Assert.Contains("daily_personnel_blue", names);
        using var group = file.RowGroup(0);
        using var reps = group.Column(0).LogicalReader<int>();
        Assert.Equal([4, 5, 6], reps.ReadAll(3));
        Assert.Equal(4, new ReplicationParquetReader(path, c.Layout).Start);
    }

    [Fact]
    public void Writer_RejectsGaps()
    {
        var c = Scenario.Value;
        using var writer = new ReplicationParquetWriter(Path.Combine(_root, "r.parquet"), c);
        var m = new double[c.Layout.Metrics.Length];
        var d = new float[c.Layout.DailyLength];
        writer.Write(0, m, d);
        Assert.Throws<InvalidOperationException>(() => writer.Write(2, m, d));
    }

    [Fact]
    public void Reader_RejectsAnotherLayout()
    {
        string path = Path.Combine(_root, "t.parquet");
        ControlTallyParquet.Write(path, new int[6], 2, 3);
        Assert.Throws<InvalidDataException>(() => new ReplicationParquetReader(path, Scenario.Value.Layout));
    }

    [Fact]
    public void ControlTally_RoundTrips_AndChecksShape()
    {
        string path = Path.Combine(_root, "t.parquet");
        int[] tally = [1, 2, 3, 4, 5, 6];
        ControlTallyParquet.Write(path, tally, 2, 3);
        Assert.Equal(tally, ControlTallyParquet.Read(path, 2, 3));
        Assert.Throws<InvalidDataException>(() => ControlTallyParquet.Read(path, 3, 3));
    }

    [Fact]
    public void DailyParquet_IsLongForm()
    {
        var c = Scenario.Value;
        var result = MonteCarloRunner.Run(c, new RunOptions(4, 1, 1));
        string path = Path.Combine(_root, "d.parquet");
        DailyParquetWriter.Write(result.Source, c, path);
        using var file = new ParquetFileReader(path);
        Assert.Equal(4L * c.Layout.DailyLength, file.FileMetaData.NumRows);
        using var group = file.RowGroup(0);
        int n = (int)group.MetaData.NumRows;
        using var series = group.Column(1).LogicalReader<string>();
        using var dates = group.Column(3).LogicalReader<Date>();
        using var values = group.Column(4).LogicalReader<float?>();
        var s = series.ReadAll(n);
        var d = dates.ReadAll(n);
        var v = values.ReadAll(n);
        Assert.Equal(c.Layout.Series[0], s[0]);
        Assert.Equal(result.Daily[c.Layout.DailyLength + 5], v[c.Layout.DailyLength + 5]);
        // The date column is the calendar's day: row 5 of a series is its sixth day.
        Assert.Equal(ReplicationParquetWriter.EpochDay(c.Model.Calendar.Start.AddDays(5)), d[c.Layout.DailyLength + 5].Days);
    }

    private string Shard(string name, ulong seed, int replications, int k, int n, string hash = "sha256:abc")
    {
        var c = Scenario.Value;
        string dir = Path.Combine(_root, name);
        Directory.CreateDirectory(dir);
        var range = new ShardSpec(k, n).RangeOf(replications);
        var m = ShardManifest.Begin(ShardManifest.ShardKind, c, null, [], seed, replications, new ShardSpec(k, n), range, DateTimeOffset.UtcNow, 1);
        (m with { Scenario = m.Scenario with { Hash = hash } }).Finished([]).Write(dir);
        return dir;
    }

    [Fact]
    public void ShardSet_OrdersShards_AndChecksCoverage()
    {
        string a = Shard("a", 1, 10, 1, 3), b = Shard("b", 1, 10, 2, 3), c = Shard("c", 1, 10, 3, 3);
        var set = ShardSet.Open([c, a, b]);
        Assert.Equal([a, b, c], set.Shards.Select(s => s.Folder));
        var gap = Assert.Throws<OutputException>(() => ShardSet.Open([a, c]));
        Assert.Contains("[3, 6) are in no shard", gap.Message, StringComparison.Ordinal);
        var end = Assert.Throws<OutputException>(() => ShardSet.Open([a, b]));
        Assert.Contains("missing after", end.Message, StringComparison.Ordinal);
        string overlap = Shard("o", 1, 10, 1, 2);
        Assert.Contains("overlaps", Assert.Throws<OutputException>(() => ShardSet.Open([a, overlap, b, c])).Message, StringComparison.Ordinal);
        Assert.Contains("given twice", Assert.Throws<OutputException>(() => ShardSet.Open([a, a])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShardSet_RejectsShardsOfAnotherRun_NamingTheFolder()
    {
        string a = Shard("a", 1, 10, 1, 2);
        string seed = Shard("seed", 2, 10, 2, 2);
        string hash = Shard("hash", 1, 10, 2, 2, "sha256:other");
        string total = Shard("total", 1, 12, 2, 2);
        Assert.Contains("'" + seed + "' was run with seed 2", Assert.Throws<OutputException>(() => ShardSet.Open([a, seed])).Message, StringComparison.Ordinal);
        Assert.Contains("hash sha256:other", Assert.Throws<OutputException>(() => ShardSet.Open([a, hash])).Message, StringComparison.Ordinal);
        Assert.Contains("12 replications in total", Assert.Throws<OutputException>(() => ShardSet.Open([a, total])).Message, StringComparison.Ordinal);
        string missing = Path.Combine(_root, "nothing");
        Directory.CreateDirectory(missing);
        Assert.Contains("no manifest.json", Assert.Throws<OutputException>(() => ShardSet.Open([a, missing])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_RoundTrips()
    {
        string dir = Shard("m", 9, 100, 2, 4);
        var m = ShardManifest.Read(dir);
        Assert.Equal(9UL, m.Seed);
        Assert.Equal(new ReplicationRange(25, 25), m.Range);
        Assert.Equal(2, m.ShardIndex);
        Assert.Equal(4, m.ShardCount);
        Assert.Equal(ShardManifest.ShardKind, m.Kind);
    }
}
