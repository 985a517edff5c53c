using System.Globalization;
using System.Text;
using System.Text.Json;
using Salient.Experiments.Claims;
using Salient.Output.Csv;
using Salient.Output.Files;

namespace Salient.Output.Claims;

/// <summary>
/// Writes what <c>salient check</c> found into the run folder: check.csv (one row per claim set against the model) and
/// check.json (every ledger entry, compared or not, with the reason), each atomically.
/// </summary>
public static class CheckExporter
{
    /// <summary>The CSV's file name inside a run folder.</summary>
    public const string CsvFileName = "check.csv";

    /// <summary>The JSON's file name inside a run folder.</summary>
    public const string JsonFileName = "check.json";

    /// <summary>The header of check.csv (docs/outputs.md describes each column).</summary>
    public const string CsvHeader = "id,grade,weight,metric,kind,as_of_from,as_of_to,claim_low,claim_high,claim_date_low,claim_date_high,"
        + "model_p05,model_p50,model_p95,model_date_p05,model_date_p50,model_date_p95,happened,percentile,within_90,"
        + "implied_parameter,implied_multiplier,implied_value,implied_beyond_grid,implied_closest_median,implied_closest_median_date,scored,interval_width,sharp";

    /// <summary>Writes check.csv and check.json into <paramref name="dir"/>.</summary>
    /// <param name="dir">The run folder.</param>
    /// <param name="start">The calendar's first day (event claims are days from it).</param>
    /// <param name="resolved">Every ledger entry, resolved or not, in ledger order.</param>
    /// <param name="outcomes">The outcomes of the resolved claims.</param>
    /// <param name="implied">The implied parameter value of each claim that has one.</param>
    public static void Write(string dir, DateOnly start, IReadOnlyList<ResolvedClaim> resolved, IReadOnlyList<ClaimOutcome> outcomes, IReadOnlyDictionary<Claim, ImpliedValue> implied)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(implied);
        static string N(double x) => CsvFormat.Number(x);
        string D(double day) => CsvFormat.Date(start, day);
        static string Iso(DateOnly? d) => CsvFormat.Iso(d);
        // Typed columns: a number column holds only numbers, a date column only ISO dates; an event claim fills the
        // date columns (claim_date_*, model_date_*), a series or final claim the number columns; empty is missing.
        var csv = new StringBuilder(CsvHeader + "\n");
        var rows = new List<object>();
        foreach (var r in resolved)
        {
            var o = outcomes.FirstOrDefault(x => x.Claim == r.Claim);
            ImpliedValue? v = r.Claim is not null && implied.TryGetValue(r.Claim, out var found) ? found : null;
            if (o is not null)
            {
                bool ev = o.Claim.Kind == ClaimKind.Event;
                string Num(double x) => ev ? "" : N(x);
                string Day(double x) => ev ? D(x) : "";
                csv.Append(CultureInfo.InvariantCulture, $"{r.Entry.Id},{r.Entry.Reliability},{N(o.Claim.Weight)},{r.Entry.Metric},{o.Claim.Kind.ToString().ToLowerInvariant()},{Iso(r.Entry.AsOfStart)},{Iso(r.Entry.AsOfEnd)},");
                csv.Append(CultureInfo.InvariantCulture, $"{Num(o.Claim.Low)},{Num(o.Claim.High)},{Day(o.Claim.Low)},{Day(o.Claim.High)},{Num(o.P05)},{Num(o.P50)},{Num(o.P95)},{Day(o.P05)},{Day(o.P50)},{Day(o.P95)},");
                csv.Append(CultureInfo.InvariantCulture, $"{N(o.Happened)},{N(o.Percentile)},{B(o.WithinNinety)},{v?.Path},{(v?.Multiplier is { } m ? N(m) : "")},{(v?.Value is { } val ? N(val) : "")},{(v is null || !v.Applicable ? "" : v.Bound.ToString(CultureInfo.InvariantCulture))},");
                csv.Append(CultureInfo.InvariantCulture, $"{(v is null ? "" : Num(v.Reached))},{(v is null ? "" : Day(v.Reached))},{B(CoverageScoring.Scored(r.Entry))},{N(CoverageScoring.Width(o))},{B(CoverageScoring.IsSharp(o))}\n");
            }
            rows.Add(new
            {
                id = r.Entry.Id, grade = r.Entry.Reliability, metric = r.Entry.Metric, as_of = r.Entry.AsOfText, value = r.Entry.ValueText,
                compared = o is not null, note = r.Note,
                model = o is null ? null : new
                {
                    kind = o.Claim.Kind.ToString().ToLowerInvariant(),
                    p05 = Json(o.P05, o.Claim.Kind, start), p50 = Json(o.P50, o.Claim.Kind, start), p95 = Json(o.P95, o.Claim.Kind, start),
                    happened = o.Happened, percentile = Math.Round(o.Percentile, 2), within_90 = o.WithinNinety,
                    width_90 = double.IsFinite(CoverageScoring.Width(o)) ? CoverageScoring.Width(o) : (double?)null, sharp = CoverageScoring.IsSharp(o),
                    scored = CoverageScoring.Scored(r.Entry),
                },
                implied = v is null ? null : new { parameter = v.Path, applicable = v.Applicable, baseline = v.Baseline, multiplier = v.Multiplier, value = v.Value, beyond_grid = v.Bound, closest_median = v.Reached },
            });
        }
        AtomicFile.WriteAllText(Path.Combine(dir, CsvFileName), csv.ToString());
        AtomicFile.WriteAllText(Path.Combine(dir, JsonFileName), JsonSerializer.Serialize(new
        {
            note = "Each claim against the model's replications: plausibility under the model's assumptions, not truth. Series claims compare the series' largest value over the claim's as_of window; event claims the event's day.",
            score = new
            {
                note = $"A-C graded claims: the share inside the model's 90% interval (coverage), and the share inside an interval that is also sharp (width at most the claimed value for areas and counts, at most {CoverageScoring.SharpEventDays:0} days for dates).",
                groups = Score(resolved, outcomes).Select(g => new
                {
                    group = g.Group, claims = g.Claims, inside = g.Inside, sharp = g.Sharp, inside_and_sharp = g.InsideAndSharp,
                    coverage = double.IsFinite(g.Coverage) ? g.Coverage : (double?)null, sharp_coverage = double.IsFinite(g.SharpCoverage) ? g.SharpCoverage : (double?)null,
                }),
            },
            claims = rows,
        }, Indented) + "\n");
    }

    /// <summary>The coverage and sharpness score of the compared claims (<see cref="CoverageScoring.Score"/>).</summary>
    public static IReadOnlyList<CoverageScore> Score(IReadOnlyList<ResolvedClaim> resolved, IReadOnlyList<ClaimOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(outcomes);
        return CoverageScoring.Score(outcomes.Select(o => (resolved.First(r => r.Claim == o.Claim).Entry, o)));
    }

    private static string B(bool b) => b ? "true" : "false";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>A model figure in check.json: an ISO date for event claims, a number otherwise; null when not finite.</summary>
    private static object? Json(double x, ClaimKind kind, DateOnly start) =>
        kind == ClaimKind.Event ? (double.IsFinite(x) ? start.AddDays((int)Math.Round(x)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null) : (double.IsFinite(x) ? x : null);
}
