using System.Diagnostics;
using System.Text.Json;
using Salient.Output.Files;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Robustness;

/// <summary>
/// Nothing is lost when a run dies: <c>salient run</c> SIGKILLed midway leaves its output folder holding the complete
/// previous result (or nothing at all for a first run), never a half-written one; what it leaves is its checkpoint
/// beside the output (<c>out.partial</c>, for <c>--resume</c>: see ResumeTests) and hidden temporary folders, which the
/// next write of the same folder removes.
/// </summary>
public sealed class KilledRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-kill-" + Guid.NewGuid().ToString("N"));

    public KilledRunTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a child may still be releasing files; the temp folder is harmless */ }
    }

    [Fact]
    public void RunKilledMidway_KeepsThePreviousResultWhole_LeavesNothingPartial_AndTheNextWriteCleansUp()
    {
        string previousParent = Path.Combine(_root, "previous"), freshParent = Path.Combine(_root, "fresh");
        string previous = Path.Combine(previousParent, "out"), fresh = Path.Combine(freshParent, "out");
        Directory.CreateDirectory(freshParent);

        // A complete result first (in this process), then two runs that are killed: one over it, one into a new folder.
        var (code, output) = Run("run", Kursk, "-n", "2", "--seed", "3", "--threads", "1", "--no-report", "--out", previous);
        Assert.True(code == 0, output);
        var before = Snapshot(previous);
        Assert.Contains("summary.json", before.Keys);

        using var over = StartRun(previous);
        using var first = StartRun(fresh);
        try
        {
            WaitUntilMidway(over, previousParent);
            WaitUntilMidway(first, freshParent);
        }
        finally
        {
            foreach (var p in new[] { over, first })
                if (!p.HasExited) p.Kill(entireProcessTree: true); // SIGKILL: no handler, no finally, no cleanup runs
            over.WaitForExit();
            first.WaitForExit();
        }

        // The previous result is intact, byte for byte, and still parses; beside it only the checkpoint of the killed run.
        Assert.Equal(before, Snapshot(previous));
        using (JsonDocument.Parse(File.ReadAllText(Path.Combine(previous, "summary.json")))) { }
        Assert.Equal(new[] { "out", "out.partial" }, Visible(previousParent));
        // The first-ever run left no output folder at all, only its checkpoint and hidden temporaries.
        Assert.Equal(new[] { "out.partial" }, Visible(freshParent));
        Assert.NotEmpty(Hidden(previousParent));
        Assert.NotEmpty(Hidden(freshParent));

        // The next write of each folder, under its lock as a run takes it, removes the dead runs' temporaries and the
        // lock file they could not delete (the operating system released their locks when it killed them).
        foreach (string target in new[] { previous, fresh })
            using (OutputLock.Acquire(target))
                AtomicDirectory.Write(target, dir => File.WriteAllText(Path.Combine(dir, "next.txt"), "next"));
        Assert.Empty(Hidden(previousParent));
        Assert.Empty(Hidden(freshParent));
        Assert.Equal("next", File.ReadAllText(Path.Combine(previous, "next.txt")));
    }

    private static Process StartRun(string outDir) =>
        StartCli("run", Kursk, "-n", "400", "--seed", "3", "--threads", "1", "--checkpoint-every", "32", "--no-report", "--out", outDir);

    /// <summary>Waits until the run has checkpointed its first block of replications (of 13) beside the output folder.</summary>
    private static void WaitUntilMidway(Process run, string parent)
    {
        var clock = Stopwatch.StartNew();
        string partial = Path.Combine(parent, "out.partial");
        while (!Directory.Exists(partial) || Directory.GetDirectories(partial, "block-*").Length == 0)
        {
            Assert.False(run.HasExited, $"salient exited with {(run.HasExited ? run.ExitCode : 0)} before it checkpointed a block");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "salient did not checkpoint a block within 3 minutes");
            Thread.Sleep(50);
        }
        Assert.False(run.HasExited, "the run finished before it could be killed midway (give it more replications)");
    }
}
