using Salient.Scenario.Evidence;

namespace Salient.Experiments.Claims;

/// <summary>One later claim of an out-of-time backtest against the calibrated model's predictive distribution.</summary>
/// <param name="Entry">The ledger entry.</param>
/// <param name="Outcome">The claim set against the calibrated model's replications: median, 90% interval, whether inside.</param>
/// <param name="Sharp">Whether that 90% interval is sharp (<see cref="CoverageScoring.IsSharp"/>).</param>
public sealed record BacktestRow(EvidenceEntry Entry, ClaimOutcome Outcome, bool Sharp);

/// <summary>
/// The out-of-time split of <c>salient calibrate --evidence-until DATE</c>: the claims dated on or before DATE are fitted,
/// the later ones are held out and then set against the calibrated model's replications.
/// </summary>
public static class Backtest
{
    /// <summary>
    /// A claim's date: the end of its <c>as_of</c> window (when the claim describes the world), or for an undated
    /// event claim the end of its value's date; null when it has neither.
    /// </summary>
    public static DateOnly? DateOf(EvidenceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.AsOfEnd ?? entry.DateTo;
    }

    /// <summary>
    /// The resolved claims fitted (dated on or before <paramref name="until"/>) and held out (dated later). Claims without a
    /// date are fitted: they cannot be placed after the cut, so they are treated as known before it.
    /// </summary>
    public static (IReadOnlyList<ResolvedClaim> Fit, IReadOnlyList<ResolvedClaim> Later) Split(IReadOnlyList<ResolvedClaim> resolved, DateOnly until)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var fit = new List<ResolvedClaim>();
        var later = new List<ResolvedClaim>();
        foreach (var r in resolved)
            (DateOf(r.Entry) is { } d && d > until ? later : fit).Add(r);
        return (fit, later);
    }

    /// <summary>The backtest rows of the held-out claims from their outcomes against the calibrated model, in ledger order.</summary>
    public static IReadOnlyList<BacktestRow> Rows(IReadOnlyList<ResolvedClaim> later, IReadOnlyList<ClaimOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(outcomes);
        return [.. outcomes.Select(o => new BacktestRow(later.First(r => r.Claim == o.Claim).Entry, o, CoverageScoring.IsSharp(o)))];
    }
}
