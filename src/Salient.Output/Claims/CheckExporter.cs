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
        var csv = new StringBuilder("id,grade,weight,metric,as_of,claim_low,claim_high,model_p05,model_p50,model_p95,happened,percentile,within_90,implied_parameter,implied_multiplier,implied_value,implied_beyond_grid,implied_closest_median,scored,interval_width,sharp\n");
        var rows = new List<object>();
        foreach (var r in resolved)
        {
            var o = outcomes.FirstOrDefault(x => x.Claim == r.Claim);
            ImpliedValue? v = r.Claim is not null && implied.TryGetValue(r.Claim, out var found) ? found : null;
            if (o is not null)
                csv.Append(CultureInfo.InvariantCulture, $"{r.Entry.Id},{r.Entry.Reliability},{N(o.Claim.Weight)},{r.Entry.Metric},\"{r.Entry.AsOfText}\",{N(o.Claim.Low)},{N(o.Claim.High)},{N(o.P05)},{N(o.P50)},{N(o.P95)},{N(o.Happened)},{N(o.Percentile)},{(o.WithinNinety ? "true" : "false")},{v?.Path},{(v?.Multiplier is { } m ? N(m) : "")},{(v?.Value is { } val ? N(val) : "")},{(v is null || !v.Applicable ? "" : v.Bound.ToString(CultureInfo.InvariantCulture))},{(v is null ? "" : N(v.Reached))},{B(CoverageScoring.Scored(r.Entry))},{N(CoverageScoring.Width(o))},{B(CoverageScoring.IsSharp(o))}\n");
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
