using Salient.Engine.Compilation;
using Salient.Engine.Random;
using Salient.Engine.Sampling;
using Salient.Scenario.Model;
using static Salient.Engine.Compilation.MetricNames;

namespace Salient.Engine.Kernel;

/// <summary>
/// Depth (docs/model.md, "Depth: the rear and deep strike"): rear units that hold a stated depth behind their side's
/// engaged front, deep-strike systems cued by their side's ISR against any enemy unit in range, and the exposure of a
/// unit by what it is doing (holding, moving, assaulting). Off unless a scenario has a rear unit or a deep-strike
/// system (the exposure multipliers default to 1, which leaves every detection level unchanged).
/// </summary>
public sealed partial class Simulation
{
    /// <summary>Target classes whose losses to deep strike are recorded as high-value losses.</summary>
    private static readonly TargetClass[] HighValueClasses = [TargetClass.AirDefence, TargetClass.Ew, TargetClass.Artillery, TargetClass.Logistics];

    private bool _anyRear, _anyDeep;
    private bool[] _isRear = null!;            // [unit]
    private bool[] _isDeep = null!;            // [system]
    private double[] _rearDepth = null!;       // [unit]: sampled depth_km of rear units (0 for line units)
    private double[] _depthDist = null!;       // [side * n + cell]: path distance to the side's engaged front
    private readonly (long Control, long Occupancy)[] _depthKey = new (long, long)[Sides];
    private LazyPathField?[] _rearFrom = null!, _rearTo = null!; // [unit] fields from a rear unit's cell and to its goal
    private int[] _depthSources = null!;       // [side * n + i]: the source cells of the last depth field built
    private readonly int[] _depthSourceCount = new int[Sides];
    private readonly long[] _depthBuiltControl = new long[Sides]; // control version the depth field was built at
    private readonly long[] _depthFieldVersion = new long[Sides];  // bumps each time the depth field is rebuilt
    private (long Control, long Depth, int Cell)[] _rearGoalKey = null!; // [unit]: what the cached goal was chosen from
    private int[] _rearGoal = null!;           // [unit]: the cached goal
    private int[] _rearTies = null!;           // scratch: the own cells of the least gap, in cell order (RearGoal)
    private int[] _lastMoveTick = null!;       // [unit]: tick of the unit's last change of cell
    private bool[] _cued = null!;              // [side * m + unit]: the side's ISR has cued the enemy unit this tick
    private double[] _deepHits = null!;        // [side * Classes + class]: hits by the side's deep-strike systems
    private double[] _deepLosses = null!;      // [side * Classes + class]: the side's items lost to enemy deep strike
    private readonly double[] _deepLossUsd = new double[Sides];
    private RandomStream _deepFireRng, _deepAdRng, _cueRng;

    private void AllocateDepth()
    {
        var model = _c.Model;
        _isRear = new bool[_m];
        _rearDepth = new double[_m];
        for (int u = 0; u < _m; u++) _isRear[u] = model.Units[u].Role == UnitRole.Rear;
        _anyRear = _isRear.Contains(true);
        _isDeep = new bool[_k];
        foreach (int w in _c.FiresSystems) _isDeep[w] = model.Catalogue[w].Fires!.DeepStrike;
        _anyDeep = _isDeep.Contains(true);
        _depthDist = new double[Sides * _n];
        _rearFrom = new LazyPathField?[_m];
        _rearTo = new LazyPathField?[_m];
        for (int u = 0; u < _m; u++)
        {
            if (!_isRear[u]) continue;
            _rearFrom[u] = new LazyPathField(_c);
            _rearTo[u] = new LazyPathField(_c);
        }
        _depthSources = new int[_anyRear ? Sides * _n : 0];
        _rearGoalKey = new (long, long, int)[_m];
        _rearGoal = new int[_m];
        _rearTies = new int[_n];
        _lastMoveTick = new int[_m];
        _cued = new bool[Sides * _m];
        _deepHits = new double[Sides * Classes];
        _deepLosses = new double[Sides * Classes];
    }

    private void SampleDepth(ulong seed, uint rep)
    {
        if (!_anyRear) return;
        for (int u = 0; u < _m; u++)
            _rearDepth[u] = _c.Model.Units[u].DepthKm is { } q ? InputSampler.Sample(q, seed, rep) : 0;
    }

    private void ResetDepth(ulong seed, uint rep)
    {
        _deepFireRng = new RandomStream(seed, rep, StreamIds.DeepStrike);
        _deepAdRng = new RandomStream(seed, rep, StreamIds.DeepStrikeAirDefence);
        _cueRng = new RandomStream(seed, rep, StreamIds.DeepStrikeCueing);
        Array.Fill(_lastMoveTick, int.MinValue / 2);
        Array.Clear(_cued);
        Array.Clear(_deepHits);
        Array.Clear(_deepLosses);
        Array.Clear(_deepLossUsd);
        for (int s = 0; s < Sides; s++) _depthKey[s] = (-1, -1);
        Array.Fill(_depthBuiltControl, -1);
        Array.Fill(_rearGoalKey, (-1, -1, -1));
        for (int u = 0; u < _m; u++)
        {
            _rearFrom[u]?.Invalidate();
            _rearTo[u]?.Invalidate();
        }
    }

    /// <summary>Stamps a unit's change of cell for <see cref="PostureExposure"/>; units placed on the first tick (present at the start) are holding.</summary>
    private void NoteMove(int u)
    {
        if (_tick > 0) _lastMoveTick[u] = _tick;
    }

    /// <summary>
    /// Exposure of a unit by what it does this tick, multiplying its detection level: x_assault when it takes part
    /// in an assault, else x_moving when it marched or changed cell within the last day, else x_holding (dug in).
    /// The parameters' ranges (x_holding &lt;= 1 &lt;= x_moving, x_assault) make a unit holding never more findable
    /// than the same unit assaulting or moving.
    /// </summary>
    private double PostureExposure(int u)
    {
        if (_target[u] >= 0) return P(_ids.ExposureAssaulting);
        if (_moveProgress[u] > 0 || _tick - _lastMoveTick[u] < _c.TicksPerDay) return P(_ids.ExposureMoving);
        return P(_ids.ExposureHolding);
    }

    /// <summary>
    /// Command for a rear unit (unless doctrine has it withdrawing, which it does like any unit): it defends, never
    /// assaults, and moves toward the own-held cell c minimising |d_front(c) - depth_km|, ties broken by the path
    /// distance from the unit, then by cell index; d_front is the distance field to the side's engaged front
    /// (<see cref="EnsureDepthField"/>). Returns false for a line unit, which the caller commands as before.
    /// </summary>
    private bool RearCommand(int u, int side, Posture posture)
    {
        if (!_anyRear || !_isRear[u] || posture == Posture.Withdraw) return false;
        _posture[u] = (byte)Posture.Defend;
        int goal = RearGoal(u, side);
        if (goal < 0 || goal == _cell[u])
        {
            _moveProgress[u] = 0;
            return true;
        }
        // PERF: the field to the goal is kept while control and the goal stay, and settled only around the unit's
        // cell: the cells MoveDownhill reads (the unit's and its own-held neighbours).
        var to = _rearTo[u]!;
        to.FromSource(_control, side, _controlVersion, goal, _flips);
        int cell = _cell[u];
        to.At(cell);
        var start = _c.NeighbourStart;
        for (int e = start[cell]; e < start[cell + 1]; e++)
            if (_control[_c.Neighbour[e]] == side) to.At(_c.Neighbour[e]);
        MoveDownhill(u, side, to.Distances);
        return true;
    }

    /// <summary>The cell rear unit <paramref name="u"/> heads for (-1 when no own cell is connected to the front).</summary>
    /// <remarks>
    /// The own cell c minimising (|d_front(c) - depth_km|, d_from(c), c) over cells with both distances finite.
    /// PERF: cached while control, the depth field and the unit's cell stay; otherwise the least gap's cells are
    /// found by a scan; when at most one of them is reachable (by the own ground's components) no search is needed,
    /// else the search from the unit is settled only as far as those cells (the whole search only when none of them
    /// is reachable).
    /// </remarks>
    private int RearGoal(int u, int side)
    {
        EnsureDepthField(side);
        int cell = _cell[u];
        var key = (_controlVersion, _depthFieldVersion[side], cell);
        if (_rearGoalKey[u] == key) return _rearGoal[u];
        var from = _rearFrom[u]!;
        var depth = _depthDist.AsSpan(side * _n, _n);
        double target = _rearDepth[u];
        // The least gap and its cells, in cell order: the first reachable one with the least distance from the unit.
        // PERF: one scan collects the least gap's cells as it goes (a smaller gap starts the list again), so the
        // choices below visit that list, in cell order, instead of scanning every cell again: the same cells.
        double minGap = double.PositiveInfinity;
        int ties = 0;
        for (int c = 0; c < _n; c++)
        {
            if (_control[c] != side || double.IsPositiveInfinity(depth[c])) continue;
            double gap = Math.Abs(depth[c] - target);
            if (gap < minGap)
            {
                minGap = gap;
                ties = 0;
            }
            if (gap == minGap) _rearTies[ties++] = c;
        }
        var leastGap = _rearTies.AsSpan(0, ties);
        int best = -1;
        double bestFrom = double.PositiveInfinity;
        // PERF: with one reachable cell of the least gap the distances from the unit cannot change the choice, so
        // reaching is read from the own ground's components (Simulation.RearReach.cs) and the search is skipped.
        int reachable = 2;
        if (_reachByComponents && !RearGoalsBySearch && !double.IsPositiveInfinity(minGap))
        {
            ReadOnlySpan<int> comp = default;
            int reached = -1; // the labels are made only when a cell other than the unit's own is asked about
            reachable = 0;
            foreach (int c in leastGap)
            {
                if (reachable == 2) break;
                if (c != cell)
                {
                    if (reached < 0)
                    {
                        comp = Components(side);
                        reached = ReachedComponents(side, cell, comp);
                    }
                    if (!Reaches(cell, c, comp, reached)) continue;
                }
                if (reachable++ == 0) best = c;
            }
            if (reachable == 2) best = -1; // two or more: the least distance decides, as below
        }
        if (reachable == 2 && !double.IsPositiveInfinity(minGap))
        {
            from.FromSource(_control, side, _controlVersion, cell, _flips);
            foreach (int c in leastGap)
            {
                double f = from.At(c);
                if (f < bestFrom) { best = c; bestFrom = f; }
            }
        }
        if (best < 0)
        {
            // No cell of the least gap is reachable: finish the search and scan every cell as the definition reads.
            from.FromSource(_control, side, _controlVersion, cell, _flips);
            from.Complete();
            var dist = from.Distances;
            double bestGap = double.PositiveInfinity;
            bestFrom = double.PositiveInfinity;
            for (int c = 0; c < _n; c++)
            {
                if (_control[c] != side || double.IsPositiveInfinity(depth[c]) || double.IsPositiveInfinity(dist[c])) continue;
                double gap = Math.Abs(depth[c] - target);
                if (gap < bestGap || gap == bestGap && dist[c] < bestFrom)
                {
                    best = c;
                    bestGap = gap;
                    bestFrom = dist[c];
                }
            }
        }
        _rearGoalKey[u] = key;
        _rearGoal[u] = best;
        return best;
    }

    /// <summary>
    /// Path distance (length / mobility, through own cells) to the side's engaged front: its own cells bordering an
    /// enemy cell that holds an enemy unit; every own cell bordering the enemy when no enemy unit is at the line.
    /// Brought up to date when control or front occupancy changes.
    /// </summary>
    /// <remarks>
    /// PERF: keyed by the control and front-occupancy versions only (it was also rebuilt every tick, a scan of the
    /// line for nothing on most ticks). The sources read the control map and which enemy units stand on cells next
    /// to the side's own: such a cell borders a cell its occupant's side does not hold, so a unit entering or leaving
    /// it (<see cref="MoveUnit"/>, also on arrival), being eliminated or infiltrating bumps the occupancy version, as
    /// does a new replication; nothing else changes a unit's cell or activity. Same sources, same field.
    /// </remarks>
    private void EnsureDepthField(int side)
    {
        var key = (_controlVersion, _frontOccupancyVersion);
        if (_depthKey[side] == key) return;
        _depthKey[side] = key;
        EnsureOccupancy();
        // PERF: the field is a function of the control map and its sources; most ticks neither changed, so the
        // sources are collected and compared with the last build's before searching again.
        var sources = _depthSources.AsSpan(side * _n, _n);
        int count = 0;
        bool same = _depthBuiltControl[side] == _controlVersion;
        var border = Border(side);
        foreach (int c in border)
            if (FacesEnemyUnit(c, side)) Note(sources, ref count, ref same, c);
        if (count == 0)
            foreach (int c in border) Note(sources, ref count, ref same, c);
        if (same && count == _depthSourceCount[side]) return;
        _depthSourceCount[side] = count;
        _depthBuiltControl[side] = _controlVersion;
        _depthFieldVersion[side]++;
        _depthFields[side].Update(_control, sources[..count], _flips);
        _depthFields[side].Distances.CopyTo(_depthDist.AsSpan(side * _n, _n));

        static void Note(Span<int> sources, ref int count, ref bool same, int c)
        {
            if (sources[count] != c) { sources[count] = c; same = false; }
            count++;
        }
    }

    private bool FacesEnemyUnit(int cell, int side)
    {
        var start = _c.NeighbourStart;
        for (int e = start[cell]; e < start[cell + 1]; e++)
        {
            int v = _c.Neighbour[e];
            if (_control[v] != side && HasUnitOf(v, 1 - side)) return true;
        }
        return false;
    }

    /// <summary>Mean distance to the engaged front of the side's active rear units (NaN when none is connected to it).</summary>
    private double RearDistance(int side)
    {
        EnsureDepthField(side);
        double sum = 0;
        int count = 0;
        for (int u = 0; u < _m; u++)
        {
            if (!_active[u] || !_isRear[u] || _c.UnitSide[u] != side) continue;
            double d = _depthDist[side * _n + _cell[u]];
            if (double.IsPositiveInfinity(d)) continue;
            sum += d;
            count++;
        }
        return count > 0 ? sum / count : double.NaN;
    }

    /// <summary>
    /// Deep-strike cueing, once a tick before the fires: the ISR of each side cues each
    /// active enemy unit v with probability 1 - exp(-D(v) dt), D(v) its detection level (base, enemy sensors in their
    /// range, jamming and the posture exposure), so a unit exposed all day is cued with probability 1 - exp(-D(v)).
    /// </summary>
    private void CueDeepTargets()
    {
        if (!_anyDeep) return;
        double dt = _c.Dt;
        for (int side = 0; side < Sides; side++)
        {
            for (int v = 0; v < _m; v++)
            {
                bool target = _active[v] && _c.UnitSide[v] != side;
                _cued[side * _m + v] = target && Sampler.Bernoulli(ref _cueRng, 1 - Math.Exp(-_detection[v] * dt));
            }
        }
    }

    /// <summary>
    /// A deep-strike system's kill chain: the same stages as <see cref="FireSystem"/> (on its own streams, so flagging
    /// a system for deep strike leaves every other system's draws where they were), aimed only at cued units.
    /// </summary>
    private void DeepFireSystem(int f, int w, long teams)
    {
        (_fireRng, _deepFireRng) = (_deepFireRng, _fireRng);
        (_adRng, _deepAdRng) = (_deepAdRng, _adRng);
        FireSystem(f, w, teams);
        (_fireRng, _deepFireRng) = (_deepFireRng, _fireRng);
        (_adRng, _deepAdRng) = (_deepAdRng, _adRng);
    }

    private void NoteDeepHits(int w, int side, int cls, long hits)
    {
        if (_isDeep[w]) _deepHits[side * Classes + cls] += hits;
    }

    private void NoteDeepLoss(int side, int s, long lost, int bySystem)
    {
        if (bySystem < 0 || !_isDeep[bySystem]) return;
        _deepLosses[side * Classes + _c.SystemTargetClass[s]] += lost;
        _deepLossUsd[side] += lost * _cost[s];
    }

    /// <summary>Declares the depth metrics, only for scenarios that use a rear unit or a deep-strike system.</summary>
    private static void DeclareDepthMetrics(MetricRegistry r, CompiledScenario c)
    {
        var model = c.Model;
        bool anyDeep = c.FiresSystems.Any(w => model.Catalogue[w].Fires!.DeepStrike);
        bool anyRear = model.Units.Any(u => u.Role == UnitRole.Rear);
        for (int s = 0; s < Sides; s++)
        {
            if (anyDeep) DeclareDeepMetrics(r, model.Sides[s].Id, s);
            if (anyRear) DeclareRearMetrics(r, model.Sides[s].Id, s);
        }
    }

    private static void DeclareDeepMetrics(MetricRegistry r, string side, int s)
    {
        for (int cls = 0; cls < Classes; cls++)
        {
            int slot = s * Classes + cls;
            r.Final(DeepHits(TargetClasses.Names[cls], side), MetricKind.Value, sim => sim._deepHits[slot]);
        }
        foreach (var cls in HighValueClasses)
        {
            int slot = s * Classes + (int)cls;
            r.Final(DeepLosses(TargetClasses.Names[(int)cls], side), MetricKind.Value, sim => sim._deepLosses[slot]);
        }
        r.Final(DeepLossesUsd(side), MetricKind.Value, sim => sim._deepLossUsd[s]);
    }

    private static void DeclareRearMetrics(MetricRegistry r, string side, int s)
    {
        r.Final(RearDistanceKm(side), MetricKind.Value, sim => sim.RearDistance(s));
        r.Daily(RearDistanceKm(side), sim => sim.RearDistance(s));
    }
}
