using System.Collections.Immutable;

namespace Salient.Scenario.Geometry;

/// <summary>The theatre: cells, the neighbour graph (edges sorted by A, then B), the projection used, and warnings.</summary>
public sealed record TheatreGeometry(
    ImmutableArray<TheatreCell> Cells,
    ImmutableArray<TheatreEdge> Edges,
    EqualAreaProjection Projection,
    ImmutableArray<string> Warnings);
