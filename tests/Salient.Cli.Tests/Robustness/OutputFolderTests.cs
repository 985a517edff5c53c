using Salient.Cli.Services;
using Salient.Experiments.Validation;
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
    public void Run_WithForce_WritesBesideAForeignFile_NeverTouchesIt_AndAReRunReplacesOnlyItsOwnFiles()
    {
        // Given a folder holding a file of the user's
        string dir = Path.Combine(_root, "d");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "thesis.txt"), "keep");

        // When a run is forced into it, twice (the second run without the report)
        var (code, output) = Run("run", LineOfTowns, "-n", "5", "--out", dir, "--force");
        Assert.True(code == 0, output);
        Assert.True(File.Exists(Path.Combine(dir, "report.html")));
        var (again, output2) = Run("run", LineOfTowns, "-n", "5", "--no-report", "--out", dir, "--force");

        // Then the outputs sit beside the user's file, which is untouched; the second run removed only its own stale report
        Assert.True(again == 0, output2);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(dir, "thesis.txt")));
        Assert.True(File.Exists(Path.Combine(dir, "summary.json")));
        Assert.False(File.Exists(Path.Combine(dir, "report.html")));
        // and the record lists only Salient's files, so a later run without --force is still refused
        Assert.DoesNotContain("thesis.txt", File.ReadAllText(Path.Combine(dir, FolderOwnership.RecordName)), StringComparison.Ordinal);
        var (refused, _) = Run("run", LineOfTowns, "-n", "5", "--no-report", "--out", dir);
        Assert.Equal(2, refused);
    }

    [Fact]
    public void Run_WithForce_WhenAForeignFileHasAnOutputsName_ExitTwo_FileStillThere()
    {
        // Given a folder holding a user's file named like one of a run's outputs
        string dir = Path.Combine(_root, "d");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "summary.json"), "mine");

        // When a run is forced into it
        var (code, output) = Run("run", LineOfTowns, "-n", "5", "--no-report", "--out", dir, "--force");

        // Then it is refused, naming the file, and nothing was moved in
        Assert.Equal(2, code);
        Assert.Contains("summary.json", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(["summary.json"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "summary.json")));
    }

    [Fact]
    public void Check_DoesNotReplaceAForeignFileOfItsNameInTheRunFolder()
    {
        // Given a run folder into which the user put their own check.csv
        string dir = Path.Combine(_root, "run");
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "5", "--no-report", "--out", dir).Code);
        File.WriteAllText(Path.Combine(dir, "check.csv"), "mine");

        // When a file of that name is written into the folder
        var ex = Assert.Throws<OutputException>(() => AtomicFile.WriteAllText(Path.Combine(dir, "check.csv"), "new"));

        // Then it is refused and the user's file is intact
        Assert.Contains("Salient did not write it", ex.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "check.csv")));
    }

    [Fact]
    public void Validation_Write_DoesNotReplaceAFileWithoutItsGeneratedHeader()
    {
        // Given a file of the user's at the path given to --write
        string file = Path.Combine(_root, "notes.md");
        File.WriteAllText(file, "my notes");

        // When the validation report is written there (as `validation --write` does), and then over its own output
        var ex = Assert.Throws<OutputException>(() => AtomicFile.WriteAllText(file, "# report", ownMark: ValidationDocument.GeneratedMark));
        string own = Path.Combine(_root, "validation.md");
        File.WriteAllText(own, "# Validation\n\n" + ValidationDocument.GeneratedMark + " --write ...` -->\n");
        AtomicFile.WriteAllText(own, "# new", ownMark: ValidationDocument.GeneratedMark);

        // Then the user's file is refused and intact; Salient's own is replaced
        Assert.Contains("will not replace", ex.Message, StringComparison.Ordinal);
        Assert.Equal("my notes", File.ReadAllText(file));
        Assert.Equal("# new", File.ReadAllText(own));
    }

    [Fact]
    public void Run_WhenTheReportStageFails_KeepsThePreviousResultWhole()
    {
        // Given a complete run with its report
        string dir = Path.Combine(_root, "run");
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "5", "--out", dir).Code);
        var before = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes);
        Assert.Contains("report.html", before.Keys);

        // When a second run into it fails at the report stage (a full disk, say), after every other output was written
        var model = Salient.Scenario.Parsing.ScenarioLoader.Load(LineOfTowns).Scenario!;
        var request = new RunRequest(new Salient.Engine.Compilation.CompiledScenario(model), LineOfTowns, [], new Salient.Experiments.Runner.RunOptions(5, 9, 1),
            null, Salient.Experiments.Sharding.ReplicationRange.All(5), dir, Resume: false, CheckpointEvery: null, Trajectories: false, DailyMaps: false, Report: true, Force: false)
        {
            WriteReport = _ => throw new IOException("No space left on device"),
        };
        Assert.Throws<OutputException>(() => RunService.Execute(request, _ => { }, (_, work) => work(_ => { }), CancellationToken.None));

        // Then the previous result is there byte for byte: the report is part of the atomic commit (it used to be
        // written after it, so the new result replaced the old one and stood without its report)
        var after = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));
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
