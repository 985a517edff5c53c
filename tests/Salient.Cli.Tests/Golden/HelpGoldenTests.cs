using Xunit;

namespace Salient.Cli.Tests.Golden;

/// <summary>The <c>--help</c> text of the root and of every command, as approved golden files.</summary>
public sealed class HelpGoldenTests
{
    /// <summary>Every command the CLI registers (the root's golden lists them; a new command needs a case here).</summary>
    private static readonly string[] CommandNames =
    [
        "run", "compare", "sweep", "sensitivity", "attribute", "calibrate", "check", "sensitivity-merge", "merge", "validate", "report",
        "query", "serve", "validation", "history",
    ];

    public static TheoryData<string> Commands() => [.. CommandNames];

    [Fact]
    public void Help_Root_MatchesApproved() => Approvals.Verify(Approvals.RunCli("--help"), nameof(HelpGoldenTests), "root");

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_Command_MatchesApproved(string command) =>
        Approvals.Verify(Approvals.RunCli(command, "--help"), nameof(HelpGoldenTests), command);

    [Fact]
    public void Help_RootListsExactlyTheCommandsWithGoldens()
    {
        // Given the root help, when a command is added or removed, then this list and its golden must follow.
        string help = Approvals.RunCli("--help");
        var listed = help[help.IndexOf("COMMANDS:", StringComparison.Ordinal)..].Split('\n').Skip(1)
            .Where(l => l.Length > 4 && l.StartsWith("    ", StringComparison.Ordinal) && l[4] != ' ') // wrapped descriptions are indented further
            .Select(l => l.Trim().Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(CommandNames.ToHashSet(StringComparer.Ordinal), listed);
    }
}
