using System.Globalization;
using Salient.Experiments.Claims;

namespace Salient.Output.Claims;

/// <summary>
/// The words for a claim set against the model, shared by <c>salient check</c>'s table and report.html's claims table,
/// so the two print the same figure for the same claim.
/// </summary>
public static class ClaimText
{
    /// <summary>The claimed value: a number or range (<c>1,200..1,400</c>), or a date or date range for an event.</summary>
    public static string Claimed(Claim claim, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Kind == ClaimKind.Event) return claim.Low == claim.High ? Day(claim.Low, start) : $"{Day(claim.Low, start)}..{Day(claim.High, start)}";
        return claim.Low == claim.High ? Number(claim.Low) : $"{Number(claim.Low)}..{Number(claim.High)}";
    }

    /// <summary>
    /// The model's median and 90% interval: <c>1,090 [1,013, 1,173]</c>; for an event its date quantiles over every
    /// replication ("never" past the last that happened) and the share in which it happened:
    /// <c>never [2025-03-22, never] (23% happen)</c>.
    /// </summary>
    public static string Model(ClaimOutcome outcome, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Claim.Kind == ClaimKind.Event
            ? string.Create(CultureInfo.InvariantCulture, $"{Day(outcome.P50, start)} [{Day(outcome.P05, start)}, {Day(outcome.P95, start)}] ({outcome.Happened:P0} happen)")
            : string.Create(CultureInfo.InvariantCulture, $"{outcome.P50:#,0} [{outcome.P05:#,0}, {outcome.P95:#,0}]");
    }

    /// <summary>The verdict in words: plausible, below or above the 90% interval, or never in the model.</summary>
    public static string Verdict(ClaimOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Claim.Kind == ClaimKind.Event && outcome.Happened == 0 ? "never in the model"
            : outcome.WithinNinety ? "plausible"
            : outcome.Percentile < 5 ? "below the 90% interval" : "above the 90% interval";
    }

    /// <summary>A day index from <paramref name="start"/> as an ISO date; "never" when it is not finite.</summary>
    public static string Day(double day, DateOnly start) =>
        double.IsFinite(day) ? start.AddDays((int)Math.Round(day)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never";

    private static string Number(double x) => x.ToString("#,0.##", CultureInfo.InvariantCulture);
}
