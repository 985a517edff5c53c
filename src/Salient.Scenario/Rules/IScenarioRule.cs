using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;

namespace Salient.Scenario.Rules;

/// <summary>One cross-cutting check over a bound scenario. Rules yield every problem they find; they never throw.</summary>
public interface IScenarioRule
{
    /// <summary>Yields the diagnostics this rule finds in <paramref name="draft"/>.</summary>
    IEnumerable<Diagnostic> Check(ScenarioDraft draft);
}

/// <summary>The rules every scenario passes through, in order.</summary>
public static class RuleSet
{
    /// <summary>All rules.</summary>
    public static IReadOnlyList<IScenarioRule> All { get; } =
        [new ConnectedTheatreRule(), new DepotsRule(), new UnitPlacementRule(), new ProvenanceRule()];
}
