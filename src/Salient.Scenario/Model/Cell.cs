using System.Collections.Immutable;

namespace Salient.Scenario.Model;

/// <summary>One node of the theatre graph.</summary>
/// <remarks>Immutable. <see cref="Geometry"/> is in lon/lat degrees (null for explicit-node theatres without shapes).
/// <c>Population</c> is the residents of the cell's settlements (the gazetteer's populations summed, an unknown one
/// counted as 0) or an explicit node's <c>population</c>; it sets the time to clear a built-up cell (docs/model.md 4.7).
/// <c>OuterBorderKm</c> is the length of the cell's boundary on the theatre's outer edge (0 for an explicit node): beyond
/// it the map ends, not the holder's ground (isolated garrisons, docs/model.md 4.2).</remarks>
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
    NetTopologySuite.Geometries.Geometry? Geometry,
    double Population = 0,
    double OuterBorderKm = 0);
