using Salient.Scenario.Model;

namespace Salient.Scenario.Parsing;

/// <summary>
/// What to load: a variant by name and <c>path=value</c> overrides, applied in that order on top of the scenario's
/// calibration file (its <c>calibration</c> key), unless <paramref name="Uncalibrated"/> asks for the scenario as written.
/// </summary>
public sealed record LoadOptions(string? Variant = null, IReadOnlyList<string>? Overrides = null, bool Uncalibrated = false)
{
    /// <summary>Size limits checked while loading (<see cref="ScenarioLimits.Default"/> unless raised); not part of the scenario hash.</summary>
    public ScenarioLimits Limits { get; init; } = ScenarioLimits.Default;

    /// <summary>No variant, no overrides.</summary>
    public static LoadOptions Default { get; } = new();
}
