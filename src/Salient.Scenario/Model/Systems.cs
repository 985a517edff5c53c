using System.Collections.Immutable;

namespace Salient.Scenario.Model;

/// <summary>The link a weapon or sensor depends on, which decides what electronic warfare can do to it.</summary>
public enum LinkKind
{
    /// <summary>No link EW can touch (tube artillery, unguided munitions).</summary>
    None,
    /// <summary>A radio control/video link: jammed by EW's effect on drone (or recon) links.</summary>
    Radio,
    /// <summary>A fiber-optic cable: immune to jamming; range limited by the cable.</summary>
    Fiber,
    /// <summary>Satellite navigation guidance: EW spoofing/jamming lowers accuracy.</summary>
    Gnss,
}

/// <summary>What a kill chain can aim at: a unit's people, or one class of its items.</summary>
/// <remarks>The order is fixed: it indexes the engine's per-class arrays and the YAML maps <c>kill</c> and <c>priority</c>.</remarks>
public static class TargetClasses
{
    /// <summary>Target class names as written in scenarios, in index order. 0 is personnel; the rest are <see cref="SystemClass"/> values + 1.</summary>
    public static readonly ImmutableArray<string> Names = ["personnel", "armour", "artillery", "drone", "ew", "air_defence", "logistics", "satcom"];

    /// <summary>The target class index of items of a system class.</summary>
    public static int Of(SystemClass c) => c switch
    {
        SystemClass.Personnel => 0,
        SystemClass.Armour => 1,
        SystemClass.Artillery => 2,
        SystemClass.Drone => 3,
        SystemClass.Ew => 4,
        SystemClass.AirDefence => 5,
        SystemClass.Logistics => 6,
        _ => 7,
    };
}

/// <summary>
/// A system that fires: FPV drones (radio or fiber), loitering munitions, tube and rocket artillery, glide bombs.
/// Each item (team, launcher, gun, aircraft) makes <see cref="RatePerDay"/> sorties or shots a day at targets within
/// <see cref="RangeKm"/>, each costing <see cref="MunitionCostUsd"/>.
/// </summary>
/// <remarks>Immutable. <see cref="Kill"/> and <see cref="Priority"/> are indexed by <see cref="TargetClasses"/>:
/// for personnel, Kill is the expected casualties per hit; for item classes, the probability a hit destroys the item.</remarks>
public sealed record FiresSpec(
    LinkKind Link,
    Quantity RangeKm,
    Quantity RatePerDay,
    Quantity MunitionCostUsd,
    Quantity PHit,
    Quantity GnssDependence,
    bool Interceptable,
    bool UsesC2,
    ImmutableArray<Quantity> Kill,
    ImmutableArray<Quantity> Priority);

/// <summary>A reconnaissance sensor (e.g. a Mavic-class drone team): adds <see cref="Detection"/> to the detection level of enemy units in range.</summary>
public sealed record IsrSpec(LinkKind Link, Quantity RangeKm, Quantity Detection);

/// <summary>
/// An electronic-warfare system: within <see cref="RadiusKm"/>, each item jams a link with probability
/// availability x effect (per link kind: drone control, recon video, GNSS, radio communications).
/// </summary>
public sealed record EwSpec(Quantity RadiusKm, Quantity Availability, Quantity OnDrone, Quantity OnRecon, Quantity OnGnss, Quantity OnComms);

/// <summary>
/// An air-defence battery: engages interceptable threats aimed at cells within <see cref="RangeKm"/>, at most
/// <see cref="Tracks"/> per raid, <see cref="Channels"/> engagements per cycle of <see cref="CycleMinutes"/>,
/// <see cref="ShotsPerTarget"/> interceptors per engagement, each killing with probability <see cref="Pk"/>.
/// </summary>
public sealed record AirDefenceSpec(
    Quantity RangeKm,
    Quantity Tracks,
    Quantity Channels,
    Quantity CycleMinutes,
    Quantity Interceptors,
    Quantity ReloadPerDay,
    Quantity Pk,
    Quantity ShotsPerTarget,
    Quantity InterceptorCostUsd);

/// <summary>A side's pool of munitions for one firing system: an initial stock and daily production (may be scheduled).</summary>
/// <remarks>Immutable. A firing system without a stock entry for a side has unlimited munitions for that side.</remarks>
public sealed record Stock(int Side, int System, Quantity Initial, Quantity ProductionPerDay);
