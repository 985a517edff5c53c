using System.Collections.Immutable;
using Salient.Scenario.Diagnostics;

namespace Salient.Scenario.Model;

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
