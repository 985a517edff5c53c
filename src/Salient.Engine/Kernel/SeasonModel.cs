using Salient.Scenario.Model;

namespace Salient.Engine.Kernel;

/// <summary>
/// The closed forms of the seasons mechanic (docs/model.md, "Seasons, daylight and weather"): solar declination and
/// daylight hours, and the multipliers that light, weather, foliage and ground apply to sorties, detection and movement.
/// Pure functions, so tests check them directly and the kernel precomputes them per day.
/// </summary>
public static class SeasonModel
{
    /// <summary>Altitude of the sun's centre at sunrise and sunset: -50′ (refraction 34′ plus the semi-diameter 16′).</summary>
    public const double SunriseAltitudeDeg = -0.833;

    /// <summary>Daylight hours the catalogue's sortie rates are read at: an equinox day, 12 h.</summary>
    public const double ReferenceDaylightHours = 12;

    /// <summary>
    /// Solar declination (radians) at local noon of <paramref name="date"/>, NOAA's Fourier series in the fractional
    /// year γ = 2π (day of year − 1) / (days in year) (Spencer 1971; NOAA Global Monitoring Laboratory, "General Solar
    /// Position Calculations"): δ = 0.006918 − 0.399912 cos γ + 0.070257 sin γ − 0.006758 cos 2γ + 0.000907 sin 2γ
    /// − 0.002697 cos 3γ + 0.00148 sin 3γ.
    /// </summary>
    /// <remarks>Accurate to about 0.0006 rad (0.035°) against an ephemeris, which moves day length by under a minute at 52°.</remarks>
    public static double DeclinationRad(DateOnly date)
    {
        double g = 2 * Math.PI * (date.DayOfYear - 1) / (DateTime.IsLeapYear(date.Year) ? 366.0 : 365.0);
        return 0.006918 - 0.399912 * Math.Cos(g) + 0.070257 * Math.Sin(g) - 0.006758 * Math.Cos(2 * g)
            + 0.000907 * Math.Sin(2 * g) - 0.002697 * Math.Cos(3 * g) + 0.00148 * Math.Sin(3 * g);
    }

    /// <summary>
    /// Hours from sunrise to sunset at latitude <paramref name="latitudeDeg"/> on <paramref name="date"/>:
    /// L = 2 H₀ / 15° with cos H₀ = (sin h₀ − sin φ sin δ) / (cos φ cos δ) and h₀ = −0.833°, clamped to polar day (24)
    /// and polar night (0).
    /// </summary>
    public static double DaylightHours(double latitudeDeg, DateOnly date)
    {
        double phi = latitudeDeg * Math.PI / 180, delta = DeclinationRad(date);
        double cosH = (Math.Sin(SunriseAltitudeDeg * Math.PI / 180) - Math.Sin(phi) * Math.Sin(delta)) / (Math.Cos(phi) * Math.Cos(delta));
        return 2 * Math.Acos(Math.Clamp(cosH, -1, 1)) * 180 / Math.PI / 15;
    }

    /// <summary>
    /// Light multiplier of a drone system: the day's mean sortie rate over its daylight and night hours, with night
    /// flying at 1 − g (1 − t) of the day rate, relative to the same on a 12-hour equinox day:
    /// [L + (24 − L)(1 − g(1 − t))] / [12 + 12 (1 − g(1 − t))]. Rises with daylight; 1 for a fully thermal system or g = 0.
    /// </summary>
    /// <param name="daylightHours">L, hours of daylight.</param>
    /// <param name="nightGrounded">g, the share of non-thermal night sorties lost (<c>season.night_grounded</c>).</param>
    /// <param name="thermal">t, the system's thermal share.</param>
    public static double DroneLight(double daylightHours, double nightGrounded, double thermal)
    {
        double night = 1 - nightGrounded * (1 - thermal);
        double h = ReferenceDaylightHours;
        return (daylightHours + (24 - daylightHours) * night) / (h + (24 - h) * night);
    }

    /// <summary>
    /// Daily sortie multiplier of a system with weather exposure <paramref name="exposure"/>: drones
    /// <see cref="DroneLight"/> × (1 − g_p) on a precipitation day; aviation (1 − g_c) on a low-cloud day; 1 otherwise.
    /// </summary>
    public static double Sorties(WeatherExposure exposure, double daylightHours, double thermal, bool precipitation, bool lowCloud,
        double nightGrounded, double precipitationGrounded, double lowCloudGrounded) => exposure switch
        {
            WeatherExposure.Drone => DroneLight(daylightHours, nightGrounded, thermal) * (precipitation ? 1 - precipitationGrounded : 1),
            WeatherExposure.Aviation => lowCloud ? 1 - lowCloudGrounded : 1,
            _ => 1,
        };

    /// <summary>Detection multiplier of a sensor under foliage cover F: 1 − c F (c = <c>season.foliage_concealment</c>).</summary>
    public static double Concealment(double foliage, double concealment) => 1 - concealment * foliage;

    /// <summary>Movement and assault-progress multiplier of a ground state: 1 dry, m_mud on mud, m_frozen on frozen ground.</summary>
    public static double Mobility(GroundState state, double mud, double frozen) => state switch
    {
        GroundState.Mud => mud,
        GroundState.Frozen => frozen,
        _ => 1,
    };
}
