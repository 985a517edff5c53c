using System.Collections.Immutable;
using Salient.Scenario.Diagnostics;

namespace Salient.Scenario.Model;

/// <summary>
/// A scenario-defined infiltration route (docs/model.md, "Infiltration"): a chain of adjacent cells from an entry cell
/// in the side's own ground to an exit cell in enemy ground, through which a stated force moves unseen by the front
/// and emerges to assault the exit cell from behind.
/// </summary>
/// <remarks>
/// Immutable. <see cref="Unit"/> is the force that goes: it never arrives by itself (its <c>arrives</c> date is
/// ignored); it is sent on <see cref="Start"/> with at most <see cref="Capacity"/> personnel, taken from
/// <see cref="DetachFrom"/> when that is 0 or more. It spends <see cref="TransitDays"/> whole days in transit, each day
/// detected with probability <see cref="DetectionPerDay"/> (on detection a fraction <see cref="LossIfDetected"/> of it
/// is lost), and emerges at the exit cell at the start of day <c>Start + TransitDays</c>. While it fights in the exit
/// cell, the defence multiplier M of that cell becomes 1 + (M - 1)(1 - <see cref="Surprise"/>).
/// </remarks>
/// <param name="Id">The route's id, used in metric names (<c>infiltration.sent.&lt;id&gt;.&lt;side&gt;</c>).</param>
/// <param name="Name">A display name.</param>
/// <param name="Side">The side that infiltrates.</param>
/// <param name="Cells">The chain of cells, entry first, exit last; consecutive cells are adjacent.</param>
/// <param name="LengthKm">The route's length along its edges (km), for reports.</param>
/// <param name="Unit">The unit that goes through the route.</param>
/// <param name="DetachFrom">The unit whose personnel are detached to form the force, or -1.</param>
/// <param name="Start">The date the force enters the route (a dated order, or the start of a named plan phase).</param>
/// <param name="TransitDays">Whole days in transit (at least 1).</param>
/// <param name="Capacity">Largest force the route can carry (personnel).</param>
/// <param name="DetectionPerDay">Probability per day in transit that the enemy detects the force.</param>
/// <param name="LossIfDetected">Fraction of the force in transit lost (killed or wounded) on each detection.</param>
/// <param name="Surprise">Surprise factor sigma in [0, 1]: the share of the defenders' terrain and fortification benefit lost while attacked from behind.</param>
/// <param name="Span">Where the route is defined.</param>
public sealed record InfiltrationRoute(
    string Id,
    string Name,
    int Side,
    ImmutableArray<int> Cells,
    double LengthKm,
    int Unit,
    int DetachFrom,
    DateOnly Start,
    int TransitDays,
    Quantity Capacity,
    Quantity DetectionPerDay,
    Quantity LossIfDetected,
    Quantity Surprise,
    SourceSpan Span)
{
    /// <summary>The entry cell, in the side's own ground.</summary>
    public int Entry => Cells[0];

    /// <summary>The exit cell, in enemy ground, where the force emerges and attacks.</summary>
    public int Exit => Cells[^1];

    /// <summary>The route's uncertain inputs, for sampling and provenance.</summary>
    public IEnumerable<Quantity> Quantities()
    {
        yield return Capacity;
        yield return DetectionPerDay;
        yield return LossIfDetected;
        yield return Surprise;
    }
}
