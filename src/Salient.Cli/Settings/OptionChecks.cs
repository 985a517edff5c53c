using Salient.Experiments.Runner;
using Spectre.Console;

namespace Salient.Cli.Settings;

/// <summary>The bounds of options several commands share, each written once; null means the value is fine.</summary>
internal static class OptionChecks
{
    /// <summary>Most worker threads accepted by <c>--threads</c>.</summary>
    public const int MaxThreads = 1024;

    /// <summary><c>--threads</c>: between 1 and <see cref="MaxThreads"/>, or absent.</summary>
    public static ValidationResult? Threads(int? threads) =>
        threads is < 1 or > MaxThreads ? ValidationResult.Error($"--threads must be between 1 and {MaxThreads}, found {threads}") : null;

    /// <summary><c>--replications</c>: between <paramref name="min"/> and <see cref="RunOptions.MaxReplications"/>.</summary>
    public static ValidationResult? Replications(int replications, int min = 1) =>
        replications < min || replications > RunOptions.MaxReplications
            ? ValidationResult.Error($"--replications must be between {min} and {RunOptions.MaxReplications:N0}, found {replications}")
            : null;
}
