namespace Salient.Scenario.Model;

/// <summary>A count of one system type in a unit's inventory.</summary>
public sealed record InventoryItem(int SystemType, Quantity Count);
