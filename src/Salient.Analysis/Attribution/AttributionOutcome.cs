using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Scenario.Model;

namespace Salient.Analysis.Attribution;

/// <summary>How an attribution outcome is read.</summary>
public enum OutcomeKind
{
    /// <summary>A quantity (a final metric, or a daily series on a date).</summary>
    Value,
    /// <summary>The day an event happened, as a day index from the calendar start; replications where it did not happen count as the day after the end.</summary>
    Day,
    /// <summary>The probability that an event happened on or before a date (each replication 0 or 1).</summary>
    Probability,
}

/// <summary>
/// One outcome an attribution measures: a metric selector as <c>salient compare --metrics</c> takes it (a final metric,
/// or <c>series@yyyy-MM-dd</c>), or <c>event-metric&lt;=yyyy-MM-dd</c>, the probability that a day-kind event (a
/// capture) happened by that date. Event days that did not happen are censored at the day after the calendar's end.
/// </summary>
public sealed class AttributionOutcome
{
    private AttributionOutcome(string name, MetricSelector selector, OutcomeKind kind, int byDay)
    {
        Name = name;
        Selector = selector;
        Kind = kind;
        ByDay = byDay;
    }

    /// <summary>The outcome as written and reported.</summary>
    public string Name { get; }

    /// <summary>The metric it reads.</summary>
    public MetricSelector Selector { get; }

    /// <summary>How it is read.</summary>
    public OutcomeKind Kind { get; }

    /// <summary>For a probability, the last day index that counts; -1 otherwise.</summary>
    public int ByDay { get; }

    /// <summary>
    /// The outcomes of the comma-separated <paramref name="list"/>, or when it is null the metric selectors' defaults
    /// (casualties.total and control.area_km2 of each side). Errors name <paramref name="option"/>.
    /// </summary>
    public static IReadOnlyList<AttributionOutcome> Resolve(ScenarioModel model, string? list, string option)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (list is null) return [.. MetricSelector.Resolve(model, null, option).Select(s => new AttributionOutcome(s.Name, s, s.IsDay ? OutcomeKind.Day : OutcomeKind.Value, -1))];
        var compiled = new CompiledScenario(model);
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new MetricSelectorException($"{option}: the list of outcomes is empty");
        var result = new List<AttributionOutcome>();
        foreach (var name in names)
        {
            var outcome = Parse(name, compiled, option);
            if (result.Exists(o => o.Name == outcome.Name)) throw new MetricSelectorException($"{option}: '{outcome.Name}' is given more than once");
            result.Add(outcome);
        }
        return result;
    }

    private static AttributionOutcome Parse(string text, CompiledScenario compiled, string option)
    {
        int le = text.IndexOf("<=", StringComparison.Ordinal);
        try
        {
            if (le < 0)
            {
                var s = MetricSelector.Parse(text, compiled);
                return new AttributionOutcome(s.Name, s, s.IsDay ? OutcomeKind.Day : OutcomeKind.Value, -1);
            }
            var selector = MetricSelector.Parse(text[..le], compiled);
            var calendar = compiled.Model.Calendar;
            string dateText = text[(le + 2)..].Trim();
            if (!selector.IsDay)
                throw new MetricSelectorException($"'{text}': '{selector.Name}' is not an event day (a capture), so it has no probability by a date");
            if (!DateOnly.TryParseExact(dateText, MetricSelector.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new MetricSelectorException($"'{text}': '{dateText}' is not a date; write it as YYYY-MM-DD");
            if (!calendar.Contains(date))
                throw new MetricSelectorException($"'{text}': {MetricSelector.Format(date)} is outside the scenario's calendar, {MetricSelector.Format(calendar.Start)} to {MetricSelector.Format(calendar.End)}");
            return new AttributionOutcome($"{selector.Name}<={MetricSelector.Format(date)}", selector, OutcomeKind.Probability, calendar.DayIndex(date));
        }
        catch (MetricSelectorException ex)
        {
            throw new MetricSelectorException($"{option}: {ex.Message}");
        }
    }

    /// <summary>The outcome's value in each replication of <paramref name="result"/>: the quantity, the censored event day, or 0/1.</summary>
    public double[] Column(MonteCarloResult result)
    {
        var (values, _) = Selector.CensoredColumn(result);
        if (Kind != OutcomeKind.Probability) return values;
        for (int i = 0; i < values.Length; i++) values[i] = values[i] <= ByDay ? 1 : 0;
        return values;
    }

    /// <summary>A value of this outcome as shown in tables: a date for event days, a share for probabilities, else a number.</summary>
    public string Format(double value) => Kind switch
    {
        OutcomeKind.Day => Selector.FormatDay(value),
        OutcomeKind.Probability => double.IsFinite(value) ? value.ToString("P0", CultureInfo.InvariantCulture) : "-",
        _ => double.IsFinite(value) ? value.ToString("#,0.##", CultureInfo.InvariantCulture) : "-",
    };

    /// <summary>A difference of this outcome as shown in tables: days, percentage points, or a signed number.</summary>
    public string FormatDifference(double value) => !double.IsFinite(value) ? "-" : Kind switch
    {
        OutcomeKind.Day => value.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture) + " d",
        OutcomeKind.Probability => (100 * value).ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture) + " pp",
        _ => value.ToString("+#,0.##;-#,0.##;0", CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    public override string ToString() => Name;
}
