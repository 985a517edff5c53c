using System.Collections.Immutable;
using System.Globalization;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Model;
using YamlDotNet.RepresentationModel;

namespace Salient.Scenario.Parsing;

/// <summary>Typed readers for YAML values. Each reports a positioned diagnostic and returns null on a bad value.</summary>
internal static class Read
{
    private static readonly string[] QuantityKeys =
        ["value", "dist", "min", "mode", "max", "median", "sigma", "alpha", "beta", "mean", "sd", "values", "weights", "schedule", "interpolate", "source", "note", "calibrate", "unit"];

    private static readonly string[] DistributionNames = ["triangular", "uniform", "lognormal", "beta", "normal", "particles"];

    /// <summary>The keys of the parametric families, which <c>dist: particles</c> does not take.</summary>
    private static readonly string[] ScalarDistributionKeys = ["min", "mode", "max", "median", "sigma", "alpha", "beta", "mean", "sd"];

    public static string? Scalar(YamlContext ctx, YamlNode? node, string what)
    {
        if (node is null) return null;
        if (!ctx.Visit(node)) return null;
        if (node is YamlScalarNode s && s.Value is not null) return s.Value;
        ctx.Error(ScenarioErrors.WrongType, node, what, YamlContext.Describe(node));
        return null;
    }

    /// <summary>A non-empty string; ids are also checked to be slugs (lowercase letters, digits, '-', '_').</summary>
    public static string? String(YamlContext ctx, YamlNode? node, string what, bool id = false)
    {
        var s = Scalar(ctx, node, id ? $"an id for {what}" : $"text for {what}");
        if (s is null) return null;
        if (s.Length == 0)
        {
            ctx.Error(ScenarioErrors.WrongType, node, $"non-empty text for {what}", "an empty string");
            return null;
        }
        if (id && !IsSlug(s))
        {
            ctx.Error(ScenarioErrors.OutOfRange, node, $"{what} id", "lowercase letters, digits, '-' or '_', starting with a letter or digit", $"'{s}'");
            return null;
        }
        return s;
    }

    public static bool IsSlug(string s) =>
        s.Length > 0 && s.Length <= 100 && char.IsAsciiLetterOrDigit(s[0]) &&
        s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    public static double? Number(YamlContext ctx, YamlNode? node, string what, double min = double.MinValue, double max = double.MaxValue)
    {
        var s = Scalar(ctx, node, $"a number for {what}");
        if (s is null) return null;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            ctx.Error(ScenarioErrors.WrongType, node, $"a finite number for {what}", YamlContext.Describe(node!));
            return null;
        }
        return CheckRange(ctx, node, what, v, min, max);
    }

    public static double? CheckRange(YamlContext ctx, YamlNode? node, string what, double v, double min, double max)
    {
        if (v >= min && v <= max) return v;
        ctx.Error(ScenarioErrors.OutOfRange, node, what, RangeText(min, max), v.ToString("R", CultureInfo.InvariantCulture));
        return null;
    }

    public static string RangeText(double min, double max) =>
        (min, max) switch
        {
            (double.MinValue, double.MaxValue) => "a number",
            (_, double.MaxValue) => $">= {F(min)}",
            (double.MinValue, _) => $"<= {F(max)}",
            _ => $"in [{F(min)}, {F(max)}]",
        };

    private static string F(double v) => v.ToString("G", CultureInfo.InvariantCulture);

    public static bool? Bool(YamlContext ctx, YamlNode? node, string what)
    {
        var s = Scalar(ctx, node, $"true or false for {what}");
        if (s is null) return null;
        if (s is "true" or "True" or "yes") return true;
        if (s is "false" or "False" or "no") return false;
        ctx.Error(ScenarioErrors.WrongType, node, $"true or false for {what}", YamlContext.Describe(node!));
        return null;
    }

    public static DateOnly? Date(YamlContext ctx, YamlNode? node, string what)
    {
        var s = Scalar(ctx, node, $"a date (YYYY-MM-DD) for {what}");
        if (s is null) return null;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        ctx.Error(ScenarioErrors.WrongType, node, $"a date (YYYY-MM-DD) for {what}", YamlContext.Describe(node!));
        return null;
    }

    public static YamlSequenceNode? Sequence(YamlContext ctx, YamlNode? node, string what)
    {
        if (node is null) return null;
        if (!ctx.Visit(node)) return null;
        if (node is YamlSequenceNode seq) return seq;
        ctx.Error(ScenarioErrors.WrongType, node, $"a list for {what}", YamlContext.Describe(node));
        return null;
    }

    public static T? Enum<T>(YamlContext ctx, YamlNode? node, string what, IReadOnlyDictionary<string, T> values) where T : struct
    {
        var s = Scalar(ctx, node, $"one of {string.Join(", ", values.Keys)} for {what}");
        if (s is null) return null;
        if (values.TryGetValue(s, out var v)) return v;
        ctx.Error(ScenarioErrors.OutOfRange, node, what, "one of " + string.Join(", ", values.Keys), $"'{s}'{Suggestions.Hint(s, values.Keys)}");
        return null;
    }

    /// <summary>
    /// Reads a number with optional provenance, distribution or (when <paramref name="allowSchedule"/>) schedule.
    /// Plain numbers, <c>{value, source, note}</c>, <c>{dist: ..., source}</c> and <c>{schedule: [...], interpolate}</c> are accepted.
    /// </summary>
    public static Quantity? Quantity(YamlContext ctx, YamlNode? node, string path, double min, double max, bool allowSchedule = false)
    {
        if (node is null) return null;
        var span = ctx.Span(node);
        if (node is YamlScalarNode)
        {
            var v = Number(ctx, node, path, min, max);
            return v is null ? null : new Quantity(path, v.Value, null, [], Interpolation.Step, null, null, false, span);
        }
        var m = MapView.Of(ctx, node, $"quantity '{path}'", QuantityKeys);
        if (m is null) return null;

        string? source = m["source"] is { } sn ? String(ctx, sn, $"source of '{path}'") : null;
        string? note = m["note"] is { } nn ? String(ctx, nn, $"note of '{path}'") : null;
        bool calibrate = m["calibrate"] is { } cn && (Bool(ctx, cn, $"calibrate of '{path}'") ?? false);
        if (m["unit"] is { } un) String(ctx, un, $"unit of '{path}'");

        int forms = (m.Has("value") ? 1 : 0) + (m.Has("dist") ? 1 : 0) + (m.Has("schedule") ? 1 : 0);
        if (forms != 1)
        {
            ctx.Error(ScenarioErrors.WrongType, node, $"exactly one of 'value', 'dist' or 'schedule' in quantity '{path}'", forms == 0 ? "none" : "several");
            return null;
        }
        if (m.Has("value"))
        {
            var v = Number(ctx, m["value"], path, min, max);
            return v is null ? null : new Quantity(path, v.Value, null, [], Interpolation.Step, source, note, calibrate, span);
        }
        if (m.Has("dist"))
        {
            var d = ReadDistribution(ctx, m, path, min, max);
            return d is null ? null : new Quantity(path, d.Mean, d, [], Interpolation.Step, source, note, calibrate, span);
        }
        if (!allowSchedule)
        {
            ctx.Error(ScenarioErrors.ScheduleNotAllowed, m.KeyNode("schedule"));
            return null;
        }
        return ReadSchedule(ctx, m, path, min, max, source, note, calibrate, span);
    }

    private static Quantity? ReadSchedule(YamlContext ctx, MapView m, string path, double min, double max, string? source, string? note, bool calibrate, SourceSpan span)
    {
        var interp = m["interpolate"] is { } inode
            ? Enum(ctx, inode, $"interpolate of '{path}'", new Dictionary<string, Interpolation> { ["step"] = Interpolation.Step, ["linear"] = Interpolation.Linear })
            : Interpolation.Step;
        var seq = Sequence(ctx, m["schedule"], $"schedule of '{path}'");
        if (seq is null || interp is null) return null;
        var points = ImmutableArray.CreateBuilder<SchedulePoint>();
        bool ok = true;
        DateOnly? previous = null;
        foreach (var item in seq.Children)
        {
            var pm = MapView.Of(ctx, item, $"schedule point of '{path}'", ["date", "value"]);
            if (pm is null) { ok = false; continue; }
            var date = Date(ctx, pm.Required("date"), $"schedule point of '{path}'");
            var valueNode = pm.Required("value");
            var q = valueNode is null ? null : Quantity(ctx, valueNode, $"{path}@{date:yyyy-MM-dd}", min, max, allowSchedule: false);
            if (date is null || q is null) { ok = false; continue; }
            if (previous is not null && date <= previous)
            {
                ctx.Error(ScenarioErrors.ScheduleOrder, pm.KeyNode("date") is { } k ? pm["date"] : item, $"{date:yyyy-MM-dd}", $"{previous:yyyy-MM-dd}");
                ok = false;
            }
            previous = date;
            points.Add(new SchedulePoint(date.Value, q));
        }
        if (points.Count == 0 && ok)
        {
            ctx.Error(ScenarioErrors.WrongType, seq, $"at least one point in schedule of '{path}'", "an empty list");
            ok = false;
        }
        return ok ? new Quantity(path, points[0].Value.Value, null, points.ToImmutable(), interp.Value, source, note, calibrate, span) : null;
    }

    private static Distribution? ReadDistribution(YamlContext ctx, MapView m, string path, double min, double max)
    {
        var kind = Enum(ctx, m["dist"], $"dist of '{path}'", new Dictionary<string, DistributionKind>
        {
            ["triangular"] = DistributionKind.Triangular,
            ["uniform"] = DistributionKind.Uniform,
            ["lognormal"] = DistributionKind.LogNormal,
            ["beta"] = DistributionKind.Beta,
            ["normal"] = DistributionKind.Normal,
            ["particles"] = DistributionKind.Particles,
        });
        if (kind is null) return null;
        string name = DistributionNames[(int)kind.Value];
        if (kind.Value == DistributionKind.Particles) return ReadParticles(ctx, m, path, min, max);
        foreach (var key in new[] { "values", "weights" })
            if (m.Has(key))
            {
                ctx.Error(ScenarioErrors.BadDistribution, m.KeyNode(key), name, $"'{key}' belongs to dist: particles, not to {name}");
                return null;
            }
        string[] needed = kind switch
        {
            DistributionKind.Triangular => ["min", "mode", "max"],
            DistributionKind.Uniform => ["min", "max"],
            DistributionKind.LogNormal => ["median", "sigma"],
            DistributionKind.Beta => ["alpha", "beta"],
            _ => ["mean", "sd"],
        };
        string[] optional = kind switch
        {
            DistributionKind.Beta or DistributionKind.Normal => ["min", "max"],
            DistributionKind.LogNormal => ["min", "max"],
            _ => [],
        };
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        bool ok = true;
        foreach (var key in ScalarDistributionKeys)
        {
            bool wanted = needed.Contains(key) || optional.Contains(key);
            if (!m.Has(key))
            {
                if (needed.Contains(key)) { ctx.Error(ScenarioErrors.MissingKey, m.Node, key, $"{name} distribution of '{path}'"); ok = false; }
                continue;
            }
            if (!wanted)
            {
                ctx.Error(ScenarioErrors.BadDistribution, m.KeyNode(key), name, $"'{key}' is not a parameter of {name} (it takes {string.Join(", ", needed.Concat(optional))})");
                ok = false;
                continue;
            }
            var v = Number(ctx, m[key], $"{key} of '{path}'");
            if (v is null) ok = false; else values[key] = v.Value;
        }
        if (!ok) return null;

        double G(string k, double dflt = double.NaN) => values.TryGetValue(k, out var v) ? v : dflt;
        string? problem = null;
        Distribution d;
        switch (kind.Value)
        {
            case DistributionKind.Triangular:
                if (!(G("min") <= G("mode") && G("mode") <= G("max") && G("min") < G("max"))) problem = "needs min <= mode <= max and min < max";
                d = new Distribution(kind.Value, G("min"), G("mode"), G("max"), G("min"), G("max"));
                break;
            case DistributionKind.Uniform:
                if (!(G("min") < G("max"))) problem = "needs min < max";
                d = new Distribution(kind.Value, G("min"), G("max"), 0, G("min"), G("max"));
                break;
            case DistributionKind.LogNormal:
                if (!(G("median") > 0)) problem = "needs median > 0";
                else if (!(G("sigma") > 0)) problem = "needs sigma > 0";
                // Truncated above at 'max', or at the quantity's own allowed maximum, so every draw is valid.
                d = new Distribution(kind.Value, G("median"), G("sigma"), 0, G("min", Math.Max(min, 0)), G("max", max));
                if (!(d.Max > G("median") && d.Min < G("median"))) problem = "needs min < median < max";
                break;
            case DistributionKind.Beta:
                if (!(G("alpha") > 0 && G("beta") > 0)) problem = "needs alpha > 0 and beta > 0";
                d = new Distribution(kind.Value, G("alpha"), G("beta"), 0, G("min", 0), G("max", 1));
                if (!(d.Min < d.Max)) problem = "needs min < max";
                break;
            default:
                if (!(G("sd") > 0)) problem = "needs sd > 0";
                d = new Distribution(kind.Value, G("mean"), G("sd"), 0, G("min", double.NegativeInfinity), G("max", double.PositiveInfinity));
                if (!(d.Min < d.Max)) problem = "needs min < max";
                break;
        }
        if (problem is not null)
        {
            ctx.Error(ScenarioErrors.BadDistribution, m.Node, name, problem);
            return null;
        }
        return WithinRange(ctx, m, name, d, path, min, max);
    }

    /// <summary><paramref name="d"/> if its support lies inside the quantity's allowed range (so no draw can be invalid).</summary>
    private static Distribution? WithinRange(YamlContext ctx, MapView m, string name, Distribution d, string path, double min, double max)
    {
        double lo = d.Min;
        double hi = d.Max;
        if (lo < min || hi > max)
        {
            ctx.Error(ScenarioErrors.BadDistribution, m.Node, name,
                $"its support [{lo.ToString("G", CultureInfo.InvariantCulture)}, {hi.ToString("G", CultureInfo.InvariantCulture)}] leaves the allowed range of '{path}', {RangeText(min, max)}; set min/max or choose another distribution");
            return null;
        }
        return d;
    }

    /// <summary>
    /// <c>{ dist: particles, values: [...], weights: [...] }</c>: a fitted posterior's particles (salient calibrate writes
    /// them). The weights are non-negative with a positive sum and as many as the values.
    /// </summary>
    private static Distribution? ReadParticles(YamlContext ctx, MapView m, string path, double min, double max)
    {
        foreach (var key in ScalarDistributionKeys)
            if (m.Has(key))
            {
                ctx.Error(ScenarioErrors.BadDistribution, m.KeyNode(key), "particles", $"'{key}' is not a parameter of particles (it takes values, weights)");
                return null;
            }
        var values = Numbers(ctx, m, "values", path);
        var weights = Numbers(ctx, m, "weights", path);
        if (values is null || weights is null) return null;
        string? problem = null;
        if (values.Value.Length == 0) problem = "needs at least one value";
        else if (weights.Value.Length != values.Value.Length) problem = $"needs as many weights as values ({weights.Value.Length} weights, {values.Value.Length} values)";
        else if (weights.Value.Any(w => !(w >= 0) || double.IsInfinity(w))) problem = "needs every weight finite and >= 0";
        else if (!(weights.Value.Sum() > 0)) problem = "needs weights with a positive sum";
        if (problem is not null)
        {
            ctx.Error(ScenarioErrors.BadDistribution, m.Node, "particles", problem);
            return null;
        }
        return WithinRange(ctx, m, "particles", Distribution.FromParticles(values.Value, weights.Value), path, min, max);
    }

    /// <summary>The list of numbers under <paramref name="key"/> of a particles distribution (null after an error).</summary>
    private static ImmutableArray<double>? Numbers(YamlContext ctx, MapView m, string key, string path)
    {
        var node = m.Required(key);
        if (node is null) return null;
        var seq = Sequence(ctx, node, $"{key} of '{path}'");
        if (seq is null) return null;
        var result = ImmutableArray.CreateBuilder<double>(seq.Children.Count);
        bool ok = true;
        foreach (var item in seq.Children)
        {
            var v = Number(ctx, item, $"a value in {key} of '{path}'");
            if (v is null) ok = false; else result.Add(v.Value);
        }
        return ok ? result.ToImmutable() : null;
    }
}
