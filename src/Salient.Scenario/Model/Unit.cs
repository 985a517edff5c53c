using System.Collections.Immutable;
using Salient.Scenario.Diagnostics;

namespace Salient.Scenario.Model;

/// <summary>A manoeuvre unit (battalion or brigade aggregate).</summary>
/// <remarks>Immutable. <see cref="Arrives"/> is the date the unit enters the theatre (the calendar start for units present at start).
/// <see cref="Role"/> is <see cref="UnitRole.Line"/> unless the scenario says <c>role: rear</c>; <see cref="DepthKm"/> is set
/// only for rear units (the depth behind the front they hold, km of the front distance field).</remarks>
public sealed record Unit(
    int Index,
    string Id,
    string Name,
    int Side,
    int Cell,
    Quantity Personnel,
    Quantity Experience,
    ImmutableArray<InventoryItem> Inventory,
    DateOnly Arrives,
    SourceSpan Span,
    UnitRole Role = UnitRole.Line,
    Quantity? DepthKm = null)
{
    /// <summary>
    /// The contingent the unit belongs to within its side (for example <c>dprk</c>), or null: casualties and personnel
    /// are then also reported per contingent (<c>casualties.total.&lt;contingent&gt;</c>; docs/model.md, "Contingents").
    /// </summary>
    public string? Contingent { get; init; }
}
