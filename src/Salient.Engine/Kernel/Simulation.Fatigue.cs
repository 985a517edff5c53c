using Salient.Engine.Compilation;

namespace Salient.Engine.Kernel;

/// <summary>
/// Fatigue and rotation (docs/model.md, "Fatigue and rotation"): combat power falls with days of continuous
/// engagement and recovers out of contact; a worn unit rotates out to its depots. Off unless the scenario sets
/// fatigue.rate_per_day for a side; then the multiplier of every unit is exactly 1 until it has been in contact.
/// </summary>
public sealed partial class Simulation
{
    private readonly bool _fatigueOn;            // the scenario sets fatigue.rate_per_day
    private double[] _fatigueDays = null!;       // [unit]: fatigue d in engaged days
    private double[] _fatigueFactor = null!;     // [unit]: multiplier on combat power, max(floor, exp(-lambda d))
    private bool[] _resting = null!;             // [unit]: rotated out until rested
    private readonly double[] _engagedUnitDays = new double[Sides];
    private readonly double[] _rotations = new double[Sides];

    private static bool FatigueEnabled(CompiledScenario c) => IsSet(c, "fatigue.rate_per_day", 0);

    private void AllocateFatigue()
    {
        _fatigueDays = new double[_m];
        _fatigueFactor = new double[_m];
        _resting = new bool[_m];
    }

    private void ResetFatigue()
    {
        Array.Clear(_fatigueDays);
        Array.Fill(_fatigueFactor, 1.0);
        Array.Clear(_resting);
        Array.Clear(_engagedUnitDays);
        Array.Clear(_rotations);
    }

    /// <summary>
    /// Phase 7c, fatigue, after ground combat: a unit is engaged this tick when it took part in an assault or an enemy
    /// unit stands in its cell or an adjacent one; its fatigue grows by dt when engaged and falls by rho dt otherwise
    /// (never below 0), and its multiplier becomes max(floor, exp(-lambda d)).
    /// </summary>
    private void Fatigue()
    {
        if (!_fatigueOn) return;
        EnsureOccupancy();
        double dt = _c.Dt;
        for (int u = 0; u < _m; u++)
        {
            if (!_active[u]) continue;
            int side = _c.UnitSide[u];
            bool engaged = _engaged[u] || InContact(u);
            if (engaged) _engagedUnitDays[side] += dt;
            _fatigueDays[u] = FatigueModel.Step(_fatigueDays[u], engaged, dt, P(_ids.FatigueRecovery[side]));
            _fatigueFactor[u] = FatigueModel.Multiplier(P(_ids.FatigueRate[side]), _fatigueDays[u], P(_ids.FatigueFloor[side]));
        }
    }

    /// <summary>An enemy unit in the unit's cell or an adjacent cell (occupancy must be current).</summary>
    private bool InContact(int u)
    {
        int side = _c.UnitSide[u];
        int cell = _cell[u];
        for (int v = _firstAt[cell]; v >= 0; v = _nextAt[v])
            if (_c.UnitSide[v] != side) return true;
        var start = _c.NeighbourStart;
        for (int e = start[cell]; e < start[cell + 1]; e++)
            for (int v = _firstAt[_c.Neighbour[e]]; v >= 0; v = _nextAt[v])
                if (_c.UnitSide[v] != side) return true;
        return false;
    }

    /// <summary>
    /// Doctrine, rotation: a unit whose fatigue multiplier falls below the side's rotate_below starts resting (counted
    /// once as a rotation) and withdraws until its multiplier is back to return_above. False when the mechanic is off.
    /// </summary>
    private bool Rotating(int u, int side)
    {
        if (!_fatigueOn) return false;
        double f = _fatigueFactor[u];
        if (_resting[u])
        {
            if (f >= P(_ids.ReturnAbove[side])) _resting[u] = false;
        }
        else if (f < P(_ids.RotateBelow[side]))
        {
            _resting[u] = true;
            _rotations[side]++;
        }
        return _resting[u];
    }

    private static void DeclareFatigueMetrics(MetricRegistry r, CompiledScenario c)
    {
        if (!FatigueEnabled(c)) return;
        for (int s = 0; s < Sides; s++) DeclareFatigueSide(r, c.Model.Sides[s].Id, s);
    }

    private static void DeclareFatigueSide(MetricRegistry r, string side, int s)
    {
        r.Final($"fatigue.unit_days_engaged.{side}", MetricKind.Value, sim => sim._engagedUnitDays[s]);
        r.Final($"fatigue.rotations.{side}", MetricKind.Value, sim => sim._rotations[s]);
    }

    private static void DeclareFatigueSeries(MetricRegistry r, CompiledScenario c)
    {
        if (!FatigueEnabled(c)) return;
        for (int s = 0; s < Sides; s++) DeclareFatigueSeriesSide(r, c.Model.Sides[s].Id, s);
    }

    private static void DeclareFatigueSeriesSide(MetricRegistry r, string side, int s) =>
        r.Daily($"fatigue.mean.{side}", sim => sim.MeanFatigueFactor(s));

    /// <summary>Mean fatigue multiplier over the side's active units; 1 (no fatigue) with none, so daily bands stay finite.</summary>
    private double MeanFatigueFactor(int side)
    {
        double sum = 0;
        int n = 0;
        for (int u = 0; u < _m; u++)
            if (_active[u] && _c.UnitSide[u] == side) { sum += _fatigueFactor[u]; n++; }
        return n > 0 ? sum / n : 1.0;
    }
}
