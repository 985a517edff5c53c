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
}
