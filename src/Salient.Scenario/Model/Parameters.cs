using System.Collections.Immutable;

namespace Salient.Scenario.Model;

/// <summary>The resolved parameters of a scenario: every catalogue name, from the scenario or its default.</summary>
/// <remarks>Immutable.</remarks>
public sealed record Parameters(ImmutableSortedDictionary<string, Quantity> Values)
{
    /// <summary>The quantity for a parameter name; throws for a name not in the catalogue (a programming error).</summary>
    public Quantity this[string name] => Values.TryGetValue(name, out var q) ? q
        : throw new KeyNotFoundException($"parameter '{name}' is not in the catalogue");

    /// <summary>All parameter quantities, sorted by name.</summary>
    public IEnumerable<Quantity> All => Values.Values;
}
