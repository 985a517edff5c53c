using System.Globalization;
using System.Text.Json;
using Salient.Analysis.Sensitivity;
using Salient.Analysis.Sweeps;
using Salient.Analysis;
using Salient.Experiments.Sharding;

namespace Salient.Cli.Services;

/// <summary>An output of a sensitivity study: its selector name and whether it is a day index (censored at the day after the end).</summary>
internal sealed record SensitivityOutput(string Name, bool IsDay);

/// <summary>
/// Everything that fixes a sensitivity study's design and its results: the scenario (name, hash, variant, overrides),
/// the seed, the method and its parameters, replications per point, the inputs and outputs, and the calendar (to show
/// day outputs as dates). Every shard of one study must carry an identical plan.
/// </summary>
/// <remarks>Immutable.</remarks>
internal sealed record SensitivityPlan(
    string Scenario,
    string Hash,
    string? Variant,
    IReadOnlyList<string> Set,
    ulong Seed,
    string Method,
    int Samples,
    int Levels,
    int Bootstrap,
    int Replications,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<SensitivityOutput> Outputs,
    DateOnly CalendarStart,
    DateOnly CalendarEnd)
{
    public bool IsMorris => Method == "morris";

    /// <summary>The inputs, parsed (the plan stores them as written, path=lo..hi).</summary>
    public IReadOnlyList<VariedInput> ParsedInputs() => [.. Inputs.Select(s => VariedInput.Parse(s, stepsRequired: false, allowList: false))];

    /// <summary>The design: Morris trajectories or the Saltelli matrices, a pure function of the plan.</summary>
    public SensitivityDesign Design() => IsMorris
        ? new SensitivityDesign(MorrisDesign.Create(Inputs.Count, Samples, Levels, Seed), null)
        : new SensitivityDesign(null, SaltelliDesign.Create(Samples, Inputs.Count, Seed));

    /// <summary>The fields compared between shards, in a fixed order, each as text.</summary>
    public IEnumerable<(string Field, string Value)> Key()
    {
        yield return ("scenario", Scenario);
        yield return ("scenario hash", Hash);
        yield return ("variant", Variant ?? "(none)");
        yield return ("--set", string.Join(" ", Set));
        yield return ("seed", Seed.ToString(CultureInfo.InvariantCulture));
        yield return ("method", Method);
        yield return ("samples", Samples.ToString(CultureInfo.InvariantCulture));
        yield return ("levels", Levels.ToString(CultureInfo.InvariantCulture));
        yield return ("bootstrap", Bootstrap.ToString(CultureInfo.InvariantCulture));
        yield return ("replications", Replications.ToString(CultureInfo.InvariantCulture));
        yield return ("inputs", string.Join(",", Inputs));
        yield return ("outputs", string.Join(",", Outputs.Select(o => o.Name + (o.IsDay ? " (day)" : ""))));
        yield return ("calendar", $"{MetricSelector.Format(CalendarStart)}..{MetricSelector.Format(CalendarEnd)}");
    }
}

/// <summary>The design of a study: exactly one of the two is set.</summary>
internal sealed record SensitivityDesign(MorrisDesign? Morris, SaltelliDesign? Sobol)
{
    public IReadOnlyList<double[]> Rows => Morris?.Rows ?? Sobol!.Rows;
}

/// <summary>The model outputs at one design point: the input values applied, each output's mean over the replications, and how many replications were censored.</summary>
internal sealed record PointResult(int Point, IReadOnlyList<string> Values, double[] Means, int[] Censored);

/// <summary>
/// <c>sensitivity-shard.json</c>: what <c>salient sensitivity --shard k/N</c> writes, the plan, the shard's place and
/// the results at its design points; <c>salient sensitivity-merge</c> reads the shards back.
/// </summary>
internal static class SensitivityShard
{
    public const string FileName = "sensitivity-shard.json";
    private const string Kind = "salient-sensitivity-shard";
    private const int Version = 1;

    /// <summary>The design points shard <paramref name="shard"/> evaluates out of <paramref name="points"/> (the slicing of salient run --shard).</summary>
    public static ReplicationRange PointsOf(ShardSpec shard, int points) => shard.RangeOf(points);

    public static void Write(string path, SensitivityPlan plan, ShardSpec shard, int points, ReplicationRange range, IReadOnlyList<PointResult> results)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("kind", Kind);
        w.WriteNumber("version", Version);
        w.WriteString("scenario", plan.Scenario);
        w.WriteString("hash", plan.Hash);
        if (plan.Variant is null) w.WriteNull("variant"); else w.WriteString("variant", plan.Variant);
        w.WriteStartArray("set");
        foreach (string s in plan.Set) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteNumber("seed", plan.Seed);
        w.WriteString("method", plan.Method);
        w.WriteNumber("samples", plan.Samples);
        w.WriteNumber("levels", plan.Levels);
        w.WriteNumber("bootstrap", plan.Bootstrap);
        w.WriteNumber("replications", plan.Replications);
        w.WriteStartArray("inputs");
        foreach (string s in plan.Inputs) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteStartArray("outputs");
        foreach (var o in plan.Outputs)
        {
            w.WriteStartObject();
            w.WriteString("name", o.Name);
            w.WriteString("kind", o.IsDay ? "day" : "value");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("calendar");
        w.WriteString("start", MetricSelector.Format(plan.CalendarStart));
        w.WriteString("end", MetricSelector.Format(plan.CalendarEnd));
        w.WriteEndObject();
        w.WriteNumber("points", points);
        w.WriteStartObject("shard");
        w.WriteNumber("index", shard.Index);
        w.WriteNumber("count", shard.Count);
        w.WriteNumber("start", range.Start);
        w.WriteNumber("end", range.End);
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var r in results)
        {
            w.WriteStartObject();
            w.WriteNumber("point", r.Point);
            w.WriteStartArray("values");
            foreach (string v in r.Values) w.WriteStringValue(v);
            w.WriteEndArray();
            // Shortest round-trip form: the merge reads back the exact doubles, so its indices match an unsharded run bit for bit.
            w.WriteStartArray("means");
            foreach (double m in r.Means)
                if (double.IsFinite(m)) w.WriteNumberValue(m); else w.WriteNullValue();
            w.WriteEndArray();
            w.WriteStartArray("censored");
            foreach (int c in r.Censored) w.WriteNumberValue(c);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One shard folder read back: its plan, place and results.</summary>
    public sealed record Shard(string Folder, SensitivityPlan Plan, ShardSpec Spec, int Points, ReplicationRange Range, IReadOnlyList<PointResult> Results);

    /// <summary>Reads the shard file in <paramref name="folder"/>; any problem is a user error naming the folder.</summary>
    public static Shard Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
            throw new UserInputException($"'{folder}' holds no {FileName}: it is not a shard folder of salient sensitivity --shard k/N");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.GetProperty("kind").GetString() != Kind || root.GetProperty("version").GetInt32() != Version)
                throw new UserInputException($"'{path}' is not a version-{Version} sensitivity shard file");
            var cal = root.GetProperty("calendar");
            var plan = new SensitivityPlan(
                root.GetProperty("scenario").GetString()!,
                root.GetProperty("hash").GetString()!,
                root.GetProperty("variant").ValueKind == JsonValueKind.Null ? null : root.GetProperty("variant").GetString(),
                [.. root.GetProperty("set").EnumerateArray().Select(e => e.GetString()!)],
                root.GetProperty("seed").GetUInt64(),
                root.GetProperty("method").GetString()!,
                root.GetProperty("samples").GetInt32(),
                root.GetProperty("levels").GetInt32(),
                root.GetProperty("bootstrap").GetInt32(),
                root.GetProperty("replications").GetInt32(),
                [.. root.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()!)],
                [.. root.GetProperty("outputs").EnumerateArray().Select(e => new SensitivityOutput(e.GetProperty("name").GetString()!, e.GetProperty("kind").GetString() == "day"))],
                DateOnly.ParseExact(cal.GetProperty("start").GetString()!, MetricSelector.DateFormat, CultureInfo.InvariantCulture),
                DateOnly.ParseExact(cal.GetProperty("end").GetString()!, MetricSelector.DateFormat, CultureInfo.InvariantCulture));
            var sh = root.GetProperty("shard");
            var spec = new ShardSpec(sh.GetProperty("index").GetInt32(), sh.GetProperty("count").GetInt32());
            if (spec.Count < 1 || spec.Index < 1 || spec.Index > spec.Count) throw new FormatException($"shard {spec} is not k/N with 1 <= k <= N");
            int start = sh.GetProperty("start").GetInt32(), end = sh.GetProperty("end").GetInt32();
            var results = root.GetProperty("results").EnumerateArray().Select(r => new PointResult(
                r.GetProperty("point").GetInt32(),
                [.. r.GetProperty("values").EnumerateArray().Select(e => e.GetString()!)],
                [.. r.GetProperty("means").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble())],
                [.. r.GetProperty("censored").EnumerateArray().Select(e => e.GetInt32())])).ToList();
            // A hand-edited plan must still describe a design; fail here rather than at the merge.
            _ = plan.ParsedInputs();
            _ = plan.Design();
            return new Shard(folder, plan, spec, root.GetProperty("points").GetInt32(), new ReplicationRange(start, end - start), results);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or SweepSpecException or ArgumentException)
        {
            throw new UserInputException($"'{path}' is not a readable sensitivity shard file: {ex.Message}");
        }
    }

    /// <summary>
    /// Checks that <paramref name="shards"/> are the N shards of one study (identical plans, each k of N exactly once,
    /// every design point exactly once) and returns the plan and the results in point order.
    /// </summary>
    public static (SensitivityPlan Plan, PointResult[] Results) Combine(IReadOnlyList<Shard> shards)
    {
        var first = shards[0];
        foreach (var s in shards.Skip(1))
        {
            foreach (var ((field, a), (_, b)) in first.Plan.Key().Zip(s.Plan.Key()))
                if (a != b)
                    throw new UserInputException($"'{s.Folder}' and '{first.Folder}' are not shards of one study: they differ in {field} ('{b}' against '{a}')");
            if (s.Spec.Count != first.Spec.Count)
                throw new UserInputException($"'{s.Folder}' is shard {s.Spec} but '{first.Folder}' is shard {first.Spec}: the shard counts differ");
        }
        int n = first.Spec.Count;
        var dup = shards.GroupBy(s => s.Spec.Index).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new UserInputException($"shard {dup.Key}/{n} is given twice: {string.Join(" and ", dup.Select(s => $"'{s.Folder}'"))}");
        var missing = Enumerable.Range(1, n).Where(k => shards.All(s => s.Spec.Index != k)).ToList();
        if (missing.Count > 0) throw new UserInputException($"shard(s) {string.Join(", ", missing.Select(k => $"{k}/{n}"))} missing: give all {n} shard folders");

        int points = first.Points;
        var expected = first.Plan.Design().Rows.Count;
        var results = new PointResult?[points];
        foreach (var s in shards)
        {
            if (s.Points != points || points != expected || s.Range != PointsOf(s.Spec, points) || s.Results.Count != s.Range.Count)
                throw new UserInputException($"'{s.Folder}' is damaged: shard {s.Spec} should hold points {PointsOf(s.Spec, expected)} of {expected}");
            foreach (var r in s.Results)
            {
                if (r.Point < s.Range.Start || r.Point >= s.Range.End || results[r.Point] is not null
                    || r.Values.Count != first.Plan.Inputs.Count || r.Means.Length != first.Plan.Outputs.Count || r.Censored.Length != first.Plan.Outputs.Count)
                    throw new UserInputException($"'{s.Folder}' is damaged: its result for point {r.Point} does not belong to shard {s.Spec}");
                results[r.Point] = r;
            }
        }
        return (first.Plan, [.. results.Select(r => r!)]);
    }
}
