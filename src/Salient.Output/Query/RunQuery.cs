using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Salient.Output.Claims;
using Salient.Output.Files;
using Salient.Output.Manifest;
using Salient.Output.Parquet;

namespace Salient.Output.Query;

/// <summary>The answer of a query: column names, DuckDB type names and rows (DBNull as null).</summary>
/// <remarks>Immutable.</remarks>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<string> Types, IReadOnlyList<object?[]> Rows);

/// <summary>One run folder as <c>salient query</c> names it in its views.</summary>
/// <param name="Run">The folder as given (trailing separators removed): the <c>run</c> column.</param>
/// <param name="Scenario">Scenario name.</param>
/// <param name="ScenarioHash">The scenario's hash with variant and overrides applied (<c>sha256:...</c>).</param>
/// <param name="Seed">Experiment seed.</param>
/// <param name="Variant">The variant applied, or null.</param>
/// <param name="Replications">Replications of the run.</param>
/// <param name="Kind"><c>run</c>, <c>merge</c> or <c>shard</c>; <c>run</c> for a folder without manifest.json.</param>
public sealed record QueriedRun(string Run, string Scenario, string ScenarioHash, ulong Seed, string? Variant, int Replications, string Kind);

/// <summary>
/// SQL over run folders (<c>salient query</c>), with DuckDB embedded: every data file of the folders becomes a view that
/// stacks the runs' rows (<c>UNION ALL BY NAME</c>, so runs of different scenarios share the columns they have in
/// common and the others are NULL), each row prefixed with its run's <c>run</c>, <c>scenario</c>,
/// <c>scenario_hash</c>, <c>seed</c> and <c>variant</c>. The views, as docs/outputs.md lists them: <c>runs</c> (one row
/// per folder), <c>replications</c> (replications.parquet), <c>daily</c> (daily.parquet, from <c>--trajectories</c>),
/// <c>daily_bands</c> (daily.csv), <c>checks</c> (check.csv) and <c>control_tally</c> (control_tally.parquet); a view
/// exists when at least one folder has its file.
/// </summary>
public static class RunQuery
{
    /// <summary>The views, each with the file it reads.</summary>
    public static IReadOnlyList<(string View, string File)> Views { get; } =
    [
        ("replications", ReplicationParquetWriter.FileName),
        ("daily", DailyParquetWriter.FileName),
        ("daily_bands", "daily.csv"),
        ("checks", CheckExporter.CsvFileName),
        ("control_tally", ControlTallyParquet.FileName),
    ];

    /// <summary>The columns every view starts with, identifying the run of each row.</summary>
    public static IReadOnlyList<string> RunColumns { get; } = ["run", "scenario", "scenario_hash", "seed", "variant"];

    /// <summary>check.csv's columns that are not text or numbers, for DuckDB's CSV reader (an all-empty column would otherwise be read as text).</summary>
    private const string CheckTypes = "{'id': 'VARCHAR', 'grade': 'VARCHAR', 'weight': 'DOUBLE', 'metric': 'VARCHAR', 'kind': 'VARCHAR', "
        + "'as_of_from': 'DATE', 'as_of_to': 'DATE', 'claim_low': 'DOUBLE', 'claim_high': 'DOUBLE', 'claim_date_low': 'DATE', 'claim_date_high': 'DATE', "
        + "'model_p05': 'DOUBLE', 'model_p50': 'DOUBLE', 'model_p95': 'DOUBLE', 'model_date_p05': 'DATE', 'model_date_p50': 'DATE', 'model_date_p95': 'DATE', "
        + "'happened': 'DOUBLE', 'percentile': 'DOUBLE', 'within_90': 'BOOLEAN', 'implied_parameter': 'VARCHAR', 'implied_multiplier': 'DOUBLE', "
        + "'implied_value': 'DOUBLE', 'implied_beyond_grid': 'INTEGER', 'implied_closest_median': 'DOUBLE', 'implied_closest_median_date': 'DATE', "
        + "'scored': 'BOOLEAN', 'interval_width': 'DOUBLE', 'sharp': 'BOOLEAN'}";

    private const string DailyBandTypes = "{'series': 'VARCHAR', 'date': 'DATE', 'p05': 'DOUBLE', 'p25': 'DOUBLE', 'p50': 'DOUBLE', 'p75': 'DOUBLE', 'p95': 'DOUBLE'}";

    /// <summary>Reads each folder's provenance (manifest.json, else summary.json).</summary>
    /// <exception cref="OutputException">A folder is missing or holds neither file.</exception>
    public static IReadOnlyList<QueriedRun> Describe(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var runs = new List<QueriedRun>();
        foreach (string given in folders)
        {
            string folder = given.Length > 1 ? given.TrimEnd('/', Path.DirectorySeparatorChar) : given;
            if (!Directory.Exists(folder)) throw new OutputException($"run folder '{given}' does not exist");
            if (File.Exists(Path.Combine(folder, ShardManifest.FileName)))
            {
                var m = ShardManifest.Read(folder);
                runs.Add(new QueriedRun(folder, m.Scenario.Name, m.Scenario.Hash, m.Seed, m.Scenario.Variant, m.Replications, m.Kind));
                continue;
            }
            string summary = Path.Combine(folder, "summary.json");
            if (!File.Exists(summary)) throw new OutputException($"'{given}' is not a run folder: it has neither {ShardManifest.FileName} nor summary.json (write one with: salient run --out {given})");
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(summary));
                var root = doc.RootElement;
                var scenario = root.GetProperty("scenario");
                runs.Add(new QueriedRun(folder, scenario.GetProperty("name").GetString() ?? "", scenario.GetProperty("hash").GetString() ?? "",
                    root.GetProperty("seed").GetUInt64(),
                    scenario.TryGetProperty("variant", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null,
                    root.GetProperty("replications").GetInt32(), "run"));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException)
            {
                throw new OutputException($"'{given}': cannot read summary.json: {ex.Message}", ex);
            }
        }
        if (runs.Count == 0) throw new OutputException("no run folder given");
        return runs;
    }

    /// <summary>The statements that create the views over <paramref name="runs"/> (in an in-memory database).</summary>
    public static IReadOnlyList<string> ViewStatements(IReadOnlyList<QueriedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var statements = new List<string>
        {
            "CREATE VIEW runs AS " + string.Join(" UNION ALL ", runs.Select(r =>
                $"SELECT {Prefix(r)}, {r.Replications} AS replications, {Text(r.Kind)} AS kind")),
        };
        foreach (var (view, file) in Views)
        {
            var parts = runs.Where(r => File.Exists(Path.Combine(r.Run, file)))
                .Select(r => $"SELECT {Prefix(r)}, * FROM {Reader(view, Path.GetFullPath(Path.Combine(r.Run, file)))}")
                .ToList();
            if (parts.Count > 0) statements.Add($"CREATE VIEW {view} AS " + string.Join(" UNION ALL BY NAME ", parts));
        }
        return statements;
    }

    /// <summary>Runs <paramref name="sql"/> over the views of <paramref name="folders"/>.</summary>
    /// <exception cref="OutputException">A folder is not a run folder, or DuckDB rejects the SQL (its message, verbatim).</exception>
    public static QueryResult Run(IEnumerable<string> folders, string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var runs = Describe(folders);
        if (sql.Trim().Length == 0) throw new OutputException("the SQL is empty (e.g. \"SELECT * FROM runs\")");
        try
        {
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            foreach (string statement in ViewStatements(runs))
            {
                using var create = connection.CreateCommand();
                create.CommandText = statement;
                create.ExecuteNonQuery();
            }
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            return new QueryResult(columns, types, rows);
        }
        catch (DbException ex)
        {
            throw new OutputException($"the query failed: {FirstLines(ex.Message)}", ex);
        }
    }

    /// <summary>
    /// A query's answer as CSV: a header, ISO dates, round-trip numbers, <c>true</c>/<c>false</c>, an empty cell for
    /// NULL, text quoted when it holds a comma, quote or line break.
    /// </summary>
    public static string ToCsv(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder(string.Join(',', result.Columns.Select(Quote))).Append('\n');
        foreach (var row in result.Rows) sb.Append(string.Join(',', row.Select(Cell))).Append('\n');
        return sb.ToString();
    }

    /// <summary>The text of one value, as <see cref="ToCsv"/> writes it (empty for null).</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double x => Csv.CsvFormat.Number(x),
        float x => Csv.CsvFormat.Number(x),
        bool b => b ? "true" : "false",
        IFormattable f => Quote(f.ToString(null, CultureInfo.InvariantCulture)),
        System.Collections.IEnumerable list and not string => Quote("[" + string.Join(", ", list.Cast<object?>().Select(Cell)) + "]"),
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static string Prefix(QueriedRun r) =>
        $"{Text(r.Run)} AS run, {Text(r.Scenario)} AS scenario, {Text(r.ScenarioHash)} AS scenario_hash, {r.Seed.ToString(CultureInfo.InvariantCulture)}::UBIGINT AS seed, {(r.Variant is null ? "NULL::VARCHAR" : Text(r.Variant))} AS variant";

    private static string Reader(string view, string path) => view switch
    {
        "checks" => $"read_csv({Text(path)}, header = true, auto_detect = false, columns = {CheckTypes})",
        "daily_bands" => $"read_csv({Text(path)}, header = true, auto_detect = false, columns = {DailyBandTypes})",
        _ => $"read_parquet({Text(path)})",
    };

    /// <summary>A SQL string literal.</summary>
    private static string Text(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string FirstLines(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" ", lines.Take(4));
    }
}
