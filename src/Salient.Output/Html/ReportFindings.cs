using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Salient.Engine.Compilation;
using Salient.Experiments.Claims;
using Salient.Output.Claims;

namespace Salient.Output.Html;

/// <summary>A capture the findings name: where, by whom, how likely, and when among the replications where it happened.</summary>
/// <param name="Cell">The cell id.</param>
/// <param name="Name">The cell's display name.</param>
/// <param name="Side">The capturing side.</param>
/// <param name="Probability">Share of replications in which it happened.</param>
/// <param name="P05">5th percentile of the date over every replication (null: never).</param>
/// <param name="P50">Median date over every replication, a capture that did not happen counting as later than any (null: never).</param>
/// <param name="P95">95th percentile of the date over every replication (null: never).</param>
/// <param name="Claimed">Whether the evidence ledger dates this capture.</param>
public sealed record KeyCapture(string Cell, string Name, SideInfo Side, double Probability, DateOnly? P05, DateOnly? P50, DateOnly? P95, bool Claimed);

/// <summary>The evidence scorecard of the findings: every compared claim, and the A-C graded score of <c>salient check</c>.</summary>
/// <param name="Compared">Claims set against the model.</param>
/// <param name="Inside">Of them, inside the model's 90% interval.</param>
/// <param name="Below">Of them, below (or earlier than) the interval.</param>
/// <param name="Above">Of them, above (or later than) the interval.</param>
/// <param name="Never">Of them, dating an event no replication produced.</param>
/// <param name="Graded">The score over the A-C graded claims (<see cref="CoverageScoring"/>), null when none was compared.</param>
public sealed record Scorecard(int Compared, int Inside, int Below, int Above, int Never, CoverageScore? Graded);

/// <summary>A mechanism's contribution to an outcome, from an attribution (attribution.json) in the run folder.</summary>
/// <param name="Outcome">The outcome attributed.</param>
/// <param name="Mechanism">The mechanism.</param>
/// <param name="Shapley">Its Shapley value.</param>
/// <param name="Low">Lower end of the value's 95% interval.</param>
/// <param name="High">Upper end of the value's 95% interval.</param>
/// <param name="Unit">The unit of the value ("days", "probability" or empty).</param>
public sealed record Driver(string Outcome, string Mechanism, double Shapley, double Low, double High, string Unit);

/// <summary>
/// The findings that open report.html, generated from the run folder: the outcome in one paragraph with its
/// uncertainty (each side's ground at its peak and at the end, key capture dates), the evidence scorecard (the same
/// claim evaluation as <c>salient check</c>, through <see cref="ClaimCheck"/>), and the largest drivers when an
/// attribution (<c>salient attribute</c>'s attribution.json) has been put in the run folder.
/// </summary>
public static class ReportFindings
{
    /// <summary>Most captures named in the findings.</summary>
    public const int MaxCaptures = 5;

    /// <summary>Least probability for a capture to be named.</summary>
    public const double MinCaptureProbability = 0.1;

    /// <summary>Most drivers named per outcome.</summary>
    public const int MaxDrivers = 3;

    /// <summary>The attribution file read for the drivers.</summary>
    public const string AttributionFileName = "attribution.json";

    /// <summary>The section <c>salient attribute</c> writes (its tables and charts), embedded in the report when it is
    /// put in the run folder.</summary>
    public const string AttributionSectionFileName = "attribution-section.html";

    private const string AttributionSectionStart = "<section id=\"attribution\">";

    /// <summary>
    /// The captures the findings name: those the evidence ledger dates first, then the likeliest, at least
    /// <see cref="MinCaptureProbability"/> likely, at most <see cref="MaxCaptures"/>, in date order.
    /// </summary>
    public static IReadOnlyList<KeyCapture> KeyCaptures(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var claimed = new HashSet<(string, string)>();
        foreach (var e in run.Evidence.Entries)
            if (ClaimSubject.Parse(e.Metric) is { Topic: ClaimTopic.Capture } s && s.Side.Length > 0)
                claimed.Add((run.CellOfPlace(s.Detail) ?? s.Detail, s.Side));
        var size = SettlementSize(run);
        var list = new List<(KeyCapture Capture, int Size)>();
        foreach (var m in run.Metrics.Values)
        {
            if (!m.IsEvent || !m.Name.StartsWith(MetricNames.CapturePrefix, StringComparison.Ordinal)) continue;
            if (m.Probability is not { } p || p < MinCaptureProbability) continue;
            int dot = m.Name.LastIndexOf('.');
            string cell = m.Name[MetricNames.CapturePrefix.Length..dot];
            var side = run.Sides.FirstOrDefault(s => s.Id == m.Name[(dot + 1)..]);
            if (side is null) continue;
            // The dates over every replication, a capture that did not happen counting as later than any date: the
            // computation salient check and the claims table use, so the findings and the table agree.
            double[] days = [.. run.Table.Dates(m.Name).Select(d => d is { } x ? x.DayNumber - run.Start.DayNumber : double.NaN)];
            if (days.Length == 0) continue;
            var o = ClaimEvaluation.Evaluate(new Claim(m.Name, m.Name, ClaimKind.Event, 0, 0, 0, 0, 0, 0), days);
            list.Add((new KeyCapture(cell, run.CellName(cell), side, o.Happened, Day(o.P05, run.Start), Day(o.P50, run.Start), Day(o.P95, run.Start),
                claimed.Contains((cell, side.Id))), size.GetValueOrDefault(cell)));
        }
        // Each side's captures in turn, so a counteroffensive's recaptures are named beside the offensive's gains.
        var ranked = list.OrderByDescending(c => c.Capture.Claimed).ThenByDescending(c => c.Size).ThenByDescending(c => c.Capture.Probability)
            .ThenBy(c => c.Capture.P50 ?? DateOnly.MaxValue).ThenBy(c => c.Capture.Cell, StringComparer.Ordinal).Select(c => c.Capture).ToList();
        int perSide = Math.Max(1, MaxCaptures / Math.Max(1, run.Sides.Count));
        var chosen = run.Sides.SelectMany(s => ranked.Where(c => c.Side.Id == s.Id).Take(perSide)).ToList();
        chosen.AddRange(ranked.Except(chosen).Take(MaxCaptures - chosen.Count));
        return [.. chosen.Take(MaxCaptures).OrderBy(c => c.P50 ?? DateOnly.MaxValue).ThenBy(c => c.Cell, StringComparer.Ordinal)];
    }

    private static DateOnly? Day(double day, DateOnly start) => double.IsFinite(day) ? start.AddDays((int)Math.Round(day)) : null;

    /// <summary>A rank of each settlement cell's size from cells.geojson's terrain: town 2, urban-type settlement 1, else 0.</summary>
    private static Dictionary<string, int> SettlementSize(RunFolder run)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        string path = Path.Combine(run.Directory, "cells.geojson");
        if (!File.Exists(path)) return result;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
            {
                var p = f.GetProperty("properties");
                if (!p.TryGetProperty("terrain", out var t) || t.ValueKind != JsonValueKind.String) continue;
                string terrain = t.GetString() ?? "";
                int rank = terrain.Contains("city", StringComparison.Ordinal) || terrain == "town" ? 2 : terrain.Contains("urban", StringComparison.Ordinal) ? 1 : 0;
                result[p.GetProperty("id").GetString() ?? ""] = rank;
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            result.Clear();
        }
        return result;
    }

    /// <summary>The scorecard of <paramref name="rows"/> (the report's claim rows), or null when no claim was compared.</summary>
    public static Scorecard? Score(IReadOnlyList<ClaimRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var compared = rows.Where(r => r.Compared).ToList();
        if (compared.Count == 0) return null;
        var scored = rows.Where(r => r.Outcome is not null).Select(r => (r.Entry, r.Outcome!)).ToList();
        var graded = scored.Count > 0 ? CoverageScoring.Score(scored)[0] : null;
        return new Scorecard(compared.Count, compared.Count(r => r.Fit == ClaimFit.Inside), compared.Count(r => r.Fit == ClaimFit.Below),
            compared.Count(r => r.Fit == ClaimFit.Above), compared.Count(r => r.Fit == ClaimFit.Never), graded is { Claims: > 0 } ? graded : null);
    }

    /// <summary>The largest drivers per outcome in the run folder's attribution.json (by absolute Shapley value); empty without one.</summary>
    public static IReadOnlyList<Driver> Drivers(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        string path = Path.Combine(run.Directory, AttributionFileName);
        if (!File.Exists(path)) return [];
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var result = new List<Driver>();
            foreach (var o in doc.RootElement.GetProperty("outcomes").EnumerateArray())
            {
                string outcome = o.GetProperty("outcome").GetString() ?? "";
                string kind = o.TryGetProperty("kind", out var k) ? k.GetString() ?? "" : "";
                var drivers = new List<Driver>();
                foreach (var m in o.GetProperty("mechanisms").EnumerateArray())
                {
                    var s = m.GetProperty("shapley");
                    if (s.GetProperty("value").ValueKind != JsonValueKind.Number) continue;
                    drivers.Add(new Driver(outcome, m.GetProperty("name").GetString() ?? "", s.GetProperty("value").GetDouble(),
                        Num(s, "low"), Num(s, "high"), kind == "value" ? "" : kind));
                }
                result.AddRange(drivers.OrderByDescending(d => Math.Abs(d.Shapley)).Take(MaxDrivers));
            }
            return result;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return [];
        }

        static double Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
    }

    /// <summary>
    /// The attribution section (tables and charts) of the run folder's attribution-section.html, or null without one.
    /// A file of that name that is not the single section <c>salient attribute</c> writes is left out.
    /// </summary>
    public static string? AttributionSection(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        string path = Path.Combine(run.Directory, AttributionSectionFileName);
        if (!File.Exists(path)) return null;
        string text = File.ReadAllText(path);
        return text.StartsWith(AttributionSectionStart, StringComparison.Ordinal) && text.TrimEnd().EndsWith("</section>", StringComparison.Ordinal) ? text : null;
    }

    /// <summary>The findings section (HTML), with the map below it when the run has map data.</summary>
    public static string Html(RunFolder run, IReadOnlyList<ClaimRow> rows)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(rows);
        var h = new StringBuilder();
        h.Append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        h.Append("<p class=\"finding\">").Append(E(Outcome(run))).Append("</p>\n");
        var captures = KeyCaptures(run);
        if (captures.Count > 0)
        {
            h.Append("<p class=\"finding\"><b>Key captures</b> (share of replications in which it happened; median date [90% interval] over every replication, \u201cnever\u201d past the share that did, as <code>salient check</code> computes it): ");
            h.Append(string.Join("; ", captures.Select(c => E(CaptureText(c))))).Append(".</p>\n");
        }
        if (Score(rows) is { } score) h.Append("<p class=\"finding\">").Append(ScoreHtml(score)).Append("</p>\n");
        else if (run.Evidence.Entries.Length == 0) h.Append("<p class=\"finding\"><b>Evidence:</b> no evidence ledger in the run folder, so no claim was set against the model.</p>\n");
        var drivers = Drivers(run);
        if (drivers.Count > 0)
        {
            h.Append("<p class=\"finding\"><b>Largest drivers</b> (Shapley value [95% interval] from attribution.json): ");
            h.Append(string.Join("; ", drivers.GroupBy(d => d.Outcome).Select(g =>
                $"<code>{E(g.Key)}</code>: " + string.Join(", ", g.Select(d => E(string.Create(CultureInfo.InvariantCulture,
                    $"{d.Mechanism} {Signed(d.Shapley, d.Unit)} [{Signed(d.Low, d.Unit)}, {Signed(d.High, d.Unit)}]")))))));
            h.Append(".</p>\n");
        }
        h.Append("</section>\n");
        if (ReportMap.Html(run, [.. captures.Select(c => c.Cell)]) is { } map)
            h.Append("<section id=\"map\">\n<h2>The front on key dates</h2>\n").Append(map).Append("</section>\n");
        return h.ToString();
    }

    /// <summary>The outcome paragraph: each side's ground held at its peak (with the date) and at the end, and whether it lost it all.</summary>
    public static string Outcome(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var sentences = new List<string>();
        foreach (var side in run.Sides)
        {
            var end = run.Metric(MetricNames.ControlArea(side.Id));
            if (end?.P50 is null) continue;
            var peak = run.Metric(MetricNames.ControlAreaPeak(side.Id));
            var peakDay = run.Metric(MetricNames.ControlPeakDay(side.Id));
            string s = $"{run.SideLabel(side)} held {Km(end)} at the end ({Long(run.End)})";
            if (peak?.P50 is { } pk && pk > end.P50 * 1.02 && peakDay?.DateP50 is { } pd)
                s += $", down from a peak of {Km(peak)} on {Long(pd)}{DateRange(peakDay)}";
            var cleared = run.Metric(MetricNames.ControlCleared(side.Id));
            if (cleared is { Probability: > 0 } c && c.DateP50 is { } cd)
                s += $"; it lost all its ground in {Percent(c.Probability ?? 0)} of replications, by {Long(cd)}{DateRange(c)} among them";
            sentences.Add(s + ".");
        }
        string lede = string.Create(CultureInfo.InvariantCulture, $"Over {run.Replications:N0} replications (median [90% interval]): ");
        return sentences.Count == 0 ? "The run reports no ground held." : lede + string.Join(" ", sentences);
    }

    private static string ScoreHtml(Scorecard s)
    {
        int outside = s.Compared - s.Inside;
        var parts = new List<string>();
        if (s.Below > 0) parts.Add($"{s.Below} below or earlier");
        if (s.Above > 0) parts.Add($"{s.Above} above or later");
        if (s.Never > 0) parts.Add($"{s.Never} dating a capture the model never produced");
        string text = string.Create(CultureInfo.InvariantCulture,
            $"<b>Evidence:</b> <b>{s.Inside} of the {s.Compared}</b> claims set against the model fall inside its 90% interval; <b>{outside} fall outside</b>{(parts.Count > 0 ? " (" + string.Join(", ", parts) + ")" : "")}.");
        if (s.Graded is { } g)
            text += string.Create(CultureInfo.InvariantCulture,
                $" Of the {g.Claims} A–C graded claims, {g.Inside} are inside ({g.Coverage * 100:0}%) and {g.InsideAndSharp} of those sharply (a 90% interval no wider than the claimed value, or {CoverageScoring.SharpEventDays:0} days for a date); {g.Sharp} intervals are sharp in all.");
        return text + " The table under <a href=\"#claims\">Claims against the model</a> lists each; <code>salient check</code> prints the same figures.";
    }

    private static string CaptureText(KeyCapture c)
    {
        string range = c.P05 == c.P95 ? "" : $" [{Short(c.P05)}–{Short(c.P95)}]";
        return $"{c.Name} by {c.Side.Name} ({Percent(c.Probability)}), {(c.P50 is { } d ? Long(d) : "never")}{range}";
    }

    private static string Percent(double p) => p >= 0.9995 ? "100%" : string.Create(CultureInfo.InvariantCulture, $"{p * 100:0}%");

    private static string DateRange(MetricStats m) =>
        m.DateP05 is { } a && m.DateP95 is { } b && a != b ? $" [{Short(a)}–{Short(b)}]" : "";

    private static string Km(MetricStats m) =>
        string.Create(CultureInfo.InvariantCulture, $"{m.P50:N0} km² [{m.P05:N0}–{m.P95:N0}]");

    private static string Signed(double v, string unit) =>
        !double.IsFinite(v) ? "?"
        : unit == "probability" ? string.Create(CultureInfo.InvariantCulture, $"{v * 100:+0;-0;0} pp")
        : unit == "days" ? string.Create(CultureInfo.InvariantCulture, $"{v:+0;-0;0} d")
        : string.Create(CultureInfo.InvariantCulture, $"{v:+#,0;-#,0;0}");

    private static string Long(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Short(DateOnly d) => d.ToString("d MMM yy", CultureInfo.InvariantCulture);

    private static string Short(DateOnly? d) => d is { } x ? Short(x) : "never";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
