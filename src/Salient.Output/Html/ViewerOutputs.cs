using Salient.Experiments.Runner;
using Salient.Output.GeoJson;

namespace Salient.Output.Html;

/// <summary>
/// The run outputs the report and the viewer read besides summary.json and the CSVs: the map data
/// (cells.geojson, control.json, front.geojson), run.json, and a copy of the scenario's evidence ledger, so that a
/// run folder is self-contained.
/// </summary>
public static class ViewerOutputs
{
    /// <summary>
    /// Writes them into <paramref name="dir"/>; <paramref name="scenarioPath"/> is the scenario folder or file (its
    /// evidence.yaml is copied when present). With <paramref name="dailyMaps"/>, also the per-day maps (maps/).
    /// </summary>
    public static void Write(MonteCarloResult result, string? scenarioPath, string dir, bool dailyMaps = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        MapWriter.WriteAll(result, dir, dailyMaps);
        string? evidence = FindEvidence(scenarioPath);
        // Copied by content, not File.Copy, so the run folder does not inherit a read-only source file's permissions.
        if (evidence is not null) File.WriteAllBytes(Path.Combine(dir, RunFolder.EvidenceFileName), File.ReadAllBytes(evidence));
        RunManifest.From(result.Scenario.Model, result.Seed, result.Replications, evidence is not null, MapWriter.FrontEveryDays)
            .Write(Path.Combine(dir, RunManifest.FileName));
    }

    /// <summary>The evidence ledger beside a scenario (<c>evidence.yaml</c> in its folder), or null.</summary>
    public static string? FindEvidence(string? scenarioPath)
    {
        if (string.IsNullOrEmpty(scenarioPath)) return null;
        string? folder = Directory.Exists(scenarioPath) ? scenarioPath : Path.GetDirectoryName(Path.GetFullPath(scenarioPath));
        if (folder is null) return null;
        string candidate = Path.Combine(folder, RunFolder.EvidenceFileName);
        return File.Exists(candidate) ? candidate : null;
    }
}
