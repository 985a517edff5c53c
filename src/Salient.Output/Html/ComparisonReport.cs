using System.Globalization;
using System.Net;
using System.Text;
using Salient.Engine.Compilation;
using Salient.Experiments.Comparison;
using ScottPlot;

namespace Salient.Output.Html;

/// <summary>
/// compare.html: a self-contained page (charts inlined as PNG) showing each variant's paired difference against the
/// baseline for the headline metrics, with 95% intervals, plus the full table.
/// </summary>
public static class ComparisonReport
{
    /// <summary>Writes the page to <paramref name="path"/>.</summary>
    public static void Write(string path, string title, IReadOnlyList<string> variants, IReadOnlyList<(string Variant, MetricDifference Difference)> rows,
        IReadOnlyList<string> headline, int replications, ulong seed)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append(" - variants</title>\n")
         .Append("<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}td:first-child,th:first-child{text-align:left}img{max-width:100%}</style></head><body>\n")
         .Append("<h1>").Append(E(title)).Append(": variants against the baseline</h1>\n")
         .Append(string.Create(CultureInfo.InvariantCulture, $"<p>{replications:N0} replications per run, seed {seed}. Each variant replays the baseline's random streams (common random numbers), so a difference is the variant's effect; bars show the mean paired difference (variant minus baseline) and whiskers its 95% Student-t interval. Event metrics (dates) compare only replications where the event happened in both runs.</p>\n"));
        foreach (string metric in headline)
        {
            List<MetricDifference?> cells = [.. variants.Select(v => (MetricDifference?)rows.FirstOrDefault(r => r.Variant == v && r.Difference.Name == metric).Difference)];
            // A metric no variant moves (e.g. costs in a scenario without fires) gets no chart, only its table row.
            if (cells.All(c => c is null || c.Pairs == 0 || (c.MeanDifference == 0 && c.Low == 0 && c.High == 0))) continue;
            h.Append("<p><img alt=\"").Append(E(metric)).Append("\" src=\"data:image/png;base64,")
             .Append(Convert.ToBase64String(Chart(metric, variants, cells))).Append("\"></p>\n");
        }
        h.Append("<h2>All metrics</h2>\n<table><thead><tr><th>metric</th>");
        foreach (var v in variants) h.Append("<th>").Append(E(v)).Append("</th>");
        h.Append("</tr></thead><tbody>\n");
        foreach (var name in rows.Select(r => r.Difference.Name).Distinct(StringComparer.Ordinal))
        {
            h.Append("<tr><td>").Append(E(name)).Append("</td>");
            foreach (var v in variants)
            {
                var d = rows.FirstOrDefault(r => r.Variant == v && r.Difference.Name == name).Difference;
                h.Append("<td>").Append(E(d is null || d.Pairs == 0 ? "-" : string.Create(CultureInfo.InvariantCulture,
                    $"{d.MeanDifference:+0.##;-0.##;0}{(d.Kind == MetricKind.Day ? " d" : "")} [{d.Low:0.##}, {d.High:0.##}]"))).Append("</td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody></table>\n</body></html>\n");
        File.WriteAllText(path, h.ToString(), new UTF8Encoding(false));
    }

    private static byte[] Chart(string metric, IReadOnlyList<string> variants, List<MetricDifference?> cells)
    {
        var plot = new Plot();
        plot.Title(metric, 14);
        var bars = new List<Bar>();
        for (int i = 0; i < variants.Count; i++)
        {
            var d = cells[i];
            if (d is null || d.Pairs == 0 || !double.IsFinite(d.MeanDifference)) continue;
            bars.Add(new Bar
            {
                Position = i,
                Value = d.MeanDifference,
                Error = double.IsFinite(d.High) ? d.High - d.MeanDifference : 0,
                FillColor = d.MeanDifference >= 0 ? Colors.SteelBlue : Colors.IndianRed,
                Size = 0.6,
            });
        }
        plot.Add.Bars(bars);
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, variants.Count).Select(i => (double)i)], [.. variants]);
        plot.Axes.SetLimitsX(-0.6, variants.Count - 0.4);
        plot.YLabel(cells.Any(c => c?.Kind == MetricKind.Day) ? "difference (days)" : "difference");
        return plot.GetImageBytes(900, 340, ImageFormat.Png);
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
