using Salient.Scenario.Diagnostics;
using Salient.Scenario.Model;

namespace Salient.Scenario.Parsing;

/// <summary>
/// What to load: a variant by name and <c>path=value</c> overrides, applied in that order on top of the scenario's
/// calibration file (its <c>calibration</c> key), unless <paramref name="Uncalibrated"/> asks for the scenario as written.
/// </summary>
public sealed record LoadOptions(string? Variant = null, IReadOnlyList<string>? Overrides = null, bool Uncalibrated = false)
{
    /// <summary>No variant, no overrides.</summary>
    public static LoadOptions Default { get; } = new();
}

/// <summary>The outcome of loading a scenario: the model when there were no errors, and every diagnostic found.</summary>
/// <remarks>Immutable. User errors are reported here, never thrown.</remarks>
public sealed record LoadResult(ScenarioModel? Scenario, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the scenario loaded without errors (warnings allowed).</summary>
    public bool Success => Scenario is not null;

    /// <summary>The errors only.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    /// <summary>The warnings only.</summary>
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}
