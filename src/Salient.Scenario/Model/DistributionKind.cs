namespace Salient.Scenario.Model;

/// <summary>The family of an uncertain input's distribution.</summary>
public enum DistributionKind
{
    /// <summary>Triangular(min, mode, max).</summary>
    Triangular,
    /// <summary>Uniform(min, max).</summary>
    Uniform,
    /// <summary>Log-normal with the given median and sigma of the log.</summary>
    LogNormal,
    /// <summary>Beta(alpha, beta) scaled to [min, max] (default [0, 1]).</summary>
    Beta,
    /// <summary>Normal(mean, sd), truncated to [min, max] when given.</summary>
    Normal,
    /// <summary>Weighted particles (a fitted posterior): one of <c>values</c> with probability proportional to its
    /// weight. Every quantity whose particles carry the same weights takes the same particle in a replication, so a
    /// posterior's inputs are drawn jointly.</summary>
    Particles,
}
