using System.Collections.Immutable;
using Salient.Scenario.Diagnostics;

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

/// <summary>An uncertain input: sampled once per replication.</summary>
/// <remarks>Immutable. Parameters are named as in the YAML (min, mode, max, median, sigma, alpha, beta, mean, sd).</remarks>
public sealed record Distribution(DistributionKind Kind, double A, double B, double C, double Min, double Max)
{
    /// <summary>The distribution's mean, used for reporting and for deterministic (mean-value) runs.</summary>
    public double Mean => Kind switch
    {
        DistributionKind.Triangular => (A + B + C) / 3.0,
        DistributionKind.Uniform => (A + B) / 2.0,
        DistributionKind.LogNormal => A * Math.Exp(B * B / 2.0),
        DistributionKind.Beta => Min + (Max - Min) * A / (A + B),
        DistributionKind.Normal => A,
        _ => double.NaN,
    };

    /// <summary>The distribution of k·X for k &gt; 0 (same family; location, scale and bounds multiplied).</summary>
    public Distribution Scaled(double k)
    {
        if (!(k > 0)) throw new ArgumentOutOfRangeException(nameof(k), k, "the factor must be positive");
        return Kind switch
        {
            DistributionKind.Triangular => this with { A = A * k, B = B * k, C = C * k, Min = Min * k, Max = Max * k },
            DistributionKind.Uniform => this with { A = A * k, B = B * k, Min = Min * k, Max = Max * k },
            DistributionKind.LogNormal => this with { A = A * k, Min = Min * k, Max = Max * k },
            DistributionKind.Beta => this with { Min = Min * k, Max = Max * k },
            _ => this with { A = A * k, B = B * k, Min = Min * k, Max = Max * k },
        };
    }
}

/// <summary>One point of a piecewise schedule: from <see cref="Date"/> on, the value is <see cref="Value"/>.</summary>
public sealed record SchedulePoint(DateOnly Date, Quantity Value);

/// <summary>How a schedule moves between its points.</summary>
public enum Interpolation
{
    /// <summary>Hold each point's value until the next point.</summary>
    Step,
    /// <summary>Interpolate linearly between points; hold the ends.</summary>
    Linear,
}

/// <summary>
/// Any number in a scenario: a plain value, an uncertain value (<see cref="Distribution"/>) or, for parameters,
/// a piecewise schedule over dates. Every quantity may carry its provenance.
/// </summary>
/// <remarks>Immutable. <see cref="Path"/> is the dotted path of the number in the scenario (e.g. <c>units.ua-80.personnel</c>):
/// it names the quantity in calibration, sensitivity and error messages, and keys its random stream.</remarks>
public sealed record Quantity(
    string Path,
    double Value,
    Distribution? Distribution,
    ImmutableArray<SchedulePoint> Schedule,
    Interpolation Interpolation,
    string? Source,
    string? Note,
    bool Calibrate,
    SourceSpan Span)
{
    /// <summary>A fixed value without provenance (used by builders and defaults).</summary>
    public static Quantity Fixed(string path, double value, string? source = null) =>
        new(path, value, null, [], Interpolation.Step, source, null, false, SourceSpan.None("(default)"));

    /// <summary>This quantity multiplied by <paramref name="k"/> &gt; 0: its value, distribution and every schedule point.</summary>
    public Quantity Scaled(double k) => this with
    {
        Value = Value * k,
        Distribution = Distribution?.Scaled(k),
        Schedule = IsScheduled ? [.. Schedule.Select(p => p with { Value = p.Value.Scaled(k) })] : Schedule,
    };

    /// <summary>True when the quantity is sampled per replication (itself or any schedule point).</summary>
    public bool IsUncertain => Distribution is not null || Schedule.Any(p => p.Value.IsUncertain);

    /// <summary>True when the quantity varies over time.</summary>
    public bool IsScheduled => !Schedule.IsDefaultOrEmpty;
}
