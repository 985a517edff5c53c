namespace Salient.Engine.Kernel;

/// <summary>
/// Isolated garrisons (docs/model.md 4.2; <c>ground.isolated_garrison_days.&lt;side&gt;</c> = g, 0 off). Ground a side
/// holds with its garrison alone, cut off from every depot it holds (no path through its own cells) and with none of
/// its units anywhere in the cut-off pocket, falls to the enemy once it has been so for g daily checks in a row: an
/// encircled garrison with no force to relieve it cannot hold, and a pocket the attack bypassed would otherwise stay
/// a front that the defenders around it guard for the rest of the campaign. A pocket with a unit in any of its cells
/// is left to the units (they are cut off and withdraw, 4.3), and a pocket that reaches the theatre's outer edge is not
/// isolated: the map ends there, not the side's ground, which may join it to its rear beyond the map. Draws nothing;
/// checked on the first tick of each day.
/// </summary>
public sealed partial class Simulation
{
    private int[] _isolatedDays = null!; // [side * cells + cell]: consecutive daily checks the side's cell has been in a unit-less pocket
    private bool[] _pocketHeld = null!;  // scratch [component]: the pocket has a unit of its side or a cell on the outer edge
    private bool _isolationOn;           // some side's g can be above 0 (fixed by the scenario)

    private void AllocateIsolatedGarrison()
    {
        _isolationOn = IsSet(_c, "ground.isolated_garrison_days", 0);
        _isolatedDays = new int[Sides * _n];
        if (!_isolationOn) return;
        AllocateComponents(); // Simulation.RearReach.cs
        _pocketHeld = new bool[_n];
    }

    private void ResetIsolatedGarrison() => Array.Clear(_isolatedDays);

    /// <summary>
    /// The daily check, after the supply fields are current. A pocket is a component of the side's own ground
    /// (<see cref="Components"/>: own cells joined by passable edges, the edges the supply field crosses) whose cells
    /// have an infinite supply distance; a component with one such cell has only such cells. For each side with g &gt; 0
    /// and a depot, each cell of a pocket that holds no unit of the side and no cell on the outer edge counts a day, and
    /// is captured by the enemy once its count reaches g; every other cell of the side starts again from 0.
    /// </summary>
    private void IsolatedGarrisons()
    {
        if (!_isolationOn || _tickOfDay != 0) return;
        for (int side = 0; side < Sides; side++)
        {
            double days = P(_ids.IsolatedGarrisonDays[side]);
            if (!(days > 0) || !_c.SideHasDepot[side]) continue;
            EnsureSupplyField(side); // the other side's captures in this check may have moved it
            EnsureOccupancy();
            var dist = _supplyDist.AsSpan(side * _n, _n);
            var count = _isolatedDays.AsSpan(side * _n, _n);
            var comp = Components(side);
            Array.Clear(_pocketHeld);
            for (int cell = 0; cell < _n; cell++)
                if (_control[cell] == side && double.IsPositiveInfinity(dist[cell]) && (_c.CellOnOuterEdge[cell] || HasUnitOf(cell, side)))
                    _pocketHeld[comp[cell]] = true;
            // A capture changes only the captured cell's control, which no later cell of this pass reads.
            for (int cell = 0; cell < _n; cell++)
            {
                if (_control[cell] != side || !double.IsPositiveInfinity(dist[cell]) || _pocketHeld[comp[cell]]) { count[cell] = 0; continue; }
                if (++count[cell] < days) continue;
                count[cell] = 0;
                Capture(cell, 1 - side);
            }
        }
    }
}
