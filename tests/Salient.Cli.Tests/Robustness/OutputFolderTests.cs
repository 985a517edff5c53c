using Salient.Cli.Services;
using Salient.Output.Files;
using Salient.Testing;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Robustness;

/// <summary><c>--out</c> never loses a user's files, and default folders never mix runs with different inputs.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-outfolder-" + Guid.NewGuid().ToString("N"));

    public OutputFolderTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Run_OutOnAFolderWithAForeignFile_ExitTwo_FileStillThere()
    {
        // Given a folder holding a file of the user's
        string dir = Path.Combine(_root, "d");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "thesis.txt"), "keep");

        // When a run is pointed at it
        var (code, output) = Run("run", LineOfTowns, "-n", "10", "--no-report", "--out", dir);

        // Then it is refused with a precise message and nothing in the folder changes
        Assert.Equal(2, code);
        Assert.Contains("thesis.txt", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(["thesis.txt"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(dir, "thesis.txt")));
    }

    [Fact]
    public void Run_TwiceIntoItsOwnFolder_Replaces()
    {
        string dir = Path.Combine(_root, "run");
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "5", "--no-report", "--out", dir).Code);
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "5", "--no-report", "--out", dir).Code);
        Assert.True(File.Exists(Path.Combine(dir, "summary.json")));
    }

    [Fact]
    public void Run_WhileAnotherWriterHoldsTheFolder_ExitTwo_ItsCheckpointKept()
    {
        // Given a checkpointed run in progress on the same --out (its lock held, its checkpoint present)
        string dir = Path.Combine(_root, "busy");
        string checkpoint = dir + ".partial";
        Directory.CreateDirectory(checkpoint);
        File.WriteAllText(Path.Combine(checkpoint, "block"), "in progress");
        using var held = OutputLock.Acquire(dir);

        // When a second run is started there
        var (code, output) = Run("run", LineOfTowns, "-n", "10", "--checkpoint-every", "5", "--no-report", "--out", dir);

        // Then it is refused before touching the first one's checkpoint
        Assert.Equal(2, code);
        Assert.Contains("another Salient process is writing", output, StringComparison.Ordinal);
        Assert.Equal("in progress", File.ReadAllText(Path.Combine(checkpoint, "block")));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void DefaultOut_OverridesAndUncalibrated_GetTheirOwnFolders()
    {
        var model = TestRepository.Compile(TestRepository.LineOfTowns).Model;
        string baseline = DefaultOutputFolder.ForRun(model, [], false, 1, null);
        string set = DefaultOutputFolder.ForRun(model, ["units.red-bn.personnel=300"], false, 1, null);
        string otherSet = DefaultOutputFolder.ForRun(model, ["units.red-bn.personnel=400"], false, 1, null);
        string uncalibrated = DefaultOutputFolder.ForRun(model, [], true, 1, null);

        Assert.Equal(Path.Combine("out", "line-of-towns-1"), baseline);
        Assert.Matches(@"line-of-towns-set-[0-9a-f]{8}-1$", set);
        Assert.Equal(4, new[] { baseline, set, otherSet, uncalibrated }.Distinct().Count());
        Assert.EndsWith("line-of-towns-uncalibrated-1", uncalibrated, StringComparison.Ordinal);
    }
}
