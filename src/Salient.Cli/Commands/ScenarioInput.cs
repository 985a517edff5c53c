using Salient.Cli.Rendering;
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

    /// <summary>Loads the scenario; prints every diagnostic; returns null when it has errors.</summary>
    public static (ScenarioModel? Model, LoadResult Result) Load(IAnsiConsole console, ScenarioSettings settings, bool showWarnings)
    {
        string path = Resolve(settings.Scenario);
        var result = ScenarioLoader.Load(path, settings.LoadOptions());
        DiagnosticRenderer.Render(console, result.Diagnostics, showWarnings);
        return (result.Scenario, result);
    }
}
