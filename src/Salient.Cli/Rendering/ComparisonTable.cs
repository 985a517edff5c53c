using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Experiments.Comparison;
using Spectre.Console;

namespace Salient.Cli.Rendering;

/// <summary>The console table of <c>salient compare</c>: mean paired difference and 95% interval, per variant.</summary>
internal static class ComparisonTable
{
    /// <summary>Prints each headline metric's difference per variant.</summary>
    public static void Render(TableWriter tables, IReadOnlyList<string> names, IReadOnlyList<(string Variant, MetricDifference Difference)> rows, IReadOnlyList<string> variants)
    {
        var table = new PrintedTable("compare", "Change against the baseline (mean difference [[95% CI]])").AddColumn("metric");
        foreach (var v in variants) table.AddColumn(v, true);
        foreach (string name in names)
        {
            var cells = variants.Select(v => rows.FirstOrDefault(r => r.Variant == v && r.Difference.Name == name).Difference).ToList();
            if (cells.All(c => c is null)) continue;
            table.AddRow([Markup.Escape(name), .. cells.Select(c => Markup.Escape(c is null ? "-" : Format(c)))]);
        }
        tables.Write(table);
    }

    private static string Format(MetricDifference d)
    {
        string p = d.Kind == MetricKind.Day ? string.Create(CultureInfo.InvariantCulture, $" (p {d.BaselineProbability:0.00}->{d.VariantProbability:0.00})") : "";
        if (d.Pairs == 0) return d.Kind == MetricKind.Day ? p.Trim() : "-";
        string unit = d.Kind == MetricKind.Day ? "d" : "";
        return $"{Compact(d.MeanDifference, true)}{unit} [{Compact(d.Low, true)}, {Compact(d.High, true)}]{p}";
    }

    /// <summary>Short signed numbers so a table of several variants fits a terminal: 12.3k, 4.5M, 1.2B.</summary>
    internal static string Compact(double v, bool signed)
    {
        if (!double.IsFinite(v)) return "?";
        double a = Math.Abs(v);
        string body = a >= 1e9 ? (a / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "B"
            : a >= 1e6 ? (a / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M"
            : a >= 1e4 ? (a / 1e3).ToString("0", CultureInfo.InvariantCulture) + "k"
            : a.ToString(a >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture);
        return (signed && v > 0 ? "+" : v < 0 ? "-" : "") + body;
    }
}
