namespace Salient.Scenario.Rules;

/// <summary>The rules every scenario passes through, in order.</summary>
public static class RuleSet
{
    /// <summary>All rules.</summary>
    public static IReadOnlyList<IScenarioRule> All { get; } =
        [new ConnectedTheatreRule(), new DepotsRule(), new UnitPlacementRule(), new ProvenanceRule()];
}
