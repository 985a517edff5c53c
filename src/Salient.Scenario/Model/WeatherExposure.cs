namespace Salient.Scenario.Model;

/// <summary>Which weather and light a system's sorties and sensing depend on (<see cref="SeasonSystem"/>).</summary>
public enum WeatherExposure
{
    /// <summary>Unaffected by daylight and weather (artillery, rockets, EW).</summary>
    None,
    /// <summary>Small drones: night grounds a share of non-thermal sorties, precipitation days ground a share of all.</summary>
    Drone,
    /// <summary>Aircraft (glide-bomb carriers): low-cloud days ground a share of sorties.</summary>
    Aviation,
}
