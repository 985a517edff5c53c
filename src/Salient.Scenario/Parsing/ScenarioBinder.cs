using System.Collections.Immutable;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Model;
using YamlDotNet.RepresentationModel;
using static System.FormattableString;

namespace Salient.Scenario.Parsing;

/// <summary>A bound scenario before the cross-cutting rules run, with the positions the rules report at.</summary>
public sealed record ScenarioDraft(ScenarioModel Model, string File, SourceSpan TheatreSpan);

/// <summary>Binds the YAML tree, section by section, into the model. Every problem becomes a positioned diagnostic.</summary>
internal sealed partial class ScenarioBinder(YamlContext ctx, string baseDirectory, ScenarioLimits limits)
{
    private static readonly string[] RootKeys =
        ["salient", "name", "title", "description", "calendar", "sides", "theatre", "catalogue", "units", "plans", "reinforcements", "stocks", "parameters", "variants", "calibration", "supply_routes", "infiltration", "season", "chance"];

    private readonly List<(string Path, byte[] Bytes)> _sideFiles = [];

    /// <summary>Ids ("kind:id") defined but dropped for an error already reported, so references to them add no second error.</summary>
    private readonly HashSet<string> _dropped = new(StringComparer.Ordinal);

    /// <summary>Side files read while binding (relative path and bytes), for the scenario hash.</summary>
    public IReadOnlyList<(string Path, byte[] Bytes)> SideFiles => _sideFiles;

    private DiagnosticBag Diag => ctx.Diagnostics;

    public ScenarioDraft? Bind(YamlMappingNode root)
    {
        var m = MapView.Of(ctx, root, "the scenario", RootKeys);
        if (m is null) return null;

        var version = Read.Number(ctx, m.Required("salient"), "salient (format version)");
        if (version is not null && version.Value != ScenarioLoader.FormatVersion)
            ctx.Error(ScenarioErrors.UnsupportedVersion, m["salient"], version.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ScenarioLoader.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string name = Read.String(ctx, m.Required("name"), "name", id: true) ?? "scenario";
        string title = m["title"] is { } tn ? Read.String(ctx, tn, "title") ?? name : name;
        if (m["description"] is { } dn) Read.String(ctx, dn, "description");

        var calendar = BindCalendar(m.Required("calendar"));
        var sides = BindSides(m.Required("sides"));
        if (calendar is null || sides is null) return null;

        var sideIds = sides.Select(s => s.Id).ToList();
        var theatreNode = m.Required("theatre");
        var theatre = BindTheatre(theatreNode, sideIds);
        var catalogue = BindCatalogue(m["catalogue"]);
        if (theatre is null) return null;
        var units = BindUnits(m.Required("units"), sideIds, theatre, catalogue, calendar);
        var plans = BindPlans(m["plans"], sideIds, theatre, units, calendar);
        var reinforcements = BindReinforcements(m["reinforcements"], units, catalogue, calendar);
        var stocks = BindStocks(m["stocks"], sideIds, catalogue);
        var parameters = BindParameters(m["parameters"], sideIds);
        var routes = BindSupplyRoutes(m["supply_routes"], sideIds, theatre, catalogue);
        if (Diag.HasErrors) return null;

        var infiltration = BindInfiltration(m["infiltration"], sideIds, theatre, units, plans, calendar);
        if (Diag.HasErrors) return null;

        var season = BindSeason(m["season"], theatre, catalogue);
        var commonChance = BindChance(m["chance"]);
        if (Diag.HasErrors) return null;

        var model = new ScenarioModel(name, title, Hash: "", Variant: null, calendar, [.. sides], theatre, [.. catalogue], [.. units],
            [.. plans], [.. reinforcements], [.. stocks], parameters!, []) { SupplyRoutes = routes, Infiltration = [.. infiltration], Season = season, CommonChance = commonChance };
        return new ScenarioDraft(model, ctx.File, ctx.Span(theatreNode));
    }

    private static readonly DateOnly EarliestDate = new(1000, 1, 1);
    private static readonly DateOnly LatestDate = new(9000, 12, 31);

    private Calendar? BindCalendar(YamlNode? node)
    {
        var m = MapView.Of(ctx, node, "calendar", ["start", "end", "tick_hours"]);
        if (m is null) return null;
        var start = Read.Date(ctx, m.Required("start"), "calendar start");
        var end = Read.Date(ctx, m.Required("end"), "calendar end");
        double tick = m["tick_hours"] is { } th ? Read.Number(ctx, th, "calendar tick_hours", 1, 24) ?? 6 : 6;
        if (Math.Abs(24.0 / tick - Math.Round(24.0 / tick)) > 1e-9)
        {
            ctx.Error(ScenarioErrors.OutOfRange, m["tick_hours"], "tick_hours", "a divisor of 24 (1, 2, 3, 4, 6, 8, 12 or 24)", tick.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }
        if (start is null || end is null) return null;
        // Dates are drawn on the report's charts as OLE dates, which hold years 100 to 9999; 1000 to 9000 leaves room.
        foreach (var (key, date) in new[] { ("start", start.Value), ("end", end.Value) })
            if (date < EarliestDate || date > LatestDate)
            {
                ctx.Error(ScenarioErrors.OutOfRange, m[key], $"calendar {key}", $"a date from {EarliestDate:yyyy-MM-dd} to {LatestDate:yyyy-MM-dd}", $"{date:yyyy-MM-dd}");
                return null;
            }
        if (end < start)
        {
            ctx.Error(ScenarioErrors.OutOfRange, m["end"], "calendar end", $"on or after the start {start:yyyy-MM-dd}", $"{end:yyyy-MM-dd}");
            return null;
        }
        if (end.Value.DayNumber - start.Value.DayNumber > 3660)
        {
            ctx.Error(ScenarioErrors.OutOfRange, m["end"], "calendar length", "at most 3660 days", $"{end.Value.DayNumber - start.Value.DayNumber} days");
            return null;
        }
        return new Calendar(start.Value, end.Value, tick);
    }

    private List<Side>? BindSides(YamlNode? node)
    {
        var seq = Read.Sequence(ctx, node, "sides");
        if (seq is null) return null;
        var sides = new List<Side>();
        var ids = new IdTable(ctx, "side");
        foreach (var item in seq.Children)
        {
            var m = MapView.Of(ctx, item, "a side", ["id", "name", "colour", "doctrine"]);
            if (m is null) continue;
            var id = Read.String(ctx, m.Required("id"), "side", id: true);
            string sname = m["name"] is { } n ? Read.String(ctx, n, "side name") ?? "" : id ?? "";
            string colour = m["colour"] is { } c ? Read.String(ctx, c, "side colour") ?? SidePalette.Neutral : SidePalette.For(sides.Count);
            if (id is null || !ids.Add(id, m["id"])) continue;
            var doctrine = BindDoctrine(m["doctrine"], id);
            sides.Add(new Side(id, sname, colour, doctrine, ctx.Span(item)));
        }
        if (sides.Count != 2)
        {
            // Two items of which one is invalid are already reported; only a wrong number of items is a side-count error.
            if (seq.Children.Count != 2) ctx.Error(ScenarioErrors.SideCount, node, seq.Children.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }
        return sides;
    }

    private Doctrine BindDoctrine(YamlNode? node, string side)
    {
        var m = node is null ? null : MapView.Of(ctx, node, $"doctrine of side '{side}'", ["attack_ratio", "min_supply_to_attack", "withdraw_cohesion", "recover_cohesion", "cut_off_days"]);
        Quantity Q(string key, double dflt, double min, double max) =>
            (m?[key] is { } v ? Read.Quantity(ctx, v, $"sides.{side}.doctrine.{key}", min, max) : null)
            ?? Quantity.Fixed($"sides.{side}.doctrine.{key}", dflt, "assumption");
        return new Doctrine(
            Q("attack_ratio", 1.5, 0, 100),
            Q("min_supply_to_attack", 0.3, 0, 1),
            Q("withdraw_cohesion", 0.3, 0, 1),
            Q("recover_cohesion", 0.6, 0, 1),
            Q("cut_off_days", 3, 0, 1000));
    }

    private List<SystemType> BindCatalogue(YamlNode? node)
    {
        var result = new List<SystemType>();
        var seq = node is null ? null : Read.Sequence(ctx, node, "catalogue");
        if (seq is null) return result;
        var ids = new IdTable(ctx, "system type");
        var classes = new Dictionary<string, SystemClass>
        {
            ["personnel"] = SystemClass.Personnel, ["armour"] = SystemClass.Armour, ["artillery"] = SystemClass.Artillery,
            ["drone"] = SystemClass.Drone, ["ew"] = SystemClass.Ew, ["air_defence"] = SystemClass.AirDefence,
            ["logistics"] = SystemClass.Logistics, ["satcom"] = SystemClass.Satcom,
        };
        foreach (var item in seq.Children)
        {
            var m = MapView.Of(ctx, item, "a system type", ["id", "name", "class", "combat_power", "cost_usd", "vulnerability", "exposure", "fires", "isr", "ew", "air_defence", "source", "note"]);
            if (m is null) continue;
            var id = Read.String(ctx, m.Required("id"), "system type", id: true);
            if (id is null || !ids.Add(id, m["id"])) continue;
            string name = m["name"] is { } n ? Read.String(ctx, n, "system name") ?? id : id;
            var cls = Read.Enum(ctx, m.Required("class"), $"class of system '{id}'", classes);
            var power = m["combat_power"] is { } p ? Read.Quantity(ctx, p, $"catalogue.{id}.combat_power", 0, 1e6) : Quantity.Fixed($"catalogue.{id}.combat_power", 0);
            var cost = m["cost_usd"] is { } c ? Read.Quantity(ctx, c, $"catalogue.{id}.cost_usd", 0, 1e11) : Quantity.Fixed($"catalogue.{id}.cost_usd", 0);
            var vul = m["vulnerability"] is { } v ? Read.Quantity(ctx, v, $"catalogue.{id}.vulnerability", 0, 10) : Quantity.Fixed($"catalogue.{id}.vulnerability", 1);
            if (cls is null || power is null || cost is null || vul is null) { _dropped.Add("system:" + id); continue; }
            result.Add(BindSystemCapabilities(m, new SystemType(id, name, cls.Value, power, cost, vul, ctx.Span(item))));
        }
        return result;
    }

    private List<Unit> BindUnits(YamlNode? node, List<string> sides, Theatre theatre, List<SystemType> catalogue, Calendar calendar)
    {
        var result = new List<Unit>();
        var seq = Read.Sequence(ctx, node, "units");
        if (seq is null) return result;
        if (seq.Children.Count > limits.Units)
        {
            ctx.Error(ScenarioErrors.LimitExceeded, seq, Invariant($"the number of units ({seq.Children.Count:N0})"), Invariant($"{limits.Units:N0} units"), "units");
            return result;
        }
        var ids = new IdTable(ctx, "unit");
        foreach (var item in seq.Children)
        {
            var m = MapView.Of(ctx, item, "a unit", ["id", "name", "side", "at", "personnel", "experience", "inventory", "arrives", "source", "note", "contingent", "role", "depth_km"]);
            if (m is null) continue;
            var id = Read.String(ctx, m.Required("id"), "unit", id: true);
            if (id is null || !ids.Add(id, m["id"])) continue;
            if (m["source"] is { } sn) Read.String(ctx, sn, $"source of unit '{id}'");
            if (m["note"] is { } nn) Read.String(ctx, nn, $"note of unit '{id}'");
            string name = m["name"] is { } n ? Read.String(ctx, n, "unit name") ?? id : id;
            int side = SideRef(m.Required("side"), sides);
            int cell = CellRef(m.Required("at"), theatre);
            var personnel = m.Required("personnel") is { } pn ? Read.Quantity(ctx, pn, $"units.{id}.personnel", 0, 1e7) : null;
            var experience = m["experience"] is { } en ? Read.Quantity(ctx, en, $"units.{id}.experience", 0.1, 10) : Quantity.Fixed($"units.{id}.experience", 1.0, "assumption");
            DateOnly arrives = m["arrives"] is { } an ? DateIn(an, calendar, $"arrival of unit '{id}'") ?? calendar.Start : calendar.Start;
            var inventory = ImmutableArray.CreateBuilder<InventoryItem>();
            if (m["inventory"] is { } inode && MapView.Of(ctx, inode, $"inventory of unit '{id}'", null) is { } inv)
            {
                foreach (var (key, keyNode, value) in inv.Entries())
                {
                    int sys = catalogue.FindIndex(s => s.Id == key);
                    if (sys < 0)
                    {
                        if (!_dropped.Contains("system:" + key))
                            ctx.Error(ScenarioErrors.UnknownReference, keyNode, "system type", key, Suggestions.Hint(key, catalogue.Select(s => s.Id)));
                        continue;
                    }
                    var count = Read.Quantity(ctx, value, $"units.{id}.inventory.{key}", 0, 1e6);
                    if (count is not null) inventory.Add(new InventoryItem(sys, count));
                }
            }
            string? contingent = m["contingent"] is { } cn ? BindContingent(cn, id, sides) : null;
            if (side < 0 || cell < 0 || personnel is null || experience is null) { _dropped.Add("unit:" + id); continue; }
            var (role, depth) = BindRole(m, id);
            result.Add(new Unit(result.Count, id, name, side, cell, personnel, experience, inventory.ToImmutable(), arrives, ctx.Span(item), role, depth) { Contingent = contingent });
        }
        return result;
    }

    private List<PlanPhase> BindPlans(YamlNode? node, List<string> sides, Theatre theatre, List<Unit> units, Calendar calendar)
    {
        var result = new List<PlanPhase>();
        var seq = node is null ? null : Read.Sequence(ctx, node, "plans");
        if (seq is null) return result;
        var postures = new Dictionary<string, Posture> { ["attack"] = Posture.Attack, ["defend"] = Posture.Defend, ["withdraw"] = Posture.Withdraw };
        foreach (var item in seq.Children)
        {
            var m = MapView.Of(ctx, item, "a plan", ["side", "phases"]);
            if (m is null) continue;
            int side = SideRef(m.Required("side"), sides);
            var phases = Read.Sequence(ctx, m.Required("phases"), "plan phases");
            if (phases is null || side < 0) continue;
            foreach (var ph in phases.Children)
            {
                var p = MapView.Of(ctx, ph, "a plan phase", ["name", "start", "end", "posture", "objectives", "objective_regions", "objective_radius_km", "objective_within", "units", "note", "source"]);
                if (p is null) continue;
                string name = Read.String(ctx, p.Required("name"), "plan phase name") ?? "?";
                if (p["note"] is { } nn) Read.String(ctx, nn, $"note of phase '{name}'");
                if (p["source"] is { } sn) Read.String(ctx, sn, $"source of phase '{name}'");
                var start = p.Required("start") is { } s ? DateIn(s, calendar, $"start of phase '{name}'") : null;
                var end = p.Required("end") is { } e ? DateIn(e, calendar, $"end of phase '{name}'") : null;
                var posture = Read.Enum(ctx, p.Required("posture"), $"posture of phase '{name}'", postures);
                var objectives = ImmutableArray.CreateBuilder<int>();
                bool badObjective = false;
                if (p["objectives"] is { } on && Read.Sequence(ctx, on, $"objectives of phase '{name}'") is { } os)
                    foreach (var o in os.Children) { int c = CellRef(o, theatre); if (c < 0) badObjective = true; else if (!objectives.Contains(c)) objectives.Add(c); }
                if (p["objective_regions"] is { } rn)
                    foreach (int region in RegionRefs(rn, $"objective_regions of phase '{name}'", theatre, ref badObjective))
                        foreach (var c in theatre.Cells)
                            if (c.Region == region && !objectives.Contains(c.Index)) objectives.Add(c.Index);
                // A radius widens the named objectives into an area: every cell whose centre lies within it of one of them.
                if (p["objective_radius_km"] is { } radiusNode && Read.Number(ctx, radiusNode, $"objective_radius_km of phase '{name}'", 0, 1000) is { } radius && radius > 0)
                {
                    var named = objectives.ToArray();
                    foreach (var c in theatre.Cells)
                        if (!objectives.Contains(c.Index) && named.Any(o => GreatCircleKm(theatre.Cells[o], c) <= radius)) objectives.Add(c.Index);
                }
                // Bounds the objectives, whatever added them, to the listed regions: a radius drawn around a place near a
                // border then outlines the ground on one side of it only.
                if (p["objective_within"] is { } wn)
                {
                    var within = RegionRefs(wn, $"objective_within of phase '{name}'", theatre, ref badObjective);
                    bool any = objectives.Count > 0;
                    if (within.Count > 0)
                        for (int i = objectives.Count - 1; i >= 0; i--)
                            if (!within.Contains(theatre.Cells[objectives[i]].Region)) objectives.RemoveAt(i);
                    if (any && objectives.Count == 0)
                    {
                        ctx.Error(ScenarioErrors.OutOfRange, wn, $"objective_within of phase '{name}'", "regions holding at least one of the phase's objectives", "none of them");
                        badObjective = true;
                    }
                }
                var unitIdx = ImmutableArray.CreateBuilder<int>();
                if (p["units"] is { } un && Read.Sequence(ctx, un, $"units of phase '{name}'") is { } us)
                    foreach (var u in us.Children)
                    {
                        var uid = Read.String(ctx, u, "unit reference");
                        if (uid is null) continue;
                        int k = units.FindIndex(x => x.Id == uid);
                        if (k < 0) { if (!_dropped.Contains("unit:" + uid)) ctx.Error(ScenarioErrors.UnknownReference, u, "unit", uid, Suggestions.Hint(uid, units.Select(x => x.Id))); }
                        else if (units[k].Side != side) ctx.Error(ScenarioErrors.OutOfRange, u, $"unit '{uid}' in a plan of side '{sides[side]}'", $"a unit of side '{sides[side]}'", $"a unit of side '{sides[units[k].Side]}'");
                        else unitIdx.Add(k);
                    }
                if (start is null || end is null || posture is null) continue;
                if (end < start)
                {
                    ctx.Error(ScenarioErrors.EmptyPlanPhase, p["end"], name, $"{end:yyyy-MM-dd}", $"{start:yyyy-MM-dd}");
                    continue;
                }
                if (posture == Posture.Attack && objectives.Count == 0 && !badObjective)
                    ctx.Error(ScenarioErrors.MissingKey, ph, "objectives (or objective_regions)", $"attack phase '{name}'");
                result.Add(new PlanPhase(name, side, start.Value, end.Value, posture.Value, objectives.ToImmutable(), unitIdx.ToImmutable(), ctx.Span(ph)));
            }
        }
        return result;
    }

    /// <summary>The regions a list of region ids names, in order; an unknown id is reported with the nearest ids and sets <paramref name="bad"/>.</summary>
    private List<int> RegionRefs(YamlNode node, string what, Theatre theatre, ref bool bad)
    {
        var regions = new List<int>();
        if (Read.Sequence(ctx, node, what) is not { } seq) { bad = true; return regions; }
        foreach (var r in seq.Children)
        {
            var rid = Read.String(ctx, r, "region reference");
            if (rid is null) { bad = true; continue; }
            int region = theatre.Regions.Select(x => x.Id).ToList().IndexOf(rid);
            if (region < 0) { ctx.Error(ScenarioErrors.UnknownReference, r, "region", rid, Suggestions.Hint(rid, theatre.Regions.Select(x => x.Id))); bad = true; continue; }
            regions.Add(region);
        }
        return regions;
    }

    private List<Reinforcement> BindReinforcements(YamlNode? node, List<Unit> units, List<SystemType> catalogue, Calendar calendar)
    {
        var result = new List<Reinforcement>();
        var seq = node is null ? null : Read.Sequence(ctx, node, "reinforcements");
        if (seq is null) return result;
        int k = 0;
        foreach (var item in seq.Children)
        {
            var m = MapView.Of(ctx, item, "a reinforcement", ["unit", "system", "date", "start", "end", "personnel", "count", "per_day", "source", "note"]);
            k++;
            if (m is null) continue;
            var uid = Read.String(ctx, m.Required("unit"), "reinforced unit");
            int unit = uid is null ? -1 : units.FindIndex(u => u.Id == uid);
            if (uid is not null && unit < 0 && !_dropped.Contains("unit:" + uid)) ctx.Error(ScenarioErrors.UnknownReference, m["unit"], "unit", uid, Suggestions.Hint(uid, units.Select(u => u.Id)));
            string? source = m["source"] is { } sn ? Read.String(ctx, sn, "reinforcement source") : null;
            string? note = m["note"] is { } nn ? Read.String(ctx, nn, "reinforcement note") : null;
            bool oneOff = m.Has("date");
            bool flow = m.Has("start") || m.Has("end") || m.Has("per_day");
            if (oneOff == flow)
            {
                ctx.Error(ScenarioErrors.WrongType, item, "either 'date' with 'personnel' (one-off) or 'start', 'end' and 'per_day' (a daily flow)", oneOff ? "both" : "neither");
                continue;
            }
            // The path --set and variants use for this entry: its index in the list.
            string path = $"reinforcements.{k - 1}";
            // A delivery of items ('system' + 'count'/'per_day') or of personnel ('personnel'/'per_day').
            int system = -1;
            if (m["system"] is { } sysNode && Read.String(ctx, sysNode, "delivered system") is { } sid)
            {
                system = catalogue.FindIndex(x => x.Id == sid);
                if (system < 0) { ctx.Error(ScenarioErrors.UnknownReference, sysNode, "system type", sid, Suggestions.Hint(sid, catalogue.Select(x => x.Id))); continue; }
            }
            string amountKey = system >= 0 ? "count" : "personnel";
            if (oneOff)
            {
                var date = DateIn(m["date"]!, calendar, $"reinforcement of '{uid}'");
                var q = m.Required(amountKey) is { } pn ? Read.Quantity(ctx, pn, path + "." + amountKey, 0, 1e7) : null;
                if (date is null || q is null || unit < 0) continue;
                result.Add(new Reinforcement(unit, date.Value, null, WithSource(q, source, note), ctx.Span(item)) { System = system });
            }
            else
            {
                var start = m.Required("start") is { } s ? DateIn(s, calendar, $"reinforcement of '{uid}'") : null;
                var end = m.Required("end") is { } e ? DateIn(e, calendar, $"reinforcement of '{uid}'") : null;
                var q = m.Required("per_day") is { } pn ? Read.Quantity(ctx, pn, path + ".per_day", 0, 1e6) : null;
                if (start is null || end is null || q is null || unit < 0) continue;
                if (end < start) { ctx.Error(ScenarioErrors.OutOfRange, m["end"], "reinforcement end", $"on or after {start:yyyy-MM-dd}", $"{end:yyyy-MM-dd}"); continue; }
                result.Add(new Reinforcement(unit, start.Value, end.Value, WithSource(q, source, note), ctx.Span(item)) { System = system });
            }
        }
        return result;

        static Quantity WithSource(Quantity q, string? source, string? note) => q with { Source = q.Source ?? source, Note = q.Note ?? note };
    }

    private Parameters? BindParameters(YamlNode? node, List<string> sides)
    {
        var known = ParameterCatalogue.Expand(sides).ToList();
        var values = ImmutableSortedDictionary.CreateBuilder<string, Quantity>(StringComparer.Ordinal);
        foreach (var (name, _, dflt) in known) values[name] = Quantity.Fixed("parameters." + name, dflt, "assumption (default)");
        if (node is null) return new Parameters(values.ToImmutable());
        var names = known.Select(k => k.Name).ToList();
        Walk(node, "");
        return new Parameters(values.ToImmutable());

        void Walk(YamlNode n, string prefix)
        {
            var m = MapView.Of(ctx, n, prefix.Length == 0 ? "parameters" : $"parameters.{prefix}", null);
            if (m is null) return;
            foreach (var (key, keyNode, value) in m.Entries())
            {
                string full = prefix.Length == 0 ? key : prefix + "." + key;
                int def = known.FindIndex(k => k.Name == full);
                if (def >= 0)
                {
                    var d = known[def].Definition;
                    var q = Read.Quantity(ctx, value, "parameters." + full, d.Min, d.Max, allowSchedule: true);
                    if (q is not null) values[full] = q;
                }
                else if (names.Any(x => x.StartsWith(full + ".", StringComparison.Ordinal)) && value is YamlMappingNode)
                    Walk(value, full);
                else
                    ctx.Error(ScenarioErrors.UnknownKey, keyNode, key, prefix.Length == 0 ? "parameters" : $"parameters.{prefix}",
                        Suggestions.Hint(full, names));
            }
        }
    }

    private int SideRef(YamlNode? node, List<string> sides)
    {
        var id = Read.String(ctx, node, "side reference");
        if (id is null) return -1;
        int i = sides.IndexOf(id);
        if (i < 0) ctx.Error(ScenarioErrors.UnknownReference, node, "side", id, Suggestions.Hint(id, sides));
        return i;
    }

    private int CellRef(YamlNode? node, Theatre theatre)
    {
        var id = Read.String(ctx, node, "a cell or settlement id");
        if (id is null) return -1;
        int i = theatre.CellIndex(id);
        if (i < 0 && !_dropped.Contains("cell:" + id))
            ctx.Error(ScenarioErrors.UnknownReference, node, "cell or settlement", id,
                Suggestions.Hint(id, theatre.Cells.SelectMany(c => c.Settlements.Prepend(c.Id))));
        return i;
    }

    private DateOnly? DateIn(YamlNode node, Calendar calendar, string what)
    {
        var d = Read.Date(ctx, node, what);
        if (d is null) return null;
        if (calendar.Contains(d.Value)) return d;
        ctx.Error(ScenarioErrors.DateOutsideCalendar, node, $"{d:yyyy-MM-dd}", $"{calendar.Start:yyyy-MM-dd}", $"{calendar.End:yyyy-MM-dd}");
        return null;
    }

    /// <summary>Checks ids for duplicates, reporting the second definition with the first one's position.</summary>
    private sealed class IdTable(YamlContext ctx, string kind)
    {
        private readonly Dictionary<string, SourceSpan> _seen = new(StringComparer.Ordinal);

        public bool Add(string id, YamlNode? node)
        {
            if (_seen.TryGetValue(id, out var first))
            {
                ctx.Error(ScenarioErrors.DuplicateId, node, kind, id, first.ToString());
                return false;
            }
            _seen[id] = ctx.Span(node);
            return true;
        }
    }
}
