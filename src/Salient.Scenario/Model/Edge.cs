namespace Salient.Scenario.Model;

/// <summary>An edge of the theatre graph.</summary>
/// <remarks><see cref="Mobility"/> scales movement and advance across the edge (1 = open ground, &lt;1 = river crossing or bad roads).</remarks>
public sealed record Edge(int A, int B, double LengthKm, double Mobility, string Kind);
