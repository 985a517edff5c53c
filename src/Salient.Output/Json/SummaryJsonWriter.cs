using System.Globalization;
using System.Text.Json;
using Salient.Engine.Compilation;
using Salient.Experiments.Statistics;

namespace Salient.Output.Json;

/// <summary>
/// Writes summary.json: scenario name and hash, seed, replications, every metric's mean and percentiles, and the
/// daily bands. Dates are ISO strings; event metrics (capture, cleared) give the probability the event happened and
/// the date percentiles among the replications where it did. The content depends only on the inputs, so two runs of
/// the same scenario and seed produce identical bytes.
/// </summary>
public static class SummaryJsonWriter
{
    /// <summary>The summary.json format version.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes <paramref name="summary"/> to <paramref name="path"/>.</summary>
    public static void Write(RunSummary summary, string path)
    {
        using var stream = File.Create(path);
        Write(summary, stream);
    }

    /// <summary>Writes <paramref name="summary"/> as indented UTF-8 JSON.</summary>
    public static void Write(RunSummary summary, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("format", FormatVersion);
        w.WriteStartObject("scenario");
        w.WriteString("name", summary.ScenarioName);
        w.WriteString("hash", summary.ScenarioHash);
        if (summary.Variant is null) w.WriteNull("variant"); else w.WriteString("variant", summary.Variant);
        // Only when stale, so the summary of a scenario whose calibration fits it is unchanged (docs/outputs.md).
        if (summary.StaleCalibration is { } stale)
        {
            w.WriteBoolean("calibration_stale", true);
            w.WriteString("calibration_file", stale.File);
            w.WriteString("calibration_fitted_hash", stale.FittedHash);
            w.WriteString("calibration_current_hash", stale.CurrentHash);
        }
        w.WriteEndObject();
        w.WriteString("engine", EngineInfo.Version);
        w.WriteString("rng", EngineInfo.RngAlgorithm);
        w.WriteNumber("seed", summary.Seed);
        w.WriteNumber("replications", summary.Replications);

        w.WriteStartObject("metrics");
        foreach (var m in summary.Metrics)
        {
            w.WriteStartObject(m.Name);
            if (m.Kind == MetricKind.Day)
            {
                Number(w, "probability", m.Probability);
                DateValue(w, "mean", summary.Start, m.Mean);
                DateValue(w, "p05", summary.Start, m.P05);
                DateValue(w, "p50", summary.Start, m.P50);
                DateValue(w, "p95", summary.Start, m.P95);
            }
            else
            {
                Number(w, "mean", m.Mean);
                Number(w, "p05", m.P05);
                Number(w, "p50", m.P50);
                Number(w, "p95", m.P95);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();

        w.WriteStartObject("daily");
        foreach (var band in summary.Daily)
        {
            w.WriteStartArray(band.Name);
            for (int d = 0; d < band.P50.Length; d++)
            {
                w.WriteStartObject();
                w.WriteString("date", summary.Start.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Number(w, "p05", band.P05[d]);
                Number(w, "p25", band.P25[d]);
                Number(w, "p50", band.P50[d]);
                Number(w, "p75", band.P75[d]);
                Number(w, "p95", band.P95[d]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, Math.Round(value, 6));
        else w.WriteNull(name);
    }

    private static void DateValue(Utf8JsonWriter w, string name, DateOnly start, double day)
    {
        if (double.IsFinite(day)) w.WriteString(name, start.AddDays((int)Math.Round(day)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else w.WriteNull(name);
    }
}
