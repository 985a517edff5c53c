using Salient.Scenario.Model;

namespace Salient.Engine.Kernel;

/// <summary>
/// A side's defence as a line (docs/model.md 4.7, "Holding a line"). With psi = ground.line_share.&lt;side&gt; above 0,
/// each unit that defends this tick (active, defend posture, not a rear unit) holds the share psi of its power as part
/// of a continuous line spread evenly over its side's front cells (the cells it holds that border ground it does not
/// hold, F of them), and only 1 - psi in its own cell and, at the support fraction, in the adjacent ones. A front cell
/// with no unit in it is then held by the line's psi sum Pow / F as well as the garrison, so how much ground a thin
/// force can hold depends on the length of its front (the force-to-space ratio) rather than on where its few units
/// stand. The line's troops are the units' own: they take the defence's casualties at their share. With psi = 0 (the
/// default) a unit defends only its cell and its neighbours, as before, and nothing here runs.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>Whether unit <paramref name="u"/> holds its side's line this tick (its posture is set by command).</summary>
    private bool HoldsLine(int u) => _active[u] && _posture[u] == (byte)Posture.Defend && !(_anyRear && _isRear[u]);

    /// <summary>
    /// The share of unit <paramref name="u"/>'s power (of the defending side) in the defence of a cell:
    /// <paramref name="point"/> (1 in the cell, the support fraction next to it, 0 elsewhere); for a unit holding the
    /// line that is scaled by 1 - psi, plus <paramref name="spread"/> (psi / F, or 0 when the cell is not on the front).
    /// </summary>
    private double LineWeight(int u, double point, double psi, double spread) =>
        HoldsLine(u) ? point * (1 - psi) + spread : point;

    /// <summary>psi / F for a front cell of <paramref name="side"/> (F its front cells), 0 for any other cell.</summary>
    private double LineSpread(int cell, int side, double psi)
    {
        if (!BordersEnemy(cell, side)) return 0;
        int front = Border(side).Length;
        return front > 0 ? psi / front : 0;
    }

    /// <summary>
    /// Adds <paramref name="side"/>'s units to the defence of <paramref name="cell"/> as participants from
    /// <paramref name="count"/> on, in unit order, each at its <see cref="LineWeight"/>; returns their summed weighted
    /// power. Units there or adjacent are engaged; those only on the line elsewhere are not (a thin line's troops are
    /// not all in the fight), but they take their share of the casualties.
    /// </summary>
    private double AddLineDefenders(int cell, int side, double psi, double support, ref int count) =>
        SumLine(cell, side, psi, support, participate: true, ref count);

    /// <summary>The weighted power of <paramref name="side"/>'s units in the defence of <paramref name="cell"/> (no garrison).</summary>
    private double LineDefence(int cell, int side, double psi, double support)
    {
        int none = 0;
        return SumLine(cell, side, psi, support, participate: false, ref none);
    }

    private double SumLine(int cell, int side, double psi, double support, bool participate, ref int count)
    {
        double spread = LineSpread(cell, side, psi);
        double d = 0;
        for (int u = 0; u < _m; u++)
        {
            if (!_active[u] || _c.UnitSide[u] != side) continue;
            bool here = _cell[u] == cell, near = !here && Adjacent(_cell[u], cell);
            double w = LineWeight(u, here ? 1 : near && support > 0 ? support : 0, psi, spread);
            if (w <= 0) continue;
            d += w * Power(u);
            if (!participate) continue;
            _partUnit[count] = u;
            _partWeight[count++] = w;
            if (here || near) _engaged[u] = true;
        }
        return d;
    }
}
