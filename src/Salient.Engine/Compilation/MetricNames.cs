namespace Salient.Engine.Compilation;

/// <summary>
/// Builders of the metric names the engine declares (<c>family.quantity[.qualifier].side</c>), for code that asks for
/// a particular metric by name, so the spelling lives in one place.
/// </summary>
public static class MetricNames
{
    /// <summary>Start of every casualties-by-cause metric's name (then the cause, then the side).</summary>
    public const string CasualtiesByCausePrefix = "casualties.by_cause.";

    /// <summary>Start of every equipment-loss metric's name (then the system, then the side).</summary>
    public const string LossesPrefix = "losses.";

    /// <summary>Start of every capture metric's name (then the place, then the side).</summary>
    public const string CapturePrefix = "capture.";

    /// <summary>Area the side holds (km², counted regions): a final metric and a daily series.</summary>
    public static string ControlArea(string side) => $"control.area_km2.{side}";

    /// <summary>Largest area the side held on any day.</summary>
    public static string ControlAreaPeak(string side) => $"control.area_km2_peak.{side}";

    /// <summary>Day the side's held area peaked.</summary>
    public static string ControlPeakDay(string side) => $"control.peak_day.{side}";

    /// <summary>Day the side, having held ground, held none.</summary>
    public static string ControlCleared(string side) => $"control.cleared.{side}";

    /// <summary>The side's casualties (killed, wounded and captured): a final metric and a daily series.</summary>
    public static string CasualtiesTotal(string side) => $"casualties.total.{side}";

    /// <summary>The side's casualties of one kind: <c>killed</c>, <c>wounded</c> or <c>captured</c>.</summary>
    public static string Casualties(string kind, string side) => $"casualties.{kind}.{side}";

    /// <summary>The side's casualties from one cause: a ground-combat cause or a firing system's id.</summary>
    public static string CasualtiesByCause(string cause, string side) => $"{CasualtiesByCausePrefix}{cause}.{side}";

    /// <summary>The side's personnel in active units at the end of the run.</summary>
    public static string PersonnelFinal(string side) => $"personnel.final.{side}";

    /// <summary>The side's personnel in active units at the end of each day (daily series).</summary>
    public static string Personnel(string side) => $"personnel.{side}";

    /// <summary>Personnel that joined the side's units as reinforcements.</summary>
    public static string PersonnelReinforcements(string side) => $"personnel.reinforcements.{side}";

    /// <summary>Items of a system the side lost.</summary>
    public static string Losses(string system, string side) => $"{LossesPrefix}{system}.{side}";

    /// <summary>A kill-chain counter of one firing system of the side (<c>sorties</c>, <c>jammed</c>, <c>hits</c>, ...).</summary>
    public static string FiresCounter(string counter, string system, string side) => $"fires.{counter}.{system}.{side}";

    /// <summary>A cost total of the side (<c>spent_usd</c>, <c>destroyed_usd</c>, <c>lost_usd</c>, <c>exchange</c>).</summary>
    public static string Cost(string quantity, string side) => $"cost.{quantity}.{side}";

    /// <summary>A cost total of one firing system of the side (<c>spent_usd</c>, <c>destroyed_usd</c>).</summary>
    public static string Cost(string quantity, string system, string side) => $"cost.{quantity}.{system}.{side}";

    /// <summary>An air-defence counter of the side as defender (<c>threats</c>, <c>engaged</c>, ...).</summary>
    public static string AirDefence(string counter, string side) => $"air_defence.{counter}.{side}";

    /// <summary>A season-calendar metric or daily series (<c>daylight_hours</c>, <c>foliage</c>, <c>precipitation_days</c>, ...).</summary>
    public static string Season(string quantity) => $"season.{quantity}";

    /// <summary>Day the side first captured a named place.</summary>
    public static string CaptureDay(string place, string side) => $"{CapturePrefix}{place}.{side}";

    /// <summary>A supply-route quantity of one route (<c>delivered</c>, <c>lost</c>, <c>vehicles_lost</c>,
    /// <c>interdiction_sorties</c>, <c>vehicles_turned_back</c>); the side is the route's.</summary>
    public static string Supply(string quantity, string route, string side) => $"supply.{quantity}.{route}.{side}";

    /// <summary>A supply quantity summed over the side's routes, or the side's <c>under_supplied_unit_days</c>.</summary>
    public static string Supply(string quantity, string side) => $"supply.{quantity}.{side}";
    /// <summary>Days (counted at each day's last tick while the unit is active) one unit spent below its side's
    /// <c>min_supply_to_attack</c>; declared only with supply routes.</summary>
    public static string UnitUnderSuppliedDays(string unit) => $"supply.under_supplied_days.{unit}";

    /// <summary>Settlements in counted regions the side holds (daily series; only for theatres with settlements).</summary>
    public static string ControlSettlements(string side) => $"control.settlements.{side}";

    /// <summary>
    /// Area (km², counted regions) the side held at the start, lost, and holds again (daily series; only for theatres with
    /// settlements).
    /// </summary>
    public static string ControlAreaRetaken(string side) => $"control.area_recaptured_km2.{side}";

    /// <summary>
    /// Area (km², counted regions) the side holds behind the contact line: its cells none of whose neighbours the
    /// other side holds, and half of each cell that borders the other side's (daily series; only for theatres with
    /// settlements). Map-based counts of firm control leave the contested band out.
    /// </summary>
    public static string ControlAreaFirm(string side) => $"control.area_firm_km2.{side}";

    /// <summary>
    /// An infiltration route's counter (<c>sent</c>, <c>lost</c>, <c>emerged</c>, <c>detections</c>,
    /// <c>emergence_day</c>) for the side that uses it.
    /// </summary>
    public static string Infiltration(string quantity, string route, string side) => $"infiltration.{quantity}.{route}.{side}";
    /// <summary>Hits by the side's deep-strike systems on one target class (a class name of <c>TargetClasses.Names</c>).</summary>
    public static string DeepHits(string targetClass, string side) => $"deep.hits.{targetClass}.{side}";

    /// <summary>The side's items of a high-value class (air defence, EW, artillery, logistics) destroyed by enemy deep strike.</summary>
    public static string DeepLosses(string targetClass, string side) => $"deep.losses.{targetClass}.{side}";

    /// <summary>Value (USD) of the side's items destroyed by enemy deep strike.</summary>
    public static string DeepLossesUsd(string side) => $"deep.losses_usd.{side}";

    /// <summary>Mean path distance (km) of the side's rear units to its engaged front: a final metric and a daily series.</summary>
    public static string RearDistanceKm(string side) => $"rear.distance_km.{side}";
}

