using Salient.Scenario.Model;

namespace Salient.Engine.Kernel;

/// <summary>
/// Settled replications (docs/scale-out.md, "Settled replications"): once one side is wiped out and nothing the
/// survivors do can change anything but their cohesion and the cells' fortification, each remaining tick repeats
/// the same updates of those two, so <see cref="Run"/> plays just those updates and the daily recording instead of
/// stepping the whole kernel. The outputs are the bytes stepping every tick writes.
/// </summary>
/// <remarks>
/// The proof. At the start of tick t (day d) with state S, <see cref="Settled"/> holds when:
/// <list type="number">
/// <item>the scenario has no mechanic that acts without an enemy in reach (checked once: no infiltration or supply
/// routes, deep strike, rear units, air defence, stocks, season, coordination, fatigue or isolated garrisons);</item>
/// <item>one side has no active unit, and no unit still pending will arrive before the end;</item>
/// <item>no reinforcement or delivery is still to come for a unit that is active or pending;</item>
/// <item>every parameter with a schedule has the same value on every day from d on (the others are the same every day
/// by construction), and every active unit follows the same plan phase on every day from d on, with posture defend;</item>
/// <item>every active unit (all of the surviving side) already has posture defend, is not withdrawing, stands on a
/// cell bordering the enemy or has no own neighbour nearer the front and no march under way (so it does not march), is not enveloped, has cut-off ticks 0 and a supply
/// that is a fixed point of logistics within reach (<see cref="SupplyAfterTick"/>), and the cohesion it will have at
/// the start of every remaining tick (its recovery, <see cref="CohesionAfterTick"/>, played forward) stays at or above
/// its side's withdrawal threshold;</item>
/// <item>no cell was assaulted or carries assault progress.</item>
/// </list>
/// Then tick t, phase by phase: no arrival (2, 3); logistics writes the same supply (5); command gives every unit the
/// posture it has and no target, move or withdrawal order (4, 5); ISR and EW find no enemy sensor or jammer active and
/// write the same values (no air defence or stocks: 1); the fires find no active enemy unit to aim at, so they draw
/// nothing (a chain returns before its first draw when it has no candidate); ground combat finds no unit in contact
/// and no assault; recovery moves each unit's cohesion one step of its recurrence (not engaged, fixed supply) and each
/// cell's fortification one step of min(cap, f + rate), and leaves progress at 0. Nothing else changes, apart from
/// scratch that every tick writes before reading it (targets, engagement, the ISR levels, which only the absent
/// enemy's fires read), and no random number is drawn. The conditions hold again at t + 1: they read S, inputs steady
/// from d on, and the cohesion path that condition 5 checked to the end. By induction each remaining tick is those
/// two recurrences and, at the end of each day, the recording: <see cref="PlaySettledTicks"/> plays exactly that,
/// each recurrence stopping early once it reaches a fixed point (its later steps write the same value).
/// A failed check is repeated after a growing wait (at most a day): settling later is as exact, only slower.
/// A mechanic added to the kernel that acts without an enemy in reach must be added to condition 1 (or proved inert).
/// </remarks>
public sealed partial class Simulation
{
    private bool _settleCapable;       // condition 1, fixed by the scenario
    private int[] _scheduledParams = [];  // parameter quantities with a schedule (the others are constant over the days)
    private int[] _rfStartDay = [], _rfEndDay = []; // [reinforcement]: first day, last day (int.MaxValue - 1 for a one-off)
    private int _settleNextTick;
    private int _settleGap;

    /// <summary>Whether <see cref="Run"/> records the days of a settled replication in bulk (on; tests turn it off to compare).</summary>
    internal bool SkipSettled { get; set; } = true;

    /// <summary>Ticks the last <see cref="Run"/> did not step because the replication had settled.</summary>
    internal int SettledTicksSkipped { get; private set; }

    private void AllocateSettled()
    {
        var c = _c;
        var model = c.Model;
        bool anyRear = false;
        foreach (var u in model.Units) anyRear |= u.Role == UnitRole.Rear;
        bool anyDeep = false;
        foreach (int w in c.FiresSystems) anyDeep |= model.Catalogue[w].Fires!.DeepStrike;
        _settleCapable = c.InfiltrationRoutes.Length == 0 && c.Routes.Length == 0 && !anyDeep && !anyRear
            && c.AirDefenceSystems.Length == 0 && c.Stocks.Length == 0 && model.Season is null && !_coordinationOn && !_fatigueOn && !_isolationOn;
        var scheduled = new List<int>();
        for (int i = 0; i < c.ParameterQuantities.Length; i++)
            if (c.ParameterQuantities[i].IsScheduled) scheduled.Add(i);
        _scheduledParams = [.. scheduled];
        var rfs = c.Reinforcements;
        _rfStartDay = new int[rfs.Length];
        _rfEndDay = new int[rfs.Length];
        for (int r = 0; r < rfs.Length; r++)
        {
            _rfStartDay[r] = model.Calendar.DayIndex(rfs[r].Start);
            _rfEndDay[r] = rfs[r].End is { } end ? model.Calendar.DayIndex(end) : int.MaxValue - 1;
        }
    }

    /// <summary>Plays the replication's ticks from the start; once it has settled, records the remaining days in bulk.</summary>
    private void PlayTicks(Span<float> daily)
    {
        SettledTicksSkipped = 0;
        bool skip = SkipSettled && _settleCapable;
        _settleNextTick = 0;
        _settleGap = 1;
        int total = _c.TotalTicks;
        while (_tick < total)
        {
            if (skip && _tick >= _settleNextTick && Settled())
            {
                SettledTicksSkipped = total - _tick;
                PlaySettledTicks(daily);
                return;
            }
            Step(daily);
        }
    }

    /// <summary>The check, retried after a growing wait (at most a day) when it fails beyond its first, cheap condition.</summary>
    private bool Settled()
    {
        bool? settled = CheckSettled();
        if (settled is { } s) return s;
        // PERF: the rest of the check costs units + cells + scheduled days; a failure waits before trying again.
        _settleNextTick = _tick + _settleGap;
        _settleGap = Math.Min(2 * _settleGap, _c.TicksPerDay);
        return false;
    }

    /// <summary>
    /// Whether every remaining tick, from the current one, provably leaves the state as it is (class remarks); for
    /// tests that step every tick and check the claim.
    /// </summary>
    internal bool IsSettled() => CheckSettled() ?? false;

    /// <summary>The check: false when both sides have active units (cheap), else true or null (settled or not).</summary>
    private bool? CheckSettled()
    {
        if (!_settleCapable) return false;
        // Condition 2, first (cheap, and false through any fight): a side without active units.
        bool side0 = false, side1 = false;
        for (int u = 0; u < _m && !(side0 && side1); u++)
        {
            if (!_active[u]) continue;
            if (_c.UnitSide[u] == 0) side0 = true;
            else side1 = true;
        }
        if (side0 && side1) return false;
        int survivors = side0 ? 0 : side1 ? 1 : -1;
        return SettledBeyondContact(survivors) ? true : null;
    }

    /// <summary>Conditions 2 (arrivals) to 6 for the side <paramref name="survivors"/> (-1: neither side has an active unit).</summary>
    private bool SettledBeyondContact(int survivors)
    {
        int total = _c.TotalTicks;
        int day = _tick / _c.TicksPerDay;
        int rest = _days - day;
        for (int u = 0; u < _m; u++)
            if (_pending[u] && _c.UnitArrivalTick[u] < total) return false;
        for (int r = 0; r < _rfStartDay.Length; r++)
        {
            int u = _c.Reinforcements[r].Unit;
            if (!_pending[u] && !_active[u]) continue; // a destroyed unit receives nothing
            int start = _rfStartDay[r], end = _rfEndDay[r];
            bool ahead = end == int.MaxValue - 1
                ? start > day || start == day && _tick % _c.TicksPerDay == 0
                : Math.Max(start, day) <= Math.Min(end, _days - 1);
            if (ahead && start < _days) return false;
        }
        foreach (int i in _scheduledParams)
            for (int d = day + 1; d < _days; d++)
                if (!Same(ParameterOn(i, d), ParameterOn(i, day))) return false;

        SetDay(day); // P() reads today's values, the same on every remaining day
        if (survivors < 0) return SettledCells();
        double dt = _c.Dt;
        int side = survivors;
        EnsureSupplyField(side); // a cache of the control map, as logistics would bring it up to date first
        var phases = _c.UnitDayPhase;
        int ticks = _c.TotalTicks - _tick;
        for (int u = 0; u < _m; u++)
        {
            if (!_active[u]) continue;
            int phase = phases[u * _days + day];
            if (phases.AsSpan(u * _days + day, rest).ContainsAnyExcept((short)phase)) return false;
            if (phase >= 0 && _c.Phases[phase].Posture != Posture.Defend) return false;
            if (_posture[u] != (byte)Posture.Defend || _withdrawing[u] || _cutOffTicks[u] != 0) return false;
            // Command's withdrawal order, as it reads it after logistics (cut-off ticks stay 0; cohesion below).
            if (0 > P(_ids.CutOffDays[side]) * _c.TicksPerDay || Enveloped(_cell[u], side)) return false;
            if (!BordersEnemy(_cell[u], side))
            {
                // A defender behind the line marches toward the front unless no own neighbour is nearer to it.
                if (!Same(_moveProgress[u], 0)) return false;
                EnsureFrontField(side); // a cache of control and front occupancy, as command would bring it up to date
                if (Downhill(_cell[u], side, _frontDist.AsSpan(side * _n, _n), out _) >= 0) return false;
            }
            if (!Same(SupplyAfterTick(u, side, dt, out bool inReach), _supply[u]) || !inReach) return false;
            // The cohesion each remaining tick's command reads, from its recovery played forward to a fixed point.
            double threshold = P(_ids.WithdrawCohesion[side]), recovery = P(_ids.CohesionRecovery), decay = P(_ids.UnsuppliedDecay);
            double c = _cohesion[u];
            for (int i = 0; i < ticks; i++)
            {
                if (c < threshold) return false;
                double next = CohesionAfterTick(c, _supply[u], engaged: false, recovery, decay, dt);
                if (Same(next, c)) break;
                c = next;
            }
        }
        return SettledCells();
    }

    /// <summary>Bit-for-bit equality (0 and -0 differ, NaN equals itself): the state must keep its very bytes.</summary>
    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    /// <summary>Condition 6: no cell assaulted and none with assault progress.</summary>
    private bool SettledCells()
    {
        for (int c = 0; c < _n; c++)
            if (_attacked[c] || !Same(_advance[c], 0)) return false;
        return true;
    }

    /// <summary>
    /// Plays the remaining ticks of a settled replication: each unit's cohesion recovery and each cell's fortification,
    /// tick by tick to the end of each day (a recurrence stops once it reaches its fixed point), then the day's
    /// recording, as <see cref="Step"/> would; and leaves the clock where stepping would: past the last tick, on the last day.
    /// </summary>
    private void PlaySettledTicks(Span<float> daily)
    {
        int tpd = _c.TicksPerDay;
        int first = _tick / tpd;
        SetDay(first);
        // The scratch command clears every tick, as it would have (nothing reads it before the next replication's reset).
        Array.Fill(_target, -1);
        Array.Clear(_engaged);
        _targetCount = 0;
        double dt = _c.Dt;
        double recovery = P(_ids.CohesionRecovery), decay = P(_ids.UnsuppliedDecay);
        double rate = P(_ids.FortificationPerDay) * dt, cap = P(_ids.FortificationMax);
        bool cohesionFixed = false, fortificationFixed = false;
        for (int d = first; d < _days; d++)
        {
            int end = d * tpd + tpd;   // the day's ticks from _tick to end - 1
            int ticks = end - _tick;
            if (!cohesionFixed)
            {
                cohesionFixed = true;
                for (int u = 0; u < _m; u++)
                {
                    if (!_active[u]) continue;
                    ref double c = ref _cohesion[u];
                    bool fixedPoint = false;
                    for (int i = 0; i < ticks && !fixedPoint; i++)
                    {
                        double next = CohesionAfterTick(c, _supply[u], engaged: false, recovery, decay, dt);
                        fixedPoint = Same(next, c);
                        c = next;
                    }
                    cohesionFixed &= fixedPoint;
                }
            }
            if (!fortificationFixed)
            {
                _restAll = true; // PERF: the fortification changes here; the next recovery visits every cell
                fortificationFixed = true;
                for (int cell = 0; cell < _n; cell++)
                {
                    ref double f = ref _fortification[cell];
                    bool fixedPoint = false;
                    for (int i = 0; i < ticks && !fixedPoint; i++)
                    {
                        double next = FortificationAfterTick(f, rate, cap);
                        fixedPoint = Same(next, f);
                        f = next;
                    }
                    fortificationFixed &= fixedPoint;
                }
            }
            SetDay(d);
            _tick = end - 1;
            RecordDay(daily);
            _tick = end;
        }
        SetDay(_days - 1);
    }
}
