using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Salient.Analysis.Attribution;
using Salient.Analysis.Plots;
using Salient.Output.Csv;

namespace Salient.Cli.Services;

/// <summary>What <c>salient attribute</c> found, as its files record it.</summary>
/// <remarks>Immutable.</remarks>
public sealed record AttributionProduct(
    string ScenarioName, string ScenarioHash, string Title, ulong Seed, int Replications, int Bootstrap,
    IReadOnlyList<Mechanism> Mechanisms, IReadOnlyList<AttributionOutcome> Outcomes, IReadOnlyList<OutcomeAttribution> Results);

/// <summary>
/// The files of <c>salient attribute</c>: attribution.csv (one row per outcome and mechanism), attribution.json (with
/// every coalition's mean), a bar chart per outcome (attribution-N.png), attribution.html, and attribution-section.html,
/// the same content as one <c>&lt;section&gt;</c> to paste into a report. (They describe Analysis types, which Output
/// does not reference, so they live with the command's services, as the calibration's do.)
/// </summary>
internal static class AttributionFiles
{
    /// <summary>The section's file name: one self-contained <c>&lt;section id="attribution"&gt;</c> for report.html.</summary>
    public const string SectionFileName = Salient.Output.Html.ReportFindings.AttributionSectionFileName;

    /// <summary>Writes every file into <paramref name="dir"/> (a folder being written atomically).</summary>
    public static void Write(string dir, AttributionProduct product)
    {
        var utf8 = new UTF8Encoding(false);
        File.WriteAllText(Path.Combine(dir, "attribution.csv"), Csv(product), utf8);
        File.WriteAllText(Path.Combine(dir, "attribution.json"), Json(product), utf8);
        var charts = product.Results.Select(r => Chart(r)).ToList();
        for (int i = 0; i < charts.Count; i++) File.WriteAllBytes(Path.Combine(dir, ChartName(i)), charts[i]);
        string section = Section(product, charts);
        File.WriteAllText(Path.Combine(dir, SectionFileName), section, utf8);
        File.WriteAllText(Path.Combine(dir, "attribution.html"),
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + E(product.Title) + " - attribution</title>\n" +
            "<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;font-size:13px;margin-bottom:1em}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}td:first-child,th:first-child{text-align:left}img{max-width:100%}</style></head><body>\n" +
            "<h1>" + E(product.Title) + "</h1>\n" + section + "</body></html>\n", utf8);
    }

    private static string ChartName(int i) => string.Create(CultureInfo.InvariantCulture, $"attribution-{i + 1}.png");

    private static string N(double x) => CsvFormat.Number(x);

    private static string Kind(OutcomeKind kind) => kind switch { OutcomeKind.Day => "days", OutcomeKind.Probability => "probability", _ => "value" };

    private static string Csv(AttributionProduct p)
    {
        var sb = new StringBuilder("outcome,kind,mechanism,variant,all_mean,none_mean,without_mean,removal,removal_low,removal_high,shapley,shapley_low,shapley_high\n");
        foreach (var r in p.Results)
            foreach (var e in r.Effects)
                sb.Append(CultureInfo.InvariantCulture,
                    $"\"{r.Outcome}\",{Kind(r.Kind)},{e.Mechanism.Name},{e.Mechanism.Variant},{N(r.All)},{N(r.None)},{N(e.WithoutMean)},{N(e.Removal)},{N(e.RemovalLow)},{N(e.RemovalHigh)},{N(e.Shapley)},{N(e.ShapleyLow)},{N(e.ShapleyHigh)}\n");
        return sb.ToString();
    }

    private static string Json(AttributionProduct p)
    {
        static double? F(double x) => double.IsFinite(x) ? x : null;
        var doc = new
        {
            scenario = p.ScenarioName,
            hash = p.ScenarioHash,
            seed = p.Seed,
            replications = p.Replications,
            runs = 1 << p.Mechanisms.Count,
            method = "every coalition of the mechanisms is one run with the others removed (their variants composed in the order given), all with the same seed and replications (common random numbers). removal = v(all but one) - v(all), 95% Student-t on paired differences; shapley = exact Shapley value of the mechanism's presence, 95% percentile interval of a paired bootstrap over replications (the same resampled replications in every run).",
            bootstrap = p.Bootstrap,
            mechanisms = p.Mechanisms.Select(m => new { name = m.Name, variant = m.Variant }),
            outcomes = p.Results.Select(r => new
            {
                outcome = r.Outcome,
                kind = Kind(r.Kind),
                all = F(r.All),
                none = F(r.None),
                total = F(r.Total),
                mechanisms = r.Effects.Select(e => new
                {
                    name = e.Mechanism.Name, variant = e.Mechanism.Variant, without = F(e.WithoutMean),
                    removal = new { mean = F(e.Removal), low = F(e.RemovalLow), high = F(e.RemovalHigh) },
                    shapley = new { value = F(e.Shapley), low = F(e.ShapleyLow), high = F(e.ShapleyHigh) },
                }),
                coalitions = r.Coalitions.Select((v, mask) => new
                {
                    present = p.Mechanisms.Where((_, i) => (mask & (1 << i)) != 0).Select(m => m.Name),
                    variant = AttributionStudy.Composition(p.Mechanisms, mask),
                    mean = F(v),
                }).Reverse(),
            }),
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static byte[] Chart(OutcomeAttribution r)
    {
        var labels = r.Effects.Select(e => e.Mechanism.Name).ToList();
        // Both bars measure what the mechanism's presence adds: the Shapley value, and minus the removal effect.
        return AnalysisPlots.Bars(r.Outcome, labels,
        [
            ("Shapley value", [.. r.Effects.Select(e => e.Shapley)], [.. r.Effects.Select(e => e.ShapleyLow)], [.. r.Effects.Select(e => e.ShapleyHigh)]),
            ("one at a time (-removal effect)", [.. r.Effects.Select(e => -e.Removal)], [.. r.Effects.Select(e => -e.RemovalHigh)], [.. r.Effects.Select(e => -e.RemovalLow)]),
        ], r.Kind switch { OutcomeKind.Day => "days", OutcomeKind.Probability => "probability", _ => "contribution" });
    }

    private static string Section(AttributionProduct p, IReadOnlyList<byte[]> charts)
    {
        var h = new StringBuilder();
        h.Append("<section id=\"attribution\">\n<h2>What decided it: attribution</h2>\n");
        h.Append(string.Create(CultureInfo.InvariantCulture,
            $"<p>Mechanisms: {E(string.Join(", ", p.Mechanisms.Select(m => $"{m.Name} (removed by variant {m.Variant})")))}. Each of the {1 << p.Mechanisms.Count:N0} combinations was run with {p.Replications:N0} replications, seed {p.Seed}, common random numbers. <i>Removal effect</i>: the outcome without the mechanism minus with every mechanism (95% Student-t interval on paired differences). <i>Shapley value</i>: what the mechanism's presence adds, averaged over every combination of the others; the values add up to the outcome with every mechanism minus with none (95% interval from {p.Bootstrap:N0} paired bootstrap draws over replications).</p>\n"));
        for (int o = 0; o < p.Results.Count; o++)
        {
            var r = p.Results[o];
            var outcome = p.Outcomes[o];
            h.Append("<h3>").Append(E(r.Outcome)).Append("</h3>\n<p>")
             .Append(E($"With every mechanism {outcome.Format(r.All)}; with none {outcome.Format(r.None)}.")).Append("</p>\n");
            h.Append("<table><thead><tr><th>mechanism</th><th>removed alone</th><th>removal effect [95%]</th><th>Shapley value [95%]</th></tr></thead><tbody>\n");
            foreach (var e in r.Effects)
                h.Append("<tr><td>").Append(E(e.Mechanism.Name)).Append("</td><td>").Append(E(outcome.Format(e.WithoutMean)))
                 .Append("</td><td>").Append(E($"{outcome.FormatDifference(e.Removal)} [{outcome.FormatDifference(e.RemovalLow)}, {outcome.FormatDifference(e.RemovalHigh)}]"))
                 .Append("</td><td>").Append(E($"{outcome.FormatDifference(e.Shapley)} [{outcome.FormatDifference(e.ShapleyLow)}, {outcome.FormatDifference(e.ShapleyHigh)}]")).Append("</td></tr>\n");
            h.Append("</tbody></table>\n");
            h.Append("<figure><img alt=\"").Append(E(r.Outcome)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(charts[o])).Append("\"></figure>\n");
        }
        h.Append("</section>\n");
        return h.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
