using System.Collections.Immutable;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Model;
using YamlDotNet.RepresentationModel;

namespace Salient.Scenario.Parsing;

// Infiltration routes and contingents (docs/model.md, "Infiltration" and "Contingents").
internal sealed partial class ScenarioBinder
{
    private static readonly string[] InfiltrationKeys =
        ["id", "name", "side", "route", "unit", "detach_from", "start", "phase", "transit_days", "capacity",
         "detection_per_day", "loss_if_detected", "surprise", "source", "note"];

    /// <summary>A unit's <c>contingent:</c>: an id that is not a side's, since both name metrics (<c>casualties.total.&lt;id&gt;</c>).</summary>
    private string? BindContingent(YamlNode node, string unit, List<string> sides)
    {
        var id = Read.String(ctx, node, $"contingent of unit '{unit}'", id: true);
        if (id is null) return null;
        if (sides.Contains(id))
        {
            ctx.Error(ScenarioErrors.OutOfRange, node, $"contingent of unit '{unit}'", "an id other than a side's", $"'{id}'");
            return null;
        }
        return id;
    }

    private List<InfiltrationRoute> BindInfiltration(YamlNode? node, List<string> sides, Theatre theatre, List<Unit> units, List<PlanPhase> plans, Calendar calendar)
    {
        var result = new List<InfiltrationRoute>();
        var seq = node is null ? null : Read.Sequence(ctx, node, "infiltration");
        if (seq is null) return result;
        var ids = new IdTable(ctx, "infiltration route");
        var taken = new HashSet<int>();
        foreach (var item in seq.Children)
        {
            var m = MapView.Of(ctx, item, "an infiltration route", InfiltrationKeys);
            if (m is null) continue;
            var id = Read.String(ctx, m.Required("id"), "infiltration route", id: true);
            if (id is null || !ids.Add(id, m["id"])) continue;
            string name = m["name"] is { } nn ? Read.String(ctx, nn, $"name of route '{id}'") ?? id : id;
            string? source = m["source"] is { } sn ? Read.String(ctx, sn, $"source of route '{id}'") : null;
            string? note = m["note"] is { } tn ? Read.String(ctx, tn, $"note of route '{id}'") : null;
            int side = SideRef(m.Required("side"), sides);

            // The chain: at least an entry and an exit, each step along an edge of the theatre.
            var cells = ImmutableArray.CreateBuilder<int>();
            double length = 0;
            bool badRoute = false;
            if (Read.Sequence(ctx, m.Required("route"), $"route of '{id}'") is { } rs)
            {
                foreach (var c in rs.Children)
                {
                    int cell = CellRef(c, theatre);
                    if (cell < 0) { badRoute = true; continue; }
                    if (cells.Count > 0 && !badRoute)
                    {
                        int prev = cells[^1];
                        var edge = theatre.Edges.FirstOrDefault(e => (e.A == prev && e.B == cell) || (e.A == cell && e.B == prev));
                        if (edge is null)
                        {
                            ctx.Error(ScenarioErrors.OutOfRange, c, $"step {cells.Count} of route '{id}'", $"a cell adjacent to '{theatre.Cells[prev].Id}'",
                                $"'{theatre.Cells[cell].Id}'");
                            badRoute = true;
                        }
                        else length += edge.LengthKm;
                    }
                    cells.Add(cell);
                }
                if (cells.Count < 2 && !badRoute)
                {
                    ctx.Error(ScenarioErrors.OutOfRange, m["route"], $"route of '{id}'", "a list of at least two cells (entry and exit)", $"{cells.Count}");
                    badRoute = true;
                }
            }
            else badRoute = true;
            // Who holds the entry and the exit is checked when the order is carried out, not here: ground changes hands
            // during a campaign (Kursk's pipeline ran from Russian-held ground to Sudzha, Russian at the start, Ukrainian later).

            int unit = UnitOfSide(m.Required("unit"), units, side, sides);
            if (unit >= 0 && !taken.Add(unit))
            {
                ctx.Error(ScenarioErrors.OutOfRange, m["unit"], $"unit of route '{id}'", "a unit no other route sends", $"'{units[unit].Id}'");
                unit = -1;
            }
            int donor = m["detach_from"] is { } dn ? UnitOfSide(dn, units, side, sides) : -1;
            if (donor >= 0 && donor == unit)
            {
                ctx.Error(ScenarioErrors.OutOfRange, m["detach_from"], $"detach_from of route '{id}'", "a unit other than the route's own", $"'{units[donor].Id}'");
                donor = -1;
            }

            // The trigger: a dated order, or the start of a named plan phase of the same side.
            DateOnly? start = null;
            if (m.Has("start") == m.Has("phase"))
                ctx.Error(ScenarioErrors.WrongType, item, $"either 'start' (a date) or 'phase' (a plan phase of the side) in route '{id}'", m.Has("start") ? "both" : "neither");
            else if (m["start"] is { } st) start = DateIn(st, calendar, $"start of route '{id}'");
            else if (Read.String(ctx, m["phase"], $"phase of route '{id}'") is { } phase)
            {
                var ph = plans.FirstOrDefault(p => p.Name == phase && p.Side == side);
                if (ph is null && side >= 0)
                    ctx.Error(ScenarioErrors.UnknownReference, m["phase"], $"plan phase of side '{sides[side]}'", phase,
                        Suggestions.Hint(phase, plans.Where(p => p.Side == side).Select(p => p.Name)));
                else start = ph?.Start;
            }

            double? transit = Read.Number(ctx, m.Required("transit_days"), $"transit_days of route '{id}'", 1, 365);
            if (transit is { } t && t != Math.Floor(t))
            {
                ctx.Error(ScenarioErrors.OutOfRange, m["transit_days"], $"transit_days of route '{id}'", "a whole number of days", t.ToString(System.Globalization.CultureInfo.InvariantCulture));
                transit = null;
            }
            string path = $"infiltration.{id}";
            var capacity = m.Required("capacity") is { } cp ? Read.Quantity(ctx, cp, path + ".capacity", 0, 1e6) : null;
            var detect = m.Required("detection_per_day") is { } dp ? Read.Quantity(ctx, dp, path + ".detection_per_day", 0, 1) : null;
            var loss = m["loss_if_detected"] is { } lp ? Read.Quantity(ctx, lp, path + ".loss_if_detected", 0, 1) : Quantity.Fixed(path + ".loss_if_detected", 1, "assumption (default: a detected force is lost)");
            var surprise = m["surprise"] is { } sp ? Read.Quantity(ctx, sp, path + ".surprise", 0, 1) : Quantity.Fixed(path + ".surprise", 0, "assumption (default: no surprise)");
            if (side < 0 || badRoute || unit < 0 || start is null || transit is null || capacity is null || detect is null || loss is null || surprise is null) continue;
            result.Add(new InfiltrationRoute(id, name, side, cells.ToImmutable(), length, unit, donor, start.Value, (int)transit.Value,
                WithSource(capacity), WithSource(detect), WithSource(loss), WithSource(surprise), ctx.Span(item)));

            Quantity WithSource(Quantity q) => q with { Source = q.Source ?? source, Note = q.Note ?? note };
        }
        return result;
    }

    private int UnitOfSide(YamlNode? node, List<Unit> units, int side, List<string> sides)
    {
        var uid = Read.String(ctx, node, "unit reference");
        if (uid is null) return -1;
        int k = units.FindIndex(x => x.Id == uid);
        if (k < 0)
        {
            if (!_dropped.Contains("unit:" + uid)) ctx.Error(ScenarioErrors.UnknownReference, node, "unit", uid, Suggestions.Hint(uid, units.Select(x => x.Id)));
            return -1;
        }
        if (side >= 0 && units[k].Side != side)
        {
            ctx.Error(ScenarioErrors.OutOfRange, node, $"unit '{uid}' on a route of side '{sides[side]}'", $"a unit of side '{sides[side]}'", $"a unit of side '{sides[units[k].Side]}'");
            return -1;
        }
        return k;
    }
}
