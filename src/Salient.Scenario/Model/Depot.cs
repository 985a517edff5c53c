namespace Salient.Scenario.Model;

/// <summary>A supply depot of a side, at a cell.</summary>
public sealed record Depot(string Id, int Side, int Cell);
