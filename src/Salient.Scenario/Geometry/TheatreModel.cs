using System.Collections.Immutable;
using NetTopologySuite.Geometries;

namespace Salient.Scenario.Geometry;

using Geometry = NetTopologySuite.Geometries.Geometry;

/// <summary>One administrative region of the theatre (e.g. an oblast).</summary>
/// <param name="Id">Region id, used in error messages.</param>
/// <param name="LonLat">Polygon or MultiPolygon in lon/lat degrees (WGS84).</param>
public sealed record RegionInput(string Id, Geometry LonLat);

/// <summary>A named place that labels the cell containing it.</summary>
/// <param name="Id">Settlement id (becomes the id of the hex cell it heads).</param>
/// <param name="Name">Display name.</param>
/// <param name="Lon">Longitude, degrees.</param>
/// <param name="Lat">Latitude, degrees.</param>
/// <param name="Population">Population; 0 when unknown.</param>
public sealed record SettlementInput(string Id, string Name, double Lon, double Lat, double Population);

/// <summary>How the theatre is divided into cells.</summary>
public abstract record GridSpec;

/// <summary>
/// Pointy-top hexagons (a vertex points north; rows run west to east, odd rows shifted half a hex east).
/// </summary>
/// <param name="SizeKm">Distance between the centres of neighbouring hexagons, km (the hexagon's width across flats).</param>
/// <param name="ClipLonLat">Optional area of interest (lon/lat box); the grid is limited to it.</param>
public sealed record HexGridSpec(double SizeKm, Envelope? ClipLonLat) : GridSpec;

/// <summary>Voronoi cells around explicit sites, clipped to the regions.</summary>
public sealed record PointGridSpec(IReadOnlyList<PointSite> Sites) : GridSpec;

/// <summary>A Voronoi site.</summary>
public sealed record PointSite(string Id, double Lon, double Lat);

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
    ImmutableArray<string> Settlements);

/// <summary>Two neighbouring cells.</summary>
/// <param name="A">Lower cell index.</param>
/// <param name="B">Higher cell index.</param>
/// <param name="LengthKm">Distance between the cells' projected centroids, km.</param>
/// <param name="SharedBorderKm">Length of the common border, km.</param>
public sealed record TheatreEdge(int A, int B, double LengthKm, double SharedBorderKm);

/// <summary>The theatre: cells, the neighbour graph (edges sorted by A, then B), the projection used, and warnings.</summary>
public sealed record TheatreGeometry(
    ImmutableArray<TheatreCell> Cells,
    ImmutableArray<TheatreEdge> Edges,
    EqualAreaProjection Projection,
    ImmutableArray<string> Warnings);
