using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;

namespace Salient.Scenario.Rules;

/// <summary>Every number written in the scenario should say where it comes from (or that it is an assumption).</summary>
public sealed class ProvenanceRule : IScenarioRule
{
    /// <inheritdoc/>
    public IEnumerable<Diagnostic> Check(ScenarioDraft draft)
    {
        foreach (var q in draft.Model.AllQuantities())
            if (q.Span.Line > 0 && string.IsNullOrWhiteSpace(q.Source))
                yield return ScenarioErrors.Make(ScenarioErrors.NoSource, q.Span, q.Path);
    }
}
