using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Linemerge;
using Salient.Experiments.Runner;
using Salient.Scenario.Model;
using NgOverlay = NetTopologySuite.Operation.OverlayNG.OverlayNG;

namespace Salient.Output.GeoJson;

using Geometry = NetTopologySuite.Geometries.Geometry;

/// <summary>
/// The run's map data, for the viewer and for GIS tools such as QGIS (all in lon/lat, WGS84):
/// <list type="bullet">
/// <item><c>cells.geojson</c>: the theatre's cells (polygons; points for explicit-node theatres) with id, name,
/// region, area and settlements.</item>
/// <item><c>control.json</c>: for each day, the probability that the first side holds each cell (cell order as in
/// cells.geojson), rounded to 3 decimals.</item>
/// <item><c>front.geojson</c>: the median front line, one MultiLineString feature per written day: the borders
/// between cells the first side holds with probability &gt;= 0.5 and cells it holds with probability &lt; 0.5.
/// Written every <see cref="FrontEveryDays"/> days plus the last day, to keep the file small (a daily front
/// for the Kursk theatre would be ~7x larger for little gain when scrubbing a slider).</item>
/// <item><c>borders.geojson</c>: the borders between the theatre's regions (a state border, say).</item>
/// <item>Optionally (<c>--daily-maps</c>), <c>maps/</c>: <c>control-YYYY-MM-DD.geojson</c> for every day, the cells
/// with the probability each side holds them (<c>p_&lt;side&gt;</c>), and <c>front.geojson</c>, the median front
/// line of every day. One file per day because each repeats the cell shapes (about 0.4 MB a day for Kursk).</item>
/// </list>
/// </summary>
public static class MapWriter
{
    /// <summary>The front line is written for every day that is a multiple of this, and for the last day.</summary>
    public const int FrontEveryDays = 7;

    /// <summary>Decimal places of written coordinates (6 = about 0.1 m).</summary>
    public const int CoordinateDecimals = 6;

    /// <summary>Snap-rounding grid for intersecting neighbouring cells' boundaries, degrees (about 1 cm).</summary>
    private static readonly PrecisionModel BorderPrecision = new(1e7);

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>The folder of the per-day maps inside a run folder.</summary>
    public const string DailyFolder = "maps";

    /// <summary>
    /// Writes cells.geojson, control.json, front.geojson and borders.geojson for <paramref name="result"/> into
    /// <paramref name="dir"/>, and with <paramref name="dailyMaps"/> the per-day maps under <see cref="DailyFolder"/>.
    /// </summary>
    public static void WriteAll(MonteCarloResult result, string dir, bool dailyMaps = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var model = result.Scenario.Model;
        var p = ControlProbabilities(result.ControlTally, result.Replications, model.Theatre.Cells.Length);
        WriteCells(model, Path.Combine(dir, "cells.geojson"));
        WriteControl(model, p, result.Replications, Path.Combine(dir, "control.json"));
        WriteFront(model, p, Path.Combine(dir, "front.geojson"));
        WriteBorders(model, Path.Combine(dir, "borders.geojson"));
        if (dailyMaps) WriteDaily(model, p, Path.Combine(dir, DailyFolder));
    }

    /// <summary>
    /// Writes a probability always with a decimal point (<c>1.0</c>, not <c>1</c>): GDAL, and so QGIS, types a field
    /// from the values it sees, and a day when every cell is 0 or 1 would otherwise make it an integer field.
    /// </summary>
    private static void WriteReal(Utf8JsonWriter w, string name, double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOfAny(['.', 'E', 'e']) < 0) text += ".0";
        w.WritePropertyName(name);
        w.WriteRawValue(text, skipInputValidation: true);
    }

    /// <summary>The name of day <paramref name="day"/>'s control map in <see cref="DailyFolder"/>: <c>control-YYYY-MM-DD.geojson</c>.</summary>
    public static string DailyControlFileName(ScenarioModel model, int day)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"control-{model.Calendar.Start.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.geojson";
    }

    /// <summary>
    /// Writes the per-day maps into <paramref name="folder"/> (created): for each day <c>control-YYYY-MM-DD.geojson</c>,
    /// a FeatureCollection with one feature per cell in cell order (the geometry of cells.geojson; properties
    /// <c>id</c>, <c>name</c>, <c>day</c>, <c>date</c> and <c>p_&lt;side&gt;</c> for both sides, the probability the side
    /// holds the cell at the end of the day: the first side's as in control.json, the second's one minus it), and
    /// <c>front.geojson</c>, the median front line of every day (as front.geojson, without skipping days).
    /// </summary>
    public static void WriteDaily(ScenarioModel model, double[][] probabilities, string folder)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(probabilities);
        Directory.CreateDirectory(folder);
        var cells = model.Theatre.Cells;
        // Each cell's geometry is serialised once and reused for every day.
        var options = GeoJsonOptions();
        var geometries = cells.Select(c => JsonSerializer.Serialize(
            c.Geometry is { } g ? Rounded(g) : Factory.CreatePoint(new Coordinate(Round(c.Lon), Round(c.Lat))), options)).ToArray();
        string first = "p_" + model.Sides[0].Id, second = "p_" + model.Sides[1].Id;
        for (int d = 0; d < probabilities.Length; d++)
        {
            string date = model.Calendar.Start.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            using var stream = File.Create(Path.Combine(folder, DailyControlFileName(model, d)));
            using var w = new Utf8JsonWriter(stream);
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            for (int c = 0; c < cells.Length; c++)
            {
                double p = probabilities[d][c];
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                w.WriteRawValue(geometries[c], skipInputValidation: true);
                w.WriteStartObject("properties");
                w.WriteString("id", cells[c].Id);
                w.WriteString("name", cells[c].Name);
                w.WriteNumber("day", d);
                w.WriteString("date", date);
                WriteReal(w, first, p);
                WriteReal(w, second, Math.Round(1 - p, 3));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        WriteFront(model, probabilities, Path.Combine(folder, "front.geojson"), Enumerable.Range(0, probabilities.Length));
    }

    /// <summary>
    /// The probability that the first side holds each cell at the end of each day, <c>[day][cell]</c>, rounded to
    /// 3 decimals, from the tally <c>[day * cells + cell]</c> of replications in which it did.
    /// </summary>
    public static double[][] ControlProbabilities(ReadOnlySpan<int> tally, int replications, int cells)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(replications);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cells);
        if (tally.Length % cells != 0) throw new ArgumentException($"tally length {tally.Length} is not a multiple of {cells} cells", nameof(tally));
        int days = tally.Length / cells;
        var p = new double[days][];
        for (int d = 0; d < days; d++)
        {
            p[d] = new double[cells];
            for (int c = 0; c < cells; c++) p[d][c] = Math.Round((double)tally[d * cells + c] / replications, 3);
        }
        return p;
    }

    /// <summary>Writes cells.geojson: one feature per cell, in cell order.</summary>
    public static void WriteCells(ScenarioModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var theatre = model.Theatre;
        var features = new FeatureCollection();
        foreach (var cell in theatre.Cells)
        {
            Geometry geometry = cell.Geometry is { } g ? Rounded(g) : Factory.CreatePoint(new Coordinate(Round(cell.Lon), Round(cell.Lat)));
            var attributes = new AttributesTable
            {
                { "id", cell.Id },
                { "index", cell.Index },
                { "name", cell.Name },
                { "region", theatre.Regions[cell.Region].Id },
                { "area_km2", Math.Round(cell.AreaKm2, 3) },
                { "settlements", cell.Settlements.ToArray() },
                { "terrain", cell.Terrain },
                { "initial_control", model.Sides[cell.InitialControl].Id },
                { "lon", Round(cell.Lon) },
                { "lat", Round(cell.Lat) },
            };
            features.Add(new Feature(geometry, attributes));
        }
        Serialize(features, path);
    }

    /// <summary>
    /// Writes control.json: <c>{"side": first side, "start": date, "days": n, "replications": r, "cells": [ids],
    /// "p": [[p per cell] per day]}</c>.
    /// </summary>
    public static void WriteControl(ScenarioModel model, double[][] probabilities, int replications, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(probabilities);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteNumber("format", 1);
        w.WriteString("side", model.Sides[0].Id);
        w.WriteString("start", model.Calendar.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteNumber("days", probabilities.Length);
        w.WriteNumber("replications", replications);
        w.WriteStartArray("cells");
        foreach (var c in model.Theatre.Cells) w.WriteStringValue(c.Id);
        w.WriteEndArray();
        w.WriteStartArray("p");
        foreach (var day in probabilities)
        {
            w.WriteStartArray();
            foreach (double v in day) w.WriteNumberValue(v);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The days front.geojson holds: every <see cref="FrontEveryDays"/>th day and the last.</summary>
    public static IEnumerable<int> FrontDays(int days)
    {
        for (int d = 0; d < days; d++)
            if (d % FrontEveryDays == 0 || d == days - 1) yield return d;
    }

    /// <summary>Writes front.geojson: one feature per day of <see cref="FrontDays"/>, with properties day and date.</summary>
    public static void WriteFront(ScenarioModel model, double[][] probabilities, string path) =>
        WriteFront(model, probabilities, path, FrontDays(probabilities?.Length ?? 0));

    /// <summary>Writes a front line file with one feature per day of <paramref name="days"/>, with properties day, date and side.</summary>
    public static void WriteFront(ScenarioModel model, double[][] probabilities, string path, IEnumerable<int> days)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(days);
        var front = new FrontLine(model.Theatre);
        var features = new FeatureCollection();
        foreach (int d in days)
        {
            var attributes = new AttributesTable
            {
                { "day", d },
                { "date", model.Calendar.Start.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                { "side", model.Sides[0].Id },
            };
            features.Add(new Feature(Rounded(front.At(probabilities[d])), attributes));
        }
        Serialize(features, path);
    }

    /// <summary>
    /// Writes borders.geojson: the borders between the theatre's regions (e.g. the state border between two
    /// oblasts), one MultiLineString feature per pair of neighbouring regions, with properties <c>a</c> and <c>b</c>.
    /// </summary>
    public static void WriteBorders(ScenarioModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var theatre = model.Theatre;
        var lines = new FrontLine(theatre);
        var pairs = theatre.Edges
            .Select(e => (A: Math.Min(theatre.Cells[e.A].Region, theatre.Cells[e.B].Region), B: Math.Max(theatre.Cells[e.A].Region, theatre.Cells[e.B].Region)))
            .Where(p => p.A != p.B).Distinct().Order().ToList();
        var features = new FeatureCollection();
        foreach (var (a, b) in pairs)
        {
            var border = lines.Where(e => Math.Min(theatre.Cells[e.A].Region, theatre.Cells[e.B].Region) == a && Math.Max(theatre.Cells[e.A].Region, theatre.Cells[e.B].Region) == b);
            if (border.IsEmpty) continue;
            features.Add(new Feature(Rounded(border), new AttributesTable { { "a", theatre.Regions[a].Id }, { "b", theatre.Regions[b].Id } }));
        }
        Serialize(features, path);
    }

    private static void Serialize(FeatureCollection features, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, features, GeoJsonOptions());
    }

    private static JsonSerializerOptions GeoJsonOptions()
    {
        var options = new JsonSerializerOptions { WriteIndented = false };
        options.Converters.Add(new GeoJsonConverterFactory(Factory));
        return options;
    }

    private static double Round(double v) => Math.Round(v, CoordinateDecimals);

    private static Geometry Rounded(Geometry g)
    {
        var copy = g.Copy();
        copy.Apply(new RoundingFilter());
        return copy;
    }

    private sealed class RoundingFilter : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, Round(seq.GetX(i)));
                seq.SetY(i, Round(seq.GetY(i)));
            }
        }
    }

    /// <summary>
    /// The median front line of a theatre: the shared borders of neighbouring cells on either side of probability
    /// 0.5. Borders are intersected once per edge and reused for every day. For explicit-node theatres (no cell
    /// shapes) each crossing edge contributes a short segment across the edge at its midpoint.
    /// </summary>
    public sealed class FrontLine
    {
        private readonly Theatre _theatre;
        private readonly Geometry?[] _borders;

        /// <summary>Prepares the borders of <paramref name="theatre"/>.</summary>
        public FrontLine(Theatre theatre)
        {
            ArgumentNullException.ThrowIfNull(theatre);
            _theatre = theatre;
            _borders = new Geometry?[theatre.Edges.Length];
        }

        /// <summary>The front for one day's probabilities (cell order), as a MultiLineString (empty when there is no front).</summary>
        public MultiLineString At(IReadOnlyList<double> probabilities)
        {
            ArgumentNullException.ThrowIfNull(probabilities);
            return Where(e => probabilities[e.A] >= 0.5 != probabilities[e.B] >= 0.5);
        }

        /// <summary>The merged shared borders of every edge <paramref name="crosses"/> accepts.</summary>
        public MultiLineString Where(Func<Edge, bool> crosses)
        {
            ArgumentNullException.ThrowIfNull(crosses);
            var merger = new LineMerger();
            int added = 0;
            for (int i = 0; i < _theatre.Edges.Length; i++)
            {
                var e = _theatre.Edges[i];
                if (!crosses(e)) continue;
                var border = _borders[i] ??= Border(e);
                if (border.IsEmpty) continue;
                merger.Add(border);
                added++;
            }
            if (added == 0) return Factory.CreateMultiLineString();
            var lines = merger.GetMergedLineStrings().OfType<LineString>()
                .OrderBy(l => l.Coordinate.X).ThenBy(l => l.Coordinate.Y).ToArray();
            return Factory.CreateMultiLineString(lines);
        }

        private Geometry Border(Edge e)
        {
            var a = _theatre.Cells[e.A];
            var b = _theatre.Cells[e.B];
            if (a.Geometry is { } ga && b.Geometry is { } gb)
            {
                if (!ga.EnvelopeInternal.Intersects(gb.EnvelopeInternal)) return Factory.CreateMultiLineString();
                var common = NgOverlay.Overlay(ga.Boundary, gb.Boundary, NetTopologySuite.Operation.Overlay.SpatialFunction.Intersection, BorderPrecision);
                var lines = new List<LineString>();
                for (int i = 0; i < common.NumGeometries; i++)
                    if (common.GetGeometryN(i) is LineString { IsEmpty: false } l) lines.Add(l);
                return Factory.CreateMultiLineString([.. lines]);
            }
            // No shapes: a segment across the edge at its midpoint, 60% of the edge long, in a local equirectangular frame.
            double k = Math.Cos((a.Lat + b.Lat) / 2 * Math.PI / 180);
            double dx = (b.Lon - a.Lon) * k, dy = b.Lat - a.Lat;
            double mx = (a.Lon + b.Lon) / 2, my = (a.Lat + b.Lat) / 2;
            double nx = -dy * 0.3, ny = dx * 0.3;
            return Factory.CreateLineString([new Coordinate(mx - nx / k, my - ny), new Coordinate(mx + nx / k, my + ny)]);
        }
    }
}
