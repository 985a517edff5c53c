namespace Salient.Scenario.Model;

/// <summary>A dated window of the season calendar during which the ground is in <paramref name="State"/> (both dates inclusive).</summary>
/// <remarks>Immutable. Days outside every window are <see cref="GroundState.Dry"/>; the loader rejects overlapping windows.</remarks>
public sealed record GroundWindow(GroundState State, DateOnly Start, DateOnly End, string? Source);
