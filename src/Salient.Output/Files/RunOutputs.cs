using Salient.Experiments.Runner;
using Salient.Experiments.Statistics;
using Salient.Output.Csv;
using Salient.Output.Html;
using Salient.Output.Json;
using Salient.Output.Parquet;

namespace Salient.Output.Files;

/// <summary>
/// The outputs of a run folder besides replications.parquet and manifest.json: the one writer for <c>salient run</c>
/// and <c>salient merge</c>, so a merged run's files are those of the same run in one process.
/// </summary>
public static class RunOutputs
{
    /// <summary>
    /// Writes summary.json, replications.csv, daily.csv, the viewer files (maps/ with <paramref name="dailyMaps"/>),
    /// control_tally.parquet and, with <paramref name="trajectories"/>, daily.parquet into <paramref name="dir"/>.
    /// </summary>
    public static void Write(string dir, MonteCarloResult result, RunSummary summary, string? scenarioPath, bool trajectories, bool dailyMaps)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(summary);
        SummaryJsonWriter.Write(summary, Path.Combine(dir, "summary.json"));
        CsvWriters.WriteReplications(result, Path.Combine(dir, "replications.csv"));
        CsvWriters.WriteDaily(summary, Path.Combine(dir, "daily.csv"));
        ViewerOutputs.Write(result, scenarioPath, dir, dailyMaps);
        RunDataFiles.Write(result, dir, trajectories);
    }
}
