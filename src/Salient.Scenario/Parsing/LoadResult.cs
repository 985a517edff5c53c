using Salient.Scenario.Diagnostics;
using Salient.Scenario.Model;

namespace Salient.Scenario.Parsing;

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
