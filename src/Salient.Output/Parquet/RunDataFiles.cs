using Salient.Experiments.Runner;

namespace Salient.Output.Parquet;

/// <summary>The Parquet files a run folder carries besides replications.parquet (written while the run streams).</summary>
public static class RunDataFiles
{
    /// <summary>Writes control_tally.parquet and, with <paramref name="trajectories"/>, daily.parquet into <paramref name="dir"/>.</summary>
    public static void Write(MonteCarloResult result, string dir, bool trajectories)
    {
        ArgumentNullException.ThrowIfNull(result);
        ControlTallyParquet.Write(Path.Combine(dir, ControlTallyParquet.FileName), result.ControlTally, result.Scenario.Days, result.Scenario.CellCount);
        if (trajectories) DailyParquetWriter.Write(result.Source, result.Scenario, Path.Combine(dir, DailyParquetWriter.FileName));
    }
}
