using System.Globalization;
using System.Text;
using Salient.Experiments.Claims;
using Salient.Output.Csv;

namespace Salient.Output.Claims;

/// <summary>
/// Writes the out-of-time backtest of <c>salient calibrate --evidence-until</c> into the calibration folder: backtest.csv,
/// one row per later claim with its value, the calibrated model's median and 90% interval, whether it falls inside,
/// and whether the interval is sharp.
/// </summary>
public static class BacktestExporter
{
    /// <summary>The CSV's file name inside the calibration folder.</summary>
    public const string CsvFileName = "backtest.csv";

    /// <summary>The header of backtest.csv (docs/outputs.md describes each column).</summary>
    public const string CsvHeader = "id,grade,scored,metric,kind,as_of_from,as_of_to,claim_low,claim_high,claim_date_low,claim_date_high,"
        + "model_p05,model_p50,model_p95,model_date_p05,model_date_p50,model_date_p95,happened,inside_90,width_90,sharp";

    /// <summary>Writes backtest.csv into <paramref name="dir"/> (a folder being written atomically).</summary>
    /// <param name="dir">The calibration output folder.</param>
    /// <param name="start">The calendar's first day (event claims are days from it).</param>
    /// <param name="rows">The later claims.</param>
    public static void Write(string dir, DateOnly start, IReadOnlyList<BacktestRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        static string N(double x) => CsvFormat.Number(x);
        static string Iso(DateOnly? d) => CsvFormat.Iso(d);
        // Typed columns as in check.csv: numbers for series and final claims, ISO dates for events (claim_date_*, model_date_*).
        string D(double x) => CsvFormat.Date(start, x);
        var sb = new StringBuilder(CsvHeader + "\n");
        foreach (var r in rows)
        {
            var o = r.Outcome;
            var k = o.Claim.Kind;
            bool ev = k == ClaimKind.Event;
            string Num(double x) => ev ? "" : N(x);
            string Day(double x) => ev ? D(x) : "";
            sb.Append(CultureInfo.InvariantCulture,
                $"{r.Entry.Id},{r.Entry.Reliability},{B(CoverageScoring.Scored(r.Entry))},{r.Entry.Metric},{CoverageScoring.KindName(k)},{Iso(r.Entry.AsOfStart)},{Iso(r.Entry.AsOfEnd)},");
            sb.Append(CultureInfo.InvariantCulture,
                $"{Num(o.Claim.Low)},{Num(o.Claim.High)},{Day(o.Claim.Low)},{Day(o.Claim.High)},{Num(o.P05)},{Num(o.P50)},{Num(o.P95)},{Day(o.P05)},{Day(o.P50)},{Day(o.P95)},{N(o.Happened)},{B(o.WithinNinety)},{N(CoverageScoring.Width(o))},{B(r.Sharp)}\n");
        }
        File.WriteAllText(Path.Combine(dir, CsvFileName), sb.ToString(), new UTF8Encoding(false));
    }

    private static string B(bool b) => b ? "true" : "false";
}
