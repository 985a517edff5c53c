using Salient.Scenario.Model;

namespace Salient.Engine.Kernel;

/// <summary>
/// Reinforcing the threatened front (docs/model.md 4.3, step 4; <c>ground.reinforce_threat_personnel.&lt;side&gt;</c>
/// = T, 0 off). A side's front cell is threatened when an adjacent cell the enemy holds has at least T of the enemy's
/// personnel in active units under an attack order today (a defending garrison, rear group or border post is no threat
/// to the line). With T &gt; 0 the front field leads first to the unheld threatened front cells (to every
/// threatened one when each is held; to the front as before when none is threatened); a defender that shares a quiet
/// front cell with an own unit of lower index leaves it down that field, and a defender sent toward a threatened cell
/// marches on through quiet front cells until it stands in a threatened one. The first unit in a quiet cell holds it.
/// </summary>
public sealed partial class Simulation
{
    private readonly int[] _frontTick = new int[Sides];   // [side]: the tick the front field's threat was last read (rule on; -1 after a reset)
    private readonly bool[] _frontThreatened = new bool[Sides]; // [side]: the front field leads to threatened cells
    private bool[] _reinforcing = null!;                  // [unit]: sent toward a threatened front cell, not yet there

    private void AllocateThreatenedFront() => _reinforcing = new bool[_m];

    private void ResetThreatenedFront()
    {
        Array.Clear(_reinforcing);
        Array.Fill(_frontTick, -1);
        Array.Clear(_frontThreatened);
    }

    /// <summary>T of <paramref name="side"/> today; 0 when the rule is off.</summary>
    private double ThreatPersonnel(int side) => P(_ids.ReinforceThreatPersonnel[side]);

    /// <summary>Whether an enemy-held neighbour of <paramref name="cell"/> holds enemy personnel under an attack order, at
    /// least <paramref name="threat"/> of them (with a threat of 0, any; occupancy current). Also the approach's pin
    /// (Simulation.Approach.cs).</summary>
    private bool Threatened(int cell, int side, double threat)
    {
        var start = _c.NeighbourStart;
        for (int e = start[cell]; e < start[cell + 1]; e++)
        {
            int v = _c.Neighbour[e];
            if (_control[v] == side) continue;
            double attacking = AttackingPersonnelAt(v, 1 - side);
            if (attacking > 0 && attacking >= threat) return true;
        }
        return false;
    }

    /// <summary>Personnel of <paramref name="side"/>'s active units in <paramref name="cell"/> whose plan phase today
    /// orders an attack (the order, not the posture doctrine gives it this tick, so the sum does not depend on which
    /// units command has reached; occupancy must be current).</summary>
    private double AttackingPersonnelAt(int cell, int side)
    {
        double n = 0;
        for (int u = _firstAt[cell]; u >= 0; u = _nextAt[u])
        {
            if (!_active[u] || _c.UnitSide[u] != side) continue;
            int phase = PlanPhase(u);
            if (phase >= 0 && _c.Phases[phase].Posture == Posture.Attack) n += _personnel[u];
        }
        return n;
    }

    /// <summary>
    /// Whether defender <paramref name="u"/>, standing on the front, leaves its cell for the threatened front: the rule
    /// is on and its cell is not threatened, and it is on its way to a threatened cell or an own unit of lower index
    /// stands in the same cell. A defender in a threatened cell holds, and is no longer on its way.
    /// </summary>
    private bool FreeToReinforce(int u, int side)
    {
        double threat = ThreatPersonnel(side);
        if (threat <= 0) return false;
        EnsureOccupancy(); // units earlier in this command phase may have moved
        int cell = _cell[u];
        if (Threatened(cell, side, threat))
        {
            _reinforcing[u] = false;
            return false;
        }
        if (_reinforcing[u]) return true;
        for (int v = _firstAt[cell]; v >= 0 && v != u; v = _nextAt[v])
            if (_c.UnitSide[v] == side) return true;
        return false;
    }

    /// <summary>Notes whether defender <paramref name="u"/>, moving down the front field, is on its way to a threatened cell.</summary>
    private void NoteReinforcing(int u, int side)
    {
        if (ThreatPersonnel(side) > 0) _reinforcing[u] = _frontThreatened[side];
    }
}
