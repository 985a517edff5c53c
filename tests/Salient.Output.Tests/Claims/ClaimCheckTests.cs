using Salient.Experiments.Claims;
using Salient.Output.Claims;
using Salient.Output.Files;
using Salient.Output.Html;
using Salient.Output.Tests.Html;
using Salient.Scenario.Evidence;
using Xunit;

namespace Salient.Output.Tests.Claims;

public sealed class ClaimCheckTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-claims-" + Guid.NewGuid().ToString("N"));

    public ClaimCheckTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Run()
    {
        string dir = Path.Combine(_root, "run");
        SyntheticRun.Write(dir, cost: false, evidence: true, byCause: false);
        return dir;
    }

    [Fact]
    public void ClaimCheck_DailySeriesAndCaptures_SetAgainstTheModel()
    {
        var rows = ClaimCheck.Build(RunFolder.Load(Run())).ToDictionary(r => r.Entry.Id);
        // Day 10 (2024-08-16): blue area band is 80 / 100 / 120.
        Assert.Equal(ClaimFit.Inside, rows["area-inside"].Fit);
        Assert.Equal(100, rows["area-inside"].P50);
        Assert.Equal(80, rows["area-inside"].P05);
        Assert.Equal(new DateOnly(2024, 8, 16), rows["area-inside"].Date);
        Assert.Equal(ClaimFit.Above, rows["area-above"].Fit);
        Assert.Equal(ClaimFit.Below, rows["area-below-window"].Fit);
        Assert.False(rows["area-outside-run"].Compared);
        Assert.Contains("outside the run", rows["area-outside-run"].Note, StringComparison.Ordinal);
        // hamlet lies in cell 'town': the model's capture.town.blue (80%, 8 to 14 Aug).
        Assert.Equal("capture.town.blue", rows["hamlet-taken"].ModelMetric);
        Assert.Equal(ClaimFit.Inside, rows["hamlet-taken"].Fit);
        Assert.Equal(ClaimFit.Never, rows["village-taken"].Fit);
        Assert.Equal(ClaimFit.Inside, rows["casualties-claim"].Fit);
        Assert.False(rows["force"].Compared);
    }

    [Fact]
    public void RunFolder_UnreadableEvidence_IsANoteWhenImplicit_AndAnOutputExceptionWhenAskedFor()
    {
        // Given a run whose evidence copy is not YAML
        string dir = Run();
        string bad = Path.Combine(dir, RunFolder.EvidenceFileName);
        File.WriteAllText(bad, "- id: a\n  metric: [unclosed\n");
        // Then the run still loads, with the coded error in its notes
        Assert.Contains(RunFolder.Load(dir).Notes, n => n.Contains("error SAL100", StringComparison.Ordinal));
        // And a ledger named explicitly must be readable
        Assert.Throws<OutputException>(() => RunFolder.Load(dir, bad));
    }

    [Fact]
    public void CheckExporter_WritesOneCsvRowPerComparedClaim_AndEveryEntryInTheJson()
    {
        // Given one compared claim and one entry the model does not report
        var ledger = EvidenceReader.Parse("""
            - { id: area, metric: control.area_km2.blue, value: 120, as_of: 2024-01-10, reliability: B2 }
            - { id: forces, metric: forces.personnel.red, value: 5000, as_of: 2024-01-10, reliability: B2 }
            """);
        var claim = new Claim("area", "control.area_km2.blue", ClaimKind.Series, 0, 9, 9, 120, 120, 0.64);
        ResolvedClaim[] resolved = [new(ledger.Entries[0], claim, ""), new(ledger.Entries[1], null, "not an outcome the model reports")];
        ClaimOutcome[] outcomes = [new(claim, 40, 100, 125.5, 150, 1, 37.5)];
        // When the check is exported
        CheckExporter.Write(_root, new DateOnly(2024, 1, 1), resolved, outcomes, new Dictionary<Claim, ImpliedValue>());
        // Then check.csv has the header and the compared claim, in round-trip numbers
        var csv = File.ReadAllLines(Path.Combine(_root, CheckExporter.CsvFileName));
        Assert.Equal(2, csv.Length);
        Assert.Equal(CheckExporter.CsvHeader, csv[0]);
        Assert.Equal("area,B2,0.64,control.area_km2.blue,series,2024-01-10,2024-01-10,120,120,,,100,125.5,150,,,,1,37.5,true,,,,,,,true,50,true", csv[1]);
        // And check.json lists both entries, the skipped one with its reason
        string json = File.ReadAllText(Path.Combine(_root, CheckExporter.JsonFileName));
        Assert.Contains("\"id\": \"forces\"", json, StringComparison.Ordinal);
        Assert.Contains("not an outcome the model reports", json, StringComparison.Ordinal);
    }
}
