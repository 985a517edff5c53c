using System.Collections.Immutable;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Model;
using YamlDotNet.RepresentationModel;

namespace Salient.Scenario.Parsing;

/// <summary>Binding of the drone-era capabilities of catalogue systems (fires, ISR, EW, air defence) and of munition stocks.</summary>
internal sealed partial class ScenarioBinder
{
    private static readonly Dictionary<string, LinkKind> Links = new()
    {
        ["none"] = LinkKind.None, ["radio"] = LinkKind.Radio, ["fiber"] = LinkKind.Fiber, ["gnss"] = LinkKind.Gnss,
    };

    private SystemType BindSystemCapabilities(MapView m, SystemType type)
    {
        string id = type.Id;
        string path = $"catalogue.{id}";
        if (m["source"] is { } sn) Read.String(ctx, sn, $"source of system '{id}'");
        if (m["note"] is { } nn) Read.String(ctx, nn, $"note of system '{id}'");
        Quantity Q(MapView? map, string key, double dflt, double min, double max, string sub) =>
            (map?[key] is { } v ? Read.Quantity(ctx, v, $"{path}.{sub}.{key}", min, max) : null) ?? Quantity.Fixed($"{path}.{sub}.{key}", dflt);
        LinkKind Link(MapView map, LinkKind dflt, string what) =>
            map["link"] is { } ln ? Read.Enum(ctx, ln, $"link of {what} '{id}'", Links) ?? dflt : dflt;

        var result = type;
        if (m["exposure"] is { } en && Read.Quantity(ctx, en, $"{path}.exposure", 0, 1) is { } exposure)
            result = result with { Exposure = exposure };

        if (m["fires"] is { } fn && MapView.Of(ctx, fn, $"fires of system '{id}'",
                ["link", "range_km", "rate_per_day", "munition_cost_usd", "p_hit", "gnss_dependence", "interceptable", "c2", "kill", "priority", "deep_strike"]) is { } f)
        {
            var link = Link(f, LinkKind.None, "fires");
            if (link != LinkKind.Gnss && f.Has("gnss_dependence"))
                ctx.Error(ScenarioErrors.NoEffect, f.KeyNode("gnss_dependence"), "gnss_dependence", $"system '{id}' fires without 'link: gnss', and only GNSS jamming reads it");
            f.Required("range_km");
            f.Required("rate_per_day");
            var kill = ClassMap(f["kill"], $"{path}.fires.kill", 0, 1000, 0);
            // Personnel kill is casualties per hit; for item classes it is a probability.
            for (int k = 1; k < kill.Length; k++)
                if (kill[k].Distribution is null && kill[k].Value > 1 || kill[k].Distribution is { } d && d.Max > 1)
                    ctx.Error(ScenarioErrors.OutOfRange, f["kill"], $"{path}.fires.kill.{TargetClasses.Names[k]}", "in [0, 1] (a kill probability for items)", kill[k].Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Without a priority map every class is an equal target; with one, unlisted classes are not targeted.
            var priority = ClassMap(f["priority"], $"{path}.fires.priority", 0, 1000, f.Has("priority") ? 0 : 1);
            result = result with
            {
                Fires = new FiresSpec(
                    link,
                    Q(f, "range_km", 1, 0.01, 2000, "fires"),
                    Q(f, "rate_per_day", 0, 0, 10000, "fires"),
                    Q(f, "munition_cost_usd", 0, 0, 1e10, "fires"),
                    Q(f, "p_hit", 0.5, 0, 1, "fires"),
                    Q(f, "gnss_dependence", link == LinkKind.Gnss ? 1 : 0, 0, 1, "fires"),
                    f["interceptable"] is { } i && (Read.Bool(ctx, i, "interceptable") ?? false),
                    f["c2"] is { } c && (Read.Bool(ctx, c, "c2") ?? false),
                    kill,
                    priority,
                    f["deep_strike"] is { } ds && (Read.Bool(ctx, ds, "deep_strike") ?? false)),
            };
        }
        if (m["isr"] is { } isn && MapView.Of(ctx, isn, $"isr of system '{id}'", ["link", "range_km", "detection"]) is { } isr)
        {
            isr.Required("range_km");
            result = result with { Isr = new IsrSpec(Link(isr, LinkKind.Radio, "isr"), Q(isr, "range_km", 1, 0.01, 2000, "isr"), Q(isr, "detection", 0.1, 0, 100, "isr")) };
        }
        if (m["ew"] is { } ewn && MapView.Of(ctx, ewn, $"ew of system '{id}'", ["radius_km", "availability", "effect"]) is { } ew)
        {
            ew.Required("radius_km");
            var effect = ew["effect"] is { } efn ? MapView.Of(ctx, efn, $"ew effect of system '{id}'", ["drone", "recon", "gnss", "comms", "source"]) : null;
            string? effectSource = effect?["source"] is { } esn ? Read.String(ctx, esn, $"source of the ew effect of '{id}'") : null;
            Quantity E(string key) { var q = Q(effect, key, 0, 0, 1, "ew.effect"); return q.Span.Line > 0 ? q with { Source = q.Source ?? effectSource } : q; }
            result = result with
            {
                Ew = new EwSpec(Q(ew, "radius_km", 1, 0, 2000, "ew"), Q(ew, "availability", 1, 0, 1, "ew"), E("drone"), E("recon"), E("gnss"), E("comms")),
            };
        }
        if (m["air_defence"] is { } adn && MapView.Of(ctx, adn, $"air_defence of system '{id}'",
                ["range_km", "tracks", "channels", "cycle_minutes", "interceptors", "reload_per_day", "pk", "shots_per_target", "interceptor_cost_usd"]) is { } ad)
        {
            ad.Required("range_km");
            ad.Required("channels");
            ad.Required("interceptors");
            ad.Required("pk");
            result = result with
            {
                AirDefence = new AirDefenceSpec(
                    Q(ad, "range_km", 1, 0.01, 2000, "air_defence"),
                    Q(ad, "tracks", 1e9, 1, 1e9, "air_defence"),
                    Q(ad, "channels", 1, 0, 10000, "air_defence"),
                    Q(ad, "cycle_minutes", 60, 0.1, 1440, "air_defence"),
                    Q(ad, "interceptors", 0, 0, 1e6, "air_defence"),
                    Q(ad, "reload_per_day", 0, 0, 1e6, "air_defence"),
                    Q(ad, "pk", 0.5, 0, 1, "air_defence"),
                    Q(ad, "shots_per_target", 1, 1, 100, "air_defence"),
                    Q(ad, "interceptor_cost_usd", 0, 0, 1e10, "air_defence")),
            };
        }
        return result;
    }

    /// <summary>A map from target class names to quantities; absent classes take <paramref name="dflt"/>.</summary>
    private ImmutableArray<Quantity> ClassMap(YamlNode? node, string path, double min, double max, double dflt)
    {
        var values = TargetClasses.Names.Select(n => Quantity.Fixed($"{path}.{n}", dflt)).ToArray();
        if (node is null || MapView.Of(ctx, node, path, [.. TargetClasses.Names, "source"]) is not { } map) return [.. values];
        // A 'source' in the map cites every entry that has none of its own.
        string? source = map["source"] is { } sn ? Read.String(ctx, sn, $"source of {path}") : null;
        foreach (var (key, _, value) in map.Entries())
        {
            if (key == "source") continue;
            int i = TargetClasses.Names.IndexOf(key);
            if (Read.Quantity(ctx, value, $"{path}.{key}", min, max) is { } q) values[i] = q with { Source = q.Source ?? source };
        }
        return [.. values];
    }

    private List<Stock> BindStocks(YamlNode? node, List<string> sides, List<SystemType> catalogue)
    {
        var result = new List<Stock>();
        var seq = node is null ? null : Read.Sequence(ctx, node, "stocks");
        if (seq is null) return result;
        foreach (var item in seq.Children)
        {
            var m = MapView.Of(ctx, item, "a stock", ["side", "system", "initial", "production_per_day", "source", "note"]);
            if (m is null) continue;
            int side = SideRef(m.Required("side"), sides);
            var sid = Read.String(ctx, m.Required("system"), "stock system");
            int sys = sid is null ? -1 : catalogue.FindIndex(s => s.Id == sid);
            if (sid is not null && sys < 0) { ctx.Error(ScenarioErrors.UnknownReference, m["system"], "system type", sid, Suggestions.Hint(sid, catalogue.Select(s => s.Id))); continue; }
            if (sys >= 0 && catalogue[sys].Fires is null) { ctx.Error(ScenarioErrors.OutOfRange, m["system"], $"stock system '{sid}'", "a system with 'fires'", "a system that does not fire"); continue; }
            if (side < 0 || sys < 0) continue;
            string path = $"stocks.{sides[side]}.{sid}";
            if (result.Any(s => s.Side == side && s.System == sys)) { ctx.Error(ScenarioErrors.DuplicateId, item, "stock", $"{sides[side]}/{sid}", "earlier in this list"); continue; }
            string? source = m["source"] is { } sn ? Read.String(ctx, sn, "stock source") : null;
            if (m["note"] is { } nn) Read.String(ctx, nn, "stock note");
            var initial = m.Required("initial") is { } inode ? Read.Quantity(ctx, inode, path + ".initial", 0, 1e12) : null;
            var production = m["production_per_day"] is { } pn ? Read.Quantity(ctx, pn, path + ".production_per_day", 0, 1e9, allowSchedule: true) : Quantity.Fixed(path + ".production_per_day", 0);
            if (initial is null || production is null) continue;
            result.Add(new Stock(side, sys, initial with { Source = initial.Source ?? source }, production with { Source = production.Source ?? source }));
        }
        return result;
    }
}
