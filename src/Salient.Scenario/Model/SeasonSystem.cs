namespace Salient.Scenario.Model;

/// <summary>
/// How one catalogue system (index <paramref name="System"/>) responds to daylight and weather: its
/// <paramref name="Exposure"/>, and the share <paramref name="Thermal"/> (0..1) of its sorties or sensing that carry
/// thermal sensors and so fly at night as by day.
/// </summary>
/// <remarks>Immutable. <see cref="Season.Systems"/> holds one per catalogue system, in catalogue order; systems the
/// season block does not list get <see cref="WeatherExposure.Drone"/> with no thermal share if their class is drone,
/// <see cref="WeatherExposure.None"/> otherwise.</remarks>
public sealed record SeasonSystem(int System, WeatherExposure Exposure, double Thermal);
