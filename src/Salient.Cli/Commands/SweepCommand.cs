using System.Globalization;
using System.Text;
using Salient.Analysis.Plots;
using Salient.Analysis.Sweeps;
using Salient.Analysis;
using Salient.Cli.Rendering;
using Salient.Cli.Settings;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Output.Files;
using Salient.Scenario.Model;
using Salient.Scenario.Parsing;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient sweep</c>: runs the scenario at every point of a full factorial (or Latin hypercube) design over
/// overridden inputs, every point with the same seed (common random numbers), and reports each metric's mean and
/// p05/p50/p95 per point.
/// </summary>
public sealed class SweepCommand(IAnsiConsole console) : Command<SweepSettings>
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

        var baseModel = ScenarioInput.Require(console, settings);
        var runner = new PointRunner(console, settings, settings.Replications, settings.Seed, settings.Threads);
        var selectors = PointRunner.ResolveMetrics(baseModel, settings.Metrics, "--metrics");
        var metrics = selectors.Select(m => m.Name).ToList();

        var rows = new List<(SweepPoint Point, string Metric, ColumnSummary Stats)>();
        runner.ForEach(points.Count, "sweep", p =>
        {
            var result = runner.Run(points[p].Overrides(inputs), cancellationToken);
            foreach (var m in selectors) rows.Add((points[p], m.Name, Stats.Summarise(m, result)));
        });

        string outDir = settings.Out ?? Path.Combine("out", $"{baseModel.Name}-sweep-{settings.Seed}");
        var plotted = new List<string>();
        AtomicDirectory.Write(outDir, dir =>
        {
            WriteCsv(Path.Combine(dir, "sweep.csv"), inputs, rows);
            WriteParquet(Path.Combine(dir, "sweep.parquet"), inputs, rows);
            plotted.AddRange(WritePlots(dir, inputs, metrics, rows));
        });

        var table = new Table().Title($"Sweep: {points.Count:N0} points x {settings.Replications:N0} replications, seed {settings.Seed} (mean [[p05, p95]])");
        table.AddColumn("point");
        foreach (var v in inputs) table.AddColumn(Markup.Escape(v.Path));
        foreach (string m in metrics) table.AddColumn(new TableColumn(Markup.Escape(m)).RightAligned());
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
            table.AddRow([.. cells]);
        }
        console.Write(table);
        if (points.Count > 40) console.MarkupLine($"(first 40 of {points.Count:N0} points shown; all are in sweep.csv)");
        console.MarkupLine($"Outputs: [bold]{Markup.Escape(outDir)}[/] (sweep.csv, sweep.parquet, {plotted.Count} plot(s))");
        return 0;
    }

    private static void WriteCsv(string path, List<VariedInput> inputs, List<(SweepPoint Point, string Metric, ColumnSummary Stats)> rows)
    {
        var sb = new StringBuilder("point,");
        foreach (var v in inputs) sb.Append(v.Path).Append(',');
        sb.Append("metric,count,mean,p05,p50,p95,censored\n");
        foreach (var (point, metric, s) in rows)
        {
            sb.Append(point.Index.ToString(CultureInfo.InvariantCulture)).Append(',');
            foreach (string value in point.Values) sb.Append(Csv(value)).Append(',');
            sb.Append(CultureInfo.InvariantCulture, $"{metric},{s.Count},{PointRunner.N(s.Mean)},{PointRunner.N(s.P05)},{PointRunner.N(s.P50)},{PointRunner.N(s.P95)},{PointRunner.N(s.Censored)}\n");
        }
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));

        static string Csv(string v) => v.Contains(',', StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal) ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    /// <summary>The rows of sweep.csv as Parquet: point (int32), one string column per input, metric, count, mean, p05, p50, p95, censored.</summary>
    private static void WriteParquet(string path, List<VariedInput> inputs, List<(SweepPoint Point, string Metric, ColumnSummary Stats)> rows)
    {
        var columns = new List<ParquetSharp.Column> { new ParquetSharp.Column<int>("point") };
        columns.AddRange(inputs.Select(v => new ParquetSharp.Column<string>(v.Path)));
        columns.Add(new ParquetSharp.Column<string>("metric"));
        columns.Add(new ParquetSharp.Column<int>("count"));
        foreach (string name in new[] { "mean", "p05", "p50", "p95", "censored" }) columns.Add(new ParquetSharp.Column<double>(name));
        using var file = new ParquetSharp.ParquetFileWriter(path, [.. columns], ParquetSharp.Compression.Snappy);
        using (var group = file.AppendRowGroup())
        {
            using (var w = group.NextColumn().LogicalWriter<int>()) w.WriteBatch([.. rows.Select(r => r.Point.Index)]);
            for (int i = 0; i < inputs.Count; i++)
            {
                using var w = group.NextColumn().LogicalWriter<string>();
                w.WriteBatch([.. rows.Select(r => r.Point.Values[i])]);
            }
            using (var w = group.NextColumn().LogicalWriter<string>()) w.WriteBatch([.. rows.Select(r => r.Metric)]);
            using (var w = group.NextColumn().LogicalWriter<int>()) w.WriteBatch([.. rows.Select(r => r.Stats.Count)]);
            foreach (var pick in new Func<ColumnSummary, double>[] { s => s.Mean, s => s.P05, s => s.P50, s => s.P95, s => s.Censored })
            {
                using var w = group.NextColumn().LogicalWriter<double>();
                w.WriteBatch([.. rows.Select(r => pick(r.Stats))]);
            }
        }
        file.Close();
    }

    /// <summary>One PNG per (metric, numeric input): the mean and p05-p95 band against the input, averaged over the other inputs.</summary>
    private static List<string> WritePlots(string dir, List<VariedInput> inputs, IReadOnlyList<string> metrics, List<(SweepPoint Point, string Metric, ColumnSummary Stats)> rows)
    {
        var files = new List<string>();
        for (int i = 0; i < inputs.Count; i++)
        {
            int input = i;
            bool numeric = rows.All(r => double.TryParse(r.Point.Values[input], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            if (!numeric) continue;
            foreach (string m in metrics)
            {
                var groups = rows.Where(r => r.Metric == m && double.IsFinite(r.Stats.Mean))
                    .GroupBy(r => double.Parse(r.Point.Values[input], CultureInfo.InvariantCulture))
                    .OrderBy(g => g.Key).ToList();
                if (groups.Count == 0) continue;
                string marginal = inputs.Count > 1 ? " (averaged over the other inputs)" : "";
                byte[] png = AnalysisPlots.SweepBand($"{m} against {inputs[input].Path}{marginal}", inputs[input].Path, m,
                    [.. groups.Select(g => g.Key)], [.. groups.Select(g => g.Average(r => r.Stats.Mean))],
                    [.. groups.Select(g => g.Average(r => r.Stats.P05))], [.. groups.Select(g => g.Average(r => r.Stats.P95))]);
                string name = $"{m}--{inputs[input].Path}.png";
                File.WriteAllBytes(Path.Combine(dir, PointRunner.SafeFileName(name)), png);
                files.Add(name);
            }
        }
        return files;
    }
}

/// <summary>Runs the scenario at one design point (the command's --variant and --set, then the point's overrides), with a fixed seed.</summary>
internal sealed class PointRunner(IAnsiConsole console, ScenarioSettings settings, int replications, ulong seed, int? threads)
{
    private readonly string _path = ScenarioInput.Resolve(settings.Scenario);
    private readonly RunOptions _options = new(replications, seed, threads ?? Environment.ProcessorCount);

    /// <summary>The metrics to report: the comma-separated list of selectors (metric or series@date, each checked against the scenario), or the defaults.</summary>
    public static IReadOnlyList<MetricSelector> ResolveMetrics(ScenarioModel model, string? list, string option)
    {
        var compiled = new CompiledScenario(model);
        if (list is null)
        {
            var defaults = model.Sides.SelectMany(s => new[] { $"casualties.total.{s.Id}", $"control.area_km2.{s.Id}" })
                .Where(m => compiled.Layout.MetricIndex(m) >= 0).ToList();
            if (defaults.Count == 0) throw new UserInputException($"the scenario records none of the default metrics; name some with {option}");
            return [.. defaults.Select(m => MetricSelector.Parse(m, compiled))];
        }
        try
        {
            return MetricSelector.ParseList(list, compiled);
        }
        catch (MetricSelectorException ex)
        {
            throw new UserInputException($"{option}: {ex.Message}");
        }
    }

    /// <summary>Loads the scenario with <paramref name="overrides"/> and runs it; a scenario error becomes a user error naming the overrides.</summary>
    public MonteCarloResult Run(IEnumerable<string> overrides, CancellationToken cancel)
    {
        var loaded = ScenarioLoader.Load(_path, settings.LoadOptions(extra: overrides));
        if (loaded.Scenario is null)
        {
            DiagnosticRenderer.Render(console, loaded.Diagnostics, showWarnings: false);
            throw new UserInputException($"the scenario does not load with {string.Join(" ", overrides.Select(o => "--set " + o))} (errors above)");
        }
        return MonteCarloRunner.Run(new CompiledScenario(loaded.Scenario), _options, null, cancel);
    }

    /// <summary>Calls <paramref name="body"/> for 0..count-1 under a progress bar.</summary>
    public void ForEach(int count, string label, Action<int> body)
    {
        console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{label} ({count:N0} points)", maxValue: count);
                for (int p = 0; p < count; p++)
                {
                    body(p);
                    task.Increment(1);
                }
            });
    }

    /// <summary>A CSV number: shortest round-trip form, empty when not finite.</summary>
    public static string N(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary>Replaces characters that are not safe in a file name.</summary>
    public static string SafeFileName(string name) =>
        new([.. name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
}
