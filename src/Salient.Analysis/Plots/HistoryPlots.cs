using ScottPlot;

namespace Salient.Analysis.Plots;

/// <summary>PNG charts of the history study (docs/history.md), drawn with ScottPlot.</summary>
public static class HistoryPlots
{
    private const int Width = 700;
    private const int Height = 600;

    /// <summary>Calibration curve: mean forecast attacker-win probability per tenth against the observed share, with the diagonal.</summary>
    public static byte[] Calibration(IReadOnlyList<(double Forecast, double Observed, int Count)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var plot = new Plot();
        plot.Title("Winner probabilities on the held-out half", 14);
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfect calibration";
        if (points.Count > 0)
        {
            var s = plot.Add.Scatter(points.Select(p => p.Forecast).ToArray(), points.Select(p => p.Observed).ToArray());
            s.Color = Color.FromHex("#1f4e79");
            s.LineWidth = 2;
            s.MarkerSize = 8;
            s.LegendText = "model (forecasts binned by tenths)";
            foreach (var p in points)
            {
                var t = plot.Add.Text($"n={p.Count}", p.Forecast, p.Observed);
                t.LabelFontSize = 10;
            }
        }
        plot.Axes.SetLimits(-0.02, 1.1, 0, 1.05);
        plot.XLabel("model's probability that the attacker wins");
        plot.YLabel("share of battles the attacker won (CDB90)");
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Predicted (model median) against recorded casualty fraction per day, both as log10, one colour per side.</summary>
    public static byte[] Casualties(IReadOnlyList<(double Record, double Model, string Side)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var plot = new Plot();
        plot.Title("Casualties per day as a fraction of strength (held-out half)", 14);
        var palette = new ScottPlot.Palettes.Category10();
        double lo = -5, hi = 0;
        int k = 0;
        foreach (var side in pairs.Select(p => p.Side).Distinct())
        {
            var pts = pairs.Where(p => p.Side == side && p.Record > 0 && p.Model > 0).ToArray();
            if (pts.Length == 0) continue;
            var xs = pts.Select(p => Math.Log10(p.Record)).ToArray();
            var ys = pts.Select(p => Math.Log10(p.Model)).ToArray();
            lo = Math.Min(lo, Math.Min(xs.Min(), ys.Min()));
            hi = Math.Max(hi, Math.Max(xs.Max(), ys.Max()));
            var s = plot.Add.ScatterPoints(xs, ys);
            s.Color = palette.GetColor(k++);
            s.MarkerSize = 5;
            s.LegendText = side;
        }
        var diagonal = plot.Add.Line(lo, lo, hi, hi);
        diagonal.LineColor = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "model = record";
        plot.XLabel("log10 recorded casualties per day / strength (CDB90)");
        plot.YLabel("log10 model median");
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
