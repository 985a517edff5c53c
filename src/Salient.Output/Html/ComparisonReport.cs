using System.Globalization;
using System.Net;
using System.Text;
using Salient.Engine.Compilation;
using Salient.Experiments.Comparison;

namespace Salient.Output.Html;

/// <summary>
/// compare.html: a self-contained page in the report's style. A forest plot per headline metric (one row per variant:
/// the mean paired difference, variant minus baseline, as a dot and its 95% interval as a line, on an axis in the
/// metric's unit with zero marked), then the full table. Inline SVG; no script, nothing fetched.
/// </summary>
public static class ComparisonReport
{
    private const int Width = 940, LabelWidth = 190, TextWidth = 230, RowHeight = 24, AxisHeight = 34;

    /// <summary>Writes the page to <paramref name="path"/>.</summary>
    public static void Write(string path, string title, IReadOnlyList<string> variants, IReadOnlyList<(string Variant, MetricDifference Difference)> rows,
        IReadOnlyList<string> headline, int replications, ulong seed) =>
        File.WriteAllText(path, Render(title, variants, rows, headline, replications, seed), new UTF8Encoding(false));

    /// <summary>The page's HTML.</summary>
    public static string Render(string title, IReadOnlyList<string> variants, IReadOnlyList<(string Variant, MetricDifference Difference)> rows,
        IReadOnlyList<string> headline, int replications, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(headline);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
         .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n")
         .Append("<title>").Append(E(title)).Append(" — variants against the baseline</title>\n<style>\n").Append(ReportStyle.Css).Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
         .Append("<h1>").Append(E(title)).Append(": variants against the baseline</h1>\n")
         .Append(Inv($"<p class=\"meta\">{replications:N0} replications per run, seed {seed}; variants {E(string.Join(", ", variants))}.</p>\n"))
         .Append("<p class=\"lede\">Each variant replays the baseline's random streams (common random numbers), so a difference is the variant's effect. Each row shows the mean paired difference, variant minus baseline (dot), and its 95% Student-t interval (line); a filled dot is an interval that excludes zero. Dates compare only the replications where the event happened in both runs; the share in which it happened is beside them.</p>\n");

        var byKey = rows.GroupBy(r => (r.Variant, r.Difference.Name)).ToDictionary(g => g.Key, g => g.First().Difference);
        MetricDifference? Find(string v, string m) => byKey.TryGetValue((v, m), out var d) ? d : null;
        h.Append("<section id=\"forest\">\n<h2>Headline metrics</h2>\n");
        int drawn = 0;
        foreach (string metric in headline)
        {
            var cells = variants.Select(v => Find(v, metric)).ToList();
            // A metric no variant moves (e.g. costs in a scenario without fires) gets no plot, only its table row.
            if (cells.All(c => c is null || c.Pairs == 0 || (c.MeanDifference == 0 && c.Low == 0 && c.High == 0))) continue;
            h.Append(Forest(metric, variants, cells));
            drawn++;
        }
        if (drawn == 0) h.Append("<p>No variant moved a headline metric.</p>\n");
        h.Append("</section>\n");

        h.Append("<section id=\"all\">\n<h2>All metrics</h2>\n<table class=\"compare\">\n<thead><tr><th>metric</th><th>unit</th>");
        foreach (var v in variants) h.Append("<th>").Append(E(v)).Append(" − baseline [95%]</th>");
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var name in rows.Select(r => r.Difference.Name).Distinct(StringComparer.Ordinal))
        {
            var kind = rows.First(r => r.Difference.Name == name).Difference.Kind;
            h.Append("<tr><td><code>").Append(E(name)).Append("</code></td><td>").Append(E(Unit(name, kind))).Append("</td>");
            foreach (var v in variants)
            {
                var d = Find(v, name);
                h.Append("<td>").Append(E(d is null || d.Pairs == 0 ? "–" : Inv($"{Signed(d.MeanDifference)} [{Signed(d.Low)}, {Signed(d.High)}]"))).Append("</td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n<footer>Written by <code>salient compare</code>; the numbers are in compare.csv and compare.json beside this page.</footer>\n</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>The unit of a metric's difference, read from its name: km², persons, items, USD, days.</summary>
    public static string Unit(string metric, MetricKind kind)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (kind == MetricKind.Day) return "days";
        if (metric.Contains("km2", StringComparison.Ordinal)) return "km²";
        if (metric.Contains("usd", StringComparison.Ordinal)) return "USD";
        if (metric.Contains("distance_km", StringComparison.Ordinal)) return "km";
        return metric.Split('.')[0] switch
        {
            "casualties" or "personnel" => "persons",
            "losses" or "deep" => "items",
            "control" when metric.StartsWith("control.settlements", StringComparison.Ordinal) => "settlements",
            _ => "",
        };
    }

    private static string Forest(string metric, IReadOnlyList<string> variants, List<MetricDifference?> cells)
    {
        var kind = cells.First(c => c is not null)!.Kind;
        string unit = Unit(metric, kind);
        var finite = cells.Where(c => c is { Pairs: > 0 }).SelectMany(c => new[] { c!.Low, c.High, c.MeanDifference }).Where(double.IsFinite).Append(0).ToList();
        var (lo, hi, ticks) = NiceAxis(finite.Min(), finite.Max());
        int plotLeft = LabelWidth, plotRight = Width - TextWidth;
        double Px(double v) => plotLeft + (v - lo) / (hi - lo) * (plotRight - plotLeft);
        int height = 10 + variants.Count * RowHeight + AxisHeight;
        var s = new StringBuilder();
        s.Append("<figure class=\"forest\"><figcaption class=\"metric\"><code>").Append(E(metric)).Append("</code>")
         .Append(unit.Length > 0 ? " — difference in " + E(unit) : "").Append("</figcaption>\n");
        s.Append(Inv($"<svg viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(metric)}\">"));
        int axisY = 10 + variants.Count * RowHeight;
        foreach (double t in ticks)
        {
            double x = Px(t);
            s.Append(Inv($"<line x1=\"{x:0.#}\" y1=\"6\" x2=\"{x:0.#}\" y2=\"{axisY}\" stroke=\"{(t == 0 ? "#333" : "#e3e3e3")}\" stroke-width=\"{(t == 0 ? 1.2 : 1)}\"/>"));
            s.Append(Inv($"<text x=\"{x:0.#}\" y=\"{axisY + 14}\" text-anchor=\"middle\" class=\"tick\">{E(Signed(t))}</text>"));
        }
        s.Append(Inv($"<line x1=\"{plotLeft}\" y1=\"{axisY}\" x2=\"{plotRight}\" y2=\"{axisY}\" stroke=\"#999\"/>"));
        s.Append(Inv($"<text x=\"{(plotLeft + plotRight) / 2}\" y=\"{axisY + 29}\" text-anchor=\"middle\" class=\"axis\">{E(unit.Length > 0 ? $"variant − baseline ({unit})" : "variant − baseline")}</text>"));
        for (int i = 0; i < variants.Count; i++)
        {
            double y = 10 + i * RowHeight + RowHeight / 2.0;
            s.Append(Inv($"<text x=\"{LabelWidth - 10}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"variant\">{E(variants[i])}</text>"));
            var d = cells[i];
            string text;
            if (d is null || d.Pairs == 0 || !double.IsFinite(d.MeanDifference))
                text = d is { Kind: MetricKind.Day } ? Inv($"no pairs (happened {d.BaselineProbability:0%} → {d.VariantProbability:0%})") : "–";
            else
            {
                bool excludesZero = d.Low > 0 || d.High < 0;
                if (double.IsFinite(d.Low) && double.IsFinite(d.High))
                    s.Append(Inv($"<line x1=\"{Px(d.Low):0.#}\" y1=\"{y:0.#}\" x2=\"{Px(d.High):0.#}\" y2=\"{y:0.#}\" stroke=\"#1c1c1c\" stroke-width=\"2\"/>"));
                s.Append(Inv($"<circle cx=\"{Px(d.MeanDifference):0.#}\" cy=\"{y:0.#}\" r=\"5\" fill=\"{(excludesZero ? "#1c1c1c" : "#fff")}\" stroke=\"#1c1c1c\" stroke-width=\"1.6\"/>"));
                text = Inv($"{Signed(d.MeanDifference)} [{Signed(d.Low)}, {Signed(d.High)}]");
                if (d.Kind == MetricKind.Day) text += Inv($" · {d.BaselineProbability:0%}→{d.VariantProbability:0%}");
            }
            s.Append(Inv($"<text x=\"{plotRight + 12}\" y=\"{y + 4:0.#}\" class=\"value\">{E(text)}</text>"));
        }
        s.Append("</svg></figure>\n");
        return s.ToString();
    }

    /// <summary>An axis from <paramref name="min"/> to <paramref name="max"/> widened to round ticks (1, 2 or 5 times a power of ten).</summary>
    private static (double Lo, double Hi, List<double> Ticks) NiceAxis(double min, double max)
    {
        if (max - min <= 0) { min -= 1; max += 1; }
        double raw = (max - min) / 5;
        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1.0, 2, 5, 10 }.Select(f => f * mag).First(f => f >= raw);
        double lo = Math.Floor(min / step) * step, hi = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (double t = lo; t <= hi + step / 2; t += step) ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        return (lo, hi, ticks);
    }

    private static string Signed(double v)
    {
        if (!double.IsFinite(v)) return "?";
        double a = Math.Abs(v);
        string body = a >= 1e9 ? Inv($"{a / 1e9:0.##}B") : a >= 1e6 ? Inv($"{a / 1e6:0.##}M") : a >= 100 ? Inv($"{a:#,0}") : a >= 1 ? Inv($"{a:0.#}") : Inv($"{a:0.###}");
        return (v > 0 ? "+" : v < 0 ? "−" : "") + body;
    }

    private const string Css = """
        figure.forest { margin: 8px 0 14px; }
        figure.forest svg { display: block; max-width: 100%; height: auto; }
        figure.forest figcaption.metric { font-size: 14px; color: #1c1c1c; margin: 0 0 2px; }
        figure.forest text { font: 12px "DejaVu Sans", Helvetica, Arial, sans-serif; fill: #1c1c1c; }
        figure.forest text.tick, figure.forest text.axis { fill: #555; font-size: 11px; }
        figure.forest text.value { font-variant-numeric: tabular-nums; }
        table.compare td { font-variant-numeric: tabular-nums; white-space: nowrap; }

        """;

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
