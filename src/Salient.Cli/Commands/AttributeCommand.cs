using System.Globalization;
using Salient.Analysis.Attribution;
using Salient.Cli.CommandLine;
using Salient.Cli.Rendering;
using Salient.Cli.Services;
using Salient.Cli.Settings;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Output.Files;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient attribute</c>: what each mechanism contributes to chosen outcomes. Runs the scenario once for every
/// coalition of the k mechanisms (the others removed by composing their variants), all with common random numbers,
/// and reports one-at-a-time removal effects and the exact Shapley decomposition with 95% intervals
/// (<see cref="AttributionStudy"/>; files by <see cref="AttributionFiles"/>).
/// </summary>
public sealed class AttributeCommand(IAnsiConsole console, TableWriter tables, StandardError stderr) : Command<AttributeSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, AttributeSettings settings, CancellationToken cancellationToken)
    {
        var baseModel = ScenarioInput.Require(console, stderr, settings);
        var mechanisms = AttributionStudy.Mechanisms(baseModel, settings.Mechanisms);
        var outcomes = AttributionOutcome.Resolve(baseModel, settings.Outcomes, "--outcomes");
        string path = ScenarioInput.Resolve(settings.Scenario);
        var options = settings.ToRunOptions();
        int k = mechanisms.Count, coalitions = 1 << k;
        string outDir = settings.Out ?? Path.Combine("out", $"{baseModel.Name}-attribute-{settings.Seed}");

        // Every composition loads before any run, so a conflict between two variants (SAL129) stops at once.
        var models = new Scenario.Model.ScenarioModel[coalitions];
        foreach (int mask in AttributionStudy.Coalitions(k))
        {
            string? composition = AttributionStudy.Composition(mechanisms, mask);
            models[mask] = composition is null ? baseModel : ScenarioInput.Require(console, path, settings.LoadOptions(composition));
        }
        var columns = outcomes.Select(_ => new double[coalitions][]).ToArray();
        int done = 0;
        foreach (int mask in AttributionStudy.Coalitions(k))
        {
            string label = string.Create(CultureInfo.InvariantCulture, $"run {++done}/{coalitions}: {AttributionStudy.Composition(mechanisms, mask) ?? "baseline"}");
            var result = ProgressDisplay.Transient(console, label, options.Replications,
                (progress, c) => RunOrchestrator.InMemory(new CompiledScenario(models[mask]), options, progress, c), cancellationToken);
            for (int o = 0; o < outcomes.Count; o++) columns[o][mask] = outcomes[o].Column(result);
        }
        var results = outcomes.Select((o, i) => AttributionStudy.Attribute(o.Name, o.Kind, mechanisms, columns[i], settings.Bootstrap, settings.Seed)).ToList();

        var product = new AttributionProduct(baseModel.Name, baseModel.Hash, baseModel.Title, settings.Seed, settings.Replications, settings.Bootstrap, mechanisms, outcomes, results);
        AtomicDirectory.Write(outDir, dir => AttributionFiles.Write(dir, product), settings.Force);
        Render(outcomes, results);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{coalitions:N0} runs of {options.Replications:N0} replications, seed {options.Seed}, common random numbers; Shapley intervals from {settings.Bootstrap:N0} paired bootstrap draws. Outputs: [bold]{Markup.Escape(outDir)}[/] (attribution.csv, attribution.json, attribution.html)"));
        return 0;
    }

    private void Render(IReadOnlyList<AttributionOutcome> outcomes, IReadOnlyList<OutcomeAttribution> results)
    {
        for (int o = 0; o < outcomes.Count; o++)
        {
            var outcome = outcomes[o];
            var r = results[o];
            var table = new PrintedTable("attribution", Markup.Escape($"{r.Outcome}: {outcome.Format(r.All)} with every mechanism, {outcome.Format(r.None)} with none"));
            foreach (var c in new[] { "mechanism", "removed alone", "removal effect [[95%]]", "Shapley value [[95%]]" }) table.AddColumn(c);
            foreach (var e in r.Effects)
                table.AddRow(Markup.Escape(e.Mechanism.Name), Markup.Escape(outcome.Format(e.WithoutMean)),
                    Markup.Escape($"{outcome.FormatDifference(e.Removal)} [{outcome.FormatDifference(e.RemovalLow)}, {outcome.FormatDifference(e.RemovalHigh)}]"),
                    Markup.Escape($"{outcome.FormatDifference(e.Shapley)} [{outcome.FormatDifference(e.ShapleyLow)}, {outcome.FormatDifference(e.ShapleyHigh)}]"));
            table.AddRow("[italic]sum of Shapley values[/]", "", "", Markup.Escape(outcome.FormatDifference(r.Effects.Sum(e => e.Shapley)) + $" (= all - none, {outcome.FormatDifference(r.Total)})"));
            tables.Write(table);
        }
    }
}
