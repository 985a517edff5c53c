using System.Globalization;
using Salient.Experiments.Statistics;
using Salient.Scenario.Model;
using Spectre.Console;

namespace Salient.Cli.Rendering;

/// <summary>The readable summary printed after a run: ground held, casualties and key captures, with 90% intervals.</summary>
public static class SummaryTable
{
    /// <summary>Most settlements listed in the capture table.</summary>
    public const int MaxCaptures = 12;

    /// <summary>Prints the summary tables for <paramref name="summary"/>.</summary>
    public static void Render(IAnsiConsole console, ScenarioModel model, RunSummary summary)
    {
        var table = new Table().Title("Outcomes (median and 90% interval over replications)").AddColumn("metric");
        foreach (var s in model.Sides) table.AddColumn(new TableColumn($"{s.Name} ({s.Id})").RightAligned());
        void Row(string label, string metric, Func<MetricSummary, string> format)
        {
            var cells = new List<string> { label };
            foreach (var s in model.Sides)
                cells.Add(summary.Metric($"{metric}.{s.Id}") is { } m ? format(m) : "-");
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }
        Row("ground held at end (km²)", "control.area_km2", Interval);
        Row("peak ground held (km²)", "control.area_km2_peak", Interval);
        Row("date of peak", "control.peak_day", m => Date(summary, m));
        Row("ground lost entirely", "control.cleared", m => Date(summary, m));
        Row("casualties (killed+wounded+captured)", "casualties.total", Interval);
        Row("  of which killed", "casualties.killed", Interval);
        Row("  of which captured", "casualties.captured", Interval);
        Row("personnel at end", "personnel.final", Interval);
        Row("reinforcements received", "personnel.reinforcements", Interval);
        console.Write(table);

        var captures = new Table().Title("Captures (probability, median date and 90% interval)").AddColumn("settlement");
        foreach (var s in model.Sides) captures.AddColumn(new TableColumn($"taken by {s.Id}").RightAligned());
        int rows = 0;
        foreach (var cell in model.Theatre.Cells.Where(c => c.Settlements.Length > 0))
        {
            var cells = new List<string> { cell.Name };
            bool any = false;
            foreach (var s in model.Sides)
            {
                var m = summary.Metric($"capture.{cell.Id}.{s.Id}");
                any |= m is { Probability: > 0 };
                cells.Add(m is null ? "-" : Date(summary, m));
            }
            if (!any || rows++ >= MaxCaptures) continue;
            captures.AddRow([.. cells.Select(Markup.Escape)]);
        }
        if (rows > 0) console.Write(captures);
    }

    private static string Interval(MetricSummary m) =>
        double.IsNaN(m.P50) ? "-" : string.Create(CultureInfo.InvariantCulture, $"{m.P50:N0} [{m.P05:N0}-{m.P95:N0}]");

    private static string Date(RunSummary summary, MetricSummary m)
    {
        if (m.Probability <= 0) return "never";
        string D(double day) => summary.Start.AddDays((int)Math.Round(day)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string p = m.Probability >= 0.9995 ? "" : string.Create(CultureInfo.InvariantCulture, $"{m.Probability:P0} ");
        return $"{p}{D(m.P50)} [{D(m.P05)}..{D(m.P95)}]";
    }
}
