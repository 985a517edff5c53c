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

    /// <summary>
    /// A weighted histogram of a calibrated input's posterior particles, with the prior's density (scaled to the same
    /// area) over the prior's support for comparison.
    /// </summary>
    public static byte[] Posterior(string title, string xLabel, double[] values, double[] weights, double lower, double upper, Func<double, double> priorDensity)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(priorDensity);
        var plot = NewPlot(title);
        const int Bins = 30;
        double width = (upper - lower) / Bins;
        var mass = new double[Bins];
        for (int i = 0; i < values.Length; i++) mass[Math.Clamp((int)((values[i] - lower) / width), 0, Bins - 1)] += weights[i];
        var bars = Enumerable.Range(0, Bins).Select(b => new Bar
        {
            Position = lower + (b + 0.5) * width, Value = mass[b] / width, Size = width * 0.95,
            FillColor = Color.FromHex("#1f4e79").WithAlpha(0.7), LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        var xs = Enumerable.Range(0, 201).Select(i => lower + (upper - lower) * i / 200.0).ToArray();
        var density = xs.Select(priorDensity).ToArray();
        double area = 0;
        for (int i = 1; i < xs.Length; i++) area += 0.5 * (density[i] + density[i - 1]) * (xs[i] - xs[i - 1]);
        var prior = plot.Add.Scatter(xs, [.. density.Select(d => area > 0 ? d / area : 0)]);
        prior.Color = Color.FromHex("#d62728");
        prior.LineWidth = 2;
        prior.MarkerSize = 0;
        prior.LegendText = "prior";
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "posterior (weighted particles)", FillColor = Color.FromHex("#1f4e79").WithAlpha(0.7), LineWidth = 0 });
        plot.XLabel(xLabel);
        plot.YLabel("density");
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(Width, Height + 50, ImageFormat.Png);
    }

    /// <summary>The tolerance and acceptance rate of each generation of a fit, the first of them generation <paramref name="firstGeneration"/>.</summary>
    /// <remarks>The prior's generation (0) has no tolerance, so a fit's plot starts at generation 1; the x axis spans
    /// half a generation either side of the first and last, so one generation is not drawn on an axis from -1 to 1.</remarks>
    public static byte[] Tolerances(string title, int firstGeneration, double[] epsilon, double[] acceptance)
    {
        ArgumentNullException.ThrowIfNull(epsilon);
        ArgumentNullException.ThrowIfNull(acceptance);
        var plot = NewPlot(title);
        var xs = GenerationAxis(firstGeneration, epsilon.Length);
        plot.Axes.SetLimitsX(firstGeneration - 0.5, firstGeneration + epsilon.Length - 0.5);
        var eps = plot.Add.Scatter(xs, epsilon);
        eps.LegendText = "tolerance (epsilon)";
        eps.LineWidth = 2;
        var acc = plot.Add.Scatter(xs, acceptance);
        acc.LegendText = "acceptance rate";
        acc.LineWidth = 2;
        plot.XLabel("generation");
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(Width, Height + 50, ImageFormat.Png);
    }

    /// <summary>The x values of a tolerance plot: <paramref name="count"/> generation numbers from <paramref name="firstGeneration"/>.</summary>
    public static double[] GenerationAxis(int firstGeneration, int count) =>
        [.. Enumerable.Range(firstGeneration, count).Select(g => (double)g)];

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Title(title, 14);
        plot.Legend.FontSize = 11;
        return plot;
    }
}
