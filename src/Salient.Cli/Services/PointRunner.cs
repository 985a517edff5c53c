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
/// <param name="console">Where a scenario that does not load at a point reports its diagnostics.</param>
/// <param name="settings">The command's scenario, --variant, --set and execution options.</param>
/// <param name="option">The option the points' overrides come from (<c>--vary</c>, <c>--inputs</c>), named in errors instead of --set.</param>
internal sealed class PointRunner(IAnsiConsole console, ExecutionSettings settings, string option)
{
    private readonly string _path = ScenarioInput.Resolve(settings.Scenario);
    private readonly RunOptions _options = settings.ToRunOptions();

    /// <summary>Loads the scenario with <paramref name="overrides"/> and runs it; a scenario error becomes a user error naming the overrides.</summary>
    public MonteCarloResult Run(IEnumerable<string> overrides, CancellationToken cancel)
    {
        var loaded = ScenarioLoader.Load(_path, settings.LoadOptions(extra: overrides));
        if (loaded.Scenario is null)
        {
            // The loader labels every override "--set PATH=VALUE"; the point's own come from the design option.
            var labels = overrides.Distinct(StringComparer.Ordinal).ToDictionary(o => "--set " + o, o => $"{option} {o}", StringComparer.Ordinal);
            var relabelled = loaded.Diagnostics.Select(d => labels.TryGetValue(d.Span.File, out string? label) ? d with { Span = d.Span with { File = label } } : d).ToList();
            Rendering.DiagnosticRenderer.Render(console, relabelled, showWarnings: false);
            throw new UserInputException($"the scenario does not load at this point, {string.Join(" ", overrides.Select(o => $"{option} {o}"))} (errors above)");
        }
        return RunOrchestrator.InMemory(new CompiledScenario(loaded.Scenario), _options, null, cancel);
    }
}
