using System.Globalization;
using Salient.Engine.Compilation;
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
    public static void Render(TableWriter tables, ScenarioModel model, RunSummary summary)
    {
        var table = new PrintedTable("outcomes", "Outcomes (median and 90% interval over replications)").AddColumn("metric");
        foreach (var s in model.Sides) table.AddColumn($"{s.Name} ({s.Id})", true);
        void Row(string label, Func<string, string> metricOfSide, Func<MetricSummary, string> format)
        {
            var cells = new List<string> { label };
            foreach (var s in model.Sides)
                cells.Add(summary.Metric(metricOfSide(s.Id)) is { } m ? format(m) : "-");
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }
        Row("ground held at end (km²)", MetricNames.ControlArea, Interval);
        Row("peak ground held (km²)", MetricNames.ControlAreaPeak, Interval);
        Row("date of peak", MetricNames.ControlPeakDay, m => Date(summary, m));
        Row("ground lost entirely", MetricNames.ControlCleared, m => Date(summary, m));
        Row("casualties (all causes)", MetricNames.CasualtiesTotal, Interval);
        Row("  of which killed", s => MetricNames.Casualties("killed", s), Interval);
        Row("  of which captured", s => MetricNames.Casualties("captured", s), Interval);
        Row("personnel at end", MetricNames.PersonnelFinal, Interval);
        Row("reinforcements received", MetricNames.PersonnelReinforcements, Interval);
        Row("munitions spent (USD m)", s => MetricNames.Cost("spent_usd", s), Millions);
        Row("enemy value destroyed (USD m)", s => MetricNames.Cost("destroyed_usd", s), Millions);
        tables.Write(table);

        var causes = new PrintedTable("casualties_by_cause", "Casualties by cause (median and 90% interval)").AddColumn("cause");
        foreach (var s in model.Sides) causes.AddColumn($"{s.Name} ({s.Id})", true);
        var causeNames = summary.Metrics.Where(m => m.Name.StartsWith(MetricNames.CasualtiesByCausePrefix, StringComparison.Ordinal))
            .Select(m => m.Name[MetricNames.CasualtiesByCausePrefix.Length..m.Name.LastIndexOf('.')]).Distinct(StringComparer.Ordinal);
        foreach (var cause in causeNames)
        {
            var row = model.Sides.Select(s => summary.Metric(MetricNames.CasualtiesByCause(cause, s.Id))).ToList();
            if (row.All(m => m is null || !(m.P95 > 0))) continue;
            causes.AddRow([Markup.Escape(cause), .. row.Select(m => Markup.Escape(m is null ? "-" : Interval(m)))]);
        }
        if (causes.Rows.Count > 0) tables.Write(causes);

        var captures = new PrintedTable("captures", "Captures (probability, median date and 90% interval)").AddColumn("settlement");
        foreach (var s in model.Sides) captures.AddColumn($"taken by {s.Id}", true);
        int rows = 0;
        foreach (var cell in model.Theatre.Cells.Where(c => c.Settlements.Length > 0))
        {
            var cells = new List<string> { cell.Name };
            bool any = false;
            foreach (var s in model.Sides)
            {
                var m = summary.Metric(MetricNames.CaptureDay(cell.Id, s.Id));
                any |= m is { Probability: > 0 };
                cells.Add(m is null ? "-" : Date(summary, m));
            }
            if (!any || rows++ >= MaxCaptures) continue;
            captures.AddRow([.. cells.Select(Markup.Escape)]);
        }
        if (rows > 0) tables.Write(captures);
    }

    private static string Millions(MetricSummary m) =>
        double.IsNaN(m.P50) ? "-" : string.Create(CultureInfo.InvariantCulture, $"{m.P50 / 1e6:N0} [{m.P05 / 1e6:N0}-{m.P95 / 1e6:N0}]");

    private static string Interval(MetricSummary m) =>
        double.IsNaN(m.P50) ? "-" : string.Create(CultureInfo.InvariantCulture, $"{m.P50:N0} [{m.P05:N0}-{m.P95:N0}]");

    private static string Date(RunSummary summary, MetricSummary m)
    {
        if (m.Probability <= 0) return "never";
        var start = summary.Start;
        DateOnly D(double day) => start.AddDays((int)Math.Round(day));
        // Compact dates keep the table inside an 80-column terminal: "9 Aug 24 [8 Aug-12 Aug]".
        static string Long(DateOnly d) => d.ToString("d MMM yy", CultureInfo.InvariantCulture);
        static string Short(DateOnly d) => d.ToString("d MMM", CultureInfo.InvariantCulture);
        string p = m.Probability >= 0.9995 ? "" : string.Create(CultureInfo.InvariantCulture, $"{m.Probability:P0} ");
        DateOnly lo = D(m.P05), mid = D(m.P50), hi = D(m.P95);
        if (lo == hi) return p + Long(mid);
        return lo.Year == hi.Year ? $"{p}{Long(mid)} [{Short(lo)}-{Short(hi)}]" : $"{p}{Long(mid)} [{Long(lo)}-{Long(hi)}]";
    }
}
