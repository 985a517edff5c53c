using System.Globalization;
using Salient.Analysis.Sweeps;
using Salient.Analysis;
using Salient.Cli.CommandLine;
using Salient.Cli.Rendering;
using Salient.Cli.Services;
using Salient.Cli.Settings;
using Salient.Output.Files;
using Salient.Output.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient sweep</c>: runs the scenario at every point of a full factorial (or Latin hypercube) design over
/// overridden inputs, every point with the same seed (common random numbers), and reports each metric's mean and
/// p05/p50/p95 per point.
/// </summary>
public sealed class SweepCommand(IAnsiConsole console, TableWriter tables, StandardError stderr) : Command<SweepSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, SweepSettings settings, CancellationToken cancellationToken)
    {
        List<VariedInput> inputs;
        IReadOnlyList<SweepPoint> points;
        try
        {
            inputs = [.. settings.Vary.Select(v => VariedInput.Parse(v, stepsRequired: settings.Lhs is null))];
            points = settings.Lhs is { } n ? SweepDesign.LatinHypercube(inputs, n, settings.Seed) : SweepDesign.FullFactorial(inputs);
        }
        catch (SweepSpecException ex)
        {
            throw new UserInputException("--vary " + ex.Message);
        }

        var baseModel = ScenarioInput.Require(console, stderr, settings);
        var runner = new PointRunner(console, settings, "--vary");
        var selectors = MetricSelector.Resolve(baseModel, settings.Metrics, "--metrics");
        var metrics = selectors.Select(m => m.Name).ToList();

        var rows = new List<(SweepPoint Point, string Metric, ColumnSummary Stats)>();
        ProgressDisplay.Points(console, points.Count, "sweep", p =>
        {
            var result = runner.Run(points[p].Overrides(inputs), cancellationToken);
            foreach (var m in selectors) rows.Add((points[p], m.Name, Stats.Summarise(m, result)));
        });

        string outDir = settings.Out ?? Path.Combine("out", $"{baseModel.Name}-sweep-{settings.Seed}");
        var plots = SweepPlots.Bands(inputs, metrics, rows);
        var table = rows.Select(r => new SweepRow(r.Point.Index, r.Point.Values, r.Metric, r.Stats.Count, r.Stats.Mean, r.Stats.P05, r.Stats.P50, r.Stats.P95, r.Stats.Censored)).ToList();
        AtomicDirectory.Write(outDir, dir => SweepFiles.Write(dir, [.. inputs.Select(v => v.Path)], table, plots), settings.Force);

        var view = new PrintedTable("sweep", $"Sweep: {points.Count:N0} points x {settings.Replications:N0} replications, seed {settings.Seed} (mean [[p05, p95]])");
        view.AddColumn("point");
        foreach (var v in inputs) view.AddColumn(Markup.Escape(v.Path));
        foreach (string m in metrics) view.AddColumn(Markup.Escape(m), true);
        foreach (var point in points.Take(40))
        {
            var cells = new List<string> { point.Index.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(point.Values.Select(Markup.Escape));
            foreach (var m in selectors)
            {
                var s = rows.First(r => r.Point == point && r.Metric == m.Name).Stats;
                cells.Add(Markup.Escape(m.IsDay
                    ? $"{m.FormatDay(s.Mean)} [{m.FormatDay(s.P05)}, {m.FormatDay(s.P95)}]{(s.Censored > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({s.Censored * 100:0}% not by the end)") : "")}"
                    : string.Create(CultureInfo.InvariantCulture, $"{s.Mean:#,0.#} [{s.P05:#,0}, {s.P95:#,0}]")));
            }
            view.AddRow([.. cells]);
        }
        tables.Write(view);
        if (points.Count > 40) console.MarkupLine($"(first 40 of {points.Count:N0} points shown; all are in sweep.csv)");
        console.MarkupLine($"Outputs: [bold]{Markup.Escape(outDir)}[/] (sweep.csv, sweep.parquet, {plots.Count} plot(s))");
        return 0;
    }
}
