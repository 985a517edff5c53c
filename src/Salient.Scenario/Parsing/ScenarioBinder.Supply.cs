using System.Collections.Immutable;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Model;
using YamlDotNet.RepresentationModel;

namespace Salient.Scenario.Parsing;

internal sealed partial class ScenarioBinder
{
    /// <summary>Binds <c>supply_routes</c>: each route's side, waypoints (cells or settlements), throughput and convoy vehicles.</summary>
    private ImmutableArray<SupplyRoute> BindSupplyRoutes(YamlNode? node, List<string> sides, Theatre theatre, List<SystemType> catalogue)
    {
        var seq = node is null ? null : Read.Sequence(ctx, node, "supply_routes");
        if (seq is null) return [];
        var result = ImmutableArray.CreateBuilder<SupplyRoute>();
        var ids = new IdTable(ctx, "supply route");
        foreach (var item in seq.Children)
        {
            var m = MapView.Of(ctx, item, "a supply route", ["id", "name", "side", "path", "throughput", "vehicle", "vehicles_per_day", "source", "note"]);
            if (m is null) continue;
            var id = Read.String(ctx, m.Required("id"), "supply route", id: true);
            if (id is null || !ids.Add(id, m["id"])) continue;
            if (m["name"] is { } nm) Read.String(ctx, nm, $"name of supply route '{id}'");
            string? source = m["source"] is { } sn ? Read.String(ctx, sn, $"source of supply route '{id}'") : null;
            if (m["note"] is { } nn) Read.String(ctx, nn, $"note of supply route '{id}'");
            int side = SideRef(m.Required("side"), sides);

            var waypoints = ImmutableArray.CreateBuilder<int>();
            bool ok = true;
            if (Read.Sequence(ctx, m.Required("path"), $"path of supply route '{id}'") is { } path)
            {
                foreach (var w in path.Children)
                {
                    int cell = CellRef(w, theatre);
                    if (cell < 0) { ok = false; continue; }
                    if (waypoints.Count == 0 || waypoints[^1] != cell) waypoints.Add(cell);
                }
                if (ok && waypoints.Count < 2)
                {
                    ctx.Error(ScenarioErrors.OutOfRange, m["path"], $"path of supply route '{id}'", "at least two distinct cells", $"{waypoints.Count}");
                    ok = false;
                }
            }
            else ok = false;

            var vid = Read.String(ctx, m.Required("vehicle"), $"vehicle of supply route '{id}'");
            int vehicle = vid is null ? -1 : catalogue.FindIndex(s => s.Id == vid);
            if (vid is not null && vehicle < 0)
            {
                if (!_dropped.Contains("system:" + vid))
                    ctx.Error(ScenarioErrors.UnknownReference, m["vehicle"], "system type", vid, Suggestions.Hint(vid, catalogue.Select(s => s.Id)));
            }
            else if (vehicle >= 0 && catalogue[vehicle].Class != SystemClass.Logistics)
            {
                ctx.Error(ScenarioErrors.OutOfRange, m["vehicle"], $"vehicle of supply route '{id}'", "a system of class logistics",
                    $"'{vid}' of class {TargetClasses.Names[(int)TargetClasses.Of(catalogue[vehicle].Class)]}");
                vehicle = -1;
            }
            string prefix = $"supply_routes.{id}";
            var throughput = m.Required("throughput") is { } tn ? Read.Quantity(ctx, tn, prefix + ".throughput", 0, 1e9) : null;
            var vehicles = m.Required("vehicles_per_day") is { } vn ? Read.Quantity(ctx, vn, prefix + ".vehicles_per_day", 1, 1e6) : null;
            if (!ok || side < 0 || vehicle < 0 || throughput is null || vehicles is null) continue;
            result.Add(new SupplyRoute(id, side, waypoints.ToImmutable(), throughput with { Source = throughput.Source ?? source },
                vehicle, vehicles with { Source = vehicles.Source ?? source }, ctx.Span(item)));
        }
        return result.ToImmutable();
    }
}
