using Salient.Scenario.Evidence;

namespace Salient.Experiments.Claims;

/// <summary>
/// How well a run's 90% intervals cover a group of claims and how sharp they are: the share of claims inside the
/// model's 90% interval (<see cref="ClaimOutcome.WithinNinety"/>), and the share that are inside and also sharp
/// (<see cref="CoverageScoring.IsSharp"/>).
/// </summary>
/// <param name="Group">"all", or a claim kind: "series" (areas and counts on a date), "event" (dates), "final" (totals at the run's end).</param>
/// <param name="Claims">Claims scored.</param>
/// <param name="Inside">Of them, inside the 90% interval.</param>
/// <param name="Sharp">Of them, with a sharp 90% interval (inside or not).</param>
/// <param name="InsideAndSharp">Of them, inside a sharp 90% interval.</param>
public sealed record CoverageScore(string Group, int Claims, int Inside, int Sharp, int InsideAndSharp)
{
    /// <summary>Inside / claims (NaN for no claims).</summary>
    public double Coverage => Claims > 0 ? (double)Inside / Claims : double.NaN;

    /// <summary>Inside and sharp / claims (NaN for no claims).</summary>
    public double SharpCoverage => Claims > 0 ? (double)InsideAndSharp / Claims : double.NaN;
}

/// <summary>
/// The coverage and sharpness score of <c>salient check</c>, over the ledger's A-C graded claims (source reliability A,
/// B or C: the claims a calibration is judged on). A 90% interval is sharp when its width (95th minus 5th percentile)
/// is at most the claimed value for areas and counts (the centre of a claimed range), or at most
/// <see cref="SharpEventDays"/> days for dates; an event that does not happen in some replications has an unbounded
/// interval, never sharp.
/// </summary>
public static class CoverageScoring
{
    /// <summary>The widest sharp 90% interval of a date, in days.</summary>
    public const double SharpEventDays = 30;

    /// <summary>Whether an entry's grade counts in the score: source reliability A, B or C.</summary>
    public static bool Scored(EvidenceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.SourceGrade is 'A' or 'B' or 'C';
    }

    /// <summary>The width of the model's 90% interval for the claim (days for events).</summary>
    public static double Width(ClaimOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.P95 - outcome.P05;
    }

    /// <summary>Whether the model's 90% interval for the claim is sharp (see the type's remarks).</summary>
    public static bool IsSharp(ClaimOutcome outcome)
    {
        double width = Width(outcome);
        if (!double.IsFinite(width)) return false;
        return outcome.Claim.Kind == ClaimKind.Event ? width <= SharpEventDays : width <= Math.Abs((outcome.Claim.Low + outcome.Claim.High) / 2);
    }

    /// <summary>The kind's name in scores and files.</summary>
    public static string KindName(ClaimKind kind) => kind switch { ClaimKind.Event => "event", ClaimKind.Final => "final", _ => "series" };

    /// <summary>The score over every A-C graded claim of <paramref name="scored"/>, then per claim kind present (series, event, final).</summary>
    public static IReadOnlyList<CoverageScore> Score(IEnumerable<(EvidenceEntry Entry, ClaimOutcome Outcome)> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var list = scored.Where(s => Scored(s.Entry)).Select(s => s.Outcome).ToList();
        var result = new List<CoverageScore> { Of("all", list) };
        foreach (var kind in new[] { ClaimKind.Series, ClaimKind.Event, ClaimKind.Final })
        {
            var group = list.Where(o => o.Claim.Kind == kind).ToList();
            if (group.Count > 0) result.Add(Of(KindName(kind), group));
        }
        return result;
    }

    private static CoverageScore Of(string group, List<ClaimOutcome> outcomes) =>
        new(group, outcomes.Count, outcomes.Count(o => o.WithinNinety), outcomes.Count(IsSharp), outcomes.Count(o => o.WithinNinety && IsSharp(o)));
}
