using ScottPlot;

namespace Salient.Analysis.Plots;

/// <summary>PNG charts of sweeps and sensitivity results, drawn with ScottPlot.</summary>
public static class AnalysisPlots
{
    private const int Width = 800;
    private const int Height = 450;

    /// <summary>A metric against one varied input: the mean as a line with markers, and the p05-p95 band.</summary>
    public static byte[] SweepBand(string title, string xLabel, string yLabel, double[] xs, double[] mean, double[] p05, double[] p95)
    {
        ArgumentNullException.ThrowIfNull(xs);
        var plot = NewPlot(title);
        var colour = Color.FromHex("#1f4e79");
        if (xs.Length > 1)
        {
            var band = plot.Add.FillY(xs, p05, p95);
            band.FillColor = colour.WithAlpha(0.2);
            band.LineWidth = 0;
            band.LegendText = "p05-p95";
        }
        var line = plot.Add.Scatter(xs, mean);
        line.Color = colour;
        line.LineWidth = 2;
        line.MarkerSize = 6;
        line.LegendText = "mean";
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(Width, Height + 50, ImageFormat.Png);
    }

    /// <summary>Horizontal-position bar chart of one or two values per input, with optional error bars.</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="labels">One label per input.</param>
    /// <param name="series">Named series, each one value per input with optional (low, high) intervals.</param>
    /// <param name="yLabel">Value axis label.</param>
    public static byte[] Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<(string Name, double[] Values, double[]? Low, double[]? High)> series, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(series);
        var plot = NewPlot(title);
        var palette = new ScottPlot.Palettes.Category10();
        double width = 0.8 / Math.Max(1, series.Count);
        var bars = new List<Bar>();
        for (int s = 0; s < series.Count; s++)
        {
            var (_, values, low, high) = series[s];
            for (int i = 0; i < labels.Count; i++)
            {
                double v = double.IsFinite(values[i]) ? values[i] : 0;
                var bar = new Bar { Position = i - 0.4 + (width * (s + 0.5)), Value = v, FillColor = palette.GetColor(s), LineWidth = 0, Size = width * 0.9 };
                if (low is not null && high is not null && double.IsFinite(low[i]) && double.IsFinite(high[i]))
                {
                    var whisker = plot.Add.Line(bar.Position, low[i], bar.Position, high[i]);
                    whisker.LineColor = Colors.Black;
                    whisker.LineWidth = 1.5f;
                    whisker.MarkerSize = 0;
                }
                bars.Add(bar);
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = palette.GetColor(s), LineWidth = 0 });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], [.. labels]);
        plot.Axes.SetLimitsX(-0.6, labels.Count - 0.4);
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(Width, Height + 50, ImageFormat.Png);
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Title(title, 14);
        plot.Legend.FontSize = 11;
        return plot;
    }
}
