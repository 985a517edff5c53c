using System.ComponentModel;
using Salient.Scenario.Model;
using Salient.Scenario.Parsing;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options shared by every command that loads a scenario.</summary>
public class ScenarioSettings : SalientSettings
{
    /// <summary>The <c>[SCENARIO]</c> argument: a scenario folder or its YAML file; null for <c>scenarios/kursk-2024</c>.</summary>
    [CommandArgument(0, "[SCENARIO]")]
    [Description("Scenario folder or YAML file (default: scenarios/kursk-2024).")]
    public string? Scenario { get; init; }

    /// <summary><c>--variant</c>: the id of one of the scenario's named variants to apply; null for the baseline.</summary>
    /// <remarks>An unknown name is reported as SAL120 by the loader, not rejected here.</remarks>
    [CommandOption("--variant <NAME>")]
    [Description("Apply the scenario's named variant.")]
    public string? Variant { get; init; }

    /// <summary><c>--set PATH=VALUE</c>: overrides of single scenario values, in the order given (repeatable; empty for none).</summary>
    /// <remarks>Applied after the variant; a malformed override is reported by the loader as SAL114.</remarks>
    [CommandOption("--set <PATH=VALUE>")]
    [Description("Override one value, e.g. --set parameters.ground.lethality.red=0.03 (repeatable).")]
    public string[] Set { get; init; } = [];

    /// <summary><c>--uncalibrated</c>: ignore the scenario's calibration file and run the values as written (the priors).</summary>
    [CommandOption("--uncalibrated")]
    [Description("Ignore the scenario's calibration file: run the values as written (the priors), not the calibrated baseline.")]
    public bool Uncalibrated { get; init; }

    /// <summary><c>--limit NAME=N</c>: raised size limits (vertices, cells, units) for a scenario that is meant to be large (repeatable).</summary>
    [CommandOption("--limit <NAME=N>")]
    [Description("Raise a size limit for a large scenario: vertices (100000), cells (20000), units (5000), border_pairs (1500000: an intricate region border on a fine grid) or a run's output_mb (4096), e.g. --limit cells=50000 (repeatable).")]
    public string[] Limit { get; init; } = [];

    /// <summary>What to load: <paramref name="variant"/> (default: --variant), --set then <paramref name="extra"/> overrides, --uncalibrated and --limit.</summary>
    /// <exception cref="UserInputException">A malformed <c>--limit</c>.</exception>
    public LoadOptions LoadOptions(string? variant = null, IEnumerable<string>? extra = null) =>
        new(variant ?? Variant, [.. Set, .. extra ?? []], Uncalibrated) { Limits = Limits() };

    /// <summary>The size limits after <c>--limit</c>.</summary>
    /// <exception cref="UserInputException">A malformed <c>--limit</c>.</exception>
    public ScenarioLimits Limits() => ParseLimits(Limit);

    /// <summary>The size limits after the <c>--limit</c> settings <paramref name="limit"/> (also <c>merge</c>'s).</summary>
    /// <exception cref="UserInputException">A malformed setting.</exception>
    internal static ScenarioLimits ParseLimits(string[] limit) =>
        ScenarioLimits.Default.With(limit, out var error) ?? throw new UserInputException($"--limit {error}");
}
