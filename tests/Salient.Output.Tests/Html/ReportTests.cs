using Salient.Output.Files;
using Salient.Output.Html;
using Xunit;

namespace Salient.Output.Tests.Html;

public sealed class ReportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-report-" + Guid.NewGuid().ToString("N"));

    public ReportTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Run(bool cost = false, bool evidence = true, bool byCause = false)
    {
        string dir = Path.Combine(_root, "run");
        SyntheticRun.Write(dir, cost, evidence, byCause);
        return dir;
    }

    [Fact]
    public void RunFolder_Load_ReadsSummaryManifestTableAndEvidence()
    {
        var run = RunFolder.Load(Run());
        Assert.Equal("Toy <campaign>", run.Title);
        Assert.Equal(["blue", "red"], run.Sides.Select(s => s.Id));
        Assert.Equal(SyntheticRun.Start, run.Start);
        Assert.Equal(SyntheticRun.Days, run.Band("control.area_km2.blue")!.Days);
        Assert.Equal(10, run.Table.Rows);
        Assert.Equal(8, run.Table.Dates("capture.town.blue").Count(d => d is not null));
        Assert.Equal(8, run.Evidence.Entries.Length);
        Assert.Equal("town", run.CellOfPlace("hamlet"));
        Assert.True(run.Metric("capture.town.blue")!.IsEvent);
    }

    [Fact]
    public void RunFolder_NoSummary_OutputException()
    {
        Directory.CreateDirectory(Path.Combine(_root, "empty"));
        var ex = Assert.Throws<OutputException>(() => RunFolder.Load(Path.Combine(_root, "empty")));
        Assert.Contains("no summary.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_EveryChartIsAPng()
    {
        var set = ReportCharts.Build(RunFolder.Load(Run(cost: true, byCause: true)));
        Assert.Contains(set.Charts, c => c.Id == "ground-blue");
        Assert.Contains(set.Charts, c => c.Id == "casualties-blue");
        Assert.Contains(set.Charts, c => c.Id == "captures");
        Assert.Contains(set.Charts, c => c.Id == "losses");
        Assert.Contains(set.Charts, c => c.Id == "casualties-by-cause");
        Assert.Contains(set.Charts, c => c.Id == "cost");
        Assert.Empty(set.Omitted);
        Assert.All(set.Charts, c => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], c.Png.Take(4)));
        Assert.Equal(set.Charts.Count, set.Charts.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Write_SelfContainedHtmlWithChartsClaimsAndNotes()
    {
        string dir = Run();
        string path = ReportWriter.Write(dir);
        Assert.Equal(Path.Combine(dir, "report.html"), path);
        string html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.True(html.Split("data:image/png;base64,").Length - 1 >= 5, "charts should be inlined as base64 PNG");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Toy &lt;campaign&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Claims against the model", html, StringComparison.Ordinal);
        Assert.Contains("title=\"Blue holds 100 km2 on day 10.\"", html, StringComparison.Ordinal);
        // Cost and casualties-by-cause columns are absent here: their sections are left out with a note.
        Assert.Contains("Cost spent against value destroyed: not recorded", html, StringComparison.Ordinal);
        Assert.Contains("Casualties by cause: not recorded", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chart-cost", html, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir, ".report.html.tmp*"));
    }

    [Fact]
    public void Write_NoEvidence_SaysHowToAddIt()
    {
        string html = File.ReadAllText(ReportWriter.Write(Run(evidence: false)));
        Assert.Contains("No evidence ledger", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TwiceOnSameRun_SameBytes()
    {
        string dir = Run();
        string first = File.ReadAllText(ReportWriter.Write(dir));
        string second = File.ReadAllText(ReportWriter.Write(dir));
        Assert.Equal(first, second);
    }

    [Fact]
    public void ReplicationTable_Parse_ColumnsNumbersAndDates()
    {
        var table = ReplicationTable.Parse(new StringReader("replication,a,capture.x.blue\n0,1.5,2024-08-06\n1,,\n2,x,2024-08-08\n"));
        Assert.Equal(3, table.Rows);
        Assert.Equal([1.5], table.Numbers("a"));
        Assert.Equal([new DateOnly(2024, 8, 6), null, new DateOnly(2024, 8, 8)], table.Dates("capture.x.blue"));
        Assert.Empty(table.Numbers("missing"));
    }
}
