using System.Diagnostics;
using Salient.Output.Files;
using Xunit;

namespace Salient.Cli.Tests.Robustness;

/// <summary>
/// <see cref="AtomicDirectory"/> removes the hidden temporaries of writers that died (by process id), keeps those of
/// live writers, and puts back a previous result stranded by a writer killed between its two renames.
/// </summary>
public sealed class StaleTemporaryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-stale-" + Guid.NewGuid().ToString("N"));

    public StaleTemporaryTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The id of a process that has exited (and been reaped), so no process has it now.</summary>
    private static int DeadProcessId()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false }) ?? throw new InvalidOperationException("cannot start 'true'");
        p.WaitForExit();
        return p.Id;
    }

    private string Leftover(string kind, int pid, string content)
    {
        string dir = Path.Combine(_root, $".out.{kind}-{pid}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "summary.json"), content);
        return dir;
    }

    [Fact]
    public void Write_RemovesTemporariesOfDeadWriters_AndKeepsThoseOfLiveOnes()
    {
        string target = Path.Combine(_root, "out");
        string deadTemp = Leftover("tmp", DeadProcessId(), "half");
        string deadOld = Leftover("old", DeadProcessId(), "older");
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            string liveTemp = Leftover("tmp", sleeper.Id, "in progress");
            string ownTemp = Leftover("tmp", Environment.ProcessId, "this process");
            string otherTarget = Path.Combine(_root, $".other.tmp-{DeadProcessId()}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(otherTarget);
            string lookalike = Path.Combine(_root, ".out.tmp-notapid-x");
            Directory.CreateDirectory(lookalike);

            AtomicDirectory.Write(target, dir => File.WriteAllText(Path.Combine(dir, "summary.json"), "new"));

            Assert.False(Directory.Exists(deadTemp));
            Assert.False(Directory.Exists(deadOld));
            Assert.True(Directory.Exists(liveTemp), "a running writer's folder must survive");
            Assert.True(Directory.Exists(ownTemp), "this process's folders are never touched");
            Assert.True(Directory.Exists(otherTarget), "only the target's own temporaries are cleaned");
            Assert.True(Directory.Exists(lookalike), "names that are not PID-GUID are left alone");
            Assert.Equal("new", File.ReadAllText(Path.Combine(target, "summary.json")));
        }
        finally
        {
            sleeper.Kill();
            sleeper.WaitForExit();
        }
    }

    [Fact]
    public void Write_KilledBetweenItsRenames_PreviousResultIsPutBack()
    {
        // A writer killed after moving the old result aside and before moving the new one in leaves no target.
        string target = Path.Combine(_root, "out");
        Leftover("old", DeadProcessId(), "previous");
        Leftover("tmp", DeadProcessId(), "complete but never renamed");
        Assert.False(Directory.Exists(target));

        // The next write fails in its writer: the stranded previous result is back, whole, and nothing else is left.
        Assert.Throws<InvalidOperationException>(() => AtomicDirectory.Write(target, _ => throw new InvalidOperationException("boom")));
        Assert.Equal("previous", File.ReadAllText(Path.Combine(target, "summary.json")));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }
}
