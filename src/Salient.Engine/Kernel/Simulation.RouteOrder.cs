using Salient.Engine.Compilation;

namespace Salient.Engine.Kernel;

/// <summary>
/// PERF: the order in which <see cref="AssignService"/> visits a side's route cells from a unit's cell, nearest first
/// by a lower bound on the route field's distance, so that the fields of route cells too far to serve the unit are
/// neither read nor repaired.
/// </summary>
/// <remarks>
/// The bound is the distance from the route cell through every cell of the theatre, whatever its control (a search
/// over all cells, <see cref="PathFinder"/> with side -1). The route field's search may enter only its side's cells,
/// a subset of those paths, with the same edge costs summed in the same order, so its distance is never below the
/// bound, bit for bit: a minimum over fewer paths. A bound above the best distance found rules the route cell out of
/// the least (distance, slot) exactly as reading its field would. Fixed per scenario, computed once per simulation.
/// </remarks>
public sealed partial class Simulation
{
    private double[] _routeLowerBound = null!; // [slot * n + cell]
    private CompiledRoute[] _slotRoute = null!; // [slot]
    private readonly int[] _sideSlotCount = new int[Sides];
    private int _slotsPerSide;
    private int[] _slotOrder = null!;          // [(side * n + cell) * slotsPerSide + j]: the side's slots, nearest bound first

    private void AllocateRouteOrder(int slots)
    {
        _routeLowerBound = new double[slots * _n];
        _slotRoute = new CompiledRoute[slots];
        foreach (var r in _routes)
            for (int i = 0; i < r.Cells.Length; i++)
            {
                int slot = r.FirstSlot + i;
                _slotRoute[slot] = r;
                var dist = _routeLowerBound.AsSpan(slot * _n, _n);
                _paths.Clear(dist);
                _paths.AddSource(dist, r.Cells[i]);
                _paths.Run(dist, _c.InitialControl, -1);
                _sideSlotCount[r.Side]++;
            }
        _slotsPerSide = Math.Max(_sideSlotCount[0], _sideSlotCount[1]);
        _slotOrder = new int[Sides * _n * _slotsPerSide];
        var keys = new (double Bound, int Slot)[_slotsPerSide];
        for (int side = 0; side < Sides; side++)
            for (int cell = 0; cell < _n; cell++)
            {
                int count = 0;
                for (int slot = 0; slot < slots; slot++)
                    if (_slotRoute[slot].Side == side) keys[count++] = (_routeLowerBound[slot * _n + cell], slot);
                Array.Sort(keys, 0, count);
                for (int j = 0; j < count; j++) _slotOrder[(side * _n + cell) * _slotsPerSide + j] = keys[j].Slot;
            }
    }
}
