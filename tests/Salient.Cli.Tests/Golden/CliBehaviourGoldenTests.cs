using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Golden;

/// <summary>
/// The command-line defects of issue 17, one golden each: --version, POSIX short options, -n everywhere, a number
/// option's bad value, hidden rejected options, did-you-mean for every name the user types, the option a sweep's
/// error blames, and the one error format (<c>error: ...</c>, then the command's --help). Normalised as
/// <see cref="ErrorGoldenTests"/> are.
/// </summary>
public sealed partial class CliBehaviourGoldenTests() : TempFolderTest("golden-cli")
{
    private string Golden(params string[] args) =>
        Approvals.ReplacePath(Approvals.ReplacePath(Approvals.RunCli(Approvals.UnwrappedWidth, args), Root, "<tmp>"), Repo, "<repo>");

    private void Verify(string caseName, params string[] args) => Approvals.Verify(Golden(args), nameof(CliBehaviourGoldenTests), caseName);

    private string Never => Path.Combine(Root, "never");

    [Fact]
    public void Version_NamesEngineCommitAndGenerator() =>
        Approvals.Verify(CommitHash().Replace(Golden("--version"), "(commit <commit>)"), nameof(CliBehaviourGoldenTests), "version");

    [Fact]
    public void ShortOption_AttachedValue_IsParsed() => Verify("run-n0-attached", "run", LineOfTowns, "-n0", "--out", Never);

    [Fact]
    public void ShortOption_AttachedValueWithEquals_IsParsed() => Verify("run-n-equals-0", "run", LineOfTowns, "-n=0", "--out", Never);

    [Fact]
    public void ShortOption_AttachedValue_RunsThatManyReplications()
    {
        string outDir = Path.Combine(Root, "n3");
        var (code, output) = Run("run", LineOfTowns, "-n3", "-o" + outDir, "--seed", "5");
        Assert.True(code == 0, output);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(outDir, "replications.csv")).Length); // header + 3 replications
    }

    [Fact]
    public void Calibrate_TakesN_ForReplications() => Verify("calibrate-n0", "calibrate", LineOfTowns, "-n", "0");

    [Fact]
    public void Calibrate_KeepsR_AsAlias() => Verify("calibrate-r0", "calibrate", LineOfTowns, "-r", "0");

    [Fact]
    public void Seed_NotANumber_NamesTheOptionAndWhatItExpects() => Verify("run-seed-abc", "run", LineOfTowns, "--seed", "abc");

    [Fact]
    public void Seed_InlineNotANumber_NamesTheOption() => Verify("run-seed-equals-abc", "run", LineOfTowns, "--seed=abc");

    [Fact]
    public void Seed_Missing_SaysAValueIsNeeded() => Verify("run-seed-missing", "run", LineOfTowns, "--seed");

    [Fact]
    public void Threads_NotANumber_NamesTheOption() => Verify("compare-threads-x", "compare", LineOfTowns, "--threads", "x");

    [Fact]
    public void CompareHelp_DoesNotListTheVariantOptionItRejects()
    {
        string help = Approvals.RunCli("compare", "--help");
        Assert.DoesNotContain("--variant ", help, StringComparison.Ordinal);
        Assert.Contains("--variants", help, StringComparison.Ordinal);
    }

    [Fact]
    public void CalibrateHelp_DoesNotListTheScenarioOptionsItRejects()
    {
        string help = Approvals.RunCli("calibrate", "--help");
        foreach (string option in new[] { "--variant", "--set", "--uncalibrated" })
            Assert.DoesNotContain(option, help, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Variant_IsStillRejectedClearly() => Verify("compare-variant", "compare", LineOfTowns, "--variant", "strong-red");

    [Fact]
    public void UnknownCommand_SuggestsTheNearest() => Verify("unknown-command-near", "runn");

    [Fact]
    public void UnknownOption_SuggestsTheNearest() => Verify("run-option-near", "run", LineOfTowns, "--replicatons", "3");

    [Fact]
    public void UnknownVariant_SuggestsTheNearest() =>
        Verify("run-variant-near", "run", LineOfTowns, "--variant", "strng-red", "-n", "2", "--out", Never);

    [Fact]
    public void CompareUnknownVariant_SuggestsTheNearest() =>
        Verify("compare-variants-near", "compare", LineOfTowns, "--variants", "strng-red", "-n", "2", "--out", Never);

    [Fact]
    public void UnknownMetric_SuggestsTheNearest() =>
        Verify("compare-metric-near", "compare", LineOfTowns, "--metrics", "control.cleard.blue", "-n", "2", "--out", Never);

    [Fact]
    public void UnknownParameter_SuggestsTheNearest() =>
        Verify("run-parameter-near", "run", LineOfTowns, "--set", "parameters.ground.lethalty.red=0.02", "-n", "2", "--out", Never);

    [Fact]
    public void SweepDashRange_BlamesVaryAndShowsTheRangeSyntax() =>
        Verify("sweep-vary-dash-range", "sweep", LineOfTowns, "--vary", "p=300-900", "-n", "2", "--out", Never);

    [Fact]
    public void SweepUnknownPath_BlamesVaryNotSet() =>
        Verify("sweep-vary-unknown-path", "sweep", LineOfTowns, "--vary", "p=300..900:2", "-n", "2", "--out", Never);

    [Fact]
    public void ValidationError_PointsToTheCommandsHelp() => Verify("run-n-zero", "run", LineOfTowns, "-n", "0", "--out", Never);

    [Fact]
    public void MissingArgument_PointsToTheCommandsHelp() => Verify("check-missing-argument", "check");

    [Fact]
    public void EveryRegisteredCommand_IsKnownToThePreflight()
    {
        // The preflight reads the commands from their classes (XyzCommand is 'xyz'); a command registered under another
        // name would be refused as unknown, so every name the root help lists must reach its own option check.
        string help = Approvals.RunCli("--help");
        var listed = help[help.IndexOf("COMMANDS:", StringComparison.Ordinal)..].Split('\n').Skip(1)
            .Where(l => l.Length > 4 && l.StartsWith("    ", StringComparison.Ordinal) && l[4] != ' ')
            .Select(l => l.Trim().Split(' ')[0]).ToList();
        Assert.NotEmpty(listed);
        foreach (string command in listed)
            Assert.Contains($"unknown option '--no-such-option' for 'salient {command}'", Approvals.RunCli(command, "--no-such-option"), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryErrorLine_HasOneFormat()
    {
        // Given errors from the parser, the option checks and a command, then each is "error: " and a lower-case start,
        // with no final period, followed by the pointer to the command's help.
        foreach (string[] args in new[] { new[] { "run", "--seed", "abc" }, ["run", "-n", "0"], ["check"], ["frobnicate"], ["compare", LineOfTowns, "--variant", "x"] })
        {
            var lines = Approvals.RunCli(Approvals.UnwrappedWidth, args).Split('\n');
            string error = Assert.Single(lines, l => l.StartsWith("error", StringComparison.OrdinalIgnoreCase));
            Assert.Matches("^error: [a-z-]", error);
            Assert.False(error.TrimEnd().EndsWith('.'), error);
            Assert.DoesNotContain(lines, l => l.StartsWith("Error:", StringComparison.Ordinal));
            Assert.Matches(@"^Run salient( [a-z-]+)? --help for", lines[Array.IndexOf(lines, error) + 1]);
        }
    }

    [Fact]
    public void RedirectedOutput_IsNotWrappedAt80Columns()
    {
        // Given the CLI as a process with its output piped (as in a Slurm log), when it prints a line longer than 80
        // columns, then the line is whole, not cut where a default 80-column console would wrap it.
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliDll());
        foreach (string arg in new[] { "run", "--replicatons-that-are-long-enough-to-pass-eighty-columns", "3" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));
        string line = Assert.Single(output.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.True(line.TrimEnd().Length > 80, line);
        Assert.Contains("for 'salient run'", line, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\(commit [0-9a-f]+\)|\(commit unknown\)")]
    private static partial Regex CommitHash();
}
