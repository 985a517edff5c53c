using System.Globalization;
using System.Net;
using System.Text;
using Salient.Engine.Compilation;
using Salient.Experiments.Claims;
using Salient.Output.Claims;
using Salient.Output.Files;
using Salient.Scenario.Evidence;
using Salient.Scenario.Model;

namespace Salient.Output.Html;

/// <summary>
/// Writes <c>report.html</c> into a run folder: one self-contained page (inline CSS, charts as base64 PNG, no
/// scripts, nothing fetched from the network) with the outcomes table, the charts of <see cref="ReportCharts"/>, the
/// evidence claims set against the model, and notes on what was left out.
/// </summary>
public static class ReportWriter
{
    /// <summary>The report's file name inside a run folder.</summary>
    public const string FileName = "report.html";

    /// <summary>Builds the report of the run in <paramref name="runDir"/> and writes it there; returns its path.</summary>
    public static string Write(string runDir, string? evidencePath = null)
    {
        var run = RunFolder.Load(runDir, evidencePath);
        string html = Render(run, ReportCharts.Build(run));
        string path = Path.Combine(runDir, FileName);
        AtomicFile.WriteAllText(path, html);
        return path;
    }

    /// <summary>The report page for <paramref name="run"/> with <paramref name="charts"/>.</summary>
    public static string Render(RunFolder run, ReportChartSet charts)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(charts);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n");
        h.Append("<title>").Append(E(run.Title)).Append(" — Salient report</title>\n<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n<main>\n");

        h.Append("<h1>").Append(E(run.Title)).Append("</h1>\n<p class=\"meta\">");
        h.Append("Scenario <b>").Append(E(run.ScenarioName)).Append("</b>");
        if (run.Variant is not null) h.Append(", variant <b>").Append(E(run.Variant)).Append("</b>");
        h.Append(Inv($", {run.Start:yyyy-MM-dd} to {run.End:yyyy-MM-dd}; {run.Replications:N0} replications, seed {run.Seed}"));
        if (run.ScenarioHash.Length > 0) h.Append("; inputs ").Append(E(run.ScenarioHash[..Math.Min(16, run.ScenarioHash.Length)]));
        if (run.Engine.Length > 0) h.Append("; engine ").Append(E(run.Engine));
        h.Append(".</p>\n");
        if (run.StaleCalibration is { } stale)
            h.Append("<p class=\"meta\"><b>Stale calibration:</b> ").Append(E(stale.File)).Append(" was fitted to the scenario with hash ")
                .Append(E(StaleCalibration.Short(stale.FittedHash))).Append(", but the scenario as written has hash ").Append(E(StaleCalibration.Short(stale.CurrentHash)))
                .Append(" (it was edited since): the calibrated values applied still, fitted to other inputs. Rerun <code>salient calibrate --install</code> to refit them.</p>\n");
        var claimRows = ClaimCheck.Build(run);
        h.Append(ReportFindings.Html(run, claimRows));
        h.Append(ReportFindings.AttributionSection(run));
        h.Append("<h2 id=\"distributions\">Outcomes and charts</h2>\n");
        h.Append("<p class=\"lede\">Every figure is a distribution over the replications: a median with its 90% interval (5th to 95th percentile). Intervals show the uncertainty in the inputs as the model propagates it; they are not a forecast's error bars.</p>\n");

        Outcomes(h, run);

        var titles = new Dictionary<string, string>
        {
            [ReportCharts.Ground] = "Ground held",
            [ReportCharts.Casualties] = "Casualties",
            [ReportCharts.Captures] = "Key settlements",
            [ReportCharts.Losses] = "Losses",
            [ReportCharts.Cost] = "Cost",
        };
        foreach (var (section, title) in titles)
        {
            var list = charts.Charts.Where(c => c.Section == section).ToList();
            if (list.Count == 0) continue;
            h.Append("<section id=\"").Append(section).Append("\">\n<h2>").Append(E(title)).Append("</h2>\n");
            foreach (var c in list)
            {
                h.Append("<figure id=\"chart-").Append(E(c.Id)).Append("\">\n<img alt=\"").Append(E(c.Title)).Append("\" src=\"data:image/png;base64,")
                    .Append(Convert.ToBase64String(c.Png)).Append("\">\n<figcaption>").Append(E(c.Caption)).Append("</figcaption>\n</figure>\n");
            }
            h.Append("</section>\n");
        }

        Claims(h, run, claimRows);

        var notes = charts.Omitted.Concat(run.Notes).ToList();
        if (notes.Count > 0)
        {
            h.Append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
            foreach (string n in notes) h.Append("<li>").Append(E(n)).Append("</li>\n");
            h.Append("</ul>\n</section>\n");
        }
        h.Append("<footer>Written by <code>salient report</code> from summary.json and replications.csv in this run's folder")
            .Append(run.Evidence.Entries.Length > 0 ? " and its evidence ledger" : "")
            .Append(". Explore the map with <code>salient serve</code>.</footer>\n</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Outcomes(StringBuilder h, RunFolder run)
    {
        var rows = new (string Label, Func<string, string> MetricOfSide, bool Date)[]
        {
            ("Ground held at the end (km²)", MetricNames.ControlArea, false),
            ("Peak ground held (km²)", MetricNames.ControlAreaPeak, false),
            ("Date of the peak", MetricNames.ControlPeakDay, true),
            ("Ground lost entirely", MetricNames.ControlCleared, true),
            ("Casualties (killed + wounded + captured)", MetricNames.CasualtiesTotal, false),
            ("… of which killed", s => MetricNames.Casualties("killed", s), false),
            ("… of which captured", s => MetricNames.Casualties("captured", s), false),
            ("Personnel at the end", MetricNames.PersonnelFinal, false),
            ("Reinforcements received", MetricNames.PersonnelReinforcements, false),
        };
        h.Append("<section id=\"outcomes\">\n<h3>Outcomes</h3>\n<table class=\"outcomes\">\n<thead><tr><th>median [90% interval]</th>");
        foreach (var s in run.Sides) h.Append("<th>").Append(Swatch(s)).Append(E(run.SideLabel(s))).Append("</th>");
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var (label, metricOfSide, isDate) in rows)
        {
            if (run.Sides.All(s => run.Metric(metricOfSide(s.Id)) is null)) continue;
            h.Append("<tr><th>").Append(E(label)).Append("</th>");
            foreach (var s in run.Sides)
            {
                var m = run.Metric(metricOfSide(s.Id));
                h.Append("<td>").Append(E(m is null ? "–" : isDate ? DateCell(m) : NumberCell(m))).Append("</td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Claims(StringBuilder h, RunFolder run, IReadOnlyList<ClaimRow> rows)
    {
        if (run.Evidence.Entries.Length == 0)
        {
            h.Append("<section id=\"claims\">\n<h2>Claims against the model</h2>\n<p>No evidence ledger: put an <code>evidence.yaml</code> beside the scenario (it is copied into the run folder), or pass <code>--evidence FILE</code> to <code>salient report</code>.</p>\n</section>\n");
            return;
        }
        var compared = rows.Where(r => r.Compared).OrderBy(r => r.ModelMetric, StringComparer.Ordinal).ThenBy(r => r.Date ?? r.Entry.DateFrom).ToList();
        h.Append("<section id=\"claims\">\n<h2>Claims against the model</h2>\n");
        h.Append(Inv($"<p>{compared.Count} of the {rows.Count} entries in the evidence ledger state an outcome the model reports; each is set against the model's median and 90% interval over the replications: a number about a daily series against the series' largest value over the claim's as-of window (its value on the day for a one-day claim), a final total at the run's end, a capture against the capture-date distribution. <code>salient check</code> adds each claim's percentile and the lethality a casualty claim implies. Grades are the NATO/Admiralty code: source letter A–F (A/B best, F unsourced), information digit 1–6 (1 confirmed). D and F claims are what a side says, not what happened.</p>\n"));
        if (compared.Count > 0)
        {
            h.Append("<table class=\"claims\">\n<thead><tr><th>as of</th><th>metric</th><th>claim</th><th>grade</th><th>claimant</th><th>model median [90%]</th><th>claim vs model</th></tr></thead>\n<tbody>\n");
            foreach (var r in compared) ClaimRowHtml(h, run, r);
            h.Append("</tbody>\n</table>\n");
        }
        var other = rows.Where(r => !r.Compared).ToList();
        if (other.Count > 0)
        {
            h.Append(Inv($"<details>\n<summary>{other.Count} other entries (forces, systems, context) not compared</summary>\n<table class=\"claims\">\n<thead><tr><th>as of</th><th>metric</th><th>claim</th><th>grade</th><th>claimant</th><th>why not compared</th></tr></thead>\n<tbody>\n"));
            foreach (var r in other)
            {
                var e = r.Entry;
                h.Append("<tr><td>").Append(E(e.AsOfText)).Append("</td><td><code>").Append(E(e.Metric)).Append("</code></td><td title=\"")
                    .Append(E(e.Statement)).Append("\">").Append(E(ClaimValue(e))).Append("</td><td>").Append(Grade(e)).Append("</td><td>")
                    .Append(E(e.Claimant)).Append("</td><td>").Append(E(r.Note)).Append("</td></tr>\n");
            }
            h.Append("</tbody>\n</table>\n</details>\n");
        }
        h.Append("</section>\n");
    }

    private static void ClaimRowHtml(StringBuilder h, RunFolder run, ClaimRow r)
    {
        var e = r.Entry;
        string model = r.Outcome is { } o ? ClaimText.Model(o, run.Start)
            : r.P50 is { } p50
            ? Inv($"{p50:N0} [{r.P05:N0}–{r.P95:N0}]")
            : r.Probability is { } p
                ? p <= 0 ? "never" : Inv($"{p:P0}: {r.DateP50:yyyy-MM-dd} [{r.DateP05:yyyy-MM-dd}–{r.DateP95:yyyy-MM-dd}]")
                : "–";
        string fit = r.Fit switch
        {
            ClaimFit.Inside => "within",
            ClaimFit.Below => e.IsDate ? "earlier" : "below",
            ClaimFit.Above => e.IsDate ? "later" : "above",
            ClaimFit.Never => "model: never",
            _ => "–",
        };
        string when = r.Date is { } d && e.AsOfStart == e.AsOfEnd ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : e.AsOfText;
        h.Append("<tr><td>").Append(E(when)).Append("</td><td><code>").Append(E(e.Metric)).Append("</code></td><td title=\"").Append(E(e.Statement)).Append("\">")
            .Append(E(ClaimValue(e))).Append("</td><td>").Append(Grade(e)).Append("</td><td>").Append(E(e.Claimant)).Append("</td><td>")
            .Append(E(model)).Append(r.Note.Length > 0 ? "<br><small>" + E(r.Note) + "</small>" : "").Append("</td><td class=\"fit-").Append(r.Fit.ToString().ToLowerInvariant()).Append("\">").Append(E(fit)).Append("</td></tr>\n");
    }

    private static string ClaimValue(EvidenceEntry e) =>
        e.IsNumeric ? (e.IsRange ? Inv($"{e.Low:N0}–{e.High:N0}") : Inv($"{e.Low:N0}")) + (e.Unit.Length > 0 && !e.Unit.StartsWith("date", StringComparison.Ordinal) ? " " + e.Unit : "")
        : e.ValueText;

    private static string Grade(EvidenceEntry e) =>
        e.Reliability.Length == 0 ? "–" : $"<span class=\"grade g{char.ToLowerInvariant(e.SourceGrade)}\">{E(e.Reliability)}</span>";

    private static string NumberCell(MetricStats m) =>
        m.P50 is { } p50 ? Inv($"{p50:N0} [{m.P05:N0}–{m.P95:N0}]") : "–";

    private static string DateCell(MetricStats m)
    {
        if (m.Probability is not > 0 || m.DateP50 is null) return "never";
        string p = m.Probability >= 0.9995 ? "" : Inv($"{m.Probability:P0}: ");
        return Inv($"{p}{m.DateP50:yyyy-MM-dd} [{m.DateP05:yyyy-MM-dd}–{m.DateP95:yyyy-MM-dd}]");
    }

    private static string Swatch(SideInfo s) => $"<span class=\"swatch\" style=\"background:{RunManifest.ValidColour(s.Colour) ?? SidePalette.Neutral}\"></span>";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
