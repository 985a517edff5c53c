using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Scenario.Diagnostics;
using Calendar = Salient.Scenario.Model.Calendar;

namespace Salient.Analysis;

/// <summary>A metric name that does not resolve against a scenario; the message names the valid choices.</summary>
public sealed class MetricSelectorException(string message) : Salient.Experiments.Errors.UserErrorException(message);

/// <summary>
/// One output an analysis asks for, resolved against a scenario: a per-replication final metric by name
/// (<c>control.area_km2.blue</c>, <c>control.cleared.blue</c>), or a daily series at the end of a calendar date
/// (<c>control.area_km2.blue@2024-12-01</c>). <see cref="Column"/> gives its value in each replication of a run.
/// </summary>
/// <remarks>
/// Immutable. Day-kind metrics (<see cref="MetricKind.Day"/>: a day index from the calendar start) are NaN in the
/// replications where the event did not happen; <see cref="CensoredColumn"/> replaces those by <see cref="CensorDay"/>,
/// the day after the calendar's last day, so statistics over replications neither drop nor propagate them.
/// </remarks>
public sealed class MetricSelector
{
    private MetricSelector(string name, string source, DateOnly? date, MetricKind kind, Calendar calendar)
    {
        Name = name;
        Source = source;
        Date = date;
        Kind = kind;
        Calendar = calendar;
    }

    /// <summary>The selector as written and reported (<c>metric</c> or <c>series@yyyy-MM-dd</c>).</summary>
    public string Name { get; }

    /// <summary>The final metric's or daily series' name.</summary>
    public string Source { get; }

    /// <summary>The date of a daily series, or null for a final metric.</summary>
    public DateOnly? Date { get; }

    /// <summary>Whether the value is a quantity or a day index.</summary>
    public MetricKind Kind { get; }

    /// <summary>The scenario's calendar (for dates and censoring).</summary>
    public Calendar Calendar { get; }

    /// <summary>Whether the value is a day index from the calendar start (NaN when the event did not happen).</summary>
    public bool IsDay => Kind == MetricKind.Day;

    /// <summary>The day index standing for "not by the end date": the day after the calendar's last day.</summary>
    public int CensorDay => Calendar.Days;

    /// <summary>The date written in selectors and tables.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Resolves <paramref name="text"/> against a compiled scenario's metrics, series and calendar.</summary>
    /// <exception cref="MetricSelectorException">The metric or series is unknown, or the date is malformed or outside the calendar.</exception>
    public static MetricSelector Parse(string text, CompiledScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scenario);
        var layout = scenario.Layout;
        var calendar = scenario.Model.Calendar;
        string t = text.Trim();
        int at = t.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            int m = layout.MetricIndex(t);
            if (m >= 0) return new MetricSelector(t, t, null, layout.Metrics[m].Kind, calendar);
            string family = t.Split('.')[0];
            var near = layout.Metrics.Select(x => x.Name).Where(x => family.Length > 0 && x.StartsWith(family + ".", StringComparison.Ordinal)).Take(8).ToList();
            string hint = Suggestions.Hint(t, layout.Metrics.Select(x => x.Name));
            if (hint.Length == 0 && near.Count > 0) hint = $"; metrics of that family include: {string.Join(", ", near)}";
            if (layout.SeriesIndex(t) >= 0) hint = $"; '{t}' is a daily series: give a date, e.g. {t}@{Format(calendar.End)}";
            throw new MetricSelectorException($"unknown metric '{t}'{hint}");
        }

        string series = t[..at], dateText = t[(at + 1)..];
        if (layout.SeriesIndex(series) < 0)
            throw new MetricSelectorException($"'{t}': unknown daily series '{series}'{Suggestions.Hint(series, layout.Series)} (the series: {string.Join(", ", layout.Series)})");
        if (!DateOnly.TryParseExact(dateText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new MetricSelectorException($"'{t}': '{dateText}' is not a date; write it as YYYY-MM-DD, e.g. {series}@{Format(calendar.End)}");
        if (!calendar.Contains(date))
            throw new MetricSelectorException($"'{t}': {Format(date)} is outside the scenario's calendar, {Format(calendar.Start)} to {Format(calendar.End)}");
        return new MetricSelector($"{series}@{Format(date)}", series, date, MetricKind.Value, calendar);
    }

    /// <summary>Resolves a comma-separated list; a name given twice is an error.</summary>
    public static IReadOnlyList<MetricSelector> ParseList(string list, CompiledScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(list);
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new MetricSelectorException("the list of metrics is empty; expected m1,m2, e.g. casualties.total.blue,control.area_km2.blue@" + Format(scenario.Model.Calendar.End));
        var selectors = names.Select(n => Parse(n, scenario)).ToList();
        var dup = selectors.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new MetricSelectorException($"'{dup.Key}' is given more than once");
        return selectors;
    }

    /// <summary>
    /// The metrics a study reports: the comma-separated <paramref name="list"/> (each checked against the scenario), or
    /// when it is null the defaults, casualties.total and control.area_km2 of every side the scenario records. Errors
    /// name <paramref name="option"/>, the command-line option the list came from.
    /// </summary>
    public static IReadOnlyList<MetricSelector> Resolve(Scenario.Model.ScenarioModel model, string? list, string option)
    {
        ArgumentNullException.ThrowIfNull(model);
        var compiled = new CompiledScenario(model);
        if (list is null)
        {
            var defaults = model.Sides.SelectMany(s => new[] { $"casualties.total.{s.Id}", $"control.area_km2.{s.Id}" })
                .Where(m => compiled.Layout.MetricIndex(m) >= 0).ToList();
            if (defaults.Count == 0) throw new MetricSelectorException($"the scenario records none of the default metrics; name some with {option}");
            return [.. defaults.Select(m => Parse(m, compiled))];
        }
        try
        {
            return ParseList(list, compiled);
        }
        catch (MetricSelectorException ex)
        {
            throw new MetricSelectorException($"{option}: {ex.Message}");
        }
    }

    /// <summary>The value in each replication of <paramref name="result"/>, in replication order (NaN where a day-kind event did not happen).</summary>
    public double[] Column(MonteCarloResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Date is { } date)
        {
            int series = result.Layout.SeriesIndex(Source);
            if (series < 0) throw new MetricSelectorException($"the run records no daily series '{Source}'");
            var calendar = result.Scenario.Model.Calendar;
            // A variant may move the calendar: the date is checked against the run's own.
            if (!calendar.Contains(date))
                throw new MetricSelectorException($"'{Name}': {Format(date)} is outside the run's calendar, {Format(calendar.Start)} to {Format(calendar.End)}");
            return result.DailyColumn(series, calendar.DayIndex(date));
        }
        int metric = result.Layout.MetricIndex(Source);
        if (metric < 0) throw new MetricSelectorException($"the run records no metric '{Source}'");
        return result.MetricColumn(metric);
    }

    /// <summary>
    /// <see cref="Column"/>, with day-kind NaNs (the event did not happen by the end date) replaced by
    /// <see cref="CensorDay"/>; <c>Censored</c> counts them (always 0 for quantities, whose NaNs are kept).
    /// </summary>
    public (double[] Values, int Censored) CensoredColumn(MonteCarloResult result)
    {
        var column = Column(result);
        if (!IsDay) return (column, 0);
        int censored = 0;
        for (int i = 0; i < column.Length; i++)
            if (!double.IsFinite(column[i])) { column[i] = CensorDay; censored++; }
        return (column, censored);
    }

    /// <summary>A day index as a date (rounded to the nearest day); at or past <see cref="CensorDay"/>, "after" the end date.</summary>
    public string FormatDay(double day) => FormatDay(day, Calendar.Start, Calendar.End);

    /// <summary>Day index <paramref name="day"/> of a calendar from <paramref name="start"/> to <paramref name="end"/> as a date; past the end, "after" the end date.</summary>
    public static string FormatDay(double day, DateOnly start, DateOnly end)
    {
        if (!double.IsFinite(day)) return "-";
        double rounded = Math.Round(day, MidpointRounding.AwayFromZero);
        if (rounded > end.DayNumber - start.DayNumber) return "after " + Format(end);
        return Format(start.AddDays((int)Math.Max(0, rounded)));
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>A date as written in selectors (yyyy-MM-dd).</summary>
    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
