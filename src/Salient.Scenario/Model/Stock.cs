namespace Salient.Scenario.Model;

/// <summary>A side's pool of munitions for one firing system: an initial stock and daily production (may be scheduled).</summary>
/// <remarks>Immutable. A firing system without a stock entry for a side has unlimited munitions for that side.</remarks>
public sealed record Stock(int Side, int System, Quantity Initial, Quantity ProductionPerDay);
