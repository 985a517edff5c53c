using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Geometry;
using Salient.Scenario.Model;
using YamlDotNet.RepresentationModel;

using static System.FormattableString;

namespace Salient.Scenario.Parsing;

internal sealed partial class ScenarioBinder
{
    /// <summary>
    /// Largest latitude of a node, grid site or settlement, in degrees: the theatre's equal-area projection is oblique
    /// and refuses centres within a degree of a pole (a land campaign never needs them).
    /// </summary>
    private const double MaxLatitude = 89;

    private static readonly string[] TheatreKeys = ["regions", "snap_km", "grid", "settlements", "terrain", "nodes", "edges", "depots"];

    // Keys that only a theatre built from regions reads.
    private static readonly string[] RegionOnlyKeys = ["grid", "snap_km", "settlements"];

    private Theatre? BindTheatre(YamlNode? node, List<string> sides)
    {
        var m = MapView.Of(ctx, node, "theatre", TheatreKeys);
        if (m is null) return null;
        var terrain = BindTerrain(m["terrain"]);
        List<Region> regions = [];
        List<Cell> cells;
        List<Edge> edges;
        var warnings = new List<string>();
        if (m.Has("regions"))
        {
            var built = BuildGeometry(m, sides, terrain, regions, warnings);
            if (built is null) return null;
            (cells, edges) = built.Value;
            if (m["nodes"] is { } nn) ApplyNodeOverrides(nn, cells, sides, terrain);
            if (m["edges"] is { } en) ApplyEdgeOverrides(en, cells, edges);
        }
        else
        {
            foreach (string key in RegionOnlyKeys)
                if (m.Has(key))
                    ctx.Error(ScenarioErrors.NoEffect, m.KeyNode(key), key, "it shapes a theatre built from 'regions', and this theatre lists its 'nodes'");
            if (m.Required("nodes") is not { } nn) return null;
            cells = BindExplicitNodes(nn, sides, terrain);
            edges = [];
            if (m.Required("edges") is { } en) ApplyEdgeOverrides(en, cells, edges);
            regions.Add(new Region("theatre", -1, true));
        }
        var theatre = new Theatre([.. regions], [.. cells], [.. edges.OrderBy(e => e.A).ThenBy(e => e.B)], [], [.. warnings]);
        var depots = BindDepots(m["depots"], sides, theatre);
        foreach (var w in warnings) Diag.Add(ScenarioErrors.TheatreWarning, ctx.Span(node), w);
        return theatre with { Depots = [.. depots] };
    }

    /// <summary>
    /// Refuses a theatre reaching farther than <see cref="TheatreExtent.MaxReachDeg"/> from the centre its projection
    /// is built on (the clip box's, else the regions'): reported at the clip box, or at the farthest-reaching region's file.
    /// </summary>
    private bool WithinProjectionReach(MapView m, GridSpec grid, List<RegionInput> regionInputs, List<YamlNode?> regionFiles)
    {
        var all = new Envelope();
        foreach (var r in regionInputs) all.ExpandToInclude(r.LonLat.EnvelopeInternal);
        var clip = grid is HexGridSpec { ClipLonLat: { } box } ? box : null;
        var centreBox = clip ?? all;
        var centre = (centreBox.Centre.X, centreBox.Centre.Y);
        var (reach, at) = clip is not null
            ? (TheatreExtent.ReachDeg(centre, clip), MapView.Of(ctx, m["grid"], "theatre grid", null)?["clip"])
            : regionInputs.Select((r, i) => (TheatreExtent.ReachDeg(centre, r.LonLat.EnvelopeInternal), regionFiles[i])).MaxBy(x => x.Item1);
        if (reach <= TheatreExtent.MaxReachDeg) return true;
        ctx.Error(ScenarioErrors.TheatreBuild, at, Invariant(
            $"the theatre reaches {reach:0.#}° (about {TheatreExtent.Kilometres(reach):N0} km) from its centre at {centre.X:0.##}, {centre.Y:0.##}; its equal-area projection keeps distances within 1.6% only up to {TheatreExtent.MaxReachDeg:0}° (about {TheatreExtent.Kilometres(TheatreExtent.MaxReachDeg):N0} km): clip the grid to the area of interest or model a smaller theatre"));
        return false;
    }

    private Dictionary<string, double> BindTerrain(YamlNode? node)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal) { ["open"] = 1.0 };
        if (node is null) return result;
        var m = MapView.Of(ctx, node, "theatre terrain", ["defensibility"]);
        var d = m?["defensibility"] is { } dn ? MapView.Of(ctx, dn, "terrain defensibility (terrain kind -> multiplier)", null) : null;
        if (d is null) return result;
        foreach (var (key, _, value) in d.Entries())
        {
            var q = Read.Quantity(ctx, value, $"theatre.terrain.defensibility.{key}", 0.1, 100);
            if (q is null) continue;
            if (q.IsUncertain) { ctx.Error(ScenarioErrors.WrongType, value, "a fixed value (terrain is not sampled)", "a distribution"); continue; }
            result[key] = q.Value;
        }
        return result;
    }

    private (List<Cell>, List<Edge>)? BuildGeometry(MapView m, List<string> sides, Dictionary<string, double> terrain, List<Region> regions, List<string> warnings)
    {
        var regionInputs = new List<RegionInput>();
        var regionFiles = new List<YamlNode?>();
        var seq = Read.Sequence(ctx, m["regions"], "theatre regions");
        if (seq is null) return null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long vertices = 0;
        foreach (var item in seq.Children)
        {
            var r = MapView.Of(ctx, item, "a region", ["id", "file", "control", "counted", "source", "note"]);
            if (r is null) continue;
            var id = Read.String(ctx, r.Required("id"), "region", id: true);
            if (r["source"] is { } sn) Read.String(ctx, sn, "region source");
            if (r["note"] is { } nn) Read.String(ctx, nn, "region note");
            int control = SideRef(r.Required("control"), sides);
            bool counted = r["counted"] is not { } cn || (Read.Bool(ctx, cn, "counted") ?? true);
            var geometry = r.Required("file") is { } fn ? ReadGeoJson(fn) : null;
            if (id is null || control < 0 || geometry is null) continue;
            if (!seen.Add(id)) { ctx.Error(ScenarioErrors.DuplicateId, r["id"], "region", id, "earlier in this list"); continue; }
            vertices += geometry.NumPoints;
            if (vertices > limits.Vertices)
            {
                ctx.Error(ScenarioErrors.LimitExceeded, r["file"], Invariant($"the regions' polygons, {vertices:N0} vertices up to this file,"), Invariant($"{limits.Vertices:N0} vertices"), "vertices");
                return null;
            }
            if (GeometryChecks.Describe(geometry) is { } problem) { ctx.Error(ScenarioErrors.InvalidGeometry, r["file"], id, problem); continue; }
            regionInputs.Add(new RegionInput(id, geometry));
            regionFiles.Add(r["file"]);
            regions.Add(new Region(id, control, counted));
        }
        double snap = m["snap_km"] is { } sk ? Read.Number(ctx, sk, "snap_km", 0, 50) ?? 0 : 0;
        var grid = BindGrid(m.Required("grid"));
        var settlements = m["settlements"] is { } st ? ReadSettlements(st) : [];
        if (grid is null || Diag.HasErrors || regionInputs.Count == 0) return null;
        if (!WithinProjectionReach(m, grid, regionInputs, regionFiles)) return null;
        if (EstimatedCells(grid, regionInputs) is var estimate && estimate > limits.Cells)
        {
            var at = grid is HexGridSpec ? MapView.Of(ctx, m["grid"], "theatre grid", null)?["hex_km"] : m["grid"];
            ctx.Error(ScenarioErrors.LimitExceeded, at, Invariant($"the grid, about {estimate:N0} cells,"), Invariant($"{limits.Cells:N0} cells"), "cells");
            return null;
        }
        if (grid is HexGridSpec hexGrid && BorderComplexity.SegmentPairs(regionInputs.Select(r => r.LonLat), hexGrid.SizeKm, hexGrid.ClipLonLat) is var pairs && pairs > limits.BorderPairs)
        {
            ctx.Error(ScenarioErrors.LimitExceeded, MapView.Of(ctx, m["grid"], "theatre grid", null)?["hex_km"],
                Invariant($"the regions' borders, about {pairs:N0} pairs of border segments within a cell of this grid (building it would take minutes; simplify the region files or use a larger hex_km),"),
                Invariant($"{limits.BorderPairs:N0} pairs"), "border_pairs");
            return null;
        }

        TheatreGeometry geo;
        try
        {
            geo = TheatreCache.Build(regionInputs, grid, [.. settlements.Select(s => s.Input)], snap);
        }
        catch (Exception ex) when (ex is ArgumentException or TopologyException or InvalidOperationException)
        {
            ctx.Error(ScenarioErrors.TheatreBuild, m["grid"], ex.Message);
            return null;
        }
        warnings.AddRange(geo.Warnings);
        var kindOf = settlements.ToDictionary(s => s.Input.Id, s => s.Kind, StringComparer.Ordinal);
        var nameOf = settlements.ToDictionary(s => s.Input.Id, s => s.Input.Name, StringComparer.Ordinal);
        var residentsOf = settlements.ToDictionary(s => s.Input.Id, s => double.IsFinite(s.Input.Population) ? s.Input.Population : 0, StringComparer.Ordinal);
        var cells = geo.Cells.Select(c =>
        {
            string kind = c.Settlements.Length > 0 ? kindOf[c.Settlements[0]] : "open";
            double def = terrain.TryGetValue(kind, out var v) ? v : terrain["open"];
            string name = c.Settlements.Length > 0 ? nameOf[c.Settlements[0]] : c.Id;
            double residents = c.Settlements.Sum(s => residentsOf[s]);
            return new Cell(c.Index, c.Id, name, c.Region, c.AreaKm2, c.CentroidLon, c.CentroidLat, regions[c.Region].InitialControl, kind, def, c.Settlements, c.LonLat, residents, c.OuterBorderKm);
        }).ToList();
        var edges = geo.Edges.Select(e => new Edge(e.A, e.B, e.LengthKm, 1.0, "land")).ToList();
        return (cells, edges);
    }

    private GridSpec? BindGrid(YamlNode? node)
    {
        var g = MapView.Of(ctx, node, "theatre grid", ["hex_km", "clip", "points"]);
        if (g is null) return null;
        if (g.Has("hex_km") == g.Has("points"))
        {
            ctx.Error(ScenarioErrors.WrongType, node, "either 'hex_km' (a hexagonal grid) or 'points' (a CSV of sites for Voronoi cells)", g.Has("hex_km") ? "both" : "neither");
            return null;
        }
        if (g.Has("hex_km"))
        {
            var size = Read.Number(ctx, g["hex_km"], "hex_km", 0.2, 200);
            Envelope? clip = null;
            if (g["clip"] is { } cn && Read.Sequence(ctx, cn, "clip [lon_min, lat_min, lon_max, lat_max]") is { } cs)
            {
                var v = cs.Children.Select((c, i) => Read.Number(ctx, c, "clip coordinate", i % 2 == 0 ? -180 : -90, i % 2 == 0 ? 180 : 90)).ToList();
                if (v.Count != 4) ctx.Error(ScenarioErrors.WrongType, cn, "four numbers [lon_min, lat_min, lon_max, lat_max]", $"{v.Count} items");
                else if (v.All(x => x is not null))
                {
                    if (v[0] >= v[2] || v[1] >= v[3]) ctx.Error(ScenarioErrors.OutOfRange, cn, "clip", "[lon_min, lat_min, lon_max, lat_max] with min < max", "a reversed box");
                    else clip = new Envelope(v[0]!.Value, v[2]!.Value, v[1]!.Value, v[3]!.Value);
                }
            }
            return size is null ? null : new HexGridSpec(size.Value, clip);
        }
        var table = ReadCsv(g["points"]!);
        if (table is null || !table.RequireColumns(Diag, "id", "lon", "lat")) return null;
        var sites = new List<PointSite>();
        foreach (var row in table.Rows)
        {
            var id = row[table.Column("id")];
            var lon = CsvNumber(table, row, "lon", -180, 180);
            var lat = CsvNumber(table, row, "lat", -MaxLatitude, MaxLatitude);
            if (!Read.IsSlug(id.Text)) { Diag.Add(ScenarioErrors.CsvError, new SourceSpan(table.File, id.Line, id.Column), $"id '{id.Text}' must be lowercase letters, digits, '-' or '_'"); continue; }
            if (lon is not null && lat is not null) sites.Add(new PointSite(id.Text, lon.Value, lat.Value));
        }
        return new PointGridSpec(sites);
    }

    private sealed record SettlementRow(SettlementInput Input, string Kind);

    private List<SettlementRow> ReadSettlements(YamlNode fileNode)
    {
        var result = new List<SettlementRow>();
        var table = ReadCsv(fileNode);
        if (table is null || !table.RequireColumns(Diag, "id", "name", "lat", "lon")) return result;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = row[table.Column("id")];
            if (!Read.IsSlug(id.Text)) { Diag.Add(ScenarioErrors.CsvError, new SourceSpan(table.File, id.Line, id.Column), $"settlement id '{id.Text}' must be lowercase letters, digits, '-' or '_'"); continue; }
            if (seen.TryGetValue(id.Text, out int firstLine)) { Diag.Add(ScenarioErrors.DuplicateId, new SourceSpan(table.File, id.Line, id.Column), "settlement", id.Text, $"{table.File}:{firstLine}"); continue; }
            seen[id.Text] = id.Line;
            var lon = CsvNumber(table, row, "lon", -180, 180);
            var lat = CsvNumber(table, row, "lat", -MaxLatitude, MaxLatitude);
            double pop = table.Column("population") is int pc and >= 0 && row[pc].Text.Length > 0 ? CsvNumber(table, row, "population", 0, 1e9) ?? 0 : 0;
            string kind = table.Column("kind") is int kc and >= 0 && row[kc].Text.Length > 0 ? row[kc].Text : "settlement";
            if (lon is null || lat is null) continue;
            result.Add(new SettlementRow(new SettlementInput(id.Text, row[table.Column("name")].Text, lon.Value, lat.Value, pop), kind));
        }
        return result;
    }

    private double? CsvNumber(CsvTable table, IReadOnlyList<CsvTable.Field> row, string column, double min, double max)
    {
        var f = row[table.Column(column)];
        if (double.TryParse(f.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            if (v >= min && v <= max) return v;
            Diag.Add(ScenarioErrors.CsvError, new SourceSpan(table.File, f.Line, f.Column), $"{column} must be {Read.RangeText(min, max)}, found {f.Text}");
            return null;
        }
        Diag.Add(ScenarioErrors.CsvError, new SourceSpan(table.File, f.Line, f.Column), $"{column}: expected a finite number, found '{f.Text}'");
        return null;
    }

    /// <summary>Reads a side file named by a scenario value, recording its bytes for the hash; reports SAL109 on failure.</summary>
    private (string Display, string Text)? ReadSideFile(YamlNode fileNode)
    {
        var rel = Read.String(ctx, fileNode, "a file path");
        if (rel is null) return null;
        string full = Path.GetFullPath(Path.Combine(baseDirectory, rel));
        string display = Path.GetRelativePath(Environment.CurrentDirectory, full);
        try
        {
            var info = new FileInfo(full);
            if (!info.Exists) { ctx.Error(ScenarioErrors.FileUnreadable, fileNode, rel, $"no such file ({display})"); return null; }
            if (info.Length > ScenarioLoader.MaxFileBytes) { ctx.Error(ScenarioErrors.FileUnreadable, fileNode, rel, $"it is {info.Length} bytes; the limit is {ScenarioLoader.MaxFileBytes}"); return null; }
            var bytes = File.ReadAllBytes(full);
            _sideFiles.Add((rel.Replace('\\', '/'), bytes));
            return (display, ScenarioLoader.DecodeText(bytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ctx.Error(ScenarioErrors.FileUnreadable, fileNode, rel, ex.Message);
            return null;
        }
    }

    private CsvTable? ReadCsv(YamlNode fileNode)
    {
        var f = ReadSideFile(fileNode);
        return f is null ? null : CsvTable.Parse(f.Value.Text, f.Value.Display, Diag);
    }

    private NetTopologySuite.Geometries.Geometry? ReadGeoJson(YamlNode fileNode)
    {
        var f = ReadSideFile(fileNode);
        if (f is null) return null;
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        try
        {
            using var doc = JsonDocument.Parse(f.Value.Text);
            string? type = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
            NetTopologySuite.Geometries.Geometry? g = type switch
            {
                "FeatureCollection" => Union(JsonSerializer.Deserialize<FeatureCollection>(f.Value.Text, options)?.Select(x => x.Geometry)),
                "Feature" => JsonSerializer.Deserialize<IFeature>(f.Value.Text, options)?.Geometry,
                "Polygon" or "MultiPolygon" => JsonSerializer.Deserialize<NetTopologySuite.Geometries.Geometry>(f.Value.Text, options),
                _ => null,
            };
            if (g is Polygon or MultiPolygon) return WithoutAltitude(g);
            Diag.Add(ScenarioErrors.GeoJsonError, new SourceSpan(f.Value.Display, 1, 1),
                g is null ? $"expected a FeatureCollection, Feature, Polygon or MultiPolygon, found type '{type}'" : $"expected polygons, found {g.GeometryType}");
            return null;
        }
        catch (JsonException ex)
        {
            Diag.Add(ScenarioErrors.GeoJsonError, new SourceSpan(f.Value.Display, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1), ex.Message.Split(" Path:")[0]);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            Diag.Add(ScenarioErrors.GeoJsonError, new SourceSpan(f.Value.Display, 1, 1), ex.Message);
            return null;
        }

        // RFC 7946 allows a third (altitude) position element; the theatre is planar, so it is dropped here rather than
        // reaching the geometry builder, whose 2-D sequences refuse it with an internal message.
        static NetTopologySuite.Geometries.Geometry WithoutAltitude(NetTopologySuite.Geometries.Geometry g)
        {
            if (g.Coordinates.All(c => double.IsNaN(c.Z) && double.IsNaN(c.M))) return g;
            var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
            LinearRing Ring(LineString ring) => factory.CreateLinearRing([.. ring.Coordinates.Select(c => new Coordinate(c.X, c.Y))]);
            Polygon Flat(Polygon p) => factory.CreatePolygon(Ring(p.Shell), [.. p.Holes.Select(Ring)]);
            return g is Polygon polygon ? Flat(polygon) : factory.CreateMultiPolygon([.. ((MultiPolygon)g).Geometries.Cast<Polygon>().Select(Flat)]);
        }

        static NetTopologySuite.Geometries.Geometry? Union(IEnumerable<NetTopologySuite.Geometries.Geometry>? parts)
        {
            var list = parts?.Where(p => p is not null).ToList();
            return list is null || list.Count == 0 ? null : NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(list);
        }
    }

    private List<Cell> BindExplicitNodes(YamlNode node, List<string> sides, Dictionary<string, double> terrain)
    {
        var cells = new List<Cell>();
        var seq = Read.Sequence(ctx, node, "theatre nodes");
        if (seq is null) return cells;
        if (seq.Children.Count > limits.Cells)
        {
            ctx.Error(ScenarioErrors.LimitExceeded, seq, Invariant($"the number of nodes ({seq.Children.Count:N0})"), Invariant($"{limits.Cells:N0} cells"), "cells");
            return cells;
        }
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var item in seq.Children)
        {
            var n = MapView.Of(ctx, item, "a node", ["id", "name", "lon", "lat", "area_km2", "control", "terrain", "defensibility", "population"]);
            if (n is null) continue;
            var id = Read.String(ctx, n.Required("id"), "node", id: true);
            var lon = Read.Number(ctx, n.Required("lon"), "lon", -180, 180);
            var lat = Read.Number(ctx, n.Required("lat"), "lat", -MaxLatitude, MaxLatitude);
            var area = Read.Number(ctx, n.Required("area_km2"), "area_km2", 0, 1e6);
            int control = SideRef(n.Required("control"), sides);
            string kind = n["terrain"] is { } tn ? Read.String(ctx, tn, "terrain") ?? "open" : "open";
            double def = n["defensibility"] is { } dn ? Read.Number(ctx, dn, "defensibility", 0.1, 100) ?? 1 : terrain.GetValueOrDefault(kind, terrain["open"]);
            string name = n["name"] is { } nn ? Read.String(ctx, nn, "node name") ?? id ?? "" : id ?? "";
            double residents = n["population"] is { } pn ? Read.Number(ctx, pn, "population", 0, 1e8) ?? 0 : 0;
            if (id is null || lon is null || lat is null || area is null || control < 0) { if (id is not null) _dropped.Add("cell:" + id); continue; }
            if (seen.TryGetValue(id, out var first)) { ctx.Error(ScenarioErrors.DuplicateId, n["id"], "node", id, first.ToString()); continue; }
            seen[id] = ctx.Span(n["id"]);
            cells.Add(new Cell(cells.Count, id, name, 0, area.Value, lon.Value, lat.Value, control, kind, def, [], null, residents));
        }
        return cells;
    }

    private void ApplyNodeOverrides(YamlNode node, List<Cell> cells, List<string> sides, Dictionary<string, double> terrain)
    {
        var seq = Read.Sequence(ctx, node, "theatre nodes (overrides of grid cells)");
        if (seq is null) return;
        var theatre = new Theatre([], [.. cells], [], [], []);
        foreach (var item in seq.Children)
        {
            var n = MapView.Of(ctx, item, "a node override", ["id", "name", "control", "terrain", "defensibility", "note", "source"]);
            if (n is null) continue;
            int i = CellRef(n.Required("id"), theatre);
            if (i < 0) continue;
            var c = cells[i];
            if (n["control"] is { } cn) { int s = SideRef(cn, sides); if (s >= 0) c = c with { InitialControl = s }; }
            if (n["terrain"] is { } tn && Read.String(ctx, tn, "terrain") is { } t) c = c with { Terrain = t, Defensibility = terrain.GetValueOrDefault(t, terrain["open"]) };
            if (n["defensibility"] is { } dn && Read.Quantity(ctx, dn, $"theatre.nodes.{c.Id}.defensibility", 0.1, 100) is { } q)
            {
                // As in the terrain table: a cell's defensibility is not sampled, so a distribution would silently be its mean.
                if (q.IsUncertain) ctx.Error(ScenarioErrors.WrongType, dn, "a fixed value (defensibility is not sampled)", "a distribution");
                else c = c with { Defensibility = q.Value };
            }
            if (n["name"] is { } nn && Read.String(ctx, nn, "node name") is { } name) c = c with { Name = name };
            if (n["note"] is { } note) Read.String(ctx, note, "note");
            if (n["source"] is { } src) Read.String(ctx, src, "source");
            cells[i] = c;
        }
    }

    private void ApplyEdgeOverrides(YamlNode node, List<Cell> cells, List<Edge> edges)
    {
        var seq = Read.Sequence(ctx, node, "theatre edges");
        if (seq is null) return;
        var theatre = new Theatre([], [.. cells], [], [], []);
        foreach (var item in seq.Children)
        {
            var e = MapView.Of(ctx, item, "an edge", ["from", "to", "length_km", "mobility", "kind", "note", "source"]);
            if (e is null) continue;
            int a = CellRef(e.Required("from"), theatre), b = CellRef(e.Required("to"), theatre);
            double? length = e["length_km"] is { } ln ? Read.Number(ctx, ln, "length_km", 0.01, 10000) : null;
            double mobility = e["mobility"] is { } mn ? Read.Number(ctx, mn, "mobility", 0, 10) ?? 1 : 1;
            string kind = e["kind"] is { } kn ? Read.String(ctx, kn, "edge kind") ?? "land" : "land";
            if (e["note"] is { } note) Read.String(ctx, note, "note");
            if (e["source"] is { } src) Read.String(ctx, src, "source");
            if (a < 0 || b < 0) continue;
            if (a == b) { ctx.Error(ScenarioErrors.OutOfRange, item, "an edge", "between two different nodes", $"'{cells[a].Id}' to itself"); continue; }
            (a, b) = (Math.Min(a, b), Math.Max(a, b));
            int existing = edges.FindIndex(x => x.A == a && x.B == b);
            double len = length ?? (existing >= 0 ? edges[existing].LengthKm : GreatCircleKm(cells[a], cells[b]));
            var edge = new Edge(a, b, len, mobility, kind);
            if (existing >= 0) edges[existing] = edge; else edges.Add(edge);
        }
    }

    private static double GreatCircleKm(Cell a, Cell b)
    {
        const double R = 6371.0088;
        double p1 = a.Lat * Math.PI / 180, p2 = b.Lat * Math.PI / 180, dl = (b.Lon - a.Lon) * Math.PI / 180;
        double h = Math.Pow(Math.Sin((p2 - p1) / 2), 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Pow(Math.Sin(dl / 2), 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private List<Depot> BindDepots(YamlNode? node, List<string> sides, Theatre theatre)
    {
        var result = new List<Depot>();
        var seq = node is null ? null : Read.Sequence(ctx, node, "depots");
        if (seq is null) return result;
        foreach (var item in seq.Children)
        {
            var d = MapView.Of(ctx, item, "a depot", ["id", "side", "at", "note", "source"]);
            if (d is null) continue;
            var id = Read.String(ctx, d.Required("id"), "depot", id: true);
            int side = SideRef(d.Required("side"), sides);
            int cell = CellRef(d.Required("at"), theatre);
            if (d["note"] is { } note) Read.String(ctx, note, "note");
            if (d["source"] is { } src) Read.String(ctx, src, "source");
            if (id is null || side < 0 || cell < 0) continue;
            if (result.Any(x => x.Id == id)) { ctx.Error(ScenarioErrors.DuplicateId, d["id"], "depot", id, "earlier in this list"); continue; }
            result.Add(new Depot(id, side, cell));
        }
        return result;
    }

    /// <summary>
    /// The number of cells a grid will have, known before it is built: the sites of a point grid, or for hexagons the
    /// regions' area (within the clip box's, if smaller) over a hexagon's area. Equirectangular areas from the
    /// lon/lat polygons, so O(vertices); close enough to refuse a grid that is orders of magnitude too fine.
    /// </summary>
    private static long EstimatedCells(GridSpec grid, List<RegionInput> regions)
    {
        if (grid is PointGridSpec points) return points.Sites.Count;
        var hex = (HexGridSpec)grid;
        const double KmPerDegree = 111.2;
        double Km2(Envelope e) => e.Width * e.Height * KmPerDegree * KmPerDegree * Math.Cos(e.Centre.Y * Math.PI / 180);
        double area = 0;
        foreach (var region in regions)
        {
            var g = region.LonLat;
            double regionKm2 = g.Area * KmPerDegree * KmPerDegree * Math.Cos(g.EnvelopeInternal.Centre.Y * Math.PI / 180);
            if (hex.ClipLonLat is { } clip)
            {
                var overlap = clip.Intersection(g.EnvelopeInternal);
                regionKm2 = Math.Min(regionKm2, overlap.IsNull ? 0 : Km2(overlap));
            }
            area += regionKm2;
        }
        double hexKm2 = Math.Sqrt(3.0) / 2.0 * hex.SizeKm * hex.SizeKm;
        return (long)Math.Ceiling(area / hexKm2);
    }
}
