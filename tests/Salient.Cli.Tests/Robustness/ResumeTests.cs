using System.Diagnostics;
using System.Security.Cryptography;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Output.Manifest;
using Salient.Output.Parquet;
using Salient.Scenario.Parsing;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Robustness;

/// <summary>
/// <c>salient run --resume</c>: a run killed midway continues from its checkpoint (OUT.partial) and ends with the
/// bytes an uninterrupted run writes; a checkpoint of another run (scenario, seed, replications) is refused with a
/// clear message and nothing is written.
/// </summary>
public sealed class ResumeTests() : TempFolderTest("resume")
{
    private string Dir(string name) => Path.Combine(Root, name);

    /// <summary>The outputs that must not depend on how the run was computed (all but manifest.json and the Parquet metadata).</summary>
    private static readonly string[] SameBytes = ["summary.json", "replications.csv", "daily.csv", "control.json", "front.geojson", "cells.geojson"];

    [Fact]
    public void RunSigkilledMidway_ResumesFromItsBlocks_ToTheBytesOfAnUninterruptedRun()
    {
        string outDir = Dir("k"), partial = outDir + RunCheckpoint.Suffix;
        // 16 blocks of 3: a loaded machine can let the child write several blocks between the poll and the kill.
        string[] args = ["run", Kursk, "-n", "48", "--seed", "4", "--checkpoint-every", "3", "--no-report", "--out", outDir];
        using (var child = StartCli([.. args, "--threads", "1"]))
        {
            try
            {
                // Poll for completed blocks (folders appear whole, by rename) rather than sleeping a fixed time.
                var clock = Stopwatch.StartNew();
                while (Blocks(partial) < 2)
                {
                    Assert.False(child.HasExited, $"salient exited with {(child.HasExited ? child.ExitCode : 0)} before two blocks were checkpointed");
                    Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "no checkpoint blocks within 3 minutes");
                    Thread.Sleep(20);
                }
            }
            finally
            {
                if (!child.HasExited) child.Kill(entireProcessTree: true); // SIGKILL: no handler or finally runs
                child.WaitForExit();
            }
        }
        int done = Blocks(partial);
        Assert.InRange(done, 2, 15); // killed midway: 16 blocks in all
        Assert.False(Directory.Exists(outDir), "the killed run must not leave an output folder");
        Assert.Equal([Path.GetFileName(partial)], Visible(Root));

        var resumed = Run([.. args, "--threads", "2", "--resume"]);
        Assert.True(resumed.Code == 0, resumed.Output);
        Assert.Contains("Resuming from", resumed.Output, StringComparison.Ordinal);
        Assert.Contains($"{done * 3} from the checkpoint", resumed.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(partial), "the checkpoint is removed once the run is complete");
        Assert.Equal(["k"], Visible(Root));
        Assert.Empty(Hidden(Root));

        var whole = Run("run", Kursk, "-n", "48", "--seed", "4", "--threads", "2", "--no-report", "--out", Dir("whole"));
        Assert.True(whole.Code == 0, whole.Output);
        AssertSameResults(Dir("whole"), outDir);
    }

    [Fact]
    public void Resume_ContinuesAPartialCheckpoint_ToTheSameBytes_AndRemovesIt()
    {
        MakeCheckpoint(Dir("r"), replications: 20, seed: 5, blockSize: 4, blocksDone: 2, threads: 1);
        var resumed = Run("run", LineOfTowns, "-n", "20", "--seed", "5", "--threads", "2", "--resume", "--no-report", "--out", Dir("r"));
        Assert.True(resumed.Code == 0, resumed.Output);
        Assert.Contains("2 of 5 blocks", resumed.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dir("r") + RunCheckpoint.Suffix));
        var whole = Run("run", LineOfTowns, "-n", "20", "--seed", "5", "--threads", "1", "--no-report", "--out", Dir("whole"));
        Assert.True(whole.Code == 0, whole.Output);
        AssertSameResults(Dir("whole"), Dir("r"));
    }

    [Theory]
    [InlineData("--seed", "6", "written for seed 5, but this run has seed 6")]
    [InlineData("-n", "24", "written for 20 replications, but this run has 24")]
    [InlineData("--set", "units.red-bn.personnel=700", "the scenario, variant or --set overrides differ")]
    [InlineData("--shard", "1/2", "written for shard 1/1")]
    public void Resume_OfAnotherRunsCheckpoint_ExitsTwo_TouchesNothing(string option, string value, string message)
    {
        MakeCheckpoint(Dir("m"), replications: 20, seed: 5, blockSize: 4, blocksDone: 1, threads: 1);
        var before = Snapshot(Root);
        string[] args = ["run", LineOfTowns, "-n", "20", "--seed", "5", "--no-report", "--out", Dir("m"), "--resume"];
        int at = Array.IndexOf(args, option);
        var (code, output) = at >= 0
            ? Run([.. args[..(at + 1)], value, .. args[(at + 2)..]])
            : Run([.. args, option, value]);
        Assert.Equal(2, code);
        Assert.Contains("cannot resume from", output, StringComparison.Ordinal);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Contains("without --resume", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(Root));
    }

    [Fact]
    public void WithoutResume_AStaleCheckpointIsReplaced()
    {
        MakeCheckpoint(Dir("s"), replications: 20, seed: 6, blockSize: 4, blocksDone: 2, threads: 1);
        var (code, output) = Run("run", LineOfTowns, "-n", "20", "--seed", "5", "--checkpoint-every", "4", "--no-report", "--out", Dir("s"));
        Assert.True(code == 0, output);
        Assert.Contains("Discarding the checkpoint", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dir("s") + RunCheckpoint.Suffix));
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "20", "--seed", "5", "--no-report", "--out", Dir("whole")).Code);
        AssertSameResults(Dir("whole"), Dir("s"));
    }

    [Fact]
    public void ResumeWithoutACheckpoint_RunsFromTheStart()
    {
        var (code, output) = Run("run", LineOfTowns, "-n", "6", "--resume", "--no-report", "--out", Dir("n"));
        Assert.True(code == 0, output);
        Assert.Contains("No checkpoint at", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Dir("n"), "summary.json")));
    }

    [Fact]
    public void InterruptedShard_ResumesAndMerges_ToTheSingleRunsBytes()
    {
        // Shard 2/2 of 20 is replications [10, 20): blocks [10, 14), [14, 18), [18, 20).
        MakeCheckpoint(Dir("s2"), replications: 20, seed: 7, blockSize: 4, blocksDone: 1, threads: 2, shard: new ShardSpec(2, 2));
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "20", "--seed", "7", "--shard", "1/2", "--out", Dir("s1")).Code);
        var resumed = Run("run", LineOfTowns, "-n", "20", "--seed", "7", "--shard", "2/2", "--resume", "--out", Dir("s2"));
        Assert.True(resumed.Code == 0, resumed.Output);
        Assert.Contains("1 of 3 blocks", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(0, Run("merge", Dir("s1"), Dir("s2"), "--no-report", "--out", Dir("merged")).Code);
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "20", "--seed", "7", "--no-report", "--out", Dir("whole")).Code);
        AssertSameResults(Dir("whole"), Dir("merged"));
    }

    /// <summary>The start of an interrupted run: its checkpoint with the first <paramref name="blocksDone"/> blocks.</summary>
    private static void MakeCheckpoint(string outDir, int replications, ulong seed, int blockSize, int blocksDone, int threads, ShardSpec? shard = null)
    {
        var model = ScenarioLoader.Load(LineOfTowns, LoadOptions.Default).Scenario ?? throw new InvalidOperationException("line-of-towns did not load");
        var compiled = new CompiledScenario(model);
        var spec = shard ?? new ShardSpec(1, 1);
        var manifest = ShardManifest.Begin(shard is null ? ShardManifest.RunKind : ShardManifest.ShardKind, compiled, LineOfTowns, [], seed, replications,
            spec, spec.RangeOf(replications), DateTimeOffset.UtcNow, threads);
        var checkpoint = RunCheckpoint.Create(RunCheckpoint.FolderFor(outDir), RunCheckpoint.Describe(manifest, blockSize));
        for (int b = 0; b < blocksDone; b++)
            checkpoint.WriteBlock(compiled, manifest, b, sink => MonteCarloRunner.Stream(compiled, new RunOptions(replications, seed, threads), checkpoint.BlockRange(b), sink));
    }

    private static void AssertSameResults(string expected, string actual)
    {
        foreach (string name in SameBytes)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, name)).SequenceEqual(File.ReadAllBytes(Path.Combine(actual, name))), $"{name} differs");
        // replications.parquet differs only in its provenance metadata (start time, threads): compare the data.
        var model = ScenarioLoader.Load(ScenarioOf(expected), LoadOptions.Default).Scenario!;
        var layout = new CompiledScenario(model).Layout;
        var a = new ReplicationParquetReader(Path.Combine(expected, ReplicationParquetWriter.FileName), layout);
        var b = new ReplicationParquetReader(Path.Combine(actual, ReplicationParquetWriter.FileName), layout);
        Assert.Equal((a.Start, a.Count), (b.Start, b.Count));
        Assert.Equal(Rows(a), Rows(b));
    }

    private static string ScenarioOf(string runDir) => ShardManifest.Read(runDir).Scenario.Path!;

    /// <summary>A hash of each replication's row: the same rows whatever the row groups (a checkpointed run copies its
    /// blocks' row groups whole, an uninterrupted one writes them row by row).</summary>
    private static List<string> Rows(ReplicationParquetReader reader)
    {
        var rows = new List<string>();
        int width = reader.Layout.Metrics.Length, block = reader.Layout.DailyLength;
        foreach (var b in reader.Blocks())
            for (int i = 0; i < b.Count; i++)
                rows.Add(Convert.ToHexString(SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(b.Metrics.Span.Slice(i * width, width))))
                    + Convert.ToHexString(SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(b.Daily.Span.Slice(i * block, block)))));
        return rows;
    }

    private static int Blocks(string partial) =>
        Directory.Exists(partial) ? Directory.GetDirectories(partial, "block-*").Length : 0;
}
