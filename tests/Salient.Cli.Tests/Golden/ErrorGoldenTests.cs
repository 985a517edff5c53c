using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Golden;

/// <summary>
/// Representative user errors as approved golden files: the exit code and the whole message. Normalised: the test's
/// temporary folder is written &lt;tmp&gt; (absolute, or relative to the current directory as scenario
/// diagnostics print them) and the repository's absolute path &lt;repo&gt;, on a console wide enough that no path wraps.
/// </summary>
public sealed class ErrorGoldenTests() : TempFolderTest("golden-errors")
{
    private string Golden(params string[] args) =>
        Approvals.ReplacePath(Approvals.RunCli(Approvals.UnwrappedWidth, args), Root, "<tmp>").Replace(Repo, "<repo>", StringComparison.Ordinal);

    /// <summary>A copy of line-of-towns' scenario.yaml in the temporary folder with <paramref name="edit"/> applied.</summary>
    private string Scenario(string name, Func<string, string> edit)
    {
        string file = Path.Combine(Root, name);
        File.WriteAllText(file, edit(File.ReadAllText(Path.Combine(LineOfTowns, "scenario.yaml"))));
        return file;
    }

    private string YamlSyntaxError() => Scenario("syntax.yaml", s => s.Replace("tick_hours: 6", "tick_hours: [6", StringComparison.Ordinal));

    private string BadIndentation() => Scenario("indentation.yaml", s => s.Replace("tick_hours: 6", "tick_hours: 6\n    days: 3", StringComparison.Ordinal));

    private string UnknownKey() => Scenario("unknown-key.yaml", s => s.Replace("tick_hours: 6", "tick_hours: 6\n  strat: 2024-01-01", StringComparison.Ordinal));

    [Fact]
    public void Validate_YamlSyntaxError_MatchesApproved() =>
        Approvals.Verify(Golden("validate", YamlSyntaxError()), nameof(ErrorGoldenTests), "validate-yaml-syntax");

    [Fact]
    public void Run_YamlSyntaxError_MatchesApproved() =>
        Approvals.Verify(Golden("run", YamlSyntaxError(), "-n", "2", "--out", Path.Combine(Root, "never")), nameof(ErrorGoldenTests), "run-yaml-syntax");

    [Fact]
    public void Validate_YamlBadIndentation_MatchesApproved() =>
        Approvals.Verify(Golden("validate", BadIndentation()), nameof(ErrorGoldenTests), "validate-yaml-indentation");

    [Fact]
    public void Validate_UnknownKey_MatchesApproved() =>
        Approvals.Verify(Golden("validate", UnknownKey()), nameof(ErrorGoldenTests), "validate-unknown-key");

    [Fact]
    public void Run_UnknownKey_MatchesApproved() =>
        Approvals.Verify(Golden("run", UnknownKey(), "-n", "2", "--out", Path.Combine(Root, "never")), nameof(ErrorGoldenTests), "run-unknown-key");

    [Fact]
    public void Run_BadSeed_MatchesApproved() =>
        Approvals.Verify(Golden("run", LineOfTowns, "--seed", "abc"), nameof(ErrorGoldenTests), "run-bad-seed");

    [Fact]
    public void Run_UnknownOption_MatchesApproved() =>
        Approvals.Verify(Golden("run", LineOfTowns, "--no-such-option"), nameof(ErrorGoldenTests), "run-unknown-option");

    [Fact]
    public void UnknownCommand_MatchesApproved() =>
        Approvals.Verify(Golden("frobnicate"), nameof(ErrorGoldenTests), "unknown-command");

    [Fact]
    public void Run_MissingScenarioPath_MatchesApproved() =>
        Approvals.Verify(Golden("run", Path.Combine(Root, "no-such-scenario"), "-n", "2", "--out", Path.Combine(Root, "never")), nameof(ErrorGoldenTests), "run-missing-scenario");

    [Fact]
    public void Validate_MissingScenarioPath_MatchesApproved() =>
        Approvals.Verify(Golden("validate", Path.Combine(Root, "no-such-scenario.yaml")), nameof(ErrorGoldenTests), "validate-missing-scenario");
}
