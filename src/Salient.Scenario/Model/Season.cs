using System.Collections.Immutable;

namespace Salient.Scenario.Model;

/// <summary>
/// The scenario's <c>season:</c> block: where the sun is (latitude), the foliage curve, the ground-state calendar, the
/// monthly climatology of precipitation and low-cloud days, and how each system responds to light and weather.
/// docs/model.md ("Seasons, daylight and weather") gives the equations.
/// </summary>
/// <remarks>Immutable. Absent (null on <see cref="ScenarioModel.Season"/>) unless the scenario asks for it, so a scenario
/// without the block runs exactly as before. <see cref="PrecipitationByMonth"/> and <see cref="LowCloudByMonth"/> hold
/// 12 probabilities (January first) in [0, 1].</remarks>
public sealed record Season(
    double LatitudeDeg,
    Foliage Foliage,
    ImmutableArray<GroundWindow> Ground,
    ImmutableArray<double> PrecipitationByMonth,
    ImmutableArray<double> LowCloudByMonth,
    ImmutableArray<SeasonSystem> Systems,
    string? Source)
{
    /// <summary>The ground state on <paramref name="date"/>: the window containing it, else dry.</summary>
    public GroundState GroundOn(DateOnly date)
    {
        foreach (var w in Ground)
            if (date >= w.Start && date <= w.End) return w.State;
        return GroundState.Dry;
    }
}
