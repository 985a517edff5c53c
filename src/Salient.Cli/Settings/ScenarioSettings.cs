using System.ComponentModel;
using Salient.Scenario.Parsing;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options shared by every command that loads a scenario.</summary>
public class ScenarioSettings : SalientSettings
{
    [CommandArgument(0, "[SCENARIO]")]
    [Description("Scenario folder or YAML file (default: scenarios/kursk-2024).")]
    public string? Scenario { get; init; }

    [CommandOption("--variant <NAME>")]
    [Description("Apply the scenario's named variant.")]
    public string? Variant { get; init; }

    [CommandOption("--set <PATH=VALUE>")]
    [Description("Override one value, e.g. --set parameters.ground.lethality.red=0.03 (repeatable).")]
    public string[] Set { get; init; } = [];

    [CommandOption("--uncalibrated")]
    [Description("Ignore the scenario's calibration file: run the values as written (the priors), not the calibrated baseline.")]
    public bool Uncalibrated { get; init; }

    /// <summary>What to load: <paramref name="variant"/> (default: --variant), --set then <paramref name="extra"/> overrides, and --uncalibrated.</summary>
    public LoadOptions LoadOptions(string? variant = null, IEnumerable<string>? extra = null) =>
        new(variant ?? Variant, [.. Set, .. extra ?? []], Uncalibrated);
}
