using NetTopologySuite.Geometries;

namespace Salient.Scenario.Geometry;

/// <summary>
/// Pointy-top hexagons (a vertex points north; rows run west to east, odd rows shifted half a hex east).
/// </summary>
/// <param name="SizeKm">Distance between the centres of neighbouring hexagons, km (the hexagon's width across flats).</param>
/// <param name="ClipLonLat">Optional area of interest (lon/lat box); the grid is limited to it.</param>
public sealed record HexGridSpec(double SizeKm, Envelope? ClipLonLat) : GridSpec;
