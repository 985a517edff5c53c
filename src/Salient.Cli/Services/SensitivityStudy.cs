using System.Globalization;
using System.Text;
using Salient.Analysis.Plots;
using Salient.Analysis.Sensitivity;
using Salient.Analysis.Sweeps;
using Salient.Analysis;
using Salient.Cli.Rendering;
using Salient.Output.Csv;
using Salient.Output.Files;
using Spectre.Console;

namespace Salient.Cli.Services;

/// <summary>
/// The end of a sensitivity study, shared by <c>salient sensitivity</c> and <c>salient sensitivity-merge</c> so both
/// write the same bytes: the indices from the results at every design point, a table per output, and the files.
/// </summary>
internal static class SensitivityStudy
{
    /// <summary>
    /// Computes the indices from the results at every design point, prints a table per output and writes
    /// sensitivity.csv, points.csv and the plots to <paramref name="outDir"/>. Shared by an unsharded run and
    /// <c>salient sensitivity-merge</c>, so both write the same bytes.
    /// </summary>
    internal static void Finish(IAnsiConsole console, TableWriter tables, SensitivityPlan plan, IReadOnlyList<PointResult> results, string outDir, bool force)
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
            var table = new PrintedTable(morris ? "morris" : "sobol", Markup.Escape(morris
                ? $"Morris screening of {outputs[o].Name}: r = {plan.Samples}, p = {plan.Levels}, {points:N0} points x {plan.Replications:N0} replications (effects per full input range{unitNote})"
                : $"Sobol indices of {outputs[o].Name}: N = {plan.Samples}, {points:N0} points x {plan.Replications:N0} replications, 95% bootstrap intervals"));
            table.AddColumn("input").AddColumn("range");
            string title;
            List<(string, double[], double[]?, double[]?)> series;
            string c = CsvFormat.Number(censored);
            if (morris)
            {
                table.AddColumn("mu*", true).AddColumn("mu", true).AddColumn("sigma", true);
                var effects = MorrisScreening.Analyze(design.Morris!, y);
                for (int i = 0; i < d; i++)
                {
                    var e = effects[i];
                    table.AddRow(Markup.Escape(inputs[i].Path), Range(inputs[i]), F(e.MuStar), F(e.Mu), F(e.Sigma));
                    csv.Append(CultureInfo.InvariantCulture, $"{outputs[o].Name},{inputs[i].Path},{CsvFormat.Number(inputs[i].Low)},{CsvFormat.Number(inputs[i].High)},{CsvFormat.Number(e.MuStar)},{CsvFormat.Number(e.Mu)},{CsvFormat.Number(e.Sigma)},{c}\n");
                }
                title = $"Morris mu* and sigma of {outputs[o].Name}";
                series = [("mu*", [.. effects.Select(e => e.MuStar)], null, null), ("sigma", [.. effects.Select(e => e.Sigma)], null, null)];
            }
            else
            {
                table.AddColumn("S1 [[95% CI]]", true).AddColumn("ST [[95% CI]]", true);
                var r = SobolIndices.Analyze(design.Sobol!, y, plan.Seed, plan.Bootstrap);
                for (int i = 0; i < d; i++)
                {
                    table.AddRow(Markup.Escape(inputs[i].Path), Range(inputs[i]),
                        Markup.Escape($"{F(r.FirstOrder[i])} [{F(r.FirstLow[i])}, {F(r.FirstHigh[i])}]"),
                        Markup.Escape($"{F(r.Total[i])} [{F(r.TotalLow[i])}, {F(r.TotalHigh[i])}]"));
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{outputs[o].Name},{inputs[i].Path},{CsvFormat.Number(inputs[i].Low)},{CsvFormat.Number(inputs[i].High)},{CsvFormat.Number(r.FirstOrder[i])},{CsvFormat.Number(r.FirstLow[i])},{CsvFormat.Number(r.FirstHigh[i])},{CsvFormat.Number(r.Total[i])},{CsvFormat.Number(r.TotalLow[i])},{CsvFormat.Number(r.TotalHigh[i])},{c}\n");
                }
                title = $"Sobol indices of {outputs[o].Name} (95% bootstrap intervals)";
                series = [("S1", r.FirstOrder, r.FirstLow, r.FirstHigh), ("ST", r.Total, r.TotalLow, r.TotalHigh)];
            }
            tables.Write(table);
            var finite = y.Where(double.IsFinite).ToArray();
            if (finite.Length > 0)
                console.MarkupLine(Markup.Escape(outputs[o].IsDay
                    ? string.Create(CultureInfo.InvariantCulture, $"{outputs[o].Name}: the mean over replications ranges from {Day(plan, finite.Min())} to {Day(plan, finite.Max())} across the points; {Percent(censored)} of replications had no such day by {MetricSelector.Format(plan.CalendarEnd)} and count as day {plan.CalendarEnd.DayNumber - plan.CalendarStart.DayNumber + 1} ({MetricSelector.Format(plan.CalendarEnd.AddDays(1))}).")
                    : string.Create(CultureInfo.InvariantCulture, $"{outputs[o].Name}: the mean over replications ranges from {F(finite.Min())} to {F(finite.Max())} across the points.")));
            plots.Add(($"sensitivity-{outputs[o].Name}.png", AnalysisPlots.Bars(title, [.. inputs.Select(v => v.Path)], series, morris ? "effect per full input range" + unitNote : "share of variance")));
        }

        // Column names by docs/outputs.md's rule (capture.sudzha.red is capture_sudzha_red).
        var pointsCsv = new StringBuilder("point," + string.Join(",", ColumnNames.Of(inputs.Select(v => v.Path))) + "," + string.Join(",", ColumnNames.Of(outputs.Select(o => o.Name))));
        foreach (var o in outputs.Where(o => o.IsDay)) pointsCsv.Append(CultureInfo.InvariantCulture, $",{ColumnNames.Of(o.Name)}_censored");
        pointsCsv.Append('\n');
        foreach (var r in results)
        {
            pointsCsv.Append(CultureInfo.InvariantCulture, $"{r.Point},{string.Join(",", r.Values)},{string.Join(",", r.Means.Select(CsvFormat.Number))}");
            for (int o = 0; o < outputs.Count; o++)
                if (outputs[o].IsDay) pointsCsv.Append(CultureInfo.InvariantCulture, $",{r.Censored[o]}");
            pointsCsv.Append('\n');
        }

        AtomicDirectory.Write(outDir, dir =>
        {
            File.WriteAllText(Path.Combine(dir, "sensitivity.csv"), csv.ToString(), new UTF8Encoding(false));
            File.WriteAllText(Path.Combine(dir, "points.csv"), pointsCsv.ToString(), new UTF8Encoding(false));
            foreach (var (name, png) in plots) File.WriteAllBytes(Path.Combine(dir, FileNames.Safe(name)), png);
        }, force);
        console.MarkupLine($"Seed {plan.Seed} at every point (common random numbers). Outputs: [bold]{Markup.Escape(outDir)}[/] (sensitivity.csv, points.csv, {plots.Count} plot(s))");
    }

    private static string Day(SensitivityPlan plan, double day) =>
        $"{MetricSelector.FormatDay(day, plan.CalendarStart, plan.CalendarEnd)} (day {day.ToString("0.#", CultureInfo.InvariantCulture)})";

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Range(VariedInput v) => Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{v.Low:G6}..{v.High:G6}"));

    private static string F(double x) => double.IsFinite(x) ? x.ToString(Math.Abs(x) >= 100 ? "#,0" : "0.###", CultureInfo.InvariantCulture) : "-";
}
