using System.Globalization;
using System.Text.Json;
using Salient.Engine.Compilation;
using Salient.Experiments.Statistics;
using Salient.Output.Files;
using Salient.Scenario.Evidence;
using Salient.Scenario.Model;

namespace Salient.Output.Html;

/// <summary>A metric's summary from summary.json: numbers for quantities, dates and a probability for events.</summary>
public sealed record MetricStats(string Name, double? Probability, double? Mean, double? P05, double? P50, double? P95, DateOnly? DateP05, DateOnly? DateP50, DateOnly? DateP95)
{
    /// <summary>True for event metrics (capture dates, peak days): they carry a probability and dates.</summary>
    public bool IsEvent => Probability is not null;
}

/// <summary>A cell's id, display name and settlements, from cells.geojson.</summary>
public sealed record CellLabel(string Id, string Name, IReadOnlyList<string> Settlements);

/// <summary>replications.csv as columns of text: one row per replication.</summary>
public sealed class ReplicationTable
{
    private readonly Dictionary<string, string[]> _columns;

    internal ReplicationTable(IReadOnlyList<string> names, Dictionary<string, string[]> columns, int rows)
    {
        Names = names;
        _columns = columns;
        Rows = rows;
    }

    /// <summary>An empty table (no replications.csv).</summary>
    public static ReplicationTable Empty { get; } = new([], [], 0);

    /// <summary>Column names in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of replications.</summary>
    public int Rows { get; }

    /// <summary>Whether the column exists.</summary>
    public bool Has(string name) => _columns.ContainsKey(name);

    /// <summary>The numeric values of a column (empty cells and non-numbers left out); empty when the column is missing.</summary>
    public double[] Numbers(string name) =>
        _columns.TryGetValue(name, out var col)
            ? [.. col.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : double.NaN).Where(double.IsFinite)]
            : [];

    /// <summary>The ISO dates of a column, null where the cell is empty (the event did not happen); empty when the column is missing.</summary>
    public DateOnly?[] Dates(string name) =>
        _columns.TryGetValue(name, out var col)
            ? [.. col.Select(v => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)]
            : [];

    /// <summary>
    /// Parses CSV text (no quoted fields: replications.csv holds only numbers, dates and column names). Columns are
    /// named by <see cref="ColumnNames"/>; those of <paramref name="metrics"/> (summary.json's metric names) are known by
    /// their metric name (<c>capture.sudzha.red</c>), any other by its column name.
    /// </summary>
    public static ReplicationTable Parse(TextReader reader, IEnumerable<string>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? header = reader.ReadLine();
        if (string.IsNullOrEmpty(header)) return Empty;
        var metricOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string m in metrics ?? []) metricOf.TryAdd(ColumnNames.Of(m), m);
        var names = header.Split(',').Select(c => metricOf.GetValueOrDefault(c, c)).ToArray();
        var lists = names.Select(_ => new List<string>()).ToArray();
        int rows = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            for (int i = 0; i < names.Length; i++) lists[i].Add(i < cells.Length ? cells[i] : "");
            rows++;
        }
        var columns = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++) columns.TryAdd(names[i], [.. lists[i]]);
        return new ReplicationTable(names, columns, rows);
    }
}

/// <summary>
/// The outputs of one run, read back from its folder: summary.json (required), replications.csv, run.json and the
/// evidence ledger (all optional). The report and the viewer are built from this alone, so they work on any run folder.
/// </summary>
public sealed class RunFolder
{
    /// <summary>Name of the evidence ledger a run copies from its scenario folder.</summary>
    public const string EvidenceFileName = "evidence.yaml";

    private RunFolder(string directory) => Directory = directory;

    /// <summary>The run folder.</summary>
    public string Directory { get; }

    /// <summary>The run's display title: the scenario's title from run.json, or <see cref="ScenarioName"/> without one.</summary>
    public string Title { get; private set; } = "";

    /// <summary>The scenario's <c>name</c> (its id), from summary.json.</summary>
    public string ScenarioName { get; private set; } = "";

    /// <summary>The variant the run applied, from summary.json; null when the scenario ran without one.</summary>
    public string? Variant { get; private set; }

    /// <summary>The scenario's input hash from summary.json (scenario text, side files, variant and overrides); empty when absent.</summary>
    /// <remarks>It identifies the exact inputs, so the report can show which inputs produced the run (the report prints its first 16 characters).</remarks>
    public string ScenarioHash { get; private set; } = "";

    /// <summary>summary.json's <c>calibration_stale</c> block: the run applied a calibration file fitted to another version of the scenario; null otherwise.</summary>
    public StaleCalibration? StaleCalibration { get; private set; }

    /// <summary>The engine version that produced the run (summary.json's <c>engine</c>); empty when absent.</summary>
    public string Engine { get; private set; } = "";

    /// <summary>The run's root seed, from summary.json.</summary>
    public ulong Seed { get; private set; }

    /// <summary>Number of replications the summary was computed over, from summary.json.</summary>
    public int Replications { get; private set; }

    /// <summary>First simulated day: run.json's calendar start, else the first date of the daily series.</summary>
    /// <remarks><c>default</c> when neither run.json nor any non-empty daily series is present.</remarks>
    public DateOnly Start { get; private set; }

    /// <summary>Last simulated day, inclusive: run.json's calendar end, else the last date of the daily series.</summary>
    /// <remarks><c>default</c> when neither run.json nor any non-empty daily series is present.</remarks>
    public DateOnly End { get; private set; }

    /// <summary>The run's sides, with display names and colours from run.json.</summary>
    /// <remarks>Without run.json the sides are recovered from the control-area series in summary.json, with the id as the
    /// name and the default palette's colours.</remarks>
    public IReadOnlyList<SideInfo> Sides { get; private set; } = [];

    /// <summary>The daily percentile bands (p05, p25, p50, p75, p95) from summary.json, keyed by series name.</summary>
    public IReadOnlyDictionary<string, DailyBand> Daily { get; private set; } = new Dictionary<string, DailyBand>();

    /// <summary>The final-metric summaries from summary.json, keyed by metric name.</summary>
    public IReadOnlyDictionary<string, MetricStats> Metrics { get; private set; } = new Dictionary<string, MetricStats>();

    /// <summary>The per-replication values from replications.csv; <see cref="ReplicationTable.Empty"/> when the file is missing.</summary>
    public ReplicationTable Table { get; private set; } = ReplicationTable.Empty;

    /// <summary>The evidence ledger the report sets against the results; <see cref="EvidenceLedger.Empty"/> when there is none.</summary>
    /// <remarks>An unreadable copy in the run folder is left out with a line in <see cref="Notes"/>; an unreadable ledger
    /// passed explicitly to <see cref="Load"/> throws instead.</remarks>
    public EvidenceLedger Evidence { get; private set; } = EvidenceLedger.Empty;

    /// <summary>The run's run.json, or null when the folder has none (or it cannot be read).</summary>
    public RunManifest? Manifest { get; private set; }

    /// <summary>The theatre's cells from cells.geojson (empty when the run has no map data).</summary>
    public IReadOnlyList<CellLabel> Cells { get; private set; } = [];

    /// <summary>Problems found while reading optional inputs (shown in the report's notes).</summary>
    public IReadOnlyList<string> Notes { get; private set; } = [];

    /// <summary>
    /// Reads the run in <paramref name="runDir"/>. The evidence is <paramref name="evidencePath"/> when given, else the
    /// run folder's own copy of it. Throws <see cref="OutputException"/> when summary.json is missing or unreadable.
    /// </summary>
    public static RunFolder Load(string runDir, string? evidencePath = null)
    {
        ArgumentNullException.ThrowIfNull(runDir);
        if (!System.IO.Directory.Exists(runDir)) throw new OutputException($"run folder '{runDir}' does not exist");
        string summaryPath = Path.Combine(runDir, "summary.json");
        if (!File.Exists(summaryPath)) throw new OutputException($"'{runDir}' is not a run folder: it has no summary.json (write one with: salient run --out {runDir})");
        var run = new RunFolder(runDir);
        var notes = new List<string>();
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(summaryPath));
            run.ReadSummary(doc.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException)
        {
            throw new OutputException($"cannot read '{summaryPath}': {ex.Message}", ex);
        }

        run.Manifest = RunManifest.TryRead(runDir);
        run.Title = run.Manifest?.Title is { Length: > 0 } t ? t : run.ScenarioName;
        run.Sides = run.Manifest?.Sides is { Count: > 0 } sides ? sides : run.SidesFromSummary();
        if (run.Manifest is not null) { run.Start = run.Manifest.Start; run.End = run.Manifest.End; }

        run.Cells = ReadCells(Path.Combine(runDir, "cells.geojson"), notes);

        string csv = Path.Combine(runDir, "replications.csv");
        if (File.Exists(csv))
        {
            using var reader = new StreamReader(csv);
            run.Table = ReplicationTable.Parse(reader, run.Metrics.Keys);
        }
        else notes.Add("replications.csv is missing: distributions over replications are left out.");

        string? evidence = evidencePath ?? (File.Exists(Path.Combine(runDir, EvidenceFileName)) ? Path.Combine(runDir, EvidenceFileName) : null);
        if (evidence is not null)
        {
            var ledger = EvidenceReader.Read(evidence);
            if (ledger.HasErrors)
            {
                string why = string.Join("; ", ledger.Errors.Select(d => d.ToString()));
                if (evidencePath is not null) throw new OutputException($"cannot read the evidence ledger: {why}");
                notes.Add($"evidence not shown: {why}");
            }
            else
            {
                run.Evidence = ledger;
                notes.AddRange(ledger.Warnings.Select(d => d.ToString()));
            }
        }
        run.Notes = notes;
        return run;
    }

    /// <summary>The daily band of <paramref name="name"/>, or null.</summary>
    public DailyBand? Band(string name) => Daily.TryGetValue(name, out var b) ? b : null;

    /// <summary>The summary of metric <paramref name="name"/>, or null.</summary>
    public MetricStats? Metric(string name) => Metrics.TryGetValue(name, out var m) ? m : null;

    /// <summary>The id of the cell named <paramref name="place"/> or holding the settlement <paramref name="place"/>, or null.</summary>
    public string? CellOfPlace(string place) =>
        Cells.FirstOrDefault(c => c.Id == place)?.Id ?? Cells.FirstOrDefault(c => c.Settlements.Contains(place))?.Id;

    /// <summary>The display name of a cell (its first settlement's name), or the id itself.</summary>
    public string CellName(string id) => Cells.FirstOrDefault(c => c.Id == id)?.Name ?? id;

    /// <summary>A side's display label: <c>Ukraine (blue)</c>, or the id alone.</summary>
    public string SideLabel(SideInfo side)
    {
        ArgumentNullException.ThrowIfNull(side);
        return side.Name.Length > 0 && side.Name != side.Id ? $"{side.Name} ({side.Id})" : side.Id;
    }

    private void ReadSummary(JsonElement root)
    {
        var scenario = root.GetProperty("scenario");
        ScenarioName = scenario.GetProperty("name").GetString() ?? "";
        ScenarioHash = scenario.TryGetProperty("hash", out var h) ? h.GetString() ?? "" : "";
        Variant = scenario.TryGetProperty("variant", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string Text(string name) => scenario.TryGetProperty(name, out var x) && x.ValueKind == JsonValueKind.String ? x.GetString() ?? "" : "";
        StaleCalibration = scenario.TryGetProperty("calibration_stale", out var st) && st.ValueKind == JsonValueKind.True
            ? new StaleCalibration(Text("calibration_file"), Text("calibration_fitted_hash"), Text("calibration_current_hash")) : null;
        Engine = root.TryGetProperty("engine", out var e) ? e.GetString() ?? "" : "";
        Seed = root.GetProperty("seed").GetUInt64();
        Replications = root.GetProperty("replications").GetInt32();

        var daily = new Dictionary<string, DailyBand>(StringComparer.Ordinal);
        foreach (var series in root.GetProperty("daily").EnumerateObject())
        {
            int n = series.Value.GetArrayLength();
            var p = new double[5][];
            for (int b = 0; b < 5; b++) p[b] = new double[n];
            DateOnly start = default;
            int i = 0;
            foreach (var day in series.Value.EnumerateArray())
            {
                var date = ParseDate(day.GetProperty("date").GetString());
                if (i == 0) start = date;
                else if (date != start.AddDays(i)) throw new FormatException($"daily series '{series.Name}' skips from {start.AddDays(i - 1):yyyy-MM-dd} to {date:yyyy-MM-dd}: summary.json has one entry per day");
                p[0][i] = Number(day, "p05");
                p[1][i] = Number(day, "p25");
                p[2][i] = Number(day, "p50");
                p[3][i] = Number(day, "p75");
                p[4][i] = Number(day, "p95");
                i++;
            }
            daily[series.Name] = new DailyBand(series.Name, start, [.. p[0]], [.. p[1]], [.. p[2]], [.. p[3]], [.. p[4]]);
        }
        Daily = daily;
        if (daily.Values.FirstOrDefault(b => b.Days > 0) is { } any)
        {
            Start = any.Start;
            End = any.Date(any.Days - 1);
        }

        var metrics = new Dictionary<string, MetricStats>(StringComparer.Ordinal);
        foreach (var m in root.GetProperty("metrics").EnumerateObject())
        {
            var o = m.Value;
            if (o.TryGetProperty("probability", out var p))
                metrics[m.Name] = new MetricStats(m.Name, p.ValueKind == JsonValueKind.Number ? p.GetDouble() : 0, null, null, null, null,
                    OptionalDate(o, "p05"), OptionalDate(o, "p50"), OptionalDate(o, "p95"));
            else
                metrics[m.Name] = new MetricStats(m.Name, null, OptionalNumber(o, "mean"), OptionalNumber(o, "p05"), OptionalNumber(o, "p50"), OptionalNumber(o, "p95"), null, null, null);
        }
        Metrics = metrics;
    }

    private List<SideInfo> SidesFromSummary()
    {
        string prefix = MetricNames.ControlArea("");
        var ids = Daily.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).ToList();
        return [.. ids.Select((id, i) => new SideInfo(id, id, SidePalette.For(i)))];
    }

    private static List<CellLabel> ReadCells(string path, List<string> notes)
    {
        if (!File.Exists(path)) return [];
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var cells = new List<CellLabel>();
            foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
            {
                var p = f.GetProperty("properties");
                string id = p.GetProperty("id").GetString() ?? "";
                string name = p.TryGetProperty("name", out var n) ? n.GetString() ?? id : id;
                string[] settlements = p.TryGetProperty("settlements", out var s) && s.ValueKind == JsonValueKind.Array
                    ? [.. s.EnumerateArray().Select(x => x.GetString() ?? "")]
                    : [];
                cells.Add(new CellLabel(id, name, settlements));
            }
            return cells;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            notes.Add($"cells.geojson is unreadable ({ex.Message}): settlement names are shown as ids.");
            return [];
        }
    }

    private static DateOnly ParseDate(string? text) => DateOnly.ParseExact(text ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double Number(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;

    private static double? OptionalNumber(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static DateOnly? OptionalDate(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
