using Salient.Cli.Commands;
using Salient.Cli.Settings;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Scenario.Parsing;
using Spectre.Console;

namespace Salient.Cli.Services;

/// <summary>
/// Runs the scenario at one design point of a sweep or sensitivity study (the command's --variant and --set, then the
/// point's overrides), every point with the same seed, through the run orchestrator.
/// </summary>
internal sealed class PointRunner(IAnsiConsole console, ExecutionSettings settings)
{
    private readonly string _path = ScenarioInput.Resolve(settings.Scenario);
    private readonly RunOptions _options = settings.ToRunOptions();

    /// <summary>Loads the scenario with <paramref name="overrides"/> and runs it; a scenario error becomes a user error naming the overrides.</summary>
    public MonteCarloResult Run(IEnumerable<string> overrides, CancellationToken cancel)
    {
        var loaded = ScenarioLoader.Load(_path, settings.LoadOptions(extra: overrides));
        if (loaded.Scenario is null)
        {
            Rendering.DiagnosticRenderer.Render(console, loaded.Diagnostics, showWarnings: false);
            throw new UserInputException($"the scenario does not load with {string.Join(" ", overrides.Select(o => "--set " + o))} (errors above)");
        }
        return RunOrchestrator.InMemory(new CompiledScenario(loaded.Scenario), _options, null, cancel);
    }
}
