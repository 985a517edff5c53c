using System.Globalization;
using DuckDB.NET.Data;
using Spectre.Console.Testing;
using Xunit;
using Xunit.Abstractions;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Commands;

/// <summary>
/// Every data file the commands write, read by a real SQL engine (DuckDB, through DuckDB.NET): the column types an
/// analyst gets without a loader (DATE for dates, NULL for never, numbers for numbers; docs/outputs.md) and a few
/// values checked against what the run recorded. And <c>salient query</c> over one and several run folders.
/// </summary>
public sealed class DuckDbOutputTests(ITestOutputHelper output) : TempFolderTest("duckdb")
{
    private string Prepare()
    {
        // line-of-towns with a small ledger: a series claim and a dated capture claim (blue takes e3 in every replication).
        string scenario = Path.Combine(Root, "scenario");
        Directory.CreateDirectory(scenario);
        File.Copy(Path.Combine(LineOfTowns, "scenario.yaml"), Path.Combine(scenario, "scenario.yaml"));
        File.WriteAllText(Path.Combine(scenario, "evidence.yaml"),
            "- { id: cas, metric: casualties.total.blue, value: 300, as_of: 2024-01-20, reliability: B2, claimant: test }\n"
            + "- { id: e3, metric: event.capture.e3.blue, value: 2024-01-25, as_of: 2024-02-01, reliability: B2, claimant: test }\n");
        return scenario;
    }

    [Fact]
    public void EveryOutputFile_ReadsWithTypedColumns()
    {
        string scenario = Prepare();
        string run = Path.Combine(Root, "run"), sweep = Path.Combine(Root, "sweep"), compare = Path.Combine(Root, "compare");
        Assert.Equal(0, Run("run", scenario, "-n", "12", "--seed", "3", "--threads", "2", "--trajectories", "--no-report", "--out", run).Code);
        var (code, text) = Run("check", run, "--implied-replications", "0");
        Assert.True(code == 0, text);
        Assert.Equal(0, Run("sweep", scenario, "--vary", "units.red-bn.personnel=600..1200:2", "-n", "4", "--seed", "3", "--metrics", "control.area_km2.blue", "--out", sweep).Code);
        Assert.Equal(0, Run("compare", scenario, "--variants", "strong-red", "-n", "6", "--seed", "3", "--out", compare).Code);

        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        string F(string dir, string file) => "'" + Path.Combine(dir, file).Replace("'", "''", StringComparison.Ordinal) + "'";
        Dictionary<string, string> Types(string from)
        {
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"DESCRIBE SELECT * FROM {from}";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) types[reader.GetString(0)] = reader.GetString(1);
            output.WriteLine($"{from}: {string.Join(", ", types.Select(t => $"{t.Key} {t.Value}"))}");
            return types;
        }
        object? Scalar(string sql)
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = sql;
            var value = cmd.ExecuteScalar();
            return value is DBNull ? null : value;
        }
        long Count(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

        // replications.parquet: DATE for day metrics (NULL when the event never happened), DOUBLE values, FLOAT[] daily lists, SQL-plain names.
        string reps = $"read_parquet({F(run, "replications.parquet")})";
        var t = Types(reps);
        Assert.Equal("INTEGER", t["replication"]);
        Assert.Equal("DATE", t["capture_e3_blue"]);
        Assert.Equal("DATE", t["control_peak_day_blue"]);
        Assert.Equal("DOUBLE", t["control_area_km2_blue"]);
        Assert.Equal("FLOAT[]", t["daily_control_area_km2_blue"]);
        Assert.All(t.Keys, name => Assert.Matches("^[a-z0-9_]+$", name));
        Assert.Equal(12, Count($"SELECT count(*) FROM {reps}"));
        Assert.Equal(0, Count($"SELECT count(capture_w3_red) FROM {reps}")); // red never takes w3: NULL, not NaN
        Assert.Equal(0, Count($"SELECT count(*) FROM {reps} WHERE isnan(control_area_km2_blue) OR isnan(casualties_total_blue) OR isnan(cost_exchange_blue)"));
        Assert.Equal(0, Count($"SELECT count(*) FROM {reps} WHERE capture_e3_blue < DATE '2024-01-01' OR capture_e3_blue > DATE '2024-02-29'"));
        Assert.Equal(60, Count($"SELECT min(len(daily_control_area_km2_blue)) FROM {reps}"));

        // replications.csv: the same values, ISO dates read as DATE, empty as NULL (a CSV's types are sniffed from its
        // values: whole numbers come out BIGINT, and an all-empty column VARCHAR; the Parquet is the typed copy).
        string csv = $"read_csv({F(run, "replications.csv")})";
        t = Types(csv);
        Assert.Equal("DATE", t["capture_e3_blue"]);
        Assert.Contains(t["control_area_km2_blue"], Numeric);
        Assert.Equal(0, Count($"SELECT count(*) FROM {csv} c JOIN {reps} p USING (replication) WHERE c.capture_e3_blue IS DISTINCT FROM p.capture_e3_blue OR c.control_area_km2_blue <> p.control_area_km2_blue OR c.control_peak_day_blue <> p.control_peak_day_blue"));
        Assert.Equal(12, Count($"SELECT count(*) FROM {csv} c JOIN {reps} p USING (replication)"));

        // The report and the viewer read replications.csv by metric name: the columns map back to the dotted names.
        var table = Output.Html.RunFolder.Load(run).Table;
        Assert.Contains("capture.e3.blue", table.Names);
        Assert.Equal(12, table.Dates("capture.e3.blue").Count(d => d is not null));

        // daily.parquet: the day index and its DATE, float values.
        string daily = $"read_parquet({F(run, "daily.parquet")})";
        t = Types(daily);
        Assert.Equal(["replication", "series", "day", "date", "value"], t.Keys.ToArray());
        Assert.Equal(["INTEGER", "VARCHAR", "INTEGER", "DATE", "FLOAT"], t.Values.ToArray());
        Assert.Equal(0, Count($"SELECT count(*) FROM {daily} WHERE date <> DATE '2024-01-01' + day"));
        Assert.Equal(0, Count($"SELECT count(*) FROM {daily} d JOIN {reps} p USING (replication) WHERE d.series = 'control.area_km2.blue' AND d.value <> p.daily_control_area_km2_blue[d.day + 1]"));

        // daily.csv: the bands, dates as DATE.
        t = Types($"read_csv({F(run, "daily.csv")})");
        Assert.Equal("DATE", t["date"]);
        Assert.Contains(t["p50"], Numeric);

        // control_tally.parquet: integer counts.
        Assert.Equal("INTEGER", Types($"read_parquet({F(run, "control_tally.parquet")})")["first_side_held"]);

        // check.csv: number columns hold numbers, date columns dates, flags booleans.
        string check = $"read_csv({F(run, "check.csv")})";
        t = Types(check);
        foreach (string c in new[] { "as_of_from", "as_of_to", "claim_date_low", "claim_date_high", "model_date_p50" }) Assert.Equal("DATE", t[c]);
        foreach (string c in new[] { "weight", "claim_low", "claim_high", "model_p50", "percentile", "interval_width" }) Assert.Contains(t[c], Numeric);
        Assert.Equal("BOOLEAN", t["within_90"]);
        Assert.Equal("series", Scalar($"SELECT kind FROM {check} WHERE id = 'cas'"));
        Assert.Equal(300.0, Convert.ToDouble(Scalar($"SELECT claim_low FROM {check} WHERE id = 'cas'"), CultureInfo.InvariantCulture));
        Assert.Equal(new DateOnly(2024, 1, 25), DateOnly.FromDateTime((DateTime)Scalar($"SELECT claim_date_low::TIMESTAMP FROM {check} WHERE id = 'e3'")!));
        Assert.Null(Scalar($"SELECT claim_low FROM {check} WHERE id = 'e3'"));
        Assert.Equal(0, Count($"SELECT count(*) FROM {check} c, {reps} p WHERE c.id = 'e3' AND c.model_date_p05 > (SELECT max(capture_e3_blue) FROM {reps})"));

        // sweep.csv and sweep.parquet: the varied input is a number column named without dots.
        t = Types($"read_parquet({F(sweep, "sweep.parquet")})");
        Assert.Equal("DOUBLE", t["units_red_bn_personnel"]);
        Assert.Equal(1200.0, Scalar($"SELECT max(units_red_bn_personnel) FROM read_parquet({F(sweep, "sweep.parquet")})"));
        Assert.Contains(Types($"read_csv({F(sweep, "sweep.csv")})")["units_red_bn_personnel"], Numeric);

        // compare.csv: numbers.
        t = Types($"read_csv({F(compare, "compare.csv")})");
        Assert.Contains(t["difference"], Numeric);
        Assert.Equal("BIGINT", t["pairs"]);
        Assert.Equal("DATE", t["baseline_date"]);
    }

    private static readonly string[] Numeric = ["BIGINT", "DOUBLE"];

    [Fact]
    public void Query_OverSeveralRuns_TagsRowsWithRunSeedAndVariant_AndReportsErrors()
    {
        string a = Path.Combine(Root, "a"), b = Path.Combine(Root, "b");
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "5", "--seed", "3", "--no-report", "--out", a).Code);
        Assert.Equal(0, Run("run", LineOfTowns, "-n", "7", "--seed", "4", "--variant", "strong-red", "--no-report", "--out", b).Code);

        var (code, text) = Run("query", a, b, "SELECT seed, variant, count(*) AS n, count(capture_w3_red) AS w3 FROM replications GROUP BY ALL ORDER BY seed");
        output.WriteLine(text);
        Assert.Equal(0, code);
        Assert.Equal(["seed,variant,n,w3", "3,,5,0", "4,strong-red,7,0"], text.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        (code, text) = Run("query", a, b, "SELECT count(DISTINCT scenario_hash) AS hashes, min(kind) AS kind FROM runs");
        Assert.Equal(0, code);
        Assert.Equal("hashes,kind\n2,run\n", text);

        // Dates print as ISO dates.
        (code, text) = Run("query", a, "SELECT min(capture_e3_blue) >= DATE '2024-01-01' AS ok, min(date) AS first FROM replications, daily_bands");
        Assert.Equal(0, code);
        Assert.Equal("ok,first\ntrue,2024-01-01\n", text);

        // --format csv prints the same CSV on standard output, nothing on standard error.
        var (stdout, stderr) = (new TestConsole().Width(250), new TestConsole().Width(250));
        Assert.Equal(0, SalientApp.Run(["query", a, "SELECT 1 AS one", "--format", "csv"], stdout, stderr));
        Assert.Equal("one\n1\n", stdout.Output);
        Assert.Equal("", stderr.Output);

        // --format json and table print the same answer in the other printed forms.
        (code, text) = Run("query", a, b, "SELECT count(DISTINCT scenario_hash) AS hashes, min(kind) AS kind FROM runs", "--format", "json");
        Assert.Equal(0, code);
        Assert.Contains("\"rows\": [", text, StringComparison.Ordinal);
        Assert.Contains("\"hashes\": \"2\"", text, StringComparison.Ordinal);
        (code, text) = Run("query", a, b, "SELECT count(DISTINCT scenario_hash) AS hashes FROM runs", "--format", "table");
        Assert.Equal(0, code);
        Assert.Contains("hashes", text, StringComparison.Ordinal);
        Assert.Contains("│", text, StringComparison.Ordinal);

        // Bad SQL and a missing folder: exit 2, DuckDB's message, no stack trace.
        (code, text) = Run("query", a, "SELECT nope FROM replications");
        output.WriteLine(text);
        Assert.Equal(2, code);
        Assert.Contains("error: the query failed: Binder Error", text, StringComparison.Ordinal);
        Assert.Contains("nope", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        (code, text) = Run("query", Path.Combine(Root, "missing"), "SELECT 1");
        Assert.Equal(2, code);
        Assert.Contains("run folder '" + Path.Combine(Root, "missing") + "' does not exist", text, StringComparison.Ordinal);
        (code, text) = Run("query", Root, "SELECT 1");
        Assert.Equal(2, code);
        Assert.Contains("is not a run folder", text, StringComparison.Ordinal);
        (code, text) = Run("query", a);
        Assert.Equal(2, code);
        Assert.Contains("give the SQL after the run folder(s)", text, StringComparison.Ordinal);
    }
}
