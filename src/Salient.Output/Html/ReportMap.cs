using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Salient.Engine.Compilation;
using Salient.Scenario.Model;

namespace Salient.Output.Html;

/// <summary>One panel of the report's map: a date, and where it came from.</summary>
/// <param name="Date">The day drawn.</param>
/// <param name="Why">Why this day was chosen ("start", "Ukraine's median peak", "end").</param>
public sealed record MapPanel(DateOnly Date, string Why);

/// <summary>
/// The report's static map: small multiples of the theatre on key dates, each cell shaded by the probability that the
/// first side holds it that day (control.json) with the median front line of that day (front.geojson) and the state
/// border (borders.geojson), as inline SVG built from the run folder's cells.geojson. No script, nothing fetched.
/// </summary>
/// <remarks>
/// Cells are drawn in an equirectangular projection scaled by the cosine of the theatre's mean latitude, so distances
/// are true to within the theatre's north-south extent (under 1% for a theatre 1° tall at 51°N). Cells are grouped into
/// ten probability bins, one SVG path each, which keeps the page small (about 60 kB a panel for Kursk's 839 cells).
/// </remarks>
public static class ReportMap
{
    /// <summary>Width of one panel in SVG units (pixels at 100% zoom).</summary>
    public const int PanelWidth = 470;

    /// <summary>Most panels drawn.</summary>
    public const int MaxPanels = 4;

    private const int Bins = 10;

    /// <summary>
    /// The key dates: the start, the median date of the largest gain of ground (the side whose median peak exceeds its
    /// starting area by the largest factor), the day halfway from there to the end, and the end; each moved to the
    /// nearest day front.geojson has a line for. Empty when the run has no control band.
    /// </summary>
    public static IReadOnlyList<MapPanel> KeyDates(RunFolder run, IReadOnlyList<DateOnly> frontDays)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(frontDays);
        if (run.Start == default || run.End < run.Start) return [];
        var panels = new List<MapPanel> { new(run.Start, "start") };
        SideInfo? gainer = null;
        double best = 1.05;
        DateOnly peak = default;
        foreach (var side in run.Sides)
        {
            if (run.Band(MetricNames.ControlArea(side.Id)) is not { Days: > 0 } band) continue;
            if (run.Metric(MetricNames.ControlPeakDay(side.Id)) is not { DateP50: { } day }) continue;
            double ratio = run.Metric(MetricNames.ControlAreaPeak(side.Id))?.P50 is { } p ? p / Math.Max(1, band.P50[0]) : 0;
            if (ratio > best) { best = ratio; gainer = side; peak = day; }
        }
        if (gainer is not null && peak > run.Start && peak < run.End)
        {
            panels.Add(new(peak, $"{gainer.Name}'s median peak"));
            panels.Add(new(DateOnly.FromDayNumber((peak.DayNumber + run.End.DayNumber) / 2), "halfway from the peak to the end"));
        }
        else panels.Add(new(DateOnly.FromDayNumber((run.Start.DayNumber + run.End.DayNumber) / 2), "halfway"));
        panels.Add(new(run.End, "end"));
        var snapped = new List<MapPanel>();
        foreach (var p in panels)
        {
            var date = frontDays.Count == 0 ? p.Date : frontDays.MinBy(d => Math.Abs(d.DayNumber - p.Date.DayNumber));
            if (snapped.All(s => s.Date != date)) snapped.Add(p with { Date = date });
        }
        return [.. snapped.OrderBy(p => p.Date).Take(MaxPanels)];
    }

    /// <summary>
    /// The map as an HTML fragment (a figure of inline SVG panels with a legend and caption), or null when the run folder
    /// lacks cells.geojson or control.json.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="marks">Settlement cells to mark with a dot and their name (the summary's key captures).</param>
    public static string? Html(RunFolder run, IReadOnlyCollection<string> marks)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(marks);
        string cellsPath = Path.Combine(run.Directory, "cells.geojson"), controlPath = Path.Combine(run.Directory, "control.json");
        if (!File.Exists(cellsPath) || !File.Exists(controlPath) || run.Sides.Count == 0) return null;
        try
        {
            var cells = ReadCells(cellsPath);
            var control = ReadControl(controlPath);
            var fronts = ReadFronts(Path.Combine(run.Directory, "front.geojson"));
            var borders = ReadLines(Path.Combine(run.Directory, "borders.geojson"));
            if (cells.Count == 0 || control.Probabilities.Length == 0) return null;
            var panels = KeyDates(run, [.. fronts.Keys.Order()]);
            if (panels.Count == 0) return null;
            return Render(run, cells, control, fronts, borders, panels, marks);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException)
        {
            return null;
        }
    }

    private sealed record MapCell(string Id, string Name, double[][][] Rings, double Lon, double Lat);

    private sealed record Control(string Side, DateOnly Start, string[] Cells, double[][] Probabilities);

    private static string Render(RunFolder run, List<MapCell> cells, Control control, Dictionary<DateOnly, List<double[][]>> fronts,
        List<double[][]> borders, IReadOnlyList<MapPanel> panels, IReadOnlyCollection<string> marks)
    {
        // The view: the cells whose control changes or is uncertain on any panel, with a margin, so the map shows where
        // the campaign happened rather than the whole theatre (the whole theatre when nothing changes).
        var index = control.Cells.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var days = panels.Select(pn => Math.Clamp(pn.Date.DayNumber - control.Start.DayNumber, 0, control.Probabilities.Length - 1)).ToList();
        var active = cells.Where(c => index.TryGetValue(c.Id, out int j) && days.Any(d => j < control.Probabilities[d].Length
            && (Math.Abs(control.Probabilities[d][j] - control.Probabilities[days[0]][j]) > 0.05 || control.Probabilities[d][j] is > 0.02 and < 0.98))).ToList();
        var view = active.Count > 0 ? active : cells;
        double minLon = view.Min(c => c.Rings.Min(r => r.Min(p => p[0]))), maxLon = view.Max(c => c.Rings.Max(r => r.Max(p => p[0])));
        double minLat = view.Min(c => c.Rings.Min(r => r.Min(p => p[1]))), maxLat = view.Max(c => c.Rings.Max(r => r.Max(p => p[1])));
        double padLon = Math.Max(0.35 * (maxLon - minLon), 0.05), padLat = Math.Max(0.35 * (maxLat - minLat), 0.03);
        minLon = Math.Max(minLon - padLon, cells.Min(c => c.Rings.Min(r => r.Min(p => p[0]))));
        maxLon = Math.Min(maxLon + padLon, cells.Max(c => c.Rings.Max(r => r.Max(p => p[0]))));
        minLat = Math.Max(minLat - padLat, cells.Min(c => c.Rings.Min(r => r.Min(p => p[1]))));
        maxLat = Math.Min(maxLat + padLat, cells.Max(c => c.Rings.Max(r => r.Max(p => p[1]))));
        // Projection: equirectangular, x scaled by cos(mean latitude); the panel is at most as tall as it is wide.
        double k = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        double scale = Math.Min((PanelWidth - 8) / ((maxLon - minLon) * k), (PanelWidth - 8) / (maxLat - minLat));
        int width = (int)Math.Ceiling((maxLon - minLon) * k * scale) + 8;
        int height = (int)Math.Ceiling((maxLat - minLat) * scale) + 8;
        string P(double lon, double lat) => string.Create(CultureInfo.InvariantCulture, $"{4 + (lon - minLon) * k * scale:0.#},{4 + (maxLat - lat) * scale:0.#}");
        cells = [.. cells.Where(c => c.Rings.Any(r => r.Any(p => p[0] >= minLon - 0.1 && p[0] <= maxLon + 0.1 && p[1] >= minLat - 0.1 && p[1] <= maxLat + 0.1)))];
        double kmPerUnit = 111.32 / scale;

        var held = run.Sides.FirstOrDefault(s => s.Id == control.Side) ?? run.Sides[0];
        var other = run.Sides.FirstOrDefault(s => s.Id != held.Id);
        string heldColour = RunManifest.ValidColour(held.Colour) ?? SidePalette.For(0);
        string otherColour = other is null ? "#dddddd" : RunManifest.ValidColour(other.Colour) ?? SidePalette.For(1);

        // One path per cell shape, reused for every panel's bins.
        var shapes = cells.Select(c => string.Concat(c.Rings.Select(r => "M" + string.Join("L", r.Select(p => P(p[0], p[1]))) + "Z"))).ToArray();
        string bordersPath = string.Concat(borders.Select(l => "M" + string.Join("L", l.Select(p => P(p[0], p[1])))));

        var h = new StringBuilder();
        h.Append("<figure class=\"map\">\n<div class=\"panels\">\n");
        foreach (var panel in panels)
        {
            int day = Math.Clamp(panel.Date.DayNumber - control.Start.DayNumber, 0, control.Probabilities.Length - 1);
            var p = control.Probabilities[day];
            var bins = new StringBuilder[Bins + 1];
            for (int i = 0; i < cells.Count; i++)
            {
                if (!index.TryGetValue(cells[i].Id, out int j) || j >= p.Length) continue;
                int b = (int)Math.Round(Math.Clamp(p[j], 0, 1) * Bins);
                (bins[b] ??= new StringBuilder()).Append(shapes[i]);
            }
            h.Append(string.Create(CultureInfo.InvariantCulture, $"<div class=\"panel\"><svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(held.Name)} control on {panel.Date:yyyy-MM-dd}\">"));
            for (int b = 0; b <= Bins; b++)
                if (bins[b] is { } path)
                    h.Append("<path fill=\"").Append(Mix(otherColour, heldColour, (double)b / Bins)).Append("\" stroke=\"none\" d=\"").Append(path).Append("\"/>");
            if (bordersPath.Length > 0) h.Append("<path fill=\"none\" stroke=\"#555\" stroke-width=\"1\" stroke-dasharray=\"4 3\" d=\"").Append(bordersPath).Append("\"/>");
            if (fronts.TryGetValue(panel.Date, out var lines) && lines.Count > 0)
                h.Append("<path fill=\"none\" stroke=\"#111\" stroke-width=\"1.6\" stroke-linejoin=\"round\" d=\"")
                 .Append(string.Concat(lines.Select(l => "M" + string.Join("L", l.Select(q => P(q[0], q[1])))))).Append("\"/>");
            foreach (var c in cells.Where(c => marks.Contains(c.Id)))
            {
                var xy = P(c.Lon, c.Lat).Split(',');
                h.Append(string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"2.6\" fill=\"#fff\" stroke=\"#111\"/>"))
                 .Append("<text x=\"").Append(xy[0]).Append("\" y=\"").Append(xy[1]).Append("\" dx=\"4\" dy=\"-3\">").Append(E(c.Name)).Append("</text>");
            }
            h.Append(ScaleBar(kmPerUnit, height));
            h.Append("</svg><div class=\"panel-date\"><b>").Append(panel.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)).Append("</b> ")
             .Append(E(panel.Why)).Append("</div></div>\n");
        }
        h.Append("</div>\n<div class=\"map-legend\"><span class=\"ramp\" style=\"background:linear-gradient(90deg,").Append(otherColour).Append(',').Append(heldColour)
         .Append(")\"></span> probability that ").Append(E(run.SideLabel(held))).Append(" holds a cell: 0 to 1")
         .Append(" <span class=\"key-front\"></span> median front line").Append(bordersPath.Length > 0 ? " <span class=\"key-border\"></span> state border" : "").Append("</div>\n");
        h.Append("<figcaption>Each cell shaded by the share of replications in which ").Append(E(held.Name))
         .Append(" held it that day (control.json); the black line is the median front (front.geojson: the boundary of the cells held in at least half the replications). Dated panels are moved to the nearest day the front was written. Explore every day with <code>salient serve</code>.</figcaption>\n</figure>\n");
        return h.ToString();
    }

    /// <summary>A scale bar of a round number of kilometres (about a fifth of the panel), bottom left.</summary>
    private static string ScaleBar(double kmPerUnit, int height)
    {
        double target = PanelWidth / 5.0 * kmPerUnit;
        double km = new[] { 1.0, 2, 5, 10, 20, 50, 100, 200 }.LastOrDefault(v => v <= target, 1);
        double len = km / kmPerUnit;
        return string.Create(CultureInfo.InvariantCulture,
            $"<g class=\"scale\"><rect x=\"8\" y=\"{height - 26}\" width=\"{len + 16:0.#}\" height=\"20\" fill=\"#fff\" fill-opacity=\"0.8\"/><path d=\"M14,{height - 12}h{len:0.#}\" stroke=\"#111\" stroke-width=\"2\"/><text x=\"14\" y=\"{height - 15}\">{km:0} km</text></g>");
    }

    private static string Mix(string from, string to, double t)
    {
        static (int R, int G, int B) Rgb(string hex) => (Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));
        var (r0, g0, b0) = Rgb(from);
        var (r1, g1, b1) = Rgb(to);
        // A light middle (mixed towards white) so contested cells read as contested rather than as a third colour.
        double w = 0.55 * (1 - Math.Abs(2 * t - 1));
        int C(int a, int b) => (int)Math.Round(((1 - t) * a + t * b) * (1 - w) + 255 * w);
        return string.Create(CultureInfo.InvariantCulture, $"#{C(r0, r1):x2}{C(g0, g1):x2}{C(b0, b1):x2}");
    }

    private static List<MapCell> ReadCells(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var cells = new List<MapCell>();
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            var g = f.GetProperty("geometry");
            var rings = g.GetProperty("type").GetString() switch
            {
                "Polygon" => Rings(g.GetProperty("coordinates")),
                "MultiPolygon" => [.. g.GetProperty("coordinates").EnumerateArray().SelectMany(Rings)],
                "Point" => [Hexagon(g.GetProperty("coordinates"), p.TryGetProperty("area_km2", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDouble() : 10)],
                _ => [],
            };
            if (rings.Length == 0) continue;
            string id = p.GetProperty("id").GetString() ?? "";
            string name = p.TryGetProperty("name", out var n) ? n.GetString() ?? id : id;
            double lon = p.TryGetProperty("lon", out var x) ? x.GetDouble() : rings[0].Average(q => q[0]);
            double lat = p.TryGetProperty("lat", out var y) ? y.GetDouble() : rings[0].Average(q => q[1]);
            cells.Add(new MapCell(id, name, rings, lon, lat));
        }
        return cells;
    }

    /// <summary>A cell given only as a point (a schematic theatre): a hexagon of the cell's area around it.</summary>
    private static double[][] Hexagon(JsonElement point, double areaKm2)
    {
        double lon = point[0].GetDouble(), lat = point[1].GetDouble();
        double r = Math.Sqrt(Math.Max(areaKm2, 0.01) / (1.5 * Math.Sqrt(3))) / 111.32; // circumradius of a regular hexagon, degrees of latitude
        double k = Math.Max(0.1, Math.Cos(lat * Math.PI / 180));
        return [.. Enumerable.Range(0, 7).Select(i => new[] { lon + r / k * Math.Cos(Math.PI / 3 * i), lat + r * Math.Sin(Math.PI / 3 * i) })];
    }

    private static double[][][] Rings(JsonElement polygon) => [.. polygon.EnumerateArray().Select(Line)];

    private static double[][] Line(JsonElement line) => [.. line.EnumerateArray().Select(p => new[] { p[0].GetDouble(), p[1].GetDouble() })];

    private static Control ReadControl(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        var start = DateOnly.ParseExact(root.GetProperty("start").GetString() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] ids = [.. root.GetProperty("cells").EnumerateArray().Select(c => c.GetString() ?? "")];
        double[][] p = [.. root.GetProperty("p").EnumerateArray().Select(d => d.EnumerateArray().Select(v => v.GetDouble()).ToArray())];
        return new Control(root.GetProperty("side").GetString() ?? "", start, ids, p);
    }

    private static Dictionary<DateOnly, List<double[][]>> ReadFronts(string path)
    {
        var result = new Dictionary<DateOnly, List<double[][]>>();
        foreach (var (props, lines) in Features(path))
            if (props.TryGetProperty("date", out var d) && DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                result[date] = lines;
        return result;
    }

    private static List<double[][]> ReadLines(string path) => [.. Features(path).SelectMany(f => f.Lines)];

    private static List<(JsonElement Properties, List<double[][]> Lines)> Features(string path)
    {
        var result = new List<(JsonElement, List<double[][]>)>();
        if (!File.Exists(path)) return result;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var g = f.GetProperty("geometry");
            if (g.ValueKind != JsonValueKind.Object) continue;
            List<double[][]> lines = g.GetProperty("type").GetString() switch
            {
                "LineString" => [Line(g.GetProperty("coordinates"))],
                "MultiLineString" => [.. g.GetProperty("coordinates").EnumerateArray().Select(Line)],
                _ => [],
            };
            result.Add((f.GetProperty("properties").Clone(), lines));
        }
        return result;
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
