using System.Globalization;
using System.Text.Json;
using Salient.Scenario.Model;

namespace Salient.Output.Html;

/// <summary>A side as the report and viewer show it.</summary>
/// <param name="Id">Side id (<c>blue</c>).</param>
/// <param name="Name">Display name (<c>Ukraine</c>).</param>
/// <param name="Colour">CSS colour, <c>#rrggbb</c>.</param>
public sealed record SideInfo(string Id, string Name, string Colour);

/// <summary>
/// run.json: what the report and the viewer need to know about a run that summary.json does not say (title, the
/// sides' names and colours, the calendar, which map files exist). Written by <c>salient run</c>.
/// </summary>
public sealed record RunManifest(
    string Title,
    string Scenario,
    string? Variant,
    ulong Seed,
    int Replications,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<SideInfo> Sides,
    bool HasEvidence,
    int FrontEveryDays)
{
    /// <summary>The file name inside a run folder.</summary>
    public const string FileName = "run.json";

    /// <summary>The manifest of a run of <paramref name="model"/>.</summary>
    public static RunManifest From(ScenarioModel model, ulong seed, int replications, bool hasEvidence, int frontEveryDays)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sides = model.Sides.Select((s, i) => new SideInfo(s.Id, s.Name, ValidColour(s.Colour) ?? SidePalette.For(i))).ToList();
        return new RunManifest(model.Title, model.Name, model.Variant, seed, replications, model.Calendar.Start, model.Calendar.End, sides, hasEvidence, frontEveryDays);
    }

    /// <summary>Days from <see cref="Start"/> to <see cref="End"/>, end inclusive.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>Writes the manifest as JSON.</summary>
    public void Write(string path)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("format", 1);
        w.WriteString("title", Title);
        w.WriteString("scenario", Scenario);
        if (Variant is null) w.WriteNull("variant"); else w.WriteString("variant", Variant);
        w.WriteNumber("seed", Seed);
        w.WriteNumber("replications", Replications);
        w.WriteString("start", Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("end", End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteNumber("days", Days);
        w.WriteStartArray("sides");
        foreach (var s in Sides)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("name", s.Name);
            w.WriteString("colour", s.Colour);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteBoolean("evidence", HasEvidence);
        w.WriteNumber("front_every_days", FrontEveryDays);
        w.WriteEndObject();
    }

    /// <summary>Reads run.json from <paramref name="runDir"/>; null when it is missing or unreadable (older runs).</summary>
    public static RunManifest? TryRead(string runDir)
    {
        string path = Path.Combine(runDir, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var r = doc.RootElement;
            var sides = r.GetProperty("sides").EnumerateArray()
                .Select((s, i) => new SideInfo(
                    s.GetProperty("id").GetString() ?? $"side{i}",
                    s.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "",
                    s.TryGetProperty("colour", out var c) && ValidColour(c.GetString()) is { } colour ? colour : SidePalette.For(i)))
                .ToList();
            return new RunManifest(
                r.GetProperty("title").GetString() ?? "",
                r.GetProperty("scenario").GetString() ?? "",
                r.TryGetProperty("variant", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null,
                r.GetProperty("seed").GetUInt64(),
                r.GetProperty("replications").GetInt32(),
                DateOnly.ParseExact(r.GetProperty("start").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly.ParseExact(r.GetProperty("end").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                sides,
                r.TryGetProperty("evidence", out var e) && e.ValueKind == JsonValueKind.True,
                r.TryGetProperty("front_every_days", out var f) ? f.GetInt32() : 1);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException)
        {
            return null;
        }
    }

    /// <summary>The colour if it is a plain <c>#rgb</c> or <c>#rrggbb</c> hex colour (safe to put in CSS and SVG), else null.</summary>
    public static string? ValidColour(string? colour) =>
        colour is { Length: 4 or 7 } c && c[0] == '#' && c.Skip(1).All(char.IsAsciiHexDigit) ? c.ToLowerInvariant() : null;
}
