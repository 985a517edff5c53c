using Salient.Engine.Compilation;
using Salient.Experiments.Claims;
using Salient.Output.Html;
using Salient.Output.Parquet;
using Salient.Scenario.Evidence;
using Salient.Scenario.Model;

namespace Salient.Output.Claims;

/// <summary>One evidence entry set against the model.</summary>
/// <param name="Entry">The claim.</param>
/// <param name="Date">The day compared (the end of the claim's <c>as_of</c> window), when compared with a daily series.</param>
/// <param name="ModelMetric">The model's metric or series compared, or null.</param>
/// <param name="P05">Model 5th percentile (daily series).</param>
/// <param name="P50">Model median (daily series).</param>
/// <param name="P95">Model 95th percentile (daily series).</param>
/// <param name="Probability">Probability of the event in the model (capture claims).</param>
/// <param name="DateP05">Model 5th percentile of the event date.</param>
/// <param name="DateP50">Model median event date.</param>
/// <param name="DateP95">Model 95th percentile of the event date.</param>
/// <param name="Fit">Where the claim falls against the model's 90% interval.</param>
/// <param name="Note">Why the entry was not compared, when it was not.</param>
/// <param name="Outcome">The claim set against every replication (what <c>salient check</c> prints and writes), when the run's
/// replications were read; null for a row compared only with summary.json's daily bands, or not compared.</param>
public sealed record ClaimRow(
    EvidenceEntry Entry,
    DateOnly? Date,
    string? ModelMetric,
    double? P05,
    double? P50,
    double? P95,
    double? Probability,
    DateOnly? DateP05,
    DateOnly? DateP50,
    DateOnly? DateP95,
    ClaimFit Fit,
    string Note,
    ClaimOutcome? Outcome = null)
{
    /// <summary>True when the model gave a figure to compare with.</summary>
    public bool Compared => ModelMetric is not null;
}

/// <summary>
/// Sets each evidence entry against the model: a numeric claim about a daily series (ground held, cumulative
/// casualties) against the series' median and 90% interval on the claim's date; a dated capture claim
/// (<c>event.capture.&lt;place&gt;.&lt;side&gt;</c>) against the model's capture-date distribution over every
/// replication, a replication where the capture never happened counting as later than any date.
/// </summary>
/// <remarks>
/// The one computation behind the report's claims table, its findings and <c>salient check</c>: every claim the run's
/// replications can answer goes through <see cref="ClaimEvaluation"/>
/// exactly as check does, so the two cannot disagree (they once did, about a capture: the report read summary.json's
/// dates among the replications where it happened, check every replication).
/// </remarks>
public static class ClaimCheck
{
    /// <summary>
    /// Rows for every entry of the run's evidence, in ledger order. When the run folder holds replications.parquet,
    /// every claim is set against every replication exactly as <c>salient check</c> does (the series' largest value
    /// over the claim's window; final totals at the run's end; capture dates with "never" after every date); otherwise
    /// series claims against the daily bands on the window's last day and capture claims against replications.csv.
    /// </summary>
    public static IReadOnlyList<ClaimRow> Build(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (FromReplications(run) is not { } resolved) return [.. run.Evidence.Entries.Select(e => Check(run, e))];
        // With the replications, an entry check does not compare is not compared here either, with check's reason.
        return [.. resolved.Select(r => r.Outcome is { } o ? FromOutcome(r.Entry, o, run.Start) : NotCompared(r.Entry, r.Note))];
    }

    /// <summary>
    /// Every entry resolved as <c>salient check</c> resolves it, with the outcome of those that resolve; null without
    /// replications.parquet (or without evidence).
    /// </summary>
    private static List<(EvidenceEntry Entry, ClaimOutcome? Outcome, string Note)>? FromReplications(RunFolder run)
    {
        string path = Path.Combine(run.Directory, ReplicationParquetWriter.FileName);
        if (run.Evidence.Entries.IsEmpty || ReplicationParquetReader.ReadLayout(path) is not var (layout, start)) return null;
        var calendar = new Calendar(start, start.AddDays(layout.Days - 1), 24);
        string[] sides = SideIds(run);
        int listed = run.Cells.Sum(c => c.Settlements.Count);
        var resolved = run.Evidence.Entries
            .Select(e => EvidenceClaims.Resolve(e, layout, calendar, run.CellOfPlace, sides, listed))
            .ToList();
        var claims = EvidenceClaims.Comparable(resolved);
        IReadOnlyList<ClaimOutcome> outcomes = claims.Count == 0 ? [] : ClaimEvaluation.Evaluate(claims, new ReplicationParquetReader(path, layout), layout);
        var byClaim = new Dictionary<Claim, ClaimOutcome>();
        foreach (var o in outcomes) byClaim.TryAdd(o.Claim, o);
        return [.. resolved.Select(r => (r.Entry, r.Claim is { } c ? byClaim[c] : null, r.Note))];
    }

    private static ClaimRow FromOutcome(EvidenceEntry entry, ClaimOutcome o, DateOnly start)
    {
        if (o.Claim.Kind == ClaimKind.Event)
            return new ClaimRow(entry, null, o.Claim.Metric, null, null, null, o.Happened, Day(o.P05, start), Day(o.P50, start), Day(o.P95, start),
                FitOf(o), "", o);
        string note = o.Claim.Kind == ClaimKind.Final ? "the run's final total"
            : o.Claim.WindowFrom < o.Claim.WindowTo ? "the largest value over the claim's window" : "";
        return new ClaimRow(entry, entry.ReferenceDate, o.Claim.Metric, o.P05, o.P50, o.P95, null, null, null, null, o.Fit, note, o);
    }

    private static string[] SideIds(RunFolder run) => [.. run.Sides.Select(s => s.Id)];

    /// <summary>Where a claim falls: <see cref="ClaimFit.Never"/> for an event no replication produced, else the outcome's fit.</summary>
    public static ClaimFit FitOf(ClaimOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Claim.Kind == ClaimKind.Event && outcome.Happened == 0 ? ClaimFit.Never : outcome.Fit;
    }

    /// <summary>A day index as a date; null for a capture that did not happen (an infinite or NaN day).</summary>
    private static DateOnly? Day(double day, DateOnly start) => double.IsFinite(day) ? start.AddDays((int)Math.Round(day)) : null;

    /// <summary>One entry set against the model.</summary>
    public static ClaimRow Check(RunFolder run, EvidenceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(entry);
        string name = ClaimAliases.Canonical(entry.Metric, SideIds(run)); // the ledger's words for a metric (casualties.kia.X, ...)
        if (run.Band(name) is { } band)
        {
            if (!entry.IsNumeric) return NotCompared(entry, "the value is not a number");
            if (entry.ReferenceDate is not { } date) return NotCompared(entry, "the date is not readable");
            int i = band.IndexOf(date);
            if (i < 0) return NotCompared(entry, "the date is outside the run");
            double lo = band.P05[i], mid = band.P50[i], hi = band.P95[i];
            var fit = entry.High < lo ? ClaimFit.Below : entry.Low > hi ? ClaimFit.Above : ClaimFit.Inside;
            return new ClaimRow(entry, date, band.Name, lo, mid, hi, null, null, null, null, fit, "");
        }
        var subject = ClaimSubject.Parse(entry.Metric);
        if (subject.Topic == ClaimTopic.Capture)
        {
            if (subject.Side.Length == 0) return NotCompared(entry, "no side in the metric");
            string cell = run.CellOfPlace(subject.Detail) ?? subject.Detail;
            if (run.Metric(MetricNames.CaptureDay(cell, subject.Side)) is not { IsEvent: true } m) return NotCompared(entry, "the model does not record this capture");
            if (!entry.IsDate) return NotCompared(entry, "the value is not a date");
            if (run.Table.Has(m.Name) && run.Start != default)
            {
                // Without replications.parquet: the same evaluation over replications.csv's capture dates.
                var claim = new Claim(entry.Id, entry.Metric, ClaimKind.Event, 0, 0, 0,
                    entry.DateFrom!.Value.DayNumber - run.Start.DayNumber, entry.DateTo!.Value.DayNumber - run.Start.DayNumber, EvidenceClaims.Weight(entry.Reliability));
                double[] days = [.. run.Table.Dates(m.Name).Select(d => d is { } x ? x.DayNumber - run.Start.DayNumber : double.NaN)];
                return FromOutcome(entry, ClaimEvaluation.Evaluate(claim, days), run.Start) with { ModelMetric = m.Name };
            }
            ClaimFit fit = m.Probability is not > 0 ? ClaimFit.Never
                : m.DateP05 is { } p05 && entry.DateTo < p05 ? ClaimFit.Below
                : m.DateP95 is { } p95 && entry.DateFrom > p95 ? ClaimFit.Above
                : ClaimFit.Inside;
            return new ClaimRow(entry, null, m.Name, null, null, null, m.Probability, m.DateP05, m.DateP50, m.DateP95, fit, "");
        }
        return NotCompared(entry, run.Metric(name) is not null ? "compared only as a final total, in the charts" : "not an outcome the model reports");
    }

    private static ClaimRow NotCompared(EvidenceEntry entry, string why) =>
        new(entry, null, null, null, null, null, null, null, null, null, ClaimFit.NotCompared, why);
}
