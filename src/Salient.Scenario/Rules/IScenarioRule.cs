using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;

namespace Salient.Scenario.Rules;

/// <summary>One cross-cutting check over a bound scenario. Rules yield every problem they find; they never throw.</summary>
public interface IScenarioRule
{
    /// <summary>Yields the diagnostics this rule finds in <paramref name="draft"/>.</summary>
    IEnumerable<Diagnostic> Check(ScenarioDraft draft);
}
