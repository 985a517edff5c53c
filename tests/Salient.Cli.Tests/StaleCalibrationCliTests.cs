using System.Diagnostics;
using System.Text.Json;
using Salient.Scenario.Parsing;
using Spectre.Console.Testing;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests;

/// <summary>
/// A scenario edited after its calibration was installed: the runs still apply the calibration, but warn once on
/// standard error (SAL205) and mark summary.json and the report; an unedited scenario shows nothing of it.
/// </summary>
public sealed class StaleCalibrationCliTests() : TempFolderTest("stalecal")
{
    private const string Warning = "warning SAL205";

    /// <summary>A copy of line-of-towns naming a calibration file fitted to it as it is now (the hash calibrate records).</summary>
    private string PrepareScenario()
    {
        string dir = Path.Combine(Root, "scenario");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "scenario.yaml"),
            File.ReadAllText(Path.Combine(LineOfTowns, "scenario.yaml")).Replace("variants:", "calibration: calibration.yaml\nvariants:", StringComparison.Ordinal));
        string hash = ScenarioLoader.Load(dir, new LoadOptions(Uncalibrated: true)).Scenario!.Hash;
        File.WriteAllText(Path.Combine(dir, "calibration.yaml"), "# Written by `salient calibrate` (ABC-SMC).\nsalient_calibration: 1\n"
            + $"scenario_hash: \"{hash}\"\nset:\n  parameters.ground.lethality.red: {{ dist: normal, mean: 0.03, sd: 0.002, min: 0.005, max: 0.08, calibrate: true, source: posterior }}\n");
        return dir;
    }

    /// <summary>Runs the CLI in process; returns the exit code, standard output and standard error.</summary>
    private static (int Code, string Out, string Err) RunCli(params string[] args)
    {
        var console = new TestConsole().Width(250);
        var error = new TestConsole().Width(1000);
        int code = SalientApp.Run(args, console, error);
        return (code, console.Output, error.Output);
    }

    private static JsonElement ScenarioBlock(string run)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        return doc.RootElement.GetProperty("scenario").Clone();
    }

    [Fact]
    public void UneditedScenario_NoWarning_NoFlag()
    {
        string scenario = PrepareScenario();
        string run = Path.Combine(Root, "run");
        var (code, stdout, stderr) = RunCli("run", scenario, "-n", "8", "--seed", "2", "--out", run);
        Assert.True(code == 0, stdout);
        Assert.Equal("", stderr);
        Assert.DoesNotContain("SAL205", stdout, StringComparison.Ordinal);
        Assert.False(ScenarioBlock(run).TryGetProperty("calibration_stale", out _));
        Assert.DoesNotContain("Stale calibration", File.ReadAllText(Path.Combine(run, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void EditedScenario_WarnsOnStandardError_AndFlagsTheSummary()
    {
        string scenario = PrepareScenario();
        string fitted = ScenarioLoader.Load(scenario, new LoadOptions(Uncalibrated: true)).Scenario!.Hash;
        string file = Path.Combine(scenario, "scenario.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("personnel: { value: 600,", "personnel: { value: 650,", StringComparison.Ordinal));
        string current = ScenarioLoader.Load(scenario, new LoadOptions(Uncalibrated: true)).Scenario!.Hash;
        Assert.NotEqual(fitted, current);

        string run = Path.Combine(Root, "run");
        var (code, stdout, stderr) = RunCli("run", scenario, "-n", "8", "--seed", "2", "--out", run);
        Assert.True(code == 0, stdout);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Path.Combine("scenario", "calibration.yaml") + ":3:16: " + Warning, line, StringComparison.Ordinal);
        Assert.Contains(fitted[..19], line, StringComparison.Ordinal);
        Assert.Contains(current[..19], line, StringComparison.Ordinal);
        Assert.Contains("salient calibrate", line, StringComparison.Ordinal);
        Assert.DoesNotContain("SAL205", stdout, StringComparison.Ordinal);

        var block = ScenarioBlock(run);
        Assert.True(block.GetProperty("calibration_stale").GetBoolean());
        Assert.Equal("calibration.yaml", block.GetProperty("calibration_file").GetString());
        Assert.Equal(fitted, block.GetProperty("calibration_fitted_hash").GetString());
        Assert.Equal(current, block.GetProperty("calibration_current_hash").GetString());
        Assert.Contains("Stale calibration", File.ReadAllText(Path.Combine(run, "report.html")), StringComparison.Ordinal);

        // A command that loads the baseline and its variants warns once.
        (code, stdout, stderr) = RunCli("compare", scenario, "--variants", "strong-red", "-n", "8", "--out", Path.Combine(Root, "cmp"));
        Assert.True(code == 0, stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains(Warning, StringComparison.Ordinal));

        // --uncalibrated applies no calibration, so there is nothing to be stale.
        (code, stdout, stderr) = RunCli("run", scenario, "-n", "8", "--uncalibrated", "--out", Path.Combine(Root, "uncal"));
        Assert.True(code == 0, stdout);
        Assert.Equal("", stderr);
        Assert.False(ScenarioBlock(Path.Combine(Root, "uncal")).TryGetProperty("calibration_stale", out _));
    }

    [Fact]
    public async Task TheWarning_IsOnTheProcessStandardError()
    {
        string scenario = PrepareScenario();
        File.AppendAllText(Path.Combine(scenario, "scenario.yaml"), "# edited after calibrating\n");
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliDll());
        foreach (string arg in new[] { "run", scenario, "-n", "4", "--no-report", "--out", Path.Combine(Root, "run") }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errorText = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        string stderr = await errorText;
        Assert.True(process.WaitForExit(120_000));
        Assert.True(process.ExitCode == 0, stdout + stderr);
        Assert.Contains(Warning, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SAL205", stdout, StringComparison.Ordinal);

        // validate lists it with the scenario's other warnings, on its output.
        var (code, text, err) = RunCli("validate", scenario);
        Assert.Equal(0, code);
        Assert.Contains(Warning, text, StringComparison.Ordinal);
        Assert.Equal("", err);
    }
}
