using System.Globalization;
using System.Text.Json;
using System.Text;
using Salient.Cli.Settings;
using Salient.Engine.Compilation;
using Salient.Experiments.Comparison;
using Salient.Experiments.Runner;
using Salient.Output.Files;
using Salient.Output.Html;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient compare</c>: runs the baseline and each variant with common random numbers and reports every metric's
/// paired difference with a 95% confidence interval.
/// </summary>
public sealed class CompareCommand(IAnsiConsole console) : Command<CompareSettings>
{
    /// <summary>Metrics shown in the console table (all metrics go to the files).</summary>
    private static readonly string[] Headline =
    [
        "control.area_km2_peak.{0}", "control.area_km2.{0}", "control.cleared.{0}",
        "casualties.total.{0}", "cost.spent_usd.{0}", "cost.destroyed_usd.{0}",
    ];

    /// <inheritdoc/>
    public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var baseModel = ScenarioInput.Require(console, settings);
        var variants = settings.Variants is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. baseModel.VariantNames];
        if (variants.Length == 0) throw new UserInputException($"scenario '{baseModel.Name}' defines no variants; name some with --variants");
        foreach (var v in variants)
            if (!baseModel.VariantNames.Contains(v))
                throw new UserInputException($"unknown variant '{v}'; the scenario's variants are: {string.Join(", ", baseModel.VariantNames)}");

        var selected = settings.Metrics is null ? null : PointRunner.ResolveMetrics(baseModel, settings.Metrics, "--metrics");
        string path = ScenarioInput.Resolve(settings.Scenario);
        int threads = settings.Threads ?? Environment.ProcessorCount;
        var options = new RunOptions(settings.Replications, settings.Seed, threads);
        var baseline = RunWithProgress(new CompiledScenario(baseModel), options, "baseline", cancellationToken);
        var rows = new List<(string Variant, MetricDifference Difference)>();
        foreach (var v in variants)
        {
            var variant = ScenarioInput.Require(console, path, settings.LoadOptions(v));
            var result = RunWithProgress(new CompiledScenario(variant), options, v, cancellationToken);
            var differences = selected is null
                ? PairedComparison.Compare(baseline, result)
                : [.. selected.Select(m => PairedComparison.Difference(new MetricInfo(m.Name, m.Kind), m.Column(baseline), m.Column(result)))];
            foreach (var d in differences) rows.Add((v, d));
        }

        string outDir = settings.Out ?? Path.Combine("out", $"{baseModel.Name}-compare-{settings.Seed}");
        AtomicDirectory.Write(outDir, dir =>
        {
            WriteCsv(Path.Combine(dir, "compare.csv"), rows);
            WriteJson(Path.Combine(dir, "compare.json"), baseModel, settings, rows);
            var headline = HeadlineNames(baseModel, selected);
            ComparisonReport.Write(Path.Combine(dir, "compare.html"), baseModel.Title, variants, rows, headline, settings.Replications, settings.Seed);
        });
        Render(HeadlineNames(baseModel, selected), rows, variants);
        console.MarkupLine($"Paired differences (variant - baseline), 95% intervals, {options.Replications:N0} replications, seed {options.Seed}. Outputs: [bold]{Markup.Escape(outDir)}[/] (compare.csv, compare.json, compare.html)");
        return 0;
    }

    private MonteCarloResult RunWithProgress(CompiledScenario compiled, RunOptions options, string label, CancellationToken cancel)
    {
        MonteCarloResult result = null!;
        int done = 0;
        console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(label, maxValue: options.Replications);
                var run = Task.Run(() => MonteCarloRunner.Run(compiled, options, d => Volatile.Write(ref done, Math.Max(d, Volatile.Read(ref done))), cancel), cancel);
                while (!run.Wait(100, cancel)) task.Value = Volatile.Read(ref done);
                result = run.Result;
                task.Value = options.Replications;
            });
        return result;
    }

    /// <summary>The metrics shown in the console table and at the top of compare.html: the selected ones, else the headline set.</summary>
    private static List<string> HeadlineNames(Scenario.Model.ScenarioModel model, IReadOnlyList<Analysis.MetricSelector>? selected) =>
        selected is not null
            ? [.. selected.Select(m => m.Name)]
            : [.. model.Sides.SelectMany(side => Headline.Select(p => string.Format(CultureInfo.InvariantCulture, p, side.Id)))];

    private void Render(List<string> names, List<(string Variant, MetricDifference Difference)> rows, string[] variants)
    {
        var table = new Table().Title("Change against the baseline (mean difference [[95% CI]])").AddColumn("metric");
        foreach (var v in variants) table.AddColumn(new TableColumn(v).RightAligned());
        foreach (string name in names)
        {
            var cells = variants.Select(v => rows.FirstOrDefault(r => r.Variant == v && r.Difference.Name == name).Difference).ToList();
            if (cells.All(c => c is null)) continue;
            table.AddRow([Markup.Escape(name), .. cells.Select(c => Markup.Escape(c is null ? "-" : Format(c)))]);
        }
        console.Write(table);
    }

    private static string Format(MetricDifference d)
    {
        string p = d.Kind == MetricKind.Day ? string.Create(CultureInfo.InvariantCulture, $" (p {d.BaselineProbability:0.00}->{d.VariantProbability:0.00})") : "";
        if (d.Pairs == 0) return d.Kind == MetricKind.Day ? p.Trim() : "-";
        string unit = d.Kind == MetricKind.Day ? "d" : "";
        return $"{Compact(d.MeanDifference, true)}{unit} [{Compact(d.Low, true)}, {Compact(d.High, true)}]{p}";
    }

    /// <summary>Short signed numbers so a table of several variants fits a terminal: 12.3k, 4.5M, 1.2B.</summary>
    internal static string Compact(double v, bool signed)
    {
        if (!double.IsFinite(v)) return "?";
        double a = Math.Abs(v);
        string body = a >= 1e9 ? (a / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "B"
            : a >= 1e6 ? (a / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M"
            : a >= 1e4 ? (a / 1e3).ToString("0", CultureInfo.InvariantCulture) + "k"
            : a.ToString(a >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture);
        return (signed && v > 0 ? "+" : v < 0 ? "-" : "") + body;
    }

    private static void WriteCsv(string path, List<(string Variant, MetricDifference Difference)> rows)
    {
        var sb = new StringBuilder("variant,metric,kind,pairs,baseline_mean,variant_mean,difference,low,high,baseline_probability,variant_probability\n");
        foreach (var (v, d) in rows)
            sb.Append(CultureInfo.InvariantCulture,
                $"{v},{d.Name},{(d.Kind == MetricKind.Day ? "days" : "value")},{d.Pairs},{N(d.BaselineMean)},{N(d.VariantMean)},{N(d.MeanDifference)},{N(d.Low)},{N(d.High)},{N(d.BaselineProbability)},{N(d.VariantProbability)}\n");
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));

        static string N(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";
    }

    private static void WriteJson(string path, Scenario.Model.ScenarioModel model, CompareSettings settings, List<(string Variant, MetricDifference Difference)> rows)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("scenario", model.Name);
        w.WriteString("hash", model.Hash);
        w.WriteNumber("seed", settings.Seed);
        w.WriteNumber("replications", settings.Replications);
        w.WriteString("confidence", "95% Student-t on paired differences (common random numbers)");
        w.WriteStartObject("variants");
        foreach (var group in rows.GroupBy(r => r.Variant))
        {
            w.WriteStartObject(group.Key);
            foreach (var (_, d) in group)
            {
                w.WriteStartObject(d.Name);
                w.WriteNumber("pairs", d.Pairs);
                Num("baseline_mean", d.BaselineMean);
                Num("variant_mean", d.VariantMean);
                Num("difference", d.MeanDifference);
                Num("low", d.Low);
                Num("high", d.High);
                if (d.Kind == MetricKind.Day) { Num("baseline_probability", d.BaselineProbability); Num("variant_probability", d.VariantProbability); }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();

        void Num(string name, double v)
        {
            if (double.IsFinite(v)) w.WriteNumber(name, Math.Round(v, 6)); else w.WriteNull(name);
        }
    }
}
