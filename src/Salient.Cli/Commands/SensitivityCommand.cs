using System.Globalization;
using Salient.Analysis.Sweeps;
using Salient.Analysis;
using Salient.Cli.CommandLine;
using Salient.Cli.Rendering;
using Salient.Cli.Services;
using Salient.Cli.Settings;
using Salient.Experiments.Sharding;
using Salient.Output.Files;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient sensitivity</c>: Morris screening or Sobol indices of output metrics with respect to input ranges. The
/// model at one input vector is the mean of the output over REPS replications with the inputs applied as overrides,
/// every point with the same seed (common random numbers). Day outputs count the replications where the event did not
/// happen at the day after the end date (censored). With --shard k/N only a slice of the design points is evaluated
/// and written for <c>salient sensitivity-merge</c>.
/// </summary>
public sealed class SensitivityCommand(IAnsiConsole console, TableWriter tables, StandardError stderr) : Command<SensitivitySettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, SensitivitySettings settings, CancellationToken cancellationToken)
    {
        List<string> specs;
        try
        {
            specs = [.. settings.Inputs.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
            var parsed = specs.Select(s => VariedInput.Parse(s, stepsRequired: false, allowList: false)).ToList();
            var dup = parsed.GroupBy(v => v.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null) throw new SweepSpecException($"{dup.Key}: given more than once");
        }
        catch (SweepSpecException ex)
        {
            throw new UserInputException("--inputs " + ex.Message);
        }
        ShardSpec? shard = settings.Shard is not null && ShardSpec.TryParse(settings.Shard, out var spec, out _) ? spec : null;

        var baseModel = ScenarioInput.Require(console, stderr, settings);
        var selectors = MetricSelector.Resolve(baseModel, settings.Outputs, "--outputs");
        bool morris = settings.Method == "morris";
        var plan = new SensitivityPlan(baseModel.Name, baseModel.Hash, settings.Variant, [.. settings.Set], settings.Seed, settings.Method,
            settings.Samples ?? (morris ? 10 : 64), morris ? settings.Levels : 0, morris ? 0 : settings.Bootstrap, settings.Replications,
            specs, [.. selectors.Select(m => new SensitivityOutput(m.Name, m.IsDay))], baseModel.Calendar.Start, baseModel.Calendar.End);
        var inputs = plan.ParsedInputs();
        var unit = plan.Design().Rows;
        if (shard is { } over && over.Count > unit.Count)
            throw new UserInputException($"--shard {over}: the design has only {unit.Count} points, so at most {unit.Count} shards (each needs at least one point)");
        var range = shard is { } sh ? SensitivityShard.PointsOf(sh, unit.Count) : ReplicationRange.All(unit.Count);

        var runner = new PointRunner(console, settings, "--inputs");
        var results = new PointResult[range.Count];
        ProgressDisplay.Points(console, range.Count, settings.Method + (shard is null ? "" : $" shard {shard}"), i =>
        {
            int p = range.Start + i;
            string[] values = [.. inputs.Select((v, k) => v.At(unit[p][k]))];
            var result = runner.Run(inputs.Select((v, k) => $"{v.Path}={values[k]}"), cancellationToken);
            var means = new double[selectors.Count];
            var censored = new int[selectors.Count];
            for (int o = 0; o < selectors.Count; o++)
            {
                var (column, c) = selectors[o].CensoredColumn(result);
                var finite = column.Where(double.IsFinite).ToArray();
                means[o] = finite.Length == 0 ? double.NaN : finite.Average();
                censored[o] = c;
            }
            results[i] = new PointResult(p, values, means, censored);
        });

        string suffix = shard is { } s2 ? $"-shard-{s2.Index}-of-{s2.Count}" : "";
        string outDir = settings.Out ?? Path.Combine("out", $"{baseModel.Name}-sensitivity-{settings.Method}-{settings.Seed}{suffix}");
        if (shard is { } part)
        {
            AtomicDirectory.Write(outDir, dir => SensitivityShard.Write(Path.Combine(dir, SensitivityShard.FileName), plan, part, unit.Count, range, results), settings.Force);
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"shard {part}: design points {Markup.Escape(range.ToString())} of {unit.Count:N0}, {settings.Replications:N0} replications each, seed {settings.Seed}. Shard folder: [bold]{Markup.Escape(outDir)}[/]; combine the {part.Count} shards with: salient sensitivity-merge DIR... --out OUT"));
            return 0;
        }
        SensitivityStudy.Finish(console, tables, plan, results, outDir, settings.Force);
        return 0;
    }
}
