using Salient.Cli.CommandLine;
using Salient.Cli.Rendering;
using Salient.Cli.Settings;
using Salient.Output.Manifest;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Evidence;
using Salient.Scenario.Model;
using Salient.Scenario.Parsing;
using Spectre.Console;

namespace Salient.Cli.Commands;

/// <summary>Finds and loads the scenario a command names, printing its diagnostics.</summary>
internal static class ScenarioInput
{
    /// <summary>The bundled default scenario, relative to the Salient home folder.</summary>
    public const string DefaultScenario = "scenarios/kursk-2024";

    /// <summary>The scenario path to use: the argument, or the bundled default (under $SALIENT_HOME or the current folder).</summary>
    public static string Resolve(string? argument)
    {
        if (argument is not null) return argument;
        string home = Environment.GetEnvironmentVariable("SALIENT_HOME") is { Length: > 0 } h ? h : Environment.CurrentDirectory;
        string candidate = Path.Combine(home, DefaultScenario);
        return Directory.Exists(candidate) ? Path.GetRelativePath(Environment.CurrentDirectory, candidate) : DefaultScenario;
    }

    /// <summary>
    /// Loads the scenario a run or shard recorded in its manifest (at <paramref name="path"/>, or where the manifest says),
    /// with its variant, --set and calibration, and checks its hash is the recorded one. A
    /// <see cref="ScenarioErrorsException"/> when it has load errors (printed); a <see cref="UserInputException"/> when it
    /// is missing or has changed since.
    /// </summary>
    public static (ScenarioModel Model, string Path) LoadRecorded(IAnsiConsole console, StandardError stderr, ManifestScenario recorded, string? path, string folder)
    {
        string? scenarioPath = path ?? recorded.Path;
        if (scenarioPath is null) throw new UserInputException($"'{folder}' does not say where its scenario is: give it with --scenario PATH");
        var model = Require(console, stderr, new ScenarioSettings
        {
            Scenario = scenarioPath, Variant = recorded.Variant, Set = [.. recorded.Set], Uncalibrated = recorded.Calibration is null,
        });
        if (model.Hash != recorded.Hash)
            throw new UserInputException($"the scenario at '{scenarioPath}' has hash {model.Hash}, but '{folder}' was run with {recorded.Hash}: it has changed since (give the original with --scenario PATH)");
        return (model, scenarioPath);
    }

    /// <summary>
    /// Reads the evidence ledger at <paramref name="path"/>. When it cannot be read (SAL109) or is not YAML (SAL100),
    /// prints its errors as file:line:col with the source line and throws a <see cref="UserInputException"/>; warnings
    /// (entries skipped) are not printed here: check.json and the report list what was not compared.
    /// </summary>
    public static EvidenceLedger ReadEvidence(IAnsiConsole console, string path)
    {
        var ledger = EvidenceReader.Read(path);
        if (!ledger.HasErrors) return ledger;
        DiagnosticRenderer.Render(console, ledger.Diagnostics, showWarnings: false);
        throw new UserInputException($"cannot read the evidence ledger '{path}' (errors above)");
    }

    /// <summary>
    /// Loads the scenario the settings name; prints its errors, and on <paramref name="stderr"/> the warning of a stale
    /// calibration (SAL205); throws <see cref="ScenarioErrorsException"/> when it has errors.
    /// </summary>
    public static ScenarioModel Require(IAnsiConsole console, StandardError stderr, ScenarioSettings settings)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var (model, result) = Load(console, settings, showWarnings: false);
        if (model is null) throw new ScenarioErrorsException();
        // One line, once per command: the loads of variants and sweep points share the baseline's calibration.
        foreach (var d in result.Warnings.Where(d => d.Code == ScenarioErrors.CalibrationStale.Code))
            stderr.Console.MarkupLine($"{Markup.Escape(d.Span.ToString())}: [yellow]warning {d.Code}[/]: {Markup.Escape(d.Message)}");
        return model;
    }

    /// <summary>Loads the scenario at <paramref name="path"/> with <paramref name="options"/>; prints its errors; throws <see cref="ScenarioErrorsException"/> when it has any.</summary>
    public static ScenarioModel Require(IAnsiConsole console, string path, LoadOptions options)
    {
        var result = ScenarioLoader.Load(path, options);
        DiagnosticRenderer.Render(console, result.Diagnostics, showWarnings: false);
        return result.Scenario ?? throw new ScenarioErrorsException();
    }

    /// <summary>Loads the scenario; prints every diagnostic; returns null when it has errors.</summary>
    public static (ScenarioModel? Model, LoadResult Result) Load(IAnsiConsole console, ScenarioSettings settings, bool showWarnings)
    {
        string path = Resolve(settings.Scenario);
        var result = ScenarioLoader.Load(path, settings.LoadOptions());
        DiagnosticRenderer.Render(console, result.Diagnostics, showWarnings);
        return (result.Scenario, result);
    }
}
