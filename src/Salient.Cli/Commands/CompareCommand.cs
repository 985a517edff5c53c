using Salient.Cli.CommandLine;
using Salient.Analysis.Comparison;
using Salient.Analysis;
using Salient.Cli.Rendering;
using Salient.Cli.Settings;
using Salient.Engine.Compilation;
using Salient.Experiments.Comparison;
using Salient.Experiments.Runner;
using Salient.Output.Comparison;
using Salient.Output.Files;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient compare</c>: runs the baseline and each variant with common random numbers and reports every metric's
/// paired difference with a 95% confidence interval (<see cref="ComparisonStudy"/>; files by <see cref="ComparisonFiles"/>).
/// </summary>
public sealed class CompareCommand(IAnsiConsole console, TableWriter tables, StandardError stderr) : Command<CompareSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var baseModel = ScenarioInput.Require(console, stderr, settings);
        var variants = ComparisonStudy.Variants(baseModel, settings.Variants);
        var selected = settings.Metrics is null ? null : MetricSelector.Resolve(baseModel, settings.Metrics, "--metrics");
        string path = ScenarioInput.Resolve(settings.Scenario);
        var options = settings.ToRunOptions();
        var baseline = Run(new CompiledScenario(baseModel), options, "baseline", cancellationToken);
        var rows = new List<(string Variant, MetricDifference Difference)>();
        foreach (var v in variants)
        {
            var variant = ScenarioInput.Require(console, path, settings.LoadOptions(v));
            var result = Run(new CompiledScenario(variant), options, v, cancellationToken);
            foreach (var d in ComparisonStudy.Differences(baseline, result, selected)) rows.Add((v, d));
        }

        string outDir = settings.Out ?? Path.Combine("out", $"{baseModel.Name}-compare-{settings.Seed}");
        var headline = ComparisonStudy.Headline(baseModel, selected);
        var product = new ComparisonProduct(baseModel.Name, baseModel.Hash, baseModel.Title, settings.Seed, settings.Replications, baseModel.Calendar.Start, variants, rows, headline);
        AtomicDirectory.Write(outDir, dir => ComparisonFiles.Write(dir, product), settings.Force);
        ComparisonTable.Render(tables, headline, rows, variants);
        console.MarkupLine($"Paired differences (variant - baseline), 95% intervals, {options.Replications:N0} replications, seed {options.Seed}. Outputs: [bold]{Markup.Escape(outDir)}[/] (compare.csv, compare.json, compare.html)");
        return 0;
    }

    private MonteCarloResult Run(CompiledScenario compiled, RunOptions options, string label, CancellationToken cancel) =>
        ProgressDisplay.Transient(console, label, options.Replications, (progress, c) => RunOrchestrator.InMemory(compiled, options, progress, c), cancel);
}
