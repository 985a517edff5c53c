using System.Globalization;
using System.Text.Json;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Scenario.Parsing;
using Xunit;
using Xunit.Abstractions;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests;

/// <summary>
/// <c>salient calibrate</c> and <c>salient check</c> end to end on the line-of-towns example: the evidence is made by
/// the model itself at a known red lethality (0.03), the fit starts from a wide prior, and it must find the value back.
/// </summary>
public sealed class CalibrateAndCheckTests(ITestOutputHelper output) : TempFolderTest("calibrate")
{
    private const double TrueLethality = 0.03;

    /// <summary>A copy of line-of-towns whose red lethality is calibrated from a U(0.005, 0.08) prior, with evidence the model made at 0.03.</summary>
    private string PrepareScenario()
    {
        string dir = Path.Combine(Root, "scenario");
        Directory.CreateDirectory(dir);
        string text = File.ReadAllText(Path.Combine(LineOfTowns, "scenario.yaml"))
            .Replace("      red: { value: 0.03, source: assumption }", "      red: { dist: uniform, min: 0.005, max: 0.08, calibrate: true, source: assumption }", StringComparison.Ordinal)
            .Replace("variants:", "calibration: calibration.yaml\nvariants:", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "scenario.yaml"), text);

        // Medians of the model at the true value (200 replications): blue's casualties on two days, blue's ground on one.
        var model = ScenarioLoader.Load(dir, new LoadOptions(null, [$"parameters.ground.lethality.red={TrueLethality.ToString(CultureInfo.InvariantCulture)}"], Uncalibrated: true)).Scenario!;
        var compiled = new CompiledScenario(model);
        var result = MonteCarloRunner.Run(compiled, new RunOptions(200, 11, 2));
        double Median(string series, int day)
        {
            var column = result.DailyColumn(compiled.Layout.SeriesIndex(series), day);
            Array.Sort(column);
            return column[column.Length / 2];
        }
        string Claim(string id, string metric, double value, int day) => string.Create(CultureInfo.InvariantCulture,
            $"- {{ id: {id}, metric: {metric}, value: {Math.Round(value)}, as_of: {model.Calendar.Start.AddDays(day):yyyy-MM-dd}, reliability: A1, claimant: test }}\n");
        File.WriteAllText(Path.Combine(dir, "evidence.yaml"),
            Claim("blue-cas-15", "casualties.total.blue", Median("casualties.total.blue", 15), 15)
            + Claim("blue-cas-40", "casualties.total.blue", Median("casualties.total.blue", 40), 40)
            + Claim("blue-area-30", "control.area_km2.blue", Median("control.area_km2.blue", 30), 30)
            + "- { id: blue-cas-huge, metric: casualties.total.blue, value: 1000000, as_of: 2024-02-20, reliability: D4, claimant: party }\n"
            + "- { id: spec, metric: system.fpv.range_km.red, value: 15, as_of: 2024-01-10, reliability: B2, claimant: test }\n");
        return dir;
    }

    [Fact]
    public void Calibrate_RecoversTheLethality_AndCheckPlacesTheClaims()
    {
        string scenario = PrepareScenario();
        string fit = Path.Combine(Root, "fit");
        var (code, text) = Run("calibrate", scenario, "--particles", "80", "--generations", "4", "-r", "4", "--seed", "3", "--out", fit, "--install");
        output.WriteLine(text);
        Assert.Equal(0, code);
        // Not a terminal: no bar, but a line per finished generation (generation 0 accepts every one of its proposals).
        Assert.Contains("generation 0: 80 accepted of 80 proposals, ", text, StringComparison.Ordinal);
        Assert.Contains("generation 1: 80 accepted of ", text, StringComparison.Ordinal);
        foreach (string f in new[] { "posterior.csv", "posterior.parquet", "diagnostics.json", "calibration.yaml", "tolerance.png" })
            Assert.True(File.Exists(Path.Combine(fit, f)), f);
        Assert.Equal(File.ReadAllText(Path.Combine(fit, "calibration.yaml")), File.ReadAllText(Path.Combine(scenario, "calibration.yaml")));

        using var diagnostics = JsonDocument.Parse(File.ReadAllText(Path.Combine(fit, "diagnostics.json")));
        var posterior = diagnostics.RootElement.GetProperty("parameters")[0].GetProperty("posterior");
        double p05 = posterior.GetProperty("p05").GetDouble(), p95 = posterior.GetProperty("p95").GetDouble(), sd = posterior.GetProperty("sd").GetDouble();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"posterior 90% [{p05}, {p95}], sd {sd}"));
        // The 90% interval must hold the true value, and the fit must have learnt: the prior's sd is 0.075/sqrt(12) = 0.0217.
        Assert.InRange(TrueLethality, p05, p95);
        Assert.True(sd < 0.0217 / 2, $"posterior sd {sd} is not below half the prior's");
        var claims = diagnostics.RootElement.GetProperty("claims").EnumerateArray().ToList();
        Assert.False(claims.Single(c => c.GetProperty("id").GetString() == "spec").GetProperty("used").GetBoolean());

        // The calibrated baseline is what a plain run uses now; --uncalibrated runs the prior.
        string run = Path.Combine(Root, "run");
        Assert.Equal(0, Run("run", scenario, "-n", "60", "--seed", "5", "--out", run, "--no-report").Code);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "manifest.json"))))
            Assert.Equal("calibration.yaml", manifest.RootElement.GetProperty("scenario").GetProperty("calibration").GetString());

        (code, text) = Run("check", run, "--implied-replications", "24");
        output.WriteLine(text);
        Assert.Equal(0, code);
        var rows = File.ReadAllLines(Path.Combine(run, "check.csv"));
        var header = rows[0].Split(',');
        string[] Row(string id) => rows.Single(r => r.StartsWith(id + ",", StringComparison.Ordinal)).Split(',');
        double Field(string[] row, string name) => double.Parse(row[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
        // A claim the model made at the true value sits near the middle of the calibrated model; the party claim far above it.
        Assert.InRange(Field(Row("blue-cas-40"), "percentile"), 5, 95);
        Assert.Equal(100, Field(Row("blue-cas-huge"), "percentile"));
        // The implied red lethality of the model's own claim is near the truth; the absurd claim lies beyond the grid.
        Assert.InRange(Field(Row("blue-cas-40"), "implied_value"), 0.02, 0.045);
        Assert.Equal("", Row("blue-cas-huge")[Array.IndexOf(header, "implied_multiplier")]);
        Assert.DoesNotContain(rows, r => r.StartsWith("spec,", StringComparison.Ordinal));
        Assert.Contains("\"id\": \"spec\"", File.ReadAllText(Path.Combine(run, "check.json")), StringComparison.Ordinal);

        // The report's claims table sets claims against the replications the same way.
        var reportRows = Output.Claims.ClaimCheck.Build(Output.Html.RunFolder.Load(run));
        foreach (string id in new[] { "blue-cas-15", "blue-cas-40", "blue-area-30", "blue-cas-huge" })
            Assert.Equal(Field(Row(id), "model_p50"), reportRows.Single(r => r.Entry.Id == id).P50!.Value, 9);
    }

    [Fact]
    public void Calibrate_WithoutMarkedParameters_IsAUserError()
    {
        var (code, text) = Run("calibrate", LineOfTowns, "--particles", "10", "--out", Path.Combine(Root, "x"));
        Assert.Equal(2, code);
        Assert.Contains("calibrate: true", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "x")));
    }

    [Fact]
    public void Check_OfAFolderThatIsNotARun_IsAUserError()
    {
        var (code, text) = Run("check", Root);
        Assert.Equal(2, code);
        Assert.Contains("not a run folder", text, StringComparison.Ordinal);
    }
}
