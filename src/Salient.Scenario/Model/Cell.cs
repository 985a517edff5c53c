using System.Collections.Immutable;

namespace Salient.Scenario.Model;

/// <summary>One node of the theatre graph.</summary>
/// <remarks>Immutable. <see cref="Geometry"/> is in lon/lat degrees (null for explicit-node theatres without shapes).</remarks>
public sealed record Cell(
    int Index,
    string Id,
    string Name,
    int Region,
    double AreaKm2,
    double Lon,
    double Lat,
    int InitialControl,
    string Terrain,
    double Defensibility,
    ImmutableArray<string> Settlements,
    NetTopologySuite.Geometries.Geometry? Geometry);
