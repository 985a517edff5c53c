using Salient.Engine.Compilation;

namespace Salient.Experiments.Claims;

/// <summary>What part of a replication's results a claim is about.</summary>
public enum ClaimKind
{
    /// <summary>A daily series (ground held, cumulative casualties): the claim is a number on a day or within a window of days.</summary>
    Series,
    /// <summary>An event metric (a capture): the claim is the day it happened, or a window of days.</summary>
    Event,
    /// <summary>A final per-replication total (losses of a system): the claim is compared with the run's last day.</summary>
    Final,
}

/// <summary>
/// A dated claim resolved against a scenario's metric layout, ready to be set against replications: the observable it
/// names, the claimed value (a number range, or a day range for events), the window it refers to, and its weight.
/// </summary>
/// <remarks>
/// Immutable. Days are indices from the calendar start. The observable of a series claim is the series' largest value
/// over the window <c>[WindowFrom, WindowTo]</c>: for a claim on one day that is the value on that day; for cumulative
/// series (casualties) it is the value at the window's end; for claims of a peak over a period ("the most ground ever
/// held") it is that peak. The observable of an event claim is the event's day (NaN when it did not happen); that of a
/// final claim, the replication's final total.
/// </remarks>
/// <param name="Id">The evidence entry's id.</param>
/// <param name="Metric">The series or event metric compared.</param>
/// <param name="Kind">Series or event.</param>
/// <param name="Index">Series index (<see cref="MetricLayout.Series"/>) or metric index (<see cref="MetricLayout.Metrics"/>).</param>
/// <param name="WindowFrom">First day of the series window.</param>
/// <param name="WindowTo">Last day of the series window.</param>
/// <param name="Low">Lowest claimed value (a day index for events).</param>
/// <param name="High">Highest claimed value (a day index for events).</param>
/// <param name="Weight">Weight in a fit, from the claim's reliability grade; 0 leaves it out.</param>
public sealed record Claim(string Id, string Metric, ClaimKind Kind, int Index, int WindowFrom, int WindowTo, double Low, double High, double Weight)
{
    /// <summary>What the claim is about (topic, side, detail), read from <see cref="Metric"/>.</summary>
    public ClaimSubject Subject => ClaimSubject.Parse(Metric);

    /// <summary>The claim's observable in one replication (see the type's remarks).</summary>
    public double Observe(ReadOnlySpan<double> metrics, ReadOnlySpan<float> daily, int days)
    {
        if (Kind != ClaimKind.Series) return metrics[Index];
        var series = daily.Slice(Index * days, days);
        double max = double.NegativeInfinity;
        for (int d = WindowFrom; d <= WindowTo; d++) max = Math.Max(max, series[d]);
        return max;
    }

    /// <summary>
    /// How far an observable lies from the claim, in the claim's own scale: 0 inside the claimed range; outside, the
    /// distance to it over a quarter of the claimed value (series: 25% off counts 1) or over 30 days (events: a month
    /// off counts 1). An event that never happened counts as if it happened the day after the calendar's end.
    /// </summary>
    public double Discrepancy(double observed, int days)
    {
        if (Kind == ClaimKind.Event)
        {
            double day = double.IsNaN(observed) ? days : observed;
            return (day < Low ? Low - day : day > High ? day - High : 0) / EventScaleDays;
        }
        double scale = Math.Max(RelativeScale * Math.Max(Math.Abs(Low), Math.Abs(High)), MinimumScale);
        return (observed < Low ? Low - observed : observed > High ? observed - High : 0) / scale;
    }

    /// <summary>Days off that count as one unit of discrepancy for an event claim.</summary>
    public const double EventScaleDays = 30;

    /// <summary>Share of the claimed value that counts as one unit of discrepancy for a series claim.</summary>
    public const double RelativeScale = 0.25;

    /// <summary>Smallest scale of a series claim, so a claim of zero (or near it) does not make every miss infinite.</summary>
    public const double MinimumScale = 25;
}

/// <summary>
/// Distance between a set of claims and one replication's results, under a contaminated error model: a claim with
/// weight p is taken to be accurate (its discrepancy e standard normal) with probability p and uninformative otherwise,
/// so it contributes rho_p(e) = -2 ln(p exp(-e^2/2) + 1 - p). A fully reliable claim (p = 1) contributes e^2; a
/// doubtful one can never contribute more than -2 ln(1 - p), however far the model is from it.
/// </summary>
public static class ClaimDistance
{
    /// <summary>sqrt(sum_i rho_{p_i}(e_i) / sum_i p_i) over the claims with positive weight; zero when every claim holds.</summary>
    public static double Of(IReadOnlyList<Claim> claims, ReadOnlySpan<double> metrics, ReadOnlySpan<float> daily, int days)
    {
        ArgumentNullException.ThrowIfNull(claims);
        double sum = 0, weights = 0;
        foreach (var c in claims)
        {
            if (c.Weight <= 0) continue;
            sum += Contribution(c.Weight, c.Discrepancy(c.Observe(metrics, daily, days), days));
            weights += c.Weight;
        }
        return weights > 0 ? Math.Sqrt(sum / weights) : 0;
    }

    /// <summary>rho_p(e) = -2 ln(p exp(-e^2/2) + 1 - p), computed without underflow for large e.</summary>
    public static double Contribution(double p, double e)
    {
        if (p >= 1) return e * e;
        double q = 1 - p;
        return -2 * (Math.Log(q) + Math.Log(1 + p / q * Math.Exp(-0.5 * e * e)));
    }
}
