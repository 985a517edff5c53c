namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    /// <summary>
    /// Phase 1, arrivals: units due by now enter at their cell if their side holds it, else at their side's first
    /// held depot, else they wait. One-off reinforcements land on the first tick of their day; daily flows are spread
    /// evenly over the day's ticks.
    /// </summary>
    private void Arrivals()
    {
        bool anyPending = false;
        for (int u = 0; u < _m; u++)
        {
            if (!_pending[u]) continue;
            if (_c.UnitArrivalTick[u] > _tick)
            {
                anyPending = true;
                continue;
            }
            int side = _c.UnitSide[u];
            int cell = _c.UnitStartCell[u];
            if (_control[cell] != side) cell = FirstHeldDepot(side);
            if (cell < 0)
            {
                anyPending = true;
                continue;
            }
            _pending[u] = false;
            _active[u] = _personnel[u] > 0;
            MoveUnit(u, cell);
        }

        var reinforcements = _c.Reinforcements;
        // PERF: with nothing pending and no reinforcement, every later call would do nothing (Simulation.Overheads.cs).
        if (!anyPending && reinforcements.Length == 0 && _skipInert) _arrivalsDone = true;
        bool dayStart = _tickOfDay == 0;
        for (int r = 0; r < reinforcements.Length; r++)
        {
            var rf = reinforcements[r];
            int startDay = _c.Model.Calendar.DayIndex(rf.Start);
            double amount;
            if (rf.End is { } end)
            {
                if (_day < startDay || _day > _c.Model.Calendar.DayIndex(end)) continue;
                amount = _reinforcementAmount[r] * _c.Dt;
            }
            else
            {
                if (!dayStart || _day != startDay) continue;
                amount = _reinforcementAmount[r];
            }
            int u = rf.Unit;
            // A destroyed unit receives nothing: its replacements have no one to join.
            if (!_pending[u] && !_active[u]) continue;
            if (rf.System >= 0)
            {
                // Item deliveries accumulate fractions so a flow of 0.3 teams a day delivers one every few days.
                _deliveryCarry[r] += amount;
                long whole = (long)Math.Floor(_deliveryCarry[r]);
                _deliveryCarry[r] -= whole;
                _inventory[u * _k + rf.System] += whole;
                continue;
            }
            amount *= P(_ids.ReplacementScale[_c.UnitSide[u]]);
            _personnel[u] += amount;
            _reinforced[_c.UnitSide[u]] += amount;
        }
    }

    private int FirstHeldDepot(int side)
    {
        for (int d = 0; d < _c.DepotCell.Length; d++)
            if (_c.DepotSide[d] == side && _control[_c.DepotCell[d]] == side) return _c.DepotCell[d];
        return -1;
    }
}
