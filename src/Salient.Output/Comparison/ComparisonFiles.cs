using System.Globalization;
using System.Text;
using System.Text.Json;
using Salient.Engine.Compilation;
using Salient.Experiments.Comparison;
using Salient.Output.Csv;
using Salient.Output.Html;

namespace Salient.Output.Comparison;

/// <summary>What <c>salient compare</c> found, as its files record it.</summary>
/// <remarks>Immutable.</remarks>
public sealed record ComparisonProduct(
    string ScenarioName, string ScenarioHash, string Title, ulong Seed, int Replications, DateOnly CalendarStart,
    IReadOnlyList<string> Variants, IReadOnlyList<(string Variant, MetricDifference Difference)> Rows, IReadOnlyList<string> Headline);

/// <summary>The exporter of <c>salient compare</c>'s product: compare.csv, compare.json and compare.html.</summary>
public static class ComparisonFiles
{
    /// <summary>The files written, in the order the command lists them.</summary>
    public static readonly IReadOnlyList<string> Names = ["compare.csv", "compare.json", "compare.html"];

    /// <summary>Writes the three files into <paramref name="dir"/> (a folder being written atomically).</summary>
    public static void Write(string dir, ComparisonProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        WriteCsv(Path.Combine(dir, "compare.csv"), product.Rows, product.CalendarStart);
        WriteJson(Path.Combine(dir, "compare.json"), product);
        ComparisonReport.Write(Path.Combine(dir, "compare.html"), product.Title, product.Variants, product.Rows, product.Headline, product.Replications, product.Seed);
    }

    private static void WriteCsv(string path, IReadOnlyList<(string Variant, MetricDifference Difference)> rows, DateOnly start)
    {
        var sb = new StringBuilder("variant,metric,kind,pairs,baseline_mean,variant_mean,difference,low,high,baseline_probability,variant_probability,baseline_date,variant_date\n");
        foreach (var (v, d) in rows)
            sb.Append(CultureInfo.InvariantCulture,
                $"{v},{d.Name},{(d.Kind == MetricKind.Day ? "days" : "value")},{d.Pairs},{CsvFormat.Number(d.BaselineMean)},{CsvFormat.Number(d.VariantMean)},{CsvFormat.Number(d.MeanDifference)},{CsvFormat.Number(d.Low)},{CsvFormat.Number(d.High)},{CsvFormat.Number(d.BaselineProbability)},{CsvFormat.Number(d.VariantProbability)},{IsoDate(d.Kind, d.BaselineMean, start)},{IsoDate(d.Kind, d.VariantMean, start)}\n");
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    /// <summary>A day metric's mean day index as the calendar date of the nearest whole day (ISO); empty for a value
    /// metric or when the event happened in no pair.</summary>
    private static string IsoDate(MetricKind kind, double meanDay, DateOnly start) =>
        kind == MetricKind.Day ? CsvFormat.Date(start, Math.Round(meanDay, MidpointRounding.AwayFromZero)) : "";

    private static void WriteJson(string path, ComparisonProduct product)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("scenario", product.ScenarioName);
        w.WriteString("hash", product.ScenarioHash);
        w.WriteNumber("seed", product.Seed);
        w.WriteNumber("replications", product.Replications);
        w.WriteString("confidence", "95% Student-t on paired differences (common random numbers)");
        w.WriteStartObject("variants");
        foreach (var group in product.Rows.GroupBy(r => r.Variant))
        {
            w.WriteStartObject(group.Key);
            foreach (var (_, d) in group)
            {
                w.WriteStartObject(d.Name);
                w.WriteNumber("pairs", d.Pairs);
                Num("baseline_mean", d.BaselineMean);
                Num("variant_mean", d.VariantMean);
                Num("difference", d.MeanDifference);
                Num("low", d.Low);
                Num("high", d.High);
                if (d.Kind == MetricKind.Day)
                {
                    Num("baseline_probability", d.BaselineProbability);
                    Num("variant_probability", d.VariantProbability);
                    Date("baseline_date", d.BaselineMean);
                    Date("variant_date", d.VariantMean);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();

        void Num(string name, double v)
        {
            if (double.IsFinite(v)) w.WriteNumber(name, Math.Round(v, 6)); else w.WriteNull(name);
        }

        void Date(string name, double meanDay)
        {
            if (double.IsFinite(meanDay)) w.WriteString(name, IsoDate(MetricKind.Day, meanDay, product.CalendarStart)); else w.WriteNull(name);
        }
    }
}
