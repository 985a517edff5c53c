using Salient.Engine.Compilation;
using Salient.Scenario.Evidence;
using Salient.Scenario.Model;

namespace Salient.Experiments.Claims;

/// <summary>An evidence entry and the claim it resolves to, or why it does not resolve.</summary>
/// <param name="Entry">The ledger entry.</param>
/// <param name="Claim">The resolved claim, or null when the model cannot be compared with it.</param>
/// <param name="Note">Why the entry was not resolved, when it was not.</param>
public sealed record ResolvedClaim(EvidenceEntry Entry, Claim? Claim, string Note);

/// <summary>
/// Resolves evidence entries to claims a scenario's outputs can be set against: a number about a daily series
/// (<c>control.area_km2.blue</c>, <c>casualties.total.red</c>) on a day or over a window, and the date of a capture
/// (<c>event.capture.&lt;place&gt;.&lt;side&gt;</c>). Each claim is weighted by its NATO/Admiralty grade.
/// </summary>
public static class EvidenceClaims
{
    /// <summary>Every entry of <paramref name="ledger"/>, resolved against <paramref name="scenario"/>'s layout where possible.</summary>
    public static IReadOnlyList<ResolvedClaim> Resolve(EvidenceLedger ledger, CompiledScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(scenario);
        var model = scenario.Model;
        int listed = model.Theatre.Cells.Sum(c => c.Settlements.Length);
        string[] sides = [.. model.Sides.Select(s => s.Id)];
        return [.. ledger.Entries.Select(e => Resolve(e, scenario.Layout, model.Calendar, place => CellOfPlace(model.Theatre, place), sides, listed))];
    }

    private const string SettlementsPrefix = "control.settlements.";

    /// <summary>Days between a final-total claim's date and the run's last day within which the two are compared.</summary>
    public const int FinalSlackDays = 7;

    /// <summary>The claims that resolved, in ledger order.</summary>
    public static IReadOnlyList<Claim> Comparable(IEnumerable<ResolvedClaim> resolved) =>
        [.. resolved.Where(r => r.Claim is not null).Select(r => r.Claim!)];

    /// <summary>
    /// Resolves one entry; <paramref name="cellOfPlace"/> maps a settlement or cell id to its cell id and
    /// <paramref name="sides"/> are the scenario's side ids (<see cref="ClaimAliases.Canonical"/>). A count of
    /// settlements held (<c>control.settlements.*</c>) above <paramref name="settlementsListed"/>, the number of
    /// settlements the scenario's gazetteer lists, is not comparable: such a claim counts villages the model does not
    /// know, so its count can never reach it.
    /// </summary>
    public static ResolvedClaim Resolve(EvidenceEntry entry, MetricLayout layout, Calendar calendar, Func<string, string?> cellOfPlace, IReadOnlyCollection<string> sides, int settlementsListed = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(cellOfPlace);
        double weight = Weight(entry.Reliability);
        string name = ClaimAliases.Canonical(entry.Metric, sides); // the ledger's words for a metric (casualties.kia.X, ...)
        int series = layout.SeriesIndex(name);
        if (series >= 0)
        {
            if (!entry.IsNumeric) return new(entry, null, "the value is not a number");
            if (entry.AsOfStart is not { } from || entry.AsOfEnd is not { } to) return new(entry, null, "the date is not readable");
            if (to < calendar.Start || from > calendar.End) return new(entry, null, "the date is outside the run");
            if (name.StartsWith(SettlementsPrefix, StringComparison.Ordinal) && entry.Low!.Value > settlementsListed)
                return new(entry, null, $"it counts more settlements than the scenario's gazetteer lists ({settlementsListed}), so the model cannot represent it");
            int a = calendar.DayIndex(from < calendar.Start ? calendar.Start : from);
            int b = calendar.DayIndex(to > calendar.End ? calendar.End : to);
            return new(entry, new Claim(entry.Id, entry.Metric, ClaimKind.Series, series, a, b, entry.Low!.Value, entry.High!.Value, weight), "");
        }
        int final = layout.MetricIndex(name);
        if (final >= 0 && layout.Metrics[final].Kind == MetricKind.Value)
        {
            if (!entry.IsNumeric) return new(entry, null, "the value is not a number");
            if (entry.AsOfEnd is not { } end || Math.Abs(end.DayNumber - calendar.End.DayNumber) > FinalSlackDays)
                return new(entry, null, $"the model records only the total at the run's end ({calendar.End:yyyy-MM-dd}), not on the claim's date");
            return new(entry, new Claim(entry.Id, entry.Metric, ClaimKind.Final, final, 0, 0, entry.Low!.Value, entry.High!.Value, weight), "");
        }
        var subject = ClaimSubject.Parse(entry.Metric);
        if (subject.Topic != ClaimTopic.Capture)
            return new(entry, null, "not an outcome the model reports");
        if (subject.Side.Length == 0) return new(entry, null, "no side in the metric");
        int metric = layout.MetricIndex(MetricNames.CaptureDay(cellOfPlace(subject.Detail) ?? subject.Detail, subject.Side));
        if (metric < 0) return new(entry, null, "the model does not record this capture");
        if (!entry.IsDate) return new(entry, null, "the value is not a date");
        return new(entry, new Claim(entry.Id, entry.Metric, ClaimKind.Event, metric, 0, 0,
            calendar.DayIndex(entry.DateFrom!.Value), calendar.DayIndex(entry.DateTo!.Value), weight), "");
    }

    /// <summary>
    /// The weight of a claim with NATO/Admiralty grade <paramref name="grade"/> (source reliability A-F, information
    /// credibility 1-6): the product of the two factors below, so a B2 claim counts 0.8 x 0.8 = 0.64 and an F4 party claim
    /// relayed by an unsourced text 0.05 x 0.4 = 0.02. Ungraded entries weigh 0. In a fit the weight is the credence that
    /// the claim is accurate (<see cref="ClaimDistance"/>): a doubtful claim's influence is bounded however far off it is.
    /// </summary>
    /// <remarks>Assumption: the factors are a monotone scoring of the grade scale, not estimated probabilities. Source F
    /// ("cannot be judged") weighs half of E ("unreliable"); credibility 6 ("cannot be judged") weighs more than 5
    /// ("improbable"), since unknown is not false.</remarks>
    public static double Weight(string grade)
    {
        if (string.IsNullOrEmpty(grade) || grade.Length < 2) return 0;
        double reliability = char.ToUpperInvariant(grade[0]) switch
        {
            'A' => 1.0, 'B' => 0.8, 'C' => 0.6, 'D' => 0.3, 'E' => 0.1, 'F' => 0.05, _ => 0,
        };
        double credibility = grade[1] switch
        {
            '1' => 1.0, '2' => 0.8, '3' => 0.6, '4' => 0.4, '5' => 0.1, '6' => 0.2, _ => 0,
        };
        return reliability * credibility;
    }

    private static string? CellOfPlace(Theatre theatre, string place) =>
        theatre.Cells.FirstOrDefault(c => c.Id == place)?.Id ?? theatre.Cells.FirstOrDefault(c => c.Settlements.Contains(place))?.Id;
}
