namespace Salient.Engine.Compilation;

/// <summary>A named per-replication metric.</summary>
/// <remarks>Immutable.</remarks>
public sealed record MetricInfo(string Name, MetricKind Kind);
