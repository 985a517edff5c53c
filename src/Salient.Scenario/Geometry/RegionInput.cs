namespace Salient.Scenario.Geometry;

using Geometry = NetTopologySuite.Geometries.Geometry;

/// <summary>One administrative region of the theatre (e.g. an oblast).</summary>
/// <param name="Id">Region id, used in error messages.</param>
/// <param name="LonLat">Polygon or MultiPolygon in lon/lat degrees (WGS84).</param>
public sealed record RegionInput(string Id, Geometry LonLat);
