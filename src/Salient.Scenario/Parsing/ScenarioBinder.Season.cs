using System.Collections.Immutable;
using System.Globalization;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Model;
using YamlDotNet.RepresentationModel;

namespace Salient.Scenario.Parsing;

/// <summary>The <c>season:</c> block: latitude, foliage curve, ground-state calendar, weather climatology, system exposure.</summary>
internal sealed partial class ScenarioBinder
{
    private static readonly string[] SeasonKeys = ["latitude", "foliage", "ground", "weather", "systems", "source", "note"];

    private Season? BindSeason(YamlNode? node, Theatre theatre, List<SystemType> catalogue)
    {
        if (node is null) return null;
        var m = MapView.Of(ctx, node, "season", SeasonKeys);
        if (m is null) return null;
        string? source = m["source"] is { } sn ? Read.String(ctx, sn, "season source") : null;
        if (m["note"] is { } nn) Read.String(ctx, nn, "season note");

        // The sun is taken at the theatre's centroid: the middle of the cells' latitude span (the equal-area plane's centre).
        double lat;
        if (m["latitude"] is { } ln) lat = Read.Number(ctx, ln, "season latitude", -66, 66) ?? 0;
        else
        {
            double lo = double.MaxValue, hi = double.MinValue;
            foreach (var c in theatre.Cells) { lo = Math.Min(lo, c.Lat); hi = Math.Max(hi, c.Lat); }
            lat = theatre.Cells.Length == 0 ? 0 : (lo + hi) / 2;
        }

        var foliage = m["foliage"] is { } fn ? BindFoliage(fn) : Foliage.None;
        var ground = BindGround(m["ground"]);
        var (precipitation, lowCloud) = BindWeather(m["weather"]);
        var systems = BindSeasonSystems(m["systems"], catalogue);
        if (foliage is null) return null;
        return new Season(lat, foliage, ground, precipitation, lowCloud, systems, source);
    }

    private Foliage? BindFoliage(YamlNode node)
    {
        var m = MapView.Of(ctx, node, "season foliage", ["leaf_out", "leaf_fall", "leaf_on_cover", "leaf_off_cover", "source", "note"]);
        if (m is null) return null;
        string? source = m["source"] is { } sn ? Read.String(ctx, sn, "foliage source") : null;
        if (m["note"] is { } nn) Read.String(ctx, nn, "foliage note");
        var (outStart, outEnd) = Phase(m.Required("leaf_out"), "leaf_out");
        var (fallStart, fallEnd) = Phase(m.Required("leaf_fall"), "leaf_fall");
        double on = m["leaf_on_cover"] is { } onn ? Read.Number(ctx, onn, "leaf_on_cover", 0, 1) ?? 1 : 1;
        double off = m["leaf_off_cover"] is { } offn ? Read.Number(ctx, offn, "leaf_off_cover", 0, 1) ?? 0 : 0;
        if (outStart < 0 || outEnd < 0 || fallStart < 0 || fallEnd < 0) return null;
        if (!(outEnd < fallStart))
        {
            ctx.Error(ScenarioErrors.OutOfRange, m["leaf_fall"], "foliage leaf_fall start", "after the end of leaf_out (a northern-hemisphere year)", MonthDayText(fallStart));
            return null;
        }
        return new Foliage(outStart, outEnd, fallStart, fallEnd, off, on, source);

        (int Start, int End) Phase(YamlNode? pn, string what)
        {
            var pm = MapView.Of(ctx, pn, $"season foliage {what}", ["start", "end"]);
            if (pm is null) return (-1, -1);
            int s = MonthDay(pm.Required("start"), $"{what} start"), e = MonthDay(pm.Required("end"), $"{what} end");
            if (s >= 0 && e >= 0 && e < s)
            {
                ctx.Error(ScenarioErrors.OutOfRange, pm["end"], $"{what} end", $"on or after its start {MonthDayText(s)}", MonthDayText(e));
                return (-1, -1);
            }
            return (s, e);
        }
    }

    /// <summary>A recurring date written MM-DD, as a day of a non-leap year (1..365); -1 after reporting an error.</summary>
    private int MonthDay(YamlNode? node, string what)
    {
        var s = Read.Scalar(ctx, node, $"a month and day (MM-DD) for {what}");
        if (s is null) return -1;
        if (DateOnly.TryParseExact("2001-" + s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d.DayOfYear;
        ctx.Error(ScenarioErrors.WrongType, node, $"a month and day (MM-DD) for {what}", YamlContext.Describe(node!));
        return -1;
    }

    private static string MonthDayText(int dayOfYear) => new DateOnly(2001, 1, 1).AddDays(dayOfYear - 1).ToString("MM-dd", CultureInfo.InvariantCulture);

    private ImmutableArray<GroundWindow> BindGround(YamlNode? node)
    {
        var result = ImmutableArray.CreateBuilder<GroundWindow>();
        var seq = node is null ? null : Read.Sequence(ctx, node, "season ground");
        if (seq is null) return result.ToImmutable();
        var states = new Dictionary<string, GroundState> { ["dry"] = GroundState.Dry, ["mud"] = GroundState.Mud, ["frozen"] = GroundState.Frozen };
        var spans = new List<YamlNode>();
        foreach (var item in seq.Children)
        {
            var m = MapView.Of(ctx, item, "a season ground window", ["state", "start", "end", "source", "note"]);
            if (m is null) continue;
            var state = Read.Enum(ctx, m.Required("state"), "ground state", states);
            var start = Read.Date(ctx, m.Required("start"), "ground window start");
            var end = Read.Date(ctx, m.Required("end"), "ground window end");
            string? source = m["source"] is { } sn ? Read.String(ctx, sn, "ground window source") : null;
            if (m["note"] is { } nn) Read.String(ctx, nn, "ground window note");
            if (state is null || start is null || end is null) continue;
            if (end < start)
            {
                ctx.Error(ScenarioErrors.OutOfRange, m["end"], "ground window end", $"on or after its start {start:yyyy-MM-dd}", $"{end:yyyy-MM-dd}");
                continue;
            }
            for (int i = 0; i < result.Count; i++)
                if (start <= result[i].End && end >= result[i].Start)
                {
                    ctx.Error(ScenarioErrors.OutOfRange, m["start"], "ground window", $"clear of the window at {ctx.Span(spans[i])} ({result[i].Start:yyyy-MM-dd} .. {result[i].End:yyyy-MM-dd})", $"{start:yyyy-MM-dd} .. {end:yyyy-MM-dd}");
                    goto next;
                }
            result.Add(new GroundWindow(state.Value, start.Value, end.Value, source));
            spans.Add(item);
        next:;
        }
        return result.ToImmutable();
    }

    private (ImmutableArray<double> Precipitation, ImmutableArray<double> LowCloud) BindWeather(YamlNode? node)
    {
        ImmutableArray<double> none = [.. new double[12]];
        if (node is null) return (none, none);
        var m = MapView.Of(ctx, node, "season weather", ["precipitation", "low_cloud", "source", "note"]);
        if (m is null) return (none, none);
        if (m["source"] is { } sn) Read.String(ctx, sn, "weather source");
        if (m["note"] is { } nn) Read.String(ctx, nn, "weather note");
        return (Months(m["precipitation"], "precipitation"), Months(m["low_cloud"], "low_cloud"));

        ImmutableArray<double> Months(YamlNode? n, string what)
        {
            if (n is null) return none;
            var seq = Read.Sequence(ctx, n, $"weather {what} (12 monthly probabilities)");
            if (seq is null) return none;
            if (seq.Children.Count != 12)
            {
                ctx.Error(ScenarioErrors.OutOfRange, n, $"weather {what}", "a list of 12 monthly probabilities (January first)", $"{seq.Children.Count} entries");
                return none;
            }
            var p = new double[12];
            for (int i = 0; i < 12; i++) p[i] = Read.Number(ctx, seq.Children[i], $"weather {what} month {i + 1}", 0, 1) ?? 0;
            return [.. p];
        }
    }

    private ImmutableArray<SeasonSystem> BindSeasonSystems(YamlNode? node, List<SystemType> catalogue)
    {
        var result = new SeasonSystem[catalogue.Count];
        for (int s = 0; s < catalogue.Count; s++)
            result[s] = new SeasonSystem(s, catalogue[s].Class == SystemClass.Drone ? WeatherExposure.Drone : WeatherExposure.None, 0);
        if (node is null || MapView.Of(ctx, node, "season systems", null) is not { } map) return [.. result];
        var exposures = new Dictionary<string, WeatherExposure> { ["none"] = WeatherExposure.None, ["drone"] = WeatherExposure.Drone, ["aviation"] = WeatherExposure.Aviation };
        foreach (var (key, keyNode, value) in map.Entries())
        {
            int sys = catalogue.FindIndex(s => s.Id == key);
            if (sys < 0)
            {
                if (!_dropped.Contains("system:" + key))
                    ctx.Error(ScenarioErrors.UnknownReference, keyNode, "system type", key, Suggestions.Hint(key, catalogue.Select(s => s.Id)));
                continue;
            }
            var m = MapView.Of(ctx, value, $"season system '{key}'", ["weather", "thermal", "source", "note"]);
            if (m is null) continue;
            if (m["source"] is { } sn) Read.String(ctx, sn, $"source of season system '{key}'");
            if (m["note"] is { } nn) Read.String(ctx, nn, $"note of season system '{key}'");
            var exposure = m["weather"] is { } wn ? Read.Enum(ctx, wn, $"weather of system '{key}'", exposures) : result[sys].Exposure;
            double thermal = m["thermal"] is { } tn ? Read.Number(ctx, tn, $"thermal share of system '{key}'", 0, 1) ?? 0 : 0;
            result[sys] = new SeasonSystem(sys, exposure ?? result[sys].Exposure, thermal);
        }
        return [.. result];
    }
}
