using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Commands;

public sealed class ShardMergeTests() : TempFolderTest("shards")
{
    private string Dir(string name) => Path.Combine(Root, name);

    private void RunShards(string prefix, int replications, ulong seed, int count, params string[] extra)
    {
        for (int k = 1; k <= count; k++)
        {
            var (code, output) = Run(["run", LineOfTowns, "-n", $"{replications}", "--seed", $"{seed}", "--shard", $"{k}/{count}", "--threads", $"{1 + k % 2}", "--out", Dir($"{prefix}{k}"), .. extra]);
            Assert.True(code == 0, output);
        }
    }

    /// <summary>Every file of a run folder except those that record how it was computed (manifest, Parquet metadata).</summary>
    private static void AssertSameOutputs(string expected, string actual)
    {
        var names = Directory.GetFiles(expected).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(actual).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("summary.json", names);
        Assert.Contains("replications.parquet", names);
        foreach (string? name in names.Where(n => n != "manifest.json" && !n!.EndsWith(".parquet", StringComparison.Ordinal)))
            Assert.True(File.ReadAllBytes(Path.Combine(expected, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(actual, name!))), $"{name} differs");
    }

    [Fact]
    public void ThreeShardsMerged_AreByteIdenticalToOneRun()
    {
        var single = Run("run", LineOfTowns, "-n", "40", "--seed", "5", "--threads", "2", "--no-report", "--out", Dir("single"));
        Assert.True(single.Code == 0, single.Output);
        RunShards("s", 40, 5, 3);
        Assert.True(File.Exists(Path.Combine(Dir("s2"), "manifest.json")));
        Assert.True(File.Exists(Path.Combine(Dir("s2"), "replications.parquet")));
        Assert.False(File.Exists(Path.Combine(Dir("s2"), "summary.json")));
        var merged = Run("merge", Dir("s3"), Dir("s1"), Dir("s2"), "--no-report", "--out", Dir("merged"));
        Assert.True(merged.Code == 0, merged.Output);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Dir("single"), "summary.json")), File.ReadAllBytes(Path.Combine(Dir("merged"), "summary.json")));
        AssertSameOutputs(Dir("single"), Dir("merged"));
        string manifest = File.ReadAllText(Path.Combine(Dir("merged"), "manifest.json"));
        Assert.Contains("\"kind\": \"merge\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"shard_count\": 3", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void UncalibratedKurskShards_MergeToTheUncalibratedRun_AndDifferFromTheCalibratedOne()
    {
        // The manifest records that no calibration file was applied, so merge reloads the scenario --uncalibrated.
        var single = Run("run", Kursk, "-n", "4", "--seed", "2", "--uncalibrated", "--no-report", "--out", Dir("single"));
        Assert.True(single.Code == 0, single.Output);
        for (int k = 1; k <= 2; k++)
            Assert.Equal(0, Run("run", Kursk, "-n", "4", "--seed", "2", "--uncalibrated", "--shard", $"{k}/2", "--out", Dir($"u{k}")).Code);
        var merged = Run("merge", Dir("u1"), Dir("u2"), "--no-report", "--out", Dir("merged"));
        Assert.True(merged.Code == 0, merged.Output);
        AssertSameOutputs(Dir("single"), Dir("merged"));
        Assert.Equal(0, Run("run", Kursk, "-n", "4", "--seed", "2", "--no-report", "--out", Dir("calibrated")).Code);
        Assert.NotEqual(File.ReadAllText(Path.Combine(Dir("single"), "summary.json")), File.ReadAllText(Path.Combine(Dir("calibrated"), "summary.json")));
    }

    [Fact]
    public void ShardCountAndThreads_DoNotChangeTheMergedSummary_WithTrajectories()
    {
        RunShards("a", 24, 9, 2, "--trajectories");
        RunShards("b", 24, 9, 5, "--trajectories");
        Assert.Equal(0, Run("merge", Dir("a1"), Dir("a2"), "--trajectories", "--no-report", "--out", Dir("ma")).Code);
        Assert.Equal(0, Run(["merge", .. Enumerable.Range(1, 5).Select(k => Dir($"b{k}")), "--trajectories", "--no-report", "--out", Dir("mb")]).Code);
        var single = Run("run", LineOfTowns, "-n", "24", "--seed", "9", "--threads", "1", "--trajectories", "--no-report", "--out", Dir("one"));
        Assert.True(single.Code == 0, single.Output);
        Assert.True(File.Exists(Path.Combine(Dir("one"), "daily.parquet")));
        AssertSameOutputs(Dir("one"), Dir("ma"));
        AssertSameOutputs(Dir("one"), Dir("mb"));
    }

    [Fact]
    public void DailyMaps_RunAndMerge_OneControlFilePerDay_SameBytes()
    {
        var single = Run("run", LineOfTowns, "-n", "12", "--seed", "3", "--daily-maps", "--no-report", "--out", Dir("one"));
        Assert.True(single.Code == 0, single.Output);
        Assert.Contains("maps/", single.Output, StringComparison.Ordinal);
        RunShards("d", 12, 3, 2);
        Assert.Equal(0, Run("merge", Dir("d1"), Dir("d2"), "--daily-maps", "--no-report", "--out", Dir("md")).Code);
        var maps = Directory.GetFiles(Path.Combine(Dir("one"), "maps")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("front.geojson", maps);
        Assert.Equal(60, maps.Count(n => n!.StartsWith("control-", StringComparison.Ordinal))); // line-of-towns runs 60 days
        foreach (string? name in maps)
            Assert.True(File.ReadAllBytes(Path.Combine(Dir("one"), "maps", name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(Dir("md"), "maps", name!))), $"maps/{name} differs");
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "4", "--no-report", "--out", Dir("plain")).Code);
        Assert.False(Directory.Exists(Path.Combine(Dir("plain"), "maps")), "maps/ is written only with --daily-maps");
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("x")]
    [InlineData("1/0")]
    public void BadShardSpec_ExitsTwo_WritesNothing(string spec)
    {
        var (code, output) = Run("run", LineOfTowns, "-n", "6", "--shard", spec, "--out", Dir("never"));
        Assert.Equal(2, code);
        Assert.Contains("--shard", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dir("never")));
    }

    [Fact]
    public void MoreShardsThanReplications_ExitsTwo()
    {
        var (code, output) = Run("run", LineOfTowns, "-n", "2", "--shard", "1/3", "--out", Dir("never"));
        Assert.Equal(2, code);
        Assert.Contains("empty", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dir("never")));
    }

    [Fact]
    public void MergingDifferentSeeds_ExitsTwo_NamesTheFolder_WritesNothing()
    {
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "8", "--seed", "1", "--shard", "1/2", "--out", Dir("x1")).Code);
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "8", "--seed", "2", "--shard", "2/2", "--out", Dir("x2")).Code);
        var (code, output) = Run("merge", Dir("x1"), Dir("x2"), "--out", Dir("never"));
        Assert.Equal(2, code);
        Assert.Contains("x2", output, StringComparison.Ordinal);
        Assert.Contains("seed", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dir("never")));
    }

    [Fact]
    public void MergingDifferentScenarios_ExitsTwo()
    {
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "8", "--shard", "1/2", "--out", Dir("v1")).Code);
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "8", "--shard", "2/2", "--variant", "strong-red", "--out", Dir("v2")).Code);
        var (code, output) = Run("merge", Dir("v1"), Dir("v2"), "--out", Dir("never"));
        Assert.Equal(2, code);
        Assert.Contains("hash", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dir("never")));
    }

    [Fact]
    public void MissingOrDuplicatedShard_ExitsTwo_WritesNothing()
    {
        RunShards("g", 9, 3, 3);
        var gap = Run("merge", Dir("g1"), Dir("g3"), "--out", Dir("never"));
        Assert.Equal(2, gap.Code);
        Assert.Contains("are in no shard", gap.Output, StringComparison.Ordinal);
        Assert.Contains("Run the missing shard(s) 2/3", gap.Output, StringComparison.Ordinal);
        var twice = Run("merge", Dir("g1"), Dir("g2"), Dir("g2"), Dir("g3"), "--out", Dir("never"));
        Assert.Equal(2, twice.Code);
        var notShard = Run("merge", Dir("g1"), Root, "--out", Dir("never"));
        Assert.Equal(2, notShard.Code);
        Assert.Contains("manifest.json", notShard.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dir("never")));
    }

    [Fact]
    public void UnwritableShardOutput_ExitsTwo()
    {
        string blocker = Dir("blocker");
        File.WriteAllText(blocker, "x");
        var (code, output) = Run("run", LineOfTowns, "-n", "4", "--shard", "1/2", "--out", Path.Combine(blocker, "out"));
        Assert.Equal(2, code);
        Assert.Contains("cannot write", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeWithoutOut_ExitsTwo()
    {
        var (code, _) = Run("merge", Dir("whatever"));
        Assert.Equal(2, code);
    }
}
