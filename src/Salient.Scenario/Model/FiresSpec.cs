using System.Collections.Immutable;

namespace Salient.Scenario.Model;

/// <summary>
/// A system that fires: FPV drones (radio or fiber), loitering munitions, tube and rocket artillery, glide bombs.
/// Each item (team, launcher, gun, aircraft) makes <see cref="RatePerDay"/> sorties or shots a day at targets within
/// <see cref="RangeKm"/>, each costing <see cref="MunitionCostUsd"/>.
/// </summary>
/// <remarks>Immutable. <see cref="Kill"/> and <see cref="Priority"/> are indexed by <see cref="TargetClasses"/>:
/// for personnel, Kill is the expected casualties per hit; for item classes, the probability a hit destroys the item.
/// <see cref="DeepStrike"/> (YAML <c>deep_strike: true</c>) makes the system strike targets its side's ISR has cued
/// anywhere in its range (docs/model.md, "Depth"), instead of finding each target per sortie.</remarks>
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
    ImmutableArray<Quantity> Priority,
    bool DeepStrike = false);
