using System.Collections.Immutable;

namespace Salient.Scenario.Geometry;

using Geometry = NetTopologySuite.Geometries.Geometry;

/// <summary>One cell of the theatre: the piece of one hexagon (or Voronoi cell) inside one region.</summary>
/// <param name="Index">Position in <see cref="TheatreGeometry.Cells"/>.</param>
/// <param name="Id">First settlement's id, else <c>c0007</c>-style; for point grids the site id (with <c>-2</c>, <c>-3</c>... for extra pieces).</param>
/// <param name="Region">Index of the region in the input list.</param>
/// <param name="LonLat">Cell polygon in lon/lat degrees (the projected polygon, unprojected vertex by vertex).</param>
/// <param name="AreaKm2">Ellipsoidal area, km².</param>
/// <param name="CentroidLon">Longitude of the projected centroid, degrees.</param>
/// <param name="CentroidLat">Latitude of the projected centroid, degrees.</param>
/// <param name="CentroidXKm">Projected centroid, x (east), km.</param>
/// <param name="CentroidYKm">Projected centroid, y (north), km.</param>
/// <param name="Settlements">Ids of the settlements in the cell, by population descending, then id.</param>
/// <param name="OuterBorderKm">Length of the cell's boundary that no other cell shares: the theatre's outer edge, km
/// (its perimeter less its shared borders; 0 for an interior cell, up to rounding).</param>
public sealed record TheatreCell(
    int Index,
    string Id,
    int Region,
    Geometry LonLat,
    double AreaKm2,
    double CentroidLon,
    double CentroidLat,
    double CentroidXKm,
    double CentroidYKm,
    ImmutableArray<string> Settlements,
    double OuterBorderKm = 0);
