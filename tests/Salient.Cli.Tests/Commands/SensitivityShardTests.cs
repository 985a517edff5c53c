using Salient.Output.Files;
using Spectre.Console.Testing;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Commands;

[Collection(SerialChartsCollection.Name)]
public sealed class SensitivityShardTests() : TempFolderTest("sens-shard")
{
    private static readonly string[] Study =
    [
        "--method", "morris", "--inputs", "units.red-bn.personnel=300..900,parameters.ground.lethality.red=0.01..0.04",
        "--outputs", "casualties.total.blue,control.area_km2.blue@2024-01-20,control.cleared.red", "-n", "4", "--samples", "3",
    ];

    private string Sensitivity(string outDir, params string[] extra)
    {
        var (code, output) = Run(["sensitivity", LineOfTowns, .. Study, "--out", Path.Combine(Root, outDir), .. extra]);
        Assert.True(code == 0, output);
        return Path.Combine(Root, outDir);
    }

    [Theory]
    [InlineData("morris")]
    [InlineData("sobol")]
    public void ThreeShardsMerged_AreByteIdenticalToOneRun(string method)
    {
        string[] m = method == "sobol" ? ["--method", "sobol", "--samples", "8", "--bootstrap", "50"] : [];
        string whole = Sensitivity("whole", m);
        string[] shards = [Sensitivity("s1", [.. m, "--shard", "1/3", "--threads", "1"]), Sensitivity("s3", [.. m, "--shard", "3/3"]), Sensitivity("s2", [.. m, "--shard", "2/3", "--threads", "2"])];
        // The shard folder holds its one product, besides the record of what Salient wrote there.
        Assert.Equal(new[] { "sensitivity-shard.json" }, Directory.GetFiles(shards[0]).Select(f => Path.GetFileName(f)).Where(f => f != FolderOwnership.RecordName).ToArray());
        string merged = Path.Combine(Root, "merged");
        var (code, output) = Run(["sensitivity-merge", .. shards, "--out", merged]);
        Assert.True(code == 0, output);
        foreach (string file in Directory.GetFiles(whole).Select(f => Path.GetFileName(f)))
            Assert.True(File.ReadAllBytes(Path.Combine(whole, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(merged, file))), file);
        Assert.Equal(Directory.GetFiles(whole).Length, Directory.GetFiles(merged).Length);
    }

    [Fact]
    public void MismatchedSeed_ExitsTwo_WritesNothing()
    {
        string a = Sensitivity("a", "--shard", "1/2");
        string b = Sensitivity("b", "--shard", "2/2", "--seed", "2");
        string merged = Path.Combine(Root, "merged");
        var (code, output) = Run(["sensitivity-merge", a, b, "--out", merged]);
        Assert.Equal(2, code);
        Assert.Contains("not shards of one study: they differ in seed ('2' against '1')", output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(Directory.Exists(merged));
    }

    [Fact]
    public void MismatchedInputs_MissingAndRepeatedShards_ExitTwo()
    {
        string a = Sensitivity("a", "--shard", "1/2");
        var (code, output) = Run(["sensitivity", LineOfTowns, "--inputs", "units.red-bn.personnel=300..800,parameters.ground.lethality.red=0.01..0.04",
            "--outputs", "casualties.total.blue,control.area_km2.blue@2024-01-20,control.cleared.red", "-n", "4", "--samples", "3", "--shard", "2/2", "--out", Path.Combine(Root, "b")]);
        Assert.True(code == 0, output);
        string merged = Path.Combine(Root, "merged");
        (code, output) = Run(["sensitivity-merge", a, Path.Combine(Root, "b"), "--out", merged]);
        Assert.Equal(2, code);
        Assert.Contains("they differ in inputs", output, StringComparison.Ordinal);
        (code, output) = Run(["sensitivity-merge", a, "--out", merged]);
        Assert.Equal(2, code);
        Assert.Contains("shard(s) 2/2 missing", output, StringComparison.Ordinal);
        (code, output) = Run(["sensitivity-merge", a, a, "--out", merged]);
        Assert.Equal(2, code);
        Assert.Contains("shard 1/2 is given twice", output, StringComparison.Ordinal);
        (code, output) = Run(["sensitivity-merge", Root, "--out", merged]);
        Assert.Equal(2, code);
        Assert.Contains("holds no sensitivity-shard.json", output, StringComparison.Ordinal);
        string bad = Path.Combine(Root, "bad");
        Directory.CreateDirectory(bad);
        File.WriteAllText(Path.Combine(bad, "sensitivity-shard.json"), File.ReadAllText(Path.Combine(a, "sensitivity-shard.json")).Replace("\"count\": 2", "\"count\": 0", StringComparison.Ordinal));
        (code, output) = Run(["sensitivity-merge", bad, "--out", merged]);
        Assert.Equal(2, code);
        Assert.Contains("is not a readable sensitivity shard file", output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(Directory.Exists(merged));
    }

    [Fact]
    public void BadShardSpec_ExitsTwo()
    {
        var console = new TestConsole().Width(300);
        int code = SalientApp.Run(["sensitivity", LineOfTowns, .. Study, "--shard", "4/3", "--out", Path.Combine(Root, "x")], console);
        Assert.Equal(2, code);
        Assert.Contains("the shard index k must be between 1 and 3", console.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "x")));
        // 2 inputs and 3 trajectories: 9 design points, so 10 shards would leave one empty.
        var (code2, output) = Run(["sensitivity", LineOfTowns, .. Study, "--shard", "10/10", "--out", Path.Combine(Root, "y")]);
        Assert.Equal(2, code2);
        Assert.Contains("--shard 10/10: the design has only 9 points, so at most 9 shards", output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "y")));
    }

    [Fact]
    public void DayOutput_IsCensoredAtTheDayAfterTheEnd_AndTheShareIsReported()
    {
        // Blue is never cleared in line-of-towns: every replication is censored at day 60 (the calendar has 60 days).
        var (code, output) = Run(["sensitivity", LineOfTowns, "--inputs", "units.red-bn.personnel=300..900", "--outputs", "control.cleared.blue",
            "-n", "3", "--samples", "2", "--out", Path.Combine(Root, "c")]);
        Assert.True(code == 0, output);
        var points = File.ReadAllLines(Path.Combine(Root, "c", "points.csv"));
        Assert.Equal("point,units_red_bn_personnel,control_cleared_blue,control_cleared_blue_censored", points[0]); // docs/outputs.md's column rule
        Assert.All(points.Skip(1), l => Assert.EndsWith(",60,3", l, StringComparison.Ordinal));
        Assert.All(File.ReadAllLines(Path.Combine(Root, "c", "sensitivity.csv")).Skip(1), l => Assert.EndsWith(",1", l, StringComparison.Ordinal));
        Assert.Contains("100% of replications had no such day by 2024-02-29", output.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
