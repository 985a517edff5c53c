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

    /// <summary>Writes backtest.csv into <paramref name="dir"/> (a folder being written atomically).</summary>
    /// <param name="dir">The calibration output folder.</param>
    /// <param name="start">The calendar's first day (event claims are days from it).</param>
    /// <param name="rows">The later claims.</param>
    public static void Write(string dir, DateOnly start, IReadOnlyList<BacktestRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        static string N(double x) => CsvFormat.Number(x);
        string V(double x, ClaimKind kind) => kind == ClaimKind.Event
            ? (double.IsFinite(x) ? start.AddDays((int)Math.Round(x)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "") : N(x);
        var sb = new StringBuilder("id,grade,scored,metric,kind,as_of,claim_low,claim_high,model_p05,model_p50,model_p95,happened,inside_90,width_90,sharp\n");
        foreach (var r in rows)
        {
            var o = r.Outcome;
            var k = o.Claim.Kind;
            sb.Append(CultureInfo.InvariantCulture,
                $"{r.Entry.Id},{r.Entry.Reliability},{B(CoverageScoring.Scored(r.Entry))},{r.Entry.Metric},{CoverageScoring.KindName(k)},\"{r.Entry.AsOfText}\",{V(o.Claim.Low, k)},{V(o.Claim.High, k)},{V(o.P05, k)},{V(o.P50, k)},{V(o.P95, k)},{N(o.Happened)},{B(o.WithinNinety)},{N(CoverageScoring.Width(o))},{B(r.Sharp)}\n");
        }
        File.WriteAllText(Path.Combine(dir, CsvFileName), sb.ToString(), new UTF8Encoding(false));
    }

    private static string B(bool b) => b ? "true" : "false";
}
