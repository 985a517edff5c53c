using System.Text.Json;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Golden;

/// <summary>
/// <c>--format table|csv|json</c> for the printed tables (issue 17), one golden each: with csv or json the test console
/// (standard output) holds only the tables, the messages going to standard error. And no progress lines when the
/// output is not a terminal: the test console is not one, so the table format prints no "replications: N%" lines.
/// </summary>
public sealed class FormatGoldenTests() : TempFolderTest("golden-format")
{
    private static string TownsAttribution => Path.Combine(Repo, "scenarios", "examples", "towns-attribution");

    private string Golden(params string[] args) =>
        Approvals.ReplacePath(Approvals.ReplacePath(Approvals.RunCli(Approvals.UnwrappedWidth, args), Root, "<tmp>"), Repo, "<repo>");

    private string RunArgs(string format) => Path.Combine(Root, "run-" + format);

    [Fact]
    public void Run_Csv_PrintsOnlyTheTables() =>
        Approvals.Verify(Golden("run", LineOfTowns, "-n", "20", "--seed", "1", "--threads", "1", "--no-report", "--out", RunArgs("csv"), "--format", "csv"),
            nameof(FormatGoldenTests), "run-csv");

    [Fact]
    public void Run_Json_IsOneDocumentOfTables()
    {
        string output = Golden("run", LineOfTowns, "-n", "20", "--seed", "1", "--threads", "1", "--no-report", "--out", RunArgs("json"), "--format=json");
        Approvals.Verify(output, nameof(FormatGoldenTests), "run-json");
        using var doc = JsonDocument.Parse(output[(output.IndexOf('\n') + 1)..]);
        var tables = doc.RootElement.GetProperty("tables");
        Assert.Equal("outcomes", tables[0].GetProperty("name").GetString());
        Assert.Equal("280 [280-280]", tables[0].GetProperty("rows")[0].GetProperty("Blue (blue)").GetString());
    }

    [Fact]
    public void Compare_Csv() =>
        Approvals.Verify(Golden("compare", LineOfTowns, "--variants", "strong-red", "-n", "10", "--seed", "1", "--threads", "1", "--out", Path.Combine(Root, "cmp"), "--format", "csv"),
            nameof(FormatGoldenTests), "compare-csv");

    [Fact]
    public void Check_Csv()
    {
        string run = Path.Combine(Root, "check");
        Assert.Equal(0, Run("run", TownsAttribution, "-n", "40", "--seed", "2", "--threads", "1", "--no-report", "--out", run).Code);
        File.WriteAllText(Path.Combine(run, "evidence.yaml"),
            "- { id: e3-taken, metric: event.capture.e3.blue, value: 2024-01-20, as_of: 2024-01-20, reliability: B2, claimant: test }\n");
        Approvals.Verify(Golden("check", run, "--implied-replications", "0", "--format", "csv"), nameof(FormatGoldenTests), "check-csv");
    }

    [Fact]
    public void Format_Unknown_IsAUserError() =>
        Approvals.Verify(Golden("run", LineOfTowns, "--format", "xml"), nameof(FormatGoldenTests), "format-unknown");

    [Fact]
    public void Table_NotATerminal_PrintsNoProgressLines()
    {
        var (code, output) = Run("run", LineOfTowns, "-n", "20", "--seed", "1", "--threads", "1", "--no-report", "--out", Path.Combine(Root, "quiet"));
        Assert.Equal(0, code);
        Assert.DoesNotContain("replications: ", output, StringComparison.Ordinal);
        Assert.Contains("20 replications in ", output, StringComparison.Ordinal); // the final summary stays
    }
}
