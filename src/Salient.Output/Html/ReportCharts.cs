using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Experiments.Claims;
using Salient.Experiments.Statistics;
using Salient.Scenario.Evidence;
using ScottPlot;

namespace Salient.Output.Html;

/// <summary>One chart of the report: a PNG and the words around it.</summary>
/// <param name="Id">Stable id, used as the viewer's image name (<c>ground-blue</c>).</param>
/// <param name="Section">Report section the chart belongs to.</param>
/// <param name="Title">Heading.</param>
/// <param name="Caption">What the chart shows and how to read it (plain text).</param>
/// <param name="Png">The image.</param>
public sealed record ReportChart(string Id, string Section, string Title, string Caption, byte[] Png);

/// <summary>The report's charts, and the notes for sections left out.</summary>
public sealed record ReportChartSet(IReadOnlyList<ReportChart> Charts, IReadOnlyList<string> Omitted);

/// <summary>
/// Draws the report's charts with ScottPlot (rendered by SkiaSharp; its native library ships in the
/// SkiaSharp.NativeAssets.Linux.NoDependencies package ScottPlot brings, so no system libraries are needed).
/// Every chart is built from a <see cref="RunFolder"/>, so it can be redrawn from any run's files.
/// </summary>
public static class ReportCharts
{
    /// <summary>Section ids, in report order.</summary>
    public const string Ground = "ground", Casualties = "casualties", Captures = "captures", Losses = "losses", Cost = "cost";

    /// <summary>Most settlement/side rows in the capture chart.</summary>
    public const int MaxCaptureRows = 20;

    private const int Width = 960;
    private const int Height = 440;
    private const string FontName = "DejaVu Sans";

    /// <summary>Draws every chart the run's data supports.</summary>
    public static ReportChartSet Build(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var charts = new List<ReportChart>();
        var omitted = new List<string>();

        foreach (var side in run.Sides)
            if (run.Band(MetricNames.ControlArea(side.Id)) is { } band)
                charts.Add(FanChart(run, side, band, Ground, $"ground-{side.Id}", $"Ground held: {run.SideLabel(side)}", "km²",
                    "Median (line), 50% and 90% bands of the area held each day over all replications."));

        if (SeasonChart(run) is { } season) charts.Add(season);

        foreach (var side in run.Sides)
        {
            if (Histogram(run, side) is { } h) charts.Add(h);
            if (run.Band(MetricNames.CasualtiesTotal(side.Id)) is { } band)
                charts.Add(FanChart(run, side, band, Casualties, $"casualties-daily-{side.Id}", $"Cumulative casualties: {run.SideLabel(side)}", "persons",
                    "Killed, wounded and captured to date: median, 50% and 90% bands."));
        }
        if (!charts.Any(c => c.Section == Casualties)) omitted.Add("Casualties: the run has no casualties.total columns.");

        if (CaptureChart(run) is { } captures) charts.Add(captures);
        else omitted.Add("Capture dates: no settlement was captured in any replication (or replications.csv is missing).");

        if (StackedChart(run, MetricNames.LossesPrefix, Losses, "losses", "Equipment lost, by system",
                "Mean items lost per replication, by system, stacked per side.") is { } losses) charts.Add(losses);
        else omitted.Add("Losses by system: the run has no losses.<system>.<side> columns.");
        if (StackedChart(run, MetricNames.CasualtiesByCausePrefix, Losses, "casualties-by-cause", "Casualties, by cause",
                "Mean casualties per replication, by what caused them, stacked per side.") is { } byCause) charts.Add(byCause);
        else omitted.Add("Casualties by cause: not recorded by this run (no casualties.by_cause.<cause>.<side> columns).");

        if (CostChart(run) is { } cost) charts.Add(cost);
        else omitted.Add("Cost spent against value destroyed: not recorded by this run (no cost.spent_usd.<side> and cost.destroyed_usd.<side> columns).");

        return new ReportChartSet(charts, omitted);
    }

    // ------------------------------------------------------------------ charts

    /// <summary>
    /// The season calendar (only for runs with a season: block): daylight share, foliage, movement multiplier. The
    /// weather flags are left out: the median of a 0/1 flag over replications is noise, not a calendar.
    /// </summary>
    private static ReportChart? SeasonChart(RunFolder run)
    {
        if (run.Band(MetricNames.Season("daylight_hours")) is not { } daylight) return null;
        var plot = NewPlot("Season calendar");
        double[] xs = [.. Enumerable.Range(0, daylight.Days).Select(d => X(daylight.Date(d)))];
        var palette = new ScottPlot.Palettes.Category10();
        (string Series, string Legend, double Scale)[] lines =
        [
            ("daylight_hours", "daylight (share of 24 h)", 1.0 / 24),
            ("foliage", "foliage cover", 1),
            ("mobility", "movement multiplier (ground state)", 1),
        ];
        for (int i = 0; i < lines.Length; i++)
        {
            if (run.Band(MetricNames.Season(lines[i].Series)) is not { } band) continue;
            double scale = lines[i].Scale;
            var line = plot.Add.Scatter(xs, [.. band.P50.Select(v => v * scale)]);
            line.Color = palette.GetColor(i);
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = lines[i].Legend;
        }
        DateAxis(plot);
        plot.Axes.SetLimitsY(0, 1.05);
        plot.YLabel("share or multiplier");
        return new ReportChart("season", Ground, "Season calendar", "Daylight hours (as a share of the day), foliage cover and the ground's movement multiplier by date (docs/model.md, section 4.10). The weather is drawn per replication: daily.csv has the bands of season.precipitation and season.low_cloud, replications.csv the counts of bad days.", Png(plot));
    }

    private static ReportChart FanChart(RunFolder run, SideInfo side, DailyBand band, string section, string id, string title, string unit, string caption)
    {
        var plot = NewPlot(title);
        var colour = Color.FromHex(side.Colour);
        double[] xs = [.. Enumerable.Range(0, band.Days).Select(d => X(band.Date(d)))];
        double[] p05 = [.. band.P05], p25 = [.. band.P25], p50 = [.. band.P50], p75 = [.. band.P75], p95 = [.. band.P95];
        var f90 = plot.Add.FillY(xs, p05, p95);
        f90.FillColor = colour.WithAlpha(0.18);
        f90.LineWidth = 0;
        f90.LegendText = "90% band";
        var f50 = plot.Add.FillY(xs, p25, p75);
        f50.FillColor = colour.WithAlpha(0.38);
        f50.LineWidth = 0;
        f50.LegendText = "50% band";
        var median = plot.Add.Scatter(xs, p50);
        median.Color = colour;
        median.LineWidth = 2;
        median.MarkerSize = 0;
        median.LegendText = "median";

        double top = Math.Max(1, band.P95.Where(double.IsFinite).DefaultIfEmpty(0).Max()) * 1.6;
        var claims = run.Evidence.For(band.Name).Where(e => e.IsNumeric && e.AsOfEnd is not null).ToList();
        var offChart = new List<string>();
        var labels = new LabelPlacer(top, xs.Length > 0 ? xs[0] : 0, xs.Length > 0 ? xs[^1] : 1);
        foreach (var e in claims)
        {
            var style = Grade(e.SourceGrade);
            double x1 = X(e.AsOfEnd!.Value), x0 = X(e.AsOfStart ?? e.AsOfEnd.Value);
            double y = e.Centre!.Value;
            if (y > top)
            {
                // Claims far above the model's range sit on the top edge; one label per value and grade, however many claims repeat it.
                offChart.Add($"{Number(y)} ({e.Reliability}, {e.AsOfText})");
                plot.Add.Marker(x1, top * 0.97, MarkerShape.OpenTriangleUp, 10, style.Colour);
                labels.Add(plot, Number(y), e.Reliability, x1, top * 0.97, style.Colour, onTopEdge: true);
                continue;
            }
            if (x0 < x1) Segment(plot, x0, y, x1, y, style.Colour, LinePattern.Dotted);
            if (e.IsRange) Segment(plot, x1, e.Low!.Value, x1, Math.Min(e.High!.Value, top), style.Colour, LinePattern.Solid);
            plot.Add.Marker(x1, y, style.Shape, 9, style.Colour);
            labels.Add(plot, "", e.Reliability, x1, y, style.Colour);
        }
        AddGradeLegend(plot, claims);
        DateAxis(plot);
        double shown = Math.Max(top / 1.6, claims.Where(c => c.Centre <= top).Select(c => Math.Min(c.High!.Value, top)).DefaultIfEmpty(0).Max());
        double upper = offChart.Count > 0 ? top : shown * 1.1;
        // An axis from zero wastes most of the chart on a series that never comes near it (a side holding 5,000 to
        // 6,500 km² all campaign): start it just below the lowest band or claim shown when that is above 30% of the top.
        double lowest = Math.Min(band.P05.Where(double.IsFinite).DefaultIfEmpty(0).Min(),
            claims.Where(c => c.Centre <= top).Select(c => c.Low!.Value).DefaultIfEmpty(double.PositiveInfinity).Min());
        double lower = lowest > 0.3 * upper ? Math.Max(0, lowest - 0.08 * (upper - lowest)) : 0;
        plot.Axes.SetLimitsY(lower, upper);
        plot.YLabel(unit);
        string text = caption + EvidenceCaption(claims.Count, band.Name) + OffChart(offChart);
        return new ReportChart(id, section, title, text, Png(plot));
    }

    private static ReportChart? Histogram(RunFolder run, SideInfo side)
    {
        string metric = MetricNames.CasualtiesTotal(side.Id);
        double[] values = run.Table.Numbers(metric);
        if (values.Length == 0) return null;
        string title = $"Total casualties at the end: {run.SideLabel(side)}";
        var plot = NewPlot(title);
        double min = values.Min(), max = values.Max();
        if (max - min < 1) { min -= 1; max += 1; }
        double pad = (max - min) * 0.05;
        var hist = ScottPlot.Statistics.Histogram.WithBinCount(Math.Clamp(values.Length / 4, 8, 40), min, max);
        hist.AddRange(values);
        plot.Add.Histogram(hist, Color.FromHex(side.Colour).WithAlpha(0.75));

        double lo = min - pad, hi = max + pad;
        double reach = (max - min) * 1.5 + pad;
        var claims = run.Evidence.For(metric).Where(e => e.IsNumeric).ToList();
        var offChart = new List<string>();
        var end = run.End;
        foreach (var e in claims)
        {
            var style = Grade(e.SourceGrade);
            double x = e.Centre!.Value;
            bool atEnd = e.AsOfEnd is { } d && d.DayNumber >= end.DayNumber - 14;
            string when = e.AsOfEnd is { } ae ? ae.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : e.AsOfText;
            if (x < min - reach || x > max + reach)
            {
                offChart.Add($"{Number(x)} ({e.Reliability}, as of {when})");
                continue;
            }
            lo = Math.Min(lo, (e.Low ?? x) - pad);
            hi = Math.Max(hi, (e.High ?? x) + pad);
            if (e.IsRange) plot.Add.HorizontalSpan(e.Low!.Value, e.High!.Value, style.Colour.WithAlpha(0.12));
            var line = plot.Add.VerticalLine(x, 2, style.Colour, atEnd ? LinePattern.Solid : LinePattern.Dashed);
            line.LegendText = $"{e.Reliability} {Number(x)} as of {when}{(atEnd ? "" : " (earlier)")}";
        }
        plot.Axes.SetLimitsX(lo, hi);
        plot.XLabel("persons (killed + wounded + captured)");
        plot.YLabel("replications");
        string caption = $"Distribution over {values.Length} replications of the total at the end of the run. Claims are vertical lines coloured by source grade; dashed lines are claims dated more than two weeks before the end, so they should fall below the final total."
            + EvidenceCaption(claims.Count, metric) + OffChart(offChart);
        return new ReportChart($"casualties-{side.Id}", Casualties, title, caption, Png(plot));
    }

    private sealed record CaptureRow(string Cell, SideInfo Side, double Probability, DateOnly P05, DateOnly P25, DateOnly P50, DateOnly P75, DateOnly P95);

    private static ReportChart? CaptureChart(RunFolder run)
    {
        var rows = new List<CaptureRow>();
        foreach (string name in run.Table.Names)
        {
            if (!name.StartsWith(MetricNames.CapturePrefix, StringComparison.Ordinal)) continue;
            int dot = name.LastIndexOf('.');
            string cell = name[MetricNames.CapturePrefix.Length..dot];
            var side = run.Sides.FirstOrDefault(s => s.Id == name[(dot + 1)..]);
            if (side is null) continue;
            var dates = run.Table.Dates(name);
            int[] days = [.. dates.Where(d => d is not null).Select(d => d!.Value.DayNumber).Order()];
            if (days.Length == 0) continue;
            DateOnly Q(double q) => DateOnly.FromDayNumber((int)Math.Round(Quantiles.R7(days, q)));
            rows.Add(new CaptureRow(cell, side, (double)days.Length / dates.Length, Q(0.05), Q(0.25), Q(0.5), Q(0.75), Q(0.95)));
        }
        if (rows.Count == 0) return null;
        // Key settlements: the likeliest captures first, then the earliest.
        rows = [.. rows.OrderByDescending(r => r.Probability).ThenBy(r => r.P50).Take(MaxCaptureRows).OrderBy(r => r.P50).ThenBy(r => r.Cell, StringComparer.Ordinal)];

        string title = "Capture dates of key settlements";
        var plot = NewPlot(title);
        var ticks = new List<(double, string)>();
        var claimsShown = new List<EvidenceEntry>();
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            double y = rows.Count - 1 - i;
            var colour = Color.FromHex(r.Side.Colour);
            Segment(plot, X(r.P05), y, X(r.P95), y, colour, LinePattern.Solid, 1.5f);
            var box = plot.Add.Rectangle(X(r.P25), Math.Max(X(r.P75), X(r.P25) + 0.6), y - 0.28, y + 0.28);
            box.FillColor = colour.WithAlpha(0.45);
            box.LineColor = colour;
            Segment(plot, X(r.P50), y - 0.36, X(r.P50), y + 0.36, colour, LinePattern.Solid, 3);
            ticks.Add((y, string.Create(CultureInfo.InvariantCulture, $"{run.CellName(r.Cell)} by {r.Side.Id} ({r.Probability:P0})")));
            foreach (var e in run.Evidence.Entries.Where(e => e.IsDate && IsCaptureClaim(run, e, r.Cell, r.Side.Id)))
            {
                var style = Grade(e.SourceGrade);
                if (e.DateFrom != e.DateTo) Segment(plot, X(e.DateFrom!.Value), y + 0.42, X(e.DateTo!.Value), y + 0.42, style.Colour, LinePattern.Solid, 2);
                plot.Add.Marker(X(e.DateFrom!.Value.AddDays((e.DateTo!.Value.DayNumber - e.DateFrom.Value.DayNumber) / 2)), y + 0.42, style.Shape, 9, style.Colour);
                claimsShown.Add(e);
            }
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks.Select(t => t.Item1)], [.. ticks.Select(t => t.Item2)]);
        plot.Axes.SetLimitsY(-0.8, rows.Count - 0.2);
        DateAxis(plot);
        plot.Axes.SetLimitsX(X(run.Start) - 3, X(run.End) + 3);
        foreach (var s in run.Sides)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"taken by {s.Id}", FillColor = Color.FromHex(s.Colour).WithAlpha(0.45), LineColor = Color.FromHex(s.Colour), LineWidth = 1 });
        AddGradeLegend(plot, claimsShown);
        string caption = "For each settlement and capturing side (probability in brackets: the share of replications in which it happened): the median date (thick tick), 50% of capture dates (box) and 90% (line), among the replications where the capture happened."
            + (claimsShown.Count > 0 ? $" Markers above the rows are dated capture claims from the evidence ledger ({claimsShown.Count}), coloured by grade; a bar marks a claim known only to the month." : "");
        return new ReportChart("captures", Captures, title, caption, Png(plot, Width, 90 + rows.Count * 30));
    }

    private static bool IsCaptureClaim(RunFolder run, EvidenceEntry e, string cell, string side) =>
        ClaimSubject.Parse(e.Metric) is { Topic: ClaimTopic.Capture } s && s.Side == side && (s.Detail == cell || run.CellOfPlace(s.Detail) == cell);

    private static ReportChart? StackedChart(RunFolder run, string prefix, string section, string id, string title, string caption)
    {
        // Columns prefix.<part>.<side>; parts in file order.
        var parts = new List<string>();
        foreach (string name in run.Table.Names)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            int dot = name.LastIndexOf('.');
            if (dot <= prefix.Length || run.Sides.All(s => s.Id != name[(dot + 1)..])) continue;
            string part = name[prefix.Length..dot];
            if (!parts.Contains(part)) parts.Add(part);
        }
        if (parts.Count == 0) return null;
        // Only parts some side lost, each with its own colour (Category10 repeats after ten: two parts shared blue).
        parts = [.. parts.Where(part => run.Sides.Any(side => run.Table.Numbers($"{prefix}{part}.{side.Id}") is { Length: > 0 } v && v.Average() > 0))];
        if (parts.Count == 0) return null;
        var plot = NewPlot(title);
        var bars = new List<Bar>();
        for (int s = 0; s < run.Sides.Count; s++)
        {
            double baseValue = 0;
            for (int p = 0; p < parts.Count; p++)
            {
                double[] values = run.Table.Numbers($"{prefix}{parts[p]}.{run.Sides[s].Id}");
                double mean = values.Length == 0 ? 0 : values.Average();
                if (mean <= 0) continue;
                bars.Add(new Bar { Position = s, ValueBase = baseValue, Value = baseValue + mean, FillColor = PartColour(p), LineWidth = 0, Size = 0.6 });
                baseValue += mean;
            }
            bars.Add(new Bar { Position = s, ValueBase = baseValue, Value = baseValue, Label = Number(baseValue), LineWidth = 0, Size = 0.6 });
        }
        plot.Add.Bars(bars);
        for (int p = 0; p < parts.Count; p++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = parts[p], FillColor = PartColour(p), LineWidth = 0 });
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, run.Sides.Count).Select(i => (double)i)], [.. run.Sides.Select(run.SideLabel)]);
        plot.Axes.SetLimitsX(-0.6, run.Sides.Count - 0.4);
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("mean per replication");
        return new ReportChart(id, section, title, caption, Png(plot, Width, 380));
    }

    private static ReportChart? CostChart(RunFolder run)
    {
        var present = run.Sides.Where(s => run.Table.Has(MetricNames.Cost("spent_usd", s.Id)) && run.Table.Has(MetricNames.Cost("destroyed_usd", s.Id))).ToList();
        if (present.Count == 0) return null;
        string title = "Cost spent against value destroyed";
        var plot = NewPlot(title);
        double max = 0;
        foreach (var s in present)
        {
            double[] spent = run.Table.Numbers(MetricNames.Cost("spent_usd", s.Id));
            double[] destroyed = run.Table.Numbers(MetricNames.Cost("destroyed_usd", s.Id));
            int n = Math.Min(spent.Length, destroyed.Length);
            if (n == 0) continue;
            double[] xs = [.. spent.Take(n).Select(v => v / 1e6)], ys = [.. destroyed.Take(n).Select(v => v / 1e6)];
            var points = plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 5, Color.FromHex(s.Colour).WithAlpha(0.6));
            points.LegendText = $"{run.SideLabel(s)}: each dot one replication";
            max = Math.Max(max, Math.Max(xs.Max(), ys.Max()));
        }
        if (max <= 0) max = 1;
        var parity = plot.Add.Line(0, 0, max * 1.05, max * 1.05);
        parity.LineColor = Colors.Gray;
        parity.LinePattern = LinePattern.Dashed;
        parity.LegendText = "destroyed = spent";
        plot.XLabel("spent, USD million (own losses and munitions)");
        plot.YLabel("enemy value destroyed, USD million");
        return new ReportChart("cost", Cost, title,
            "Each dot is one replication: what a side spent against the value of enemy equipment it destroyed. Above the dashed line a side destroyed more than it spent.",
            Png(plot, Width, 480));
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>
    /// Kelly's colours of maximum contrast (Kelly 1965, "Twenty-two colors of maximum contrast", without white and
    /// black): distinct series colours for stacked parts, twenty before any repeats.
    /// </summary>
    public static readonly IReadOnlyList<string> PartPalette =
    [
        "#0067A5", "#F38400", "#008856", "#BE0032", "#875692", "#F3C300", "#A1CAF1", "#882D17", "#8DB600", "#E68FAC",
        "#848482", "#604E97", "#F99379", "#2B3D26", "#C2B280", "#B3446C", "#DCD300", "#654522", "#E25822", "#F6A600",
    ];

    private static Color PartColour(int index) => Color.FromHex(PartPalette[index % PartPalette.Count]);

    /// <summary>
    /// Places claim labels so they do not print over each other or off the chart. A claim of the same value within
    /// <see cref="SameDays"/> days of a labelled one adds its grade to that label ("76,000 F4/D4") instead of a second
    /// label. Each label is a box in (approximate) pixels: beside its marker, to the left near the right edge, below
    /// the marker on the top edge; a box that would overlap a placed one moves a line further away.
    /// </summary>
    private sealed class LabelPlacer(double top, double left, double right)
    {
        private const double SameDays = 30;
        private const double PlotWidthPx = 860, PlotHeightPx = 330, CharPx = 6.2, LinePx = 13;
        private readonly List<(string Value, ScottPlot.Plottables.Text Label, double X, double Y, double X0, double X1, double Yc)> _placed = [];

        public void Add(Plot plot, string value, string grade, double x, double y, Color colour, bool onTopEdge = false)
        {
            var same = _placed.FirstOrDefault(p => p.Value == value && Math.Abs(p.X - x) < SameDays && Math.Abs(p.Y - y) < 0.02 * top);
            if (same.Label is not null)
            {
                if (!same.Label.LabelText.Split(' ', '/').Contains(grade)) same.Label.LabelText += "/" + grade;
                return;
            }
            string text = value.Length > 0 ? $"{value} {grade}/{grade}" : grade; // room for a second grade
            double px = (x - left) / Math.Max(1e-9, right - left) * PlotWidthPx, py = y / Math.Max(1e-9, top) * PlotHeightPx;
            double w = text.Length * CharPx;
            bool nearRight = PlotWidthPx - px < w + 12;
            double x0 = nearRight ? px - 8 - w : px + 6, x1 = nearRight ? px - 8 : px + 6 + w;
            double step = onTopEdge ? -LinePx : LinePx;
            double yc = py + (onTopEdge ? -12 : 8);
            for (int line = 0; line < 8 && _placed.Any(p => p.X0 < x1 && x0 < p.X1 && Math.Abs(p.Yc - yc) < LinePx - 1); line++) yc += step;
            var t = plot.Add.Text(value.Length > 0 ? $"{value} {grade}" : grade, x, y);
            t.LabelFontSize = 10;
            t.LabelFontColor = colour;
            t.LabelFontName = FontName;
            t.LabelAlignment = nearRight ? Alignment.MiddleRight : Alignment.MiddleLeft;
            t.OffsetX = nearRight ? -8 : 6;
            t.OffsetY = (float)-(yc - py);
            _placed.Add((value, t, x, y, x0, x1, yc));
        }
    }

    private sealed record GradeStyle(Color Colour, MarkerShape Shape, string Meaning);

    private static GradeStyle Grade(char letter) => letter switch
    {
        'A' or 'B' => new(Color.FromHex("#1e8449"), MarkerShape.FilledCircle, "independent analysts"),
        'C' => new(Color.FromHex("#ca6f1e"), MarkerShape.FilledSquare, "own-side officials, media"),
        'D' => new(Color.FromHex("#922b21"), MarkerShape.FilledTriangleUp, "claims about the enemy"),
        'E' => new(Color.FromHex("#6c3483"), MarkerShape.FilledDiamond, "unreliable"),
        'F' => new(Color.FromHex("#424949"), MarkerShape.Eks, "unsourced"),
        _ => new(Color.FromHex("#7f8c8d"), MarkerShape.OpenCircle, "ungraded"),
    };

    private static void AddGradeLegend(Plot plot, IEnumerable<EvidenceEntry> claims)
    {
        foreach (char g in claims.Select(c => c.SourceGrade is 'A' ? 'B' : c.SourceGrade).Distinct().Order())
        {
            var style = Grade(g);
            string label = g switch { 'B' => "A/B", '?' => "?", _ => g.ToString() };
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"claim {label}: {style.Meaning}",
                MarkerShape = style.Shape,
                MarkerFillColor = style.Colour,
                MarkerLineColor = style.Colour,
                MarkerSize = 9,
                LineWidth = 0,
            });
        }
    }

    private static string EvidenceCaption(int count, string metric) => count switch
    {
        0 => "",
        1 => $" One claim about {metric} from the evidence ledger is marked, coloured and shaped by its source grade (A/B best, F unsourced).",
        _ => $" {count} claims about {metric} from the evidence ledger are marked, coloured and shaped by source grade (A/B best, F unsourced); a dotted line spans a claim's date window, a vertical bar its range.",
    };

    private static string OffChart(List<string> items) =>
        items.Count == 0 ? "" : $" Off the chart (far above the model's range): {string.Join("; ", items)}.";

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, 15);
        plot.Legend.FontSize = 11;
        return plot;
    }

    private static void Segment(Plot plot, double x0, double y0, double x1, double y1, Color colour, LinePattern pattern, float width = 1.5f)
    {
        var line = plot.Add.Line(x0, y0, x1, y1);
        line.LineColor = colour;
        line.LineWidth = width;
        line.LinePattern = pattern;
        line.MarkerSize = 0;
    }

    private static byte[] Png(Plot plot, int width = Width, int height = Height)
    {
        // Legends sit outside the data area, below it, so they never hide a band or a claim.
        if (plot.Legend.ManualItems.Count > 0 || plot.GetPlottables().Any(p => p.LegendItems.Any(i => !string.IsNullOrEmpty(i.LabelText))))
        {
            plot.ShowLegend(Edge.Bottom);
            height += 50;
        }
        else plot.HideLegend();
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static void DateAxis(Plot plot)
    {
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic auto)
            auto.LabelFormatter = d => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
    }

    private static double X(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static string Number(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
