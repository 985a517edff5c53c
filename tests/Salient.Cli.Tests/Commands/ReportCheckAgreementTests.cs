using System.Text.Json;
using Salient.Experiments.Claims;
using Salient.Output.Claims;
using Salient.Output.Html;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Commands;

/// <summary>
/// report.html and <c>salient check</c> set a capture claim against a run with one computation. They once disagreed
/// about the same run (Kursk's Gornal: the report "23 %: 2025-03-31", check "never [2025-03-22, never]") because the
/// report read summary.json's dates among the replications where the capture happened and check every replication.
/// </summary>
public sealed class ReportCheckAgreementTests() : TempFolderTest("report-check")
{
    private static string TownsAttribution => Path.Combine(Repo, "scenarios", "examples", "towns-attribution");

    [Fact]
    public void CaptureClaim_ReportAndCheck_GiveTheSameDatesFitAndText()
    {
        // Given a run in which e3's capture by blue happens in some replications only (47.5% at seed 2, 40 replications)
        string run = Path.Combine(Root, "run");
        Assert.Equal(0, Run("run", TownsAttribution, "-n", "40", "--seed", "2", "--no-report", "--out", run).Code);
        using (var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json"))))
        {
            double p = summary.RootElement.GetProperty("metrics").GetProperty("capture.e3.blue").GetProperty("probability").GetDouble();
            Assert.InRange(p, 0.05, 0.95);
        }
        // And a ledger dating that capture
        File.WriteAllText(Path.Combine(run, RunFolder.EvidenceFileName),
            "- { id: e3-taken, metric: event.capture.e3.blue, value: 2024-01-20, as_of: 2024-01-20, reliability: B2, claimant: test }\n"
            + "- { id: area-before, metric: control.area_km2.blue, value: 10, as_of: 2023-06-01, reliability: B2, claimant: test }\n"
            + "- { id: forces, metric: forces.personnel.red, value: 5000, as_of: 2024-01-10, reliability: B2, claimant: test }\n");

        // When check and the report both set it against the run
        var (code, text) = Run("check", run, "--implied-replications", "0");
        Assert.Equal(0, code);
        var folder = RunFolder.Load(run);
        var row = ClaimCheck.Build(folder).Single(r => r.Entry.Id == "e3-taken");
        string html = ReportWriter.Render(folder, ReportCharts.Build(folder));

        // Then the report's dates are check's (over every replication, "never" past the share that happened)
        using var check = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, CheckExporter.JsonFileName)));
        var model = check.RootElement.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "e3-taken").GetProperty("model");
        static string? Date(JsonElement m, string name) => m.GetProperty(name).ValueKind == JsonValueKind.Null ? null : m.GetProperty(name).GetString();
        static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Date(model, "p05"), Iso(row.DateP05));
        Assert.Equal(Date(model, "p50"), Iso(row.DateP50));
        Assert.Equal(Date(model, "p95"), Iso(row.DateP95));
        Assert.Equal(model.GetProperty("happened").GetDouble(), row.Probability);
        Assert.Equal(model.GetProperty("within_90").GetBoolean(), row.Fit == ClaimFit.Inside);
        // And the report compares exactly the claims check compares (one check.csv row each)
        Assert.Equal(File.ReadAllLines(Path.Combine(run, CheckExporter.CsvFileName)).Length - 1, ClaimCheck.Build(folder).Count(r => r.Compared));
        // And the two print the same words
        Assert.NotNull(row.Outcome);
        string words = ClaimText.Model(row.Outcome!, folder.Start);
        Assert.Contains(words, text, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(words), html, StringComparison.Ordinal);
        // And with fewer than half the replications taking e3, the median is "never", as check says
        Assert.StartsWith("never [", words, StringComparison.Ordinal);
    }
}
