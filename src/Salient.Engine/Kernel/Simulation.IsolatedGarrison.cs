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
    private int[] _isolatedDays = null!;  // [side * cells + cell]: consecutive daily checks the side's cell has been in a unit-less pocket
    private int[] _pocketStamp = null!;   // [cell]: the check that last visited the cell (a scratch mark)
    private int[] _pocket = null!;        // scratch: the cells of the pocket being traced
    private int[] _isolatedFalls = null!; // scratch: the cells that fall this check
    private int _pocketCheck;             // the running stamp
    private bool _isolationOn;            // some side's g can be above 0 (fixed by the scenario)

    private void AllocateIsolatedGarrison()
    {
        _isolatedDays = new int[Sides * _n];
        _pocketStamp = new int[_n];
        _pocket = new int[_n];
        _isolatedFalls = new int[_n];
        _isolationOn = IsSet(_c, "ground.isolated_garrison_days", 0);
    }

    private void ResetIsolatedGarrison()
    {
        Array.Clear(_isolatedDays);
        Array.Clear(_pocketStamp);
        _pocketCheck = 0;
    }

    /// <summary>
    /// The daily check, after the supply fields are current: for each side with g &gt; 0 and a depot, each pocket of its
    /// cells with an infinite supply distance and none of its units counts a day; the others start again from 0. Cells
    /// whose count reaches g are captured by the enemy, after every pocket is traced.
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
            int stamp = ++_pocketCheck, falls = 0;
            for (int cell = 0; cell < _n; cell++)
            {
                if (_control[cell] != side || !double.IsPositiveInfinity(dist[cell])) { count[cell] = 0; continue; }
                if (_pocketStamp[cell] == stamp) continue;
                int size = TracePocket(cell, side, stamp, out bool held);
                for (int i = 0; i < size; i++)
                {
                    int p = _pocket[i];
                    if (held) { count[p] = 0; continue; }
                    if (++count[p] >= days) _isolatedFalls[falls++] = p;
                }
            }
            for (int i = 0; i < falls; i++)
            {
                count[_isolatedFalls[i]] = 0;
                Capture(_isolatedFalls[i], 1 - side);
            }
        }
    }

    /// <summary>The cut-off cells of <paramref name="side"/> joined to <paramref name="start"/> through its own cells, into
    /// <c>_pocket</c> (returns how many), and whether the pocket still holds: a unit of the side stands in one of its
    /// cells, or one of them is on the theatre's outer edge. Every cell reached through own ground from a cut-off cell is
    /// cut off too, so the search needs no distance test.</summary>
    private int TracePocket(int start, int side, int stamp, out bool held)
    {
        int size = 0;
        held = false;
        _pocketStamp[start] = stamp;
        _pocket[size++] = start;
        var first = _c.NeighbourStart;
        for (int i = 0; i < size; i++)
        {
            int cell = _pocket[i];
            held |= _c.CellOnOuterEdge[cell] || HasUnitOf(cell, side);
            for (int e = first[cell]; e < first[cell + 1]; e++)
            {
                int v = _c.Neighbour[e];
                if (_control[v] != side || _pocketStamp[v] == stamp) continue;
                _pocketStamp[v] = stamp;
                _pocket[size++] = v;
            }
        }
        return size;
    }
}
