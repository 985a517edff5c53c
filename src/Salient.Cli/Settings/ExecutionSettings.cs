using Salient.Experiments.Runner;

namespace Salient.Cli.Settings;

/// <summary>
/// The execution group: how many replications, from which seed, on how many threads, for commands that play
/// replications of a scenario (run, compare, sweep, sensitivity). The group's meaning, bounds and conversion to
/// <see cref="RunOptions"/> are declared here once.
/// </summary>
/// <remarks>Each command attaches its own <c>[CommandOption]</c> and help text by overriding the properties, because the
/// help texts and defaults differ per command ("Replications per run (default 200)", "per point (default 100)", ...) and
/// <c>--help</c> must stay as it was; Spectre.Console.Cli reads an option's description from its declaring property.</remarks>
public abstract class ExecutionSettings : ScenarioSettings
{
    /// <summary>Replications per run (or per design point).</summary>
    public abstract int Replications { get; init; }

    /// <summary>The experiment seed.</summary>
    public abstract ulong Seed { get; init; }

    /// <summary>Worker threads; null for all cores. Never changes results.</summary>
    public abstract int? Threads { get; init; }

    /// <summary>The worker threads to use: <see cref="Threads"/>, or one per core.</summary>
    public int ThreadCount => Threads ?? Environment.ProcessorCount;

    /// <summary>The run options these settings ask for.</summary>
    public RunOptions ToRunOptions() => new(Replications, Seed, ThreadCount);
}
