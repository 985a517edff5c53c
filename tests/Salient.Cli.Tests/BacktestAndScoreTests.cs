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
/// <c>salient calibrate --evidence-until</c> (the out-of-time backtest) and the coverage and sharpness score of
/// <c>salient check</c>, end to end on a copy of line-of-towns whose red lethality is calibrated, with claims the model
/// made at the true value (and one absurd party claim).
/// </summary>
public sealed class BacktestAndScoreTests(ITestOutputHelper output) : TempFolderTest("backtest")
{
    private string PrepareScenario()
    {
        string dir = Path.Combine(Root, "scenario");
        Directory.CreateDirectory(dir);
        string text = File.ReadAllText(Path.Combine(LineOfTowns, "scenario.yaml"))
            .Replace("      red: { value: 0.03, source: assumption }", "      red: { dist: uniform, min: 0.005, max: 0.08, calibrate: true, source: assumption }", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "scenario.yaml"), text);
        var model = ScenarioLoader.Load(dir, new LoadOptions(null, ["parameters.ground.lethality.red=0.03"], Uncalibrated: true)).Scenario!;
        var compiled = new CompiledScenario(model);
        var result = MonteCarloRunner.Run(compiled, new RunOptions(100, 11, 2));
        double Median(string series, int day)
        {
            var column = result.DailyColumn(compiled.Layout.SeriesIndex(series), day);
            Array.Sort(column);
            return column[column.Length / 2];
        }
        string Claim(string id, string metric, double value, int day) => string.Create(CultureInfo.InvariantCulture,
            $"- {{ id: {id}, metric: {metric}, value: {Math.Round(value)}, as_of: {model.Calendar.Start.AddDays(day):yyyy-MM-dd}, reliability: A1, claimant: test }}\n");
        File.WriteAllText(Path.Combine(dir, "evidence.yaml"),
            Claim("blue-cas-10", "casualties.total.blue", Median("casualties.total.blue", 10), 10)
            + Claim("blue-cas-15", "casualties.total.blue", Median("casualties.total.blue", 15), 15)
            + Claim("blue-cas-40", "casualties.total.blue", Median("casualties.total.blue", 40), 40)
            + "- { id: blue-cas-huge, metric: casualties.total.blue, value: 1000000, as_of: 2024-02-20, reliability: B2, claimant: party }\n");
        return dir;
    }

    [Fact]
    public void Calibrate_EvidenceUntil_FitsTheEarlierClaims_AndBacktestsTheLaterOnes()
    {
        string scenario = PrepareScenario();
        string fit = Path.Combine(Root, "fit");
        var (code, text) = Run("calibrate", scenario, "--particles", "30", "--generations", "2", "-r", "2", "--seed", "3",
            "--evidence-until", "2024-01-20", "--backtest-replications", "40", "--threads", "2", "--out", fit);
        output.WriteLine(text);
        Assert.True(code == 0, text);
        Assert.Contains("fitting the 2 comparable claims dated up to 2024-01-20; 2 later ones are held out", text, StringComparison.Ordinal);
        // Only the earlier claims were fitted.
        using var diagnostics = JsonDocument.Parse(File.ReadAllText(Path.Combine(fit, "diagnostics.json")));
        var fitted = diagnostics.RootElement.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(["blue-cas-10", "blue-cas-15"], fitted);
        // The later ones are set against the calibrated model.
        var rows = File.ReadAllLines(Path.Combine(fit, "backtest.csv"));
        Assert.Equal("id,grade,scored,metric,kind,as_of_from,as_of_to,claim_low,claim_high,claim_date_low,claim_date_high,model_p05,model_p50,model_p95,model_date_p05,model_date_p50,model_date_p95,happened,inside_90,width_90,sharp", rows[0]);
        Assert.Equal(3, rows.Length);
        var header = rows[0].Split(',');
        string Field(string id, string name) => rows.Single(r => r.StartsWith(id + ",", StringComparison.Ordinal)).Split(',')[Array.IndexOf(header, name)];
        Assert.Equal("true", Field("blue-cas-40", "inside_90"));
        Assert.Equal("false", Field("blue-cas-huge", "inside_90"));
        Assert.Equal("true", Field("blue-cas-huge", "sharp")); // a narrow interval, far from the claim
        Assert.Contains("Later A-C graded claims: 1/2 inside the 90% interval", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibrate_EvidenceUntilBeforeEveryClaim_IsAUserError()
    {
        string scenario = PrepareScenario();
        var (code, text) = Run("calibrate", scenario, "--particles", "10", "--evidence-until", "2023-12-31", "--out", Path.Combine(Root, "x"));
        Assert.Equal(2, code);
        Assert.Contains("nothing to fit", text, StringComparison.Ordinal);
        (code, text) = Run("calibrate", scenario, "--particles", "10", "--evidence-until", "1 Dec", "--out", Path.Combine(Root, "x"));
        Assert.NotEqual(0, code);
        Assert.Contains("--evidence-until must be a date", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PrintsAndWritesTheCoverageAndSharpnessScore()
    {
        string scenario = PrepareScenario();
        string run = Path.Combine(Root, "run");
        Assert.Equal(0, Run("run", scenario, "-n", "30", "--seed", "5", "--out", run, "--no-report", "--set", "parameters.ground.lethality.red=0.03").Code);
        var (code, text) = Run("check", run, "--implied-replications", "0");
        output.WriteLine(text);
        Assert.Equal(0, code);
        Assert.Contains("Coverage and sharpness of the A-C graded claims", text, StringComparison.Ordinal);
        using var check = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "check.json")));
        var all = check.RootElement.GetProperty("score").GetProperty("groups")[0];
        Assert.Equal("all", all.GetProperty("group").GetString());
        Assert.Equal(4, all.GetProperty("claims").GetInt32());
        Assert.True(all.GetProperty("inside").GetInt32() <= 3); // the party claim is far outside
        var csv = File.ReadAllLines(Path.Combine(run, "check.csv"));
        Assert.EndsWith(",scored,interval_width,sharp", csv[0], StringComparison.Ordinal);
    }
}
