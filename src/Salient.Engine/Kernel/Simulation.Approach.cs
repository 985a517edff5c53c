namespace Salient.Engine.Kernel;

/// <summary>
/// The approach to an attack's objectives (docs/model.md 4.3, step 3; <c>ground.approach_enemy_cost.&lt;side&gt;</c> =
/// κ, 1 off). With κ &gt; 1 the objective field counts each step out of (across) a cell the side does not hold as κ
/// times its length over mobility, so a unit whose way through its own ground is shorter by that measure goes round
/// instead of fighting across the enemy's, and a unit attacks an adjacent enemy cell only when no own neighbour lies
/// lower on the field; on its way round only an attacking enemy pins it. Its reason: an army marches to its jump-off
/// line through its own ground and attacks from there; it does not cut across ground the enemy holds when a road round
/// it is shorter in days.
/// </summary>
public sealed partial class Simulation
{
    private bool _approachOn; // some side's κ can differ from 1 (fixed by the scenario): off, the hot loop reads no parameter

    private void AllocateApproach() => _approachOn = IsSet(_c, "ground.approach_enemy_cost", 1);

    /// <summary>Whether <paramref name="side"/>'s κ today weights enemy ground (not 1).</summary>
    private bool ApproachWeighted(int side) => _approachOn && ApproachCost(side) != 1;

    /// <summary>κ of <paramref name="side"/> today (1: every cell alike).</summary>
    private double ApproachCost(int side) => P(_ids.ApproachEnemyCost[side]);

    /// <summary>
    /// The objective field of <paramref name="phase"/> with enemy ground weighted by κ, from the first
    /// <paramref name="count"/> cells of <c>_fieldSources</c>. PERF: a full search each time control changes (the
    /// repaired fields of <see cref="DynamicPathField"/> assume fixed edge costs); it runs only when the phase's units
    /// attack and the map has changed since.
    /// </summary>
    private void BuildApproachField(int phase, int side, int count)
    {
        var dist = _objectiveDist.AsSpan(phase * _n, _n);
        _paths.Clear(dist);
        for (int i = 0; i < count; i++) _paths.AddSource(dist, _fieldSources[i]);
        _paths.RunWeighted(dist, _control, side, ApproachCost(side));
    }

    /// <summary>
    /// Whether <paramref name="side"/>'s unit in <paramref name="cell"/> is pinned on its approach (κ &gt; 1): only where
    /// the cell is threatened at p = <c>ground.flank_pin_personnel.&lt;side&gt;</c>, an adjacent enemy cell holding
    /// enemy personnel under an attack order today, at least p of them (Simulation.ThreatenedFront.cs). A line that
    /// faces a defending enemy is not stripped by marching off it: the enemy there does not attack.
    /// </summary>
    private bool ApproachPinned(int cell, int side)
    {
        EnsureOccupancy(); // units earlier in this command phase may have moved
        return Threatened(cell, side, P(_ids.FlankPinPersonnel[side]));
    }

    /// <summary>
    /// With κ &gt; 1, whether an own neighbour of <paramref name="cell"/> lies strictly lower on
    /// <paramref name="field"/> than <paramref name="targetDist"/>: the approach then goes round through own ground.
    /// </summary>
    private bool ApproachGoesRound(int cell, int side, ReadOnlySpan<double> field, double targetDist) =>
        ApproachWeighted(side) && Downhill(cell, side, field, out _) is int own && own >= 0 && field[own] < targetDist;
}
