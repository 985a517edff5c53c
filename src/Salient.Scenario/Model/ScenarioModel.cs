using System.Collections.Immutable;

namespace Salient.Scenario.Model;

/// <summary>A validated, resolved scenario: everything the engine needs, nothing about files.</summary>
/// <remarks>Immutable. Built only by <see cref="Parsing.ScenarioLoader"/>; its <see cref="Hash"/> identifies the inputs
/// (scenario text, side files, variant and overrides) so outputs can state exactly what produced them.</remarks>
public sealed record ScenarioModel(
    string Name,
    string Title,
    string Hash,
    string? Variant,
    Calendar Calendar,
    ImmutableArray<Side> Sides,
    Theatre Theatre,
    ImmutableArray<SystemType> Catalogue,
    ImmutableArray<Unit> Units,
    ImmutableArray<PlanPhase> Plans,
    ImmutableArray<Reinforcement> Reinforcements,
    ImmutableArray<Stock> Stocks,
    Parameters Parameters,
    ImmutableArray<string> VariantNames)
{
    /// <summary>The calibration file applied (relative to the scenario), or null when the scenario ran as written.</summary>
    public string? Calibration { get; init; }

    /// <summary>Set when the applied calibration file was fitted to another version of the scenario (its <c>scenario_hash</c> differs); null otherwise.</summary>
    public StaleCalibration? StaleCalibration { get; init; }

    /// <summary>The scenario's supply routes (<c>supply_routes</c>); empty when it declares none, which leaves logistics as
    /// the depot-distance rule alone.</summary>
    public ImmutableArray<SupplyRoute> SupplyRoutes { get; init; } = [];
    /// <summary>Infiltration routes (docs/model.md, "Infiltration"); empty when the scenario has none.</summary>
    public ImmutableArray<InfiltrationRoute> Infiltration { get; init; } = [];
    /// <summary>The <c>season:</c> block (daylight, foliage, ground, weather), or null when the scenario has none.</summary>
    public Season? Season { get; init; }
    /// <summary>The sources of chance drawn alike in every replication (<c>chance:</c>, docs/model.md 3.4); none by default.</summary>
    public ChanceSource CommonChance { get; init; }

    /// <summary>A copy with some parameters replaced (calibration particles, implied-parameter searches); the hash is kept.</summary>
    public ScenarioModel WithParameters(IEnumerable<Quantity> replacements)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        var values = Parameters.Values;
        foreach (var q in replacements)
        {
            const string prefix = "parameters.";
            string name = q.Path.StartsWith(prefix, StringComparison.Ordinal) ? q.Path[prefix.Length..] : q.Path;
            if (!values.ContainsKey(name)) throw new KeyNotFoundException($"parameter '{q.Path}' is not in the catalogue");
            values = values.SetItem(name, q);
        }
        return this with { Parameters = new Parameters(values) };
    }

    /// <summary>Every quantity in the scenario, in a stable order (by path), for sampling and reporting.</summary>
    public IEnumerable<Quantity> AllQuantities()
    {
        foreach (var u in Units)
        {
            yield return u.Personnel;
            yield return u.Experience;
            foreach (var i in u.Inventory) yield return i.Count;
        }
        foreach (var r in Reinforcements) yield return r.Personnel;
        foreach (var s in Catalogue)
            foreach (var q in s.Quantities()) yield return q;
        foreach (var s in Stocks) { yield return s.Initial; yield return s.ProductionPerDay; }
        foreach (var q in Parameters.All) yield return q;
        foreach (var r in SupplyRoutes) { yield return r.Throughput; yield return r.VehiclesPerDay; }
        foreach (var r in Infiltration)
            foreach (var q in r.Quantities()) yield return q;
    }
}
