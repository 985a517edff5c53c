namespace Salient.Scenario.Geometry;

/// <summary>A Voronoi site.</summary>
public sealed record PointSite(string Id, double Lon, double Lat);
