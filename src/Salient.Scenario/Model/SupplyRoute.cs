using System.Collections.Immutable;
using Salient.Scenario.Diagnostics;

namespace Salient.Scenario.Model;

/// <summary>
/// A side's supply route: a road or rail line through a chain of cells along which convoys carry the side's
/// resupply from its depots to the units the route serves (docs/model.md, "Supply routes and interdiction").
/// </summary>
/// <remarks>
/// Immutable. <see cref="Waypoints"/> are cell indices in order from the route's head (the end fed by the depots) to its
/// tail; consecutive waypoints need not be neighbours: the compiler joins them by the shortest path through the theatre.
/// <see cref="Throughput"/> is in supply units per day: one supply unit is one person-day of supply, so a route of
/// throughput T keeps T personnel at the full resupply rate. <see cref="VehiclesPerDay"/> vehicles of the logistics-class
/// system <see cref="Vehicle"/> carry it, each T / V of it.
/// </remarks>
public sealed record SupplyRoute(
    string Id,
    int Side,
    ImmutableArray<int> Waypoints,
    Quantity Throughput,
    int Vehicle,
    Quantity VehiclesPerDay,
    SourceSpan Span);
