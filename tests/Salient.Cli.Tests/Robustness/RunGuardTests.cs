using Salient.Cli.Services;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Robustness;

/// <summary>Absurd requests end in a clear message and exit 2, before any work or output.</summary>
public sealed class RunGuardTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-guard-" + Guid.NewGuid().ToString("N"));

    public RunGuardTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void TenMillionReplicationsOfKursk_EndsWithTheOutputGuard_ExitTwo_NothingWritten()
    {
        // The summary's memory no longer grows with the replications (SummaryAccumulator), so the output size is the guard.
        string outDir = Path.Combine(_root, "out");
        var (code, output) = Run("run", Kursk, "--replications", "10000000", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("this run would write about", output, StringComparison.Ordinal);
        Assert.Contains("--limit output_mb=N", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Theory]
    [InlineData("1/3")]
    [InlineData("2/3")]
    [InlineData("3/3")]
    public void MoreShardsThanReplications_EveryShardRefusedAlike(string shard)
    {
        // 2/3 of 2 replications used to be accepted while 1/3, the empty one, was refused.
        var (code, output) = Run("run", LineOfTowns, "-n", "2", "--shard", shard, "--out", Path.Combine(_root, "out"));
        Assert.Equal(2, code);
        Assert.Contains("3 shards of 2 replications would leave some empty", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Theory]
    [InlineData("--replications", "10000001")]
    [InlineData("--replications", "-5")]
    [InlineData("--replications", "99999999999999999999")]
    [InlineData("--seed", "-1")]
    [InlineData("--threads", "100000")]
    public void OutOfRangeOptions_ExitTwoWithoutStackTrace(string option, string value)
    {
        var (code, output) = Run("run", LineOfTowns, option, value, "--out", Path.Combine(_root, "out"));
        Assert.Equal(2, code);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void DailyMapsAboveTheOutputLimit_AreRefusedBeforeAnyWork_AndRunWhenRaised()
    {
        // Kursk's daily maps are ~75 MB (268 days x 839 cells); a 10 MB limit refuses them with the option that raises it.
        var (code, output) = Run("run", Kursk, "-n", "2", "--daily-maps", "--limit", "output_mb=10", "--out", Path.Combine(_root, "out"));
        Assert.Equal(2, code);
        Assert.Contains("this run would write about", output, StringComparison.Ordinal);
        Assert.Contains("--limit output_mb=N", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void Merge_WithDailyMapsAboveTheOutputLimit_IsRefusedBeforeAnyWork()
    {
        // Each shard passed run's check for its own slice; the merged folder holds them all, so merge checks it again.
        string s1 = Path.Combine(_root, "s1"), s2 = Path.Combine(_root, "s2"), merged = Path.Combine(_root, "merged");
        Assert.Equal(0, Run("run", Kursk, "-n", "2", "--shard", "1/2", "--out", s1).Code);
        Assert.Equal(0, Run("run", Kursk, "-n", "2", "--shard", "2/2", "--out", s2).Code);
        var (code, output) = Run("merge", s1, s2, "--daily-maps", "--limit", "output_mb=10", "--out", merged);
        Assert.Equal(2, code);
        Assert.Contains("this run would write about", output, StringComparison.Ordinal);
        Assert.Contains("--limit output_mb=N", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(merged));
    }

    [Fact]
    public void ALongRun_IsAnnouncedWithItsEstimatedTime_BeforeAnyWork()
    {
        // Kursk: 268 days x 4 ticks x (839 cells + 31 units) = 932,640 cell-ticks a replication at 69 ns: 20,000
        // replications on 2 threads are about 644 s, above the 10-minute notice. The tiny output limit then refuses the
        // run, so the notice is seen without playing it.
        var model = Salient.Scenario.Parsing.ScenarioLoader.Load(Kursk).Scenario!;
        var compiled = new Salient.Engine.Compilation.CompiledScenario(model);
        Assert.Equal(20_000.0 * 932_640 * 69e-9 / 2, RunService.EstimatedSeconds(compiled, 20_000, 2), 6);

        var (code, output) = Run("run", Kursk, "-n", "20000", "--threads", "2", "--limit", "output_mb=1", "--out", Path.Combine(_root, "out"));
        Assert.Equal(2, code);
        Assert.Contains("This run may take about 11 minutes on 2 thread(s)", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void MalformedLimit_ExitsTwo_NamingTheNames()
    {
        var (code, output) = Run("validate", LineOfTowns, "--limit", "cell=5");
        Assert.Equal(2, code);
        Assert.Contains("unknown limit 'cell'", output, StringComparison.Ordinal);
        Assert.Contains("vertices, cells, units, output_mb", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationCommand_WritesExactlyTheCheckedInDocument()
    {
        string written = Path.Combine(_root, "validation.md");
        var (code, output) = Run("validation", Path.Combine(Repo, "scenarios", "validation"), "--write", written, "--threads", "2");
        Assert.True(code == 0, output);
        Assert.Equal(File.ReadAllText(Path.Combine(Repo, "docs", "validation.md")), File.ReadAllText(written));
        Assert.Contains("All ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationCommand_MissingFolder_ExitsTwo()
    {
        var (code, output) = Run("validation", Path.Combine(_root, "nope"));
        Assert.Equal(2, code);
        Assert.Contains("no validation folder", output, StringComparison.Ordinal);
    }
}
