namespace Salient.Scenario.Geometry;

/// <summary>Voronoi cells around explicit sites, clipped to the regions.</summary>
public sealed record PointGridSpec(IReadOnlyList<PointSite> Sites) : GridSpec;
