using System.Text.Json;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Commands;

public sealed class CliTests() : TempFolderTest("cli")
{
    [Fact]
    public void Validate_ValidScenario_ExitsZeroWithSummary()
    {
        var (code, output) = Run("validate", LineOfTowns);
        Assert.Equal(0, code);
        Assert.Contains("ok", output, StringComparison.Ordinal);
        Assert.Contains("7 cells", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenScenario_ExitsTwoWithEveryErrorPositioned()
    {
        string file = Path.Combine(Root, "bad.yaml");
        File.WriteAllText(file, File.ReadAllText(Path.Combine(LineOfTowns, "scenario.yaml"))
            .Replace("tick_hours: 6", "tick_hours: 6\n  strat: 2024-01-01", StringComparison.Ordinal)
            .Replace("at: w1", "at: w9", StringComparison.Ordinal));
        var (code, output) = Run("validate", file);
        Assert.Equal(2, code);
        Assert.Contains("error SAL101", output, StringComparison.Ordinal);
        Assert.Contains("did you mean 'start'?", output, StringComparison.Ordinal);
        Assert.Contains("error SAL105", output, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("2 error(s)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFile_ExitsTwo()
    {
        var (code, output) = Run("validate", Path.Combine(Root, "nope.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("SAL109", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WritesSummaryWithRequiredFields()
    {
        string outDir = Path.Combine(Root, "run");
        var (code, output) = Run("run", LineOfTowns, "--replications", "30", "--seed", "4", "--threads", "2", "--out", outDir);
        Assert.True(code == 0, output);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var root = doc.RootElement;
        Assert.Equal("line-of-towns", root.GetProperty("scenario").GetProperty("name").GetString());
        Assert.StartsWith("sha256:", root.GetProperty("scenario").GetProperty("hash").GetString(), StringComparison.Ordinal);
        Assert.Equal(4UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(30, root.GetProperty("replications").GetInt32());
        var area = root.GetProperty("metrics").GetProperty("control.area_km2.blue");
        foreach (var key in new[] { "mean", "p05", "p50", "p95" }) Assert.True(area.TryGetProperty(key, out _), key);
        var capture = root.GetProperty("metrics").GetProperty("capture.mid.blue");
        Assert.True(capture.TryGetProperty("probability", out _));
        var daily = root.GetProperty("daily").GetProperty("control.area_km2.blue");
        Assert.Equal(60, daily.GetArrayLength());
        Assert.Equal("2024-01-01", daily[0].GetProperty("date").GetString());
        Assert.True(File.Exists(Path.Combine(outDir, "replications.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "daily.csv")));
    }

    [Fact]
    public void Run_ThreadCount_DoesNotChangeSummaryBytes()
    {
        string a = Path.Combine(Root, "a"), b = Path.Combine(Root, "b");
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "24", "--seed", "9", "--threads", "1", "--out", a).Code);
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "24", "--seed", "9", "--threads", "2", "--out", b).Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "summary.json")), File.ReadAllBytes(Path.Combine(b, "summary.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "replications.csv")), File.ReadAllBytes(Path.Combine(b, "replications.csv")));
    }

    [Fact]
    public void Run_VariantAndSet_ChangeTheScenarioHash()
    {
        string a = Path.Combine(Root, "a"), b = Path.Combine(Root, "b"), c = Path.Combine(Root, "c");
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "4", "--out", a).Code);
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "4", "--variant", "strong-red", "--out", b).Code);
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "4", "--set", "units.red-bn.personnel=900", "--out", c).Code);
        string Hash(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json"))).RootElement.GetProperty("scenario").GetProperty("hash").GetString()!;
        Assert.NotEqual(Hash(a), Hash(b));
        Assert.NotEqual(Hash(a), Hash(c));
    }

    /// <summary>chance: held sources are named on the console, the hash records them, and with every source held
    /// every replication is replication 0 (the replications table holds one distinct row).</summary>
    [Fact]
    public void Run_ChanceHeld_SaysSo_AndEveryReplicationIsReplicationZero()
    {
        string a = Path.Combine(Root, "a"), b = Path.Combine(Root, "b");
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "6", "--no-report", "--out", a).Code);
        var (code, output) = Run("run", LineOfTowns, "-n", "6", "--no-report", "--set", "chance.vary=[]", "--out", b);
        Assert.Equal(0, code);
        Assert.Contains("Held common to every replication", output, StringComparison.Ordinal);
        Assert.Contains("inputs, ground, fires", output, StringComparison.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(b, "replications.csv")).Skip(1).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]).ToList();
        Assert.Equal(6, rows.Count);
        Assert.Single(rows.Distinct());
        Assert.Equal(File.ReadAllLines(Path.Combine(a, "replications.csv"))[1], File.ReadAllLines(Path.Combine(b, "replications.csv"))[1]);
        string Hash(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json"))).RootElement.GetProperty("scenario").GetProperty("hash").GetString()!;
        Assert.NotEqual(Hash(a), Hash(b));
    }

    [Fact]
    public void Check_OfARunThatHeldChance_SaysItsScoreIsADiagnostic()
    {
        string dir = Path.Combine(Root, "held");
        Assert.Equal(0, Run("run", Kursk, "-n", "4", "--no-report", "--set", "chance.common=[weather]", "--out", dir).Code);
        var (code, output) = Run("check", dir, "--implied-replications", "0");
        Assert.Equal(0, code);
        Assert.Contains("held sources of chance common to every replication (weather", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "--replications", "0")]
    [InlineData("run", "--threads", "0")]
    [InlineData("run", "--replications", "many")]
    [InlineData("run", "--no-such-option")]
    [InlineData("frobnicate")]
    public void BadArguments_ExitTwoWithoutStackTrace(params string[] args)
    {
        var (code, output) = Run([.. args.Take(1), LineOfTowns, .. args.Skip(1)]);
        Assert.Equal(2, code);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadOverride_ExitsTwoAndWritesNothing()
    {
        string outDir = Path.Combine(Root, "never");
        var (code, output) = Run("run", LineOfTowns, "--set", "units.nobody.personnel=5", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("SAL114", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Run_UnwritableOutput_ExitsTwoWithMessage()
    {
        string blocker = Path.Combine(Root, "blocker");
        File.WriteAllText(blocker, "x");
        var (code, output) = Run("run", LineOfTowns, "-n", "2", "--out", Path.Combine(blocker, "out"));
        Assert.Equal(2, code);
        Assert.Contains("cannot write", output, StringComparison.Ordinal);
    }
}
