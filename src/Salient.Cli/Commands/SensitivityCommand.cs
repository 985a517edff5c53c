using System.Globalization;
using System.Text;
using Salient.Analysis.Plots;
using Salient.Analysis.Sensitivity;
using Salient.Analysis.Sweeps;
using Salient.Analysis;
using Salient.Cli.Settings;
using Salient.Experiments.Sharding;
using Salient.Output.Files;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient sensitivity</c>: Morris screening or Sobol indices of output metrics with respect to input ranges. The
/// model at one input vector is the mean of the output over REPS replications with the inputs applied as overrides,
/// every point with the same seed (common random numbers). Day outputs count the replications where the event did not
/// happen at the day after the end date (censored). With --shard k/N only a slice of the design points is evaluated
/// and written for <c>salient sensitivity-merge</c>.
/// </summary>
public sealed class SensitivityCommand(IAnsiConsole console) : Command<SensitivitySettings>
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

        var baseModel = ScenarioInput.Require(console, settings);
        var selectors = PointRunner.ResolveMetrics(baseModel, settings.Outputs, "--outputs");
        bool morris = settings.Method == "morris";
        var plan = new SensitivityPlan(baseModel.Name, baseModel.Hash, settings.Variant, [.. settings.Set], settings.Seed, settings.Method,
            settings.Samples ?? (morris ? 10 : 64), morris ? settings.Levels : 0, morris ? 0 : settings.Bootstrap, settings.Replications,
            specs, [.. selectors.Select(m => new SensitivityOutput(m.Name, m.IsDay))], baseModel.Calendar.Start, baseModel.Calendar.End);
        var inputs = plan.ParsedInputs();
        var unit = plan.Design().Rows;
        if (shard is { } over && over.Count > unit.Count)
            throw new UserInputException($"--shard {over}: the design has only {unit.Count} points, so at most {unit.Count} shards (each needs at least one point)");
        var range = shard is { } sh ? SensitivityShard.PointsOf(sh, unit.Count) : ReplicationRange.All(unit.Count);

        var runner = new PointRunner(console, settings, settings.Replications, settings.Seed, settings.Threads);
        var results = new PointResult[range.Count];
        runner.ForEach(range.Count, settings.Method + (shard is null ? "" : $" shard {shard}"), i =>
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
            AtomicDirectory.Write(outDir, dir => SensitivityShard.Write(Path.Combine(dir, SensitivityShard.FileName), plan, part, unit.Count, range, results));
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"shard {part}: design points {Markup.Escape(range.ToString())} of {unit.Count:N0}, {settings.Replications:N0} replications each, seed {settings.Seed}. Shard folder: [bold]{Markup.Escape(outDir)}[/]; combine the {part.Count} shards with: salient sensitivity-merge DIR... --out OUT"));
            return 0;
        }
        Finish(console, plan, results, outDir);
        return 0;
    }

    /// <summary>
    /// Computes the indices from the results at every design point, prints a table per output and writes
    /// sensitivity.csv, points.csv and the plots to <paramref name="outDir"/>. Shared by an unsharded run and
    /// <c>salient sensitivity-merge</c>, so both write the same bytes.
    /// </summary>
    internal static void Finish(IAnsiConsole console, SensitivityPlan plan, IReadOnlyList<PointResult> results, string outDir)
    {
        var inputs = plan.ParsedInputs();
        var design = plan.Design();
        var outputs = plan.Outputs;
        bool morris = plan.IsMorris;
        int d = inputs.Count, points = results.Count;
        var csv = new StringBuilder(morris ? "output,input,low,high,mu_star,mu,sigma,censored\n" : "output,input,low,high,s1,s1_low,s1_high,st,st_low,st_high,censored\n");
        var plots = new List<(string Name, byte[] Png)>();
        for (int o = 0; o < outputs.Count; o++)
        {
            var y = results.Select(r => r.Means[o]).ToArray();
            // Share of all replications (over every point) in which a day output's event did not happen by the end date.
            double censored = (double)results.Sum(r => (long)r.Censored[o]) / ((long)points * plan.Replications);
            string unitNote = outputs[o].IsDay ? ", in days" : "";
            var table = new Table().Title(Markup.Escape(morris
                ? $"Morris screening of {outputs[o].Name}: r = {plan.Samples}, p = {plan.Levels}, {points:N0} points x {plan.Replications:N0} replications (effects per full input range{unitNote})"
                : $"Sobol indices of {outputs[o].Name}: N = {plan.Samples}, {points:N0} points x {plan.Replications:N0} replications, 95% bootstrap intervals"));
            table.AddColumn("input").AddColumn("range");
            string title;
            List<(string, double[], double[]?, double[]?)> series;
            string c = PointRunner.N(censored);
            if (morris)
            {
                table.AddColumn(new TableColumn("mu*").RightAligned()).AddColumn(new TableColumn("mu").RightAligned()).AddColumn(new TableColumn("sigma").RightAligned());
                var effects = MorrisScreening.Analyze(design.Morris!, y);
                for (int i = 0; i < d; i++)
                {
                    var e = effects[i];
                    table.AddRow(Markup.Escape(inputs[i].Path), Range(inputs[i]), F(e.MuStar), F(e.Mu), F(e.Sigma));
                    csv.Append(CultureInfo.InvariantCulture, $"{outputs[o].Name},{inputs[i].Path},{PointRunner.N(inputs[i].Low)},{PointRunner.N(inputs[i].High)},{PointRunner.N(e.MuStar)},{PointRunner.N(e.Mu)},{PointRunner.N(e.Sigma)},{c}\n");
                }
                title = $"Morris mu* and sigma of {outputs[o].Name}";
                series = [("mu*", [.. effects.Select(e => e.MuStar)], null, null), ("sigma", [.. effects.Select(e => e.Sigma)], null, null)];
            }
            else
            {
                table.AddColumn(new TableColumn("S1 [[95% CI]]").RightAligned()).AddColumn(new TableColumn("ST [[95% CI]]").RightAligned());
                var r = SobolIndices.Analyze(design.Sobol!, y, plan.Seed, plan.Bootstrap);
                for (int i = 0; i < d; i++)
                {
                    table.AddRow(Markup.Escape(inputs[i].Path), Range(inputs[i]),
                        Markup.Escape($"{F(r.FirstOrder[i])} [{F(r.FirstLow[i])}, {F(r.FirstHigh[i])}]"),
                        Markup.Escape($"{F(r.Total[i])} [{F(r.TotalLow[i])}, {F(r.TotalHigh[i])}]"));
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{outputs[o].Name},{inputs[i].Path},{PointRunner.N(inputs[i].Low)},{PointRunner.N(inputs[i].High)},{PointRunner.N(r.FirstOrder[i])},{PointRunner.N(r.FirstLow[i])},{PointRunner.N(r.FirstHigh[i])},{PointRunner.N(r.Total[i])},{PointRunner.N(r.TotalLow[i])},{PointRunner.N(r.TotalHigh[i])},{c}\n");
                }
                title = $"Sobol indices of {outputs[o].Name} (95% bootstrap intervals)";
                series = [("S1", r.FirstOrder, r.FirstLow, r.FirstHigh), ("ST", r.Total, r.TotalLow, r.TotalHigh)];
            }
            console.Write(table);
            var finite = y.Where(double.IsFinite).ToArray();
            if (finite.Length > 0)
                console.MarkupLine(Markup.Escape(outputs[o].IsDay
                    ? string.Create(CultureInfo.InvariantCulture, $"{outputs[o].Name}: the mean over replications ranges from {Day(plan, finite.Min())} to {Day(plan, finite.Max())} across the points; {Percent(censored)} of replications had no such day by {MetricSelector.Format(plan.CalendarEnd)} and count as day {plan.CalendarEnd.DayNumber - plan.CalendarStart.DayNumber + 1} ({MetricSelector.Format(plan.CalendarEnd.AddDays(1))}).")
                    : string.Create(CultureInfo.InvariantCulture, $"{outputs[o].Name}: the mean over replications ranges from {F(finite.Min())} to {F(finite.Max())} across the points.")));
            plots.Add(($"sensitivity-{outputs[o].Name}.png", AnalysisPlots.Bars(title, [.. inputs.Select(v => v.Path)], series, morris ? "effect per full input range" + unitNote : "share of variance")));
        }

        var pointsCsv = new StringBuilder("point," + string.Join(",", inputs.Select(v => v.Path)) + "," + string.Join(",", outputs.Select(o => o.Name)));
        foreach (var o in outputs.Where(o => o.IsDay)) pointsCsv.Append(CultureInfo.InvariantCulture, $",{o.Name}:censored");
        pointsCsv.Append('\n');
        foreach (var r in results)
        {
            pointsCsv.Append(CultureInfo.InvariantCulture, $"{r.Point},{string.Join(",", r.Values)},{string.Join(",", r.Means.Select(PointRunner.N))}");
            for (int o = 0; o < outputs.Count; o++)
                if (outputs[o].IsDay) pointsCsv.Append(CultureInfo.InvariantCulture, $",{r.Censored[o]}");
            pointsCsv.Append('\n');
        }

        AtomicDirectory.Write(outDir, dir =>
        {
            File.WriteAllText(Path.Combine(dir, "sensitivity.csv"), csv.ToString(), new UTF8Encoding(false));
            File.WriteAllText(Path.Combine(dir, "points.csv"), pointsCsv.ToString(), new UTF8Encoding(false));
            foreach (var (name, png) in plots) File.WriteAllBytes(Path.Combine(dir, PointRunner.SafeFileName(name)), png);
        });
        console.MarkupLine($"Seed {plan.Seed} at every point (common random numbers). Outputs: [bold]{Markup.Escape(outDir)}[/] (sensitivity.csv, points.csv, {plots.Count} plot(s))");
    }

    private static string Day(SensitivityPlan plan, double day) =>
        $"{MetricSelector.FormatDay(day, plan.CalendarStart, plan.CalendarEnd)} (day {day.ToString("0.#", CultureInfo.InvariantCulture)})";

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Range(VariedInput v) => Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{v.Low:G6}..{v.High:G6}"));

    private static string F(double x) => double.IsFinite(x) ? x.ToString(Math.Abs(x) >= 100 ? "#,0" : "0.###", CultureInfo.InvariantCulture) : "-";
}
