namespace Salient.Scenario.Geometry;

/// <summary>Two neighbouring cells.</summary>
/// <param name="A">Lower cell index.</param>
/// <param name="B">Higher cell index.</param>
/// <param name="LengthKm">Distance between the cells' projected centroids, km.</param>
/// <param name="SharedBorderKm">Length of the common border, km.</param>
public sealed record TheatreEdge(int A, int B, double LengthKm, double SharedBorderKm);
