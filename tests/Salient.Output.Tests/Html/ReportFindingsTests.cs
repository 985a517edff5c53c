using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Experiments.Comparison;
using Salient.Output.Html;
using Xunit;

namespace Salient.Output.Tests.Html;

public sealed class ReportFindingsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-findings-" + Guid.NewGuid().ToString("N"));

    public ReportFindingsTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Run()
    {
        string dir = Path.Combine(_root, "run");
        SyntheticRun.Write(dir, cost: false, evidence: true, byCause: false);
        return dir;
    }

    [Fact]
    public void Report_OpensWithFindings_BeforeTheTableAndTheCharts()
    {
        var run = RunFolder.Load(Run());
        string html = System.Net.WebUtility.HtmlDecode(ReportWriter.Render(run, ReportCharts.Build(run)));
        int findings = html.IndexOf("<section id=\"findings\">", StringComparison.Ordinal);
        Assert.True(findings > 0);
        Assert.True(findings < html.IndexOf("<section id=\"outcomes\">", StringComparison.Ordinal));
        Assert.True(findings < html.IndexOf("<img", StringComparison.Ordinal));
        // The outcome with its uncertainty: blue's final area 100 [80–120] km² (summary.json)
        Assert.Contains("Blueland (blue) held 100 km² [80–120] at the end", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Scorecard_CountsTheClaimTableRows()
    {
        // Given the synthetic ledger: area-inside, area-above, area-below-window, hamlet-taken, village-taken, casualties-claim compared
        var run = RunFolder.Load(Run());
        var rows = Output.Claims.ClaimCheck.Build(run);
        var score = ReportFindings.Score(rows)!;
        Assert.Equal(rows.Count(r => r.Compared), score.Compared);
        Assert.Equal(score.Compared, score.Inside + score.Below + score.Above + score.Never);
        Assert.Equal(1, score.Never); // village-taken: no replication took the village
        string html = ReportFindings.Html(run, rows);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<b>{score.Inside} of the {score.Compared}</b> claims"), html, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyCaptures_UseEveryReplication_LikeCheck()
    {
        // town by blue: 8 of 10 replications, days 2..9 from the start; the 90% interval runs past the 8th into "never"
        var capture = ReportFindings.KeyCaptures(RunFolder.Load(Run())).Single(c => c.Cell == "town" && c.Side.Id == "blue");
        Assert.Equal(0.8, capture.Probability, 12);
        Assert.True(capture.Claimed);
        Assert.Null(capture.P95);
        Assert.Equal(SyntheticRun.Start.AddDays(2), capture.P05); // R-7 at 0.05 of 10 sorted days 2..9, never, never: day 2.45, rounded
    }

    [Fact]
    public void Drivers_FromAnAttributionInTheRunFolder_LargestShapleyFirst()
    {
        // Given attribution.json (salient attribute's shape) copied into the run folder
        string dir = Run();
        File.WriteAllText(Path.Combine(dir, ReportFindings.AttributionFileName), """
            {"outcomes":[{"outcome":"control.area_km2.blue","kind":"value","mechanisms":[
              {"name":"reserve","shapley":{"value":-40,"low":-55,"high":-25}},
              {"name":"supply","shapley":{"value":120,"low":90,"high":150}},
              {"name":"weather","shapley":{"value":3,"low":-2,"high":8}},
              {"name":"ew","shapley":{"value":-10,"low":-20,"high":0}}]}]}
            """);
        var run = RunFolder.Load(dir);
        // Then the three largest by absolute value are named, largest first, with their intervals
        var drivers = ReportFindings.Drivers(run);
        Assert.Equal(["supply", "reserve", "ew"], drivers.Select(d => d.Mechanism));
        string html = System.Net.WebUtility.HtmlDecode(ReportFindings.Html(run, Output.Claims.ClaimCheck.Build(run)));
        Assert.Contains("supply +120 [+90, +150]", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AttributionSection_InTheRunFolder_IsEmbeddedAfterTheFindings_AndAForeignFileIsNot()
    {
        // Given salient attribute's section (its table and chart) copied into the run folder
        string dir = Run();
        string section = "<section id=\"attribution\">\n<h2>What decided it: attribution</h2>\n<table><tr><td>supply</td></tr></table>\n</section>\n";
        File.WriteAllText(Path.Combine(dir, ReportFindings.AttributionSectionFileName), section);
        // Then the report holds it, after the findings and before the charts
        string html = ReportWriter.Render(RunFolder.Load(dir), ReportCharts.Build(RunFolder.Load(dir)));
        int at = html.IndexOf(section, StringComparison.Ordinal);
        Assert.True(at > html.IndexOf("<section id=\"findings\">", StringComparison.Ordinal), "after the findings");
        Assert.True(at < html.IndexOf("<h2 id=\"distributions\">", StringComparison.Ordinal), "before the charts");
        // And a file of that name that is not the section salient attribute writes is left out
        File.WriteAllText(Path.Combine(dir, ReportFindings.AttributionSectionFileName), "<script>alert(1)</script>");
        Assert.DoesNotContain("alert(1)", ReportWriter.Render(RunFolder.Load(dir), ReportCharts.Build(RunFolder.Load(dir))), StringComparison.Ordinal);
    }

    [Fact]
    public void Palette_TwentyDistinctColours()
    {
        Assert.Equal(20, ReportCharts.PartPalette.Count);
        Assert.Equal(20, ReportCharts.PartPalette.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Map_DrawsEachKeyDate_FromPolygonCells()
    {
        // Given a run folder with two polygon cells, control.json and a front
        string dir = Run();
        File.WriteAllText(Path.Combine(dir, "cells.geojson"), """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[30,50],[30.1,50],[30.1,50.1],[30,50.1],[30,50]]]},"properties":{"id":"town","name":"Townsville","settlements":["town"],"lon":30.05,"lat":50.05}},
             {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[30.1,50],[30.2,50],[30.2,50.1],[30.1,50.1],[30.1,50]]]},"properties":{"id":"village","name":"Village","settlements":["village"],"lon":30.15,"lat":50.05}}]}
            """);
        var p = string.Join(",", Enumerable.Range(0, SyntheticRun.Days).Select(d => d < 10 ? "[0,0]" : "[1,0.4]"));
        File.WriteAllText(Path.Combine(dir, "control.json"), $$"""{"format":1,"side":"blue","start":"{{SyntheticRun.Start:yyyy-MM-dd}}","days":{{SyntheticRun.Days}},"replications":10,"cells":["town","village"],"p":[{{p}}]}""");
        File.WriteAllText(Path.Combine(dir, "front.geojson"), """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","geometry":{"type":"MultiLineString","coordinates":[[[30.1,50],[30.1,50.1]]]},"properties":{"day":14,"date":"2024-08-20","side":"blue"}}]}
            """);
        var run = RunFolder.Load(dir);
        // When the map is drawn
        string? html = ReportMap.Html(run, ["town"]);
        // Then it has one SVG panel per key date, the front and the marked settlement
        Assert.NotNull(html);
        Assert.True(html!.Split("<svg").Length - 1 >= 1);
        Assert.Contains("stroke=\"#111\" stroke-width=\"1.6\"", html, StringComparison.Ordinal);
        Assert.Contains(">Townsville</text>", html, StringComparison.Ordinal);
        Assert.Contains(" km</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparePage_IsAForestPlotWithUnits_InTheReportStyle()
    {
        MetricDifference area = new("control.area_km2.blue", MetricKind.Value, 40, 1000, 900, -100, -140, -60, 1, 1);
        MetricDifference day = new("capture.sudzha.red", MetricKind.Day, 30, 200, 190, -10, -15, -5, 0.9, 0.95);
        string html = System.Net.WebUtility.HtmlDecode(ComparisonReport.Render("Toy", ["no-ew"], [("no-ew", area), ("no-ew", day)], ["control.area_km2.blue", "capture.sudzha.red"], 40, 3));
        Assert.Contains(ReportStyle.Css, html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<figure class=\"forest\">").Length - 1);
        Assert.Contains("variant − baseline (km²)", html, StringComparison.Ordinal);
        Assert.Contains("variant − baseline (days)", html, StringComparison.Ordinal);
        Assert.Contains("−100 [−140, −60]", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }
}
