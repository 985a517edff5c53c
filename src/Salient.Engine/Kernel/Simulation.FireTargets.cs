namespace Salient.Engine.Kernel;

/// <summary>
/// PERF: what the fires phase's target scan reads over and over, kept where it is fixed: each side's enemy units (by
/// scenario), each firing system's target classes of positive priority (by replication) and each unit's chance of
/// being found, 1 - exp(-D) (by tick: the ISR phase sets D before the fires and nothing changes it during them).
/// The scan visits the same (unit, class) pairs in the same order, so the candidates, weights and draws are the same.
/// </summary>
/// <remarks>
/// PERF: within a fires phase the scan reads each enemy unit's cell coordinates from one packed array per side (cells
/// do not change during the fires) and which classes it can be aimed at from one bit mask per unit: bit c set exactly
/// when the unit is active and <see cref="HasClass"/> holds for class c. The masks are made at the phase's start and
/// made again for a unit after every strike on it, the only step of the phase that changes a target's activity,
/// personnel or class totals (<see cref="Strike"/>: kills, casualties, elimination); the coordinates' differences are
/// those <see cref="SquaredDistanceKm"/> forms. So the scan keeps the same candidates in the same order.
/// </remarks>
public sealed partial class Simulation
{
    private int[][] _enemyUnits = null!;   // [side]: the other side's units, ascending
    private int[] _fireClasses = null!;    // [system * Classes + j]: classes the system may aim at (priority not <= 0), ascending
    private int[] _fireClassCount = null!; // [system]
    private double[] _found = null!;       // [unit]: 1 - exp(-D) this tick, valid where _foundPass matches
    private int[] _foundPass = null!;      // [unit]
    private int _firesPass;                // bumps at each fires phase
    private int[] _fireClassMask = null!;  // [system]: bit c set for each class in _fireClasses
    private int[] _targetMask = null!;     // [unit]: bit c set when the unit is active and HasClass(unit, c), this fires phase
    private double[][] _enemyX = null!, _enemyY = null!; // [side][i]: cell coordinates of _enemyUnits[side][i], this fires phase

    private void AllocateFireTargets()
    {
        _enemyUnits = new int[Sides][];
        for (int s = 0; s < Sides; s++)
        {
            var list = new List<int>();
            for (int u = 0; u < _m; u++)
                if (_c.UnitSide[u] != s) list.Add(u);
            _enemyUnits[s] = [.. list];
        }
        _enemyX = new double[Sides][];
        _enemyY = new double[Sides][];
        for (int s = 0; s < Sides; s++)
        {
            _enemyX[s] = new double[_enemyUnits[s].Length];
            _enemyY[s] = new double[_enemyUnits[s].Length];
        }
        _fireClasses = new int[_k * Classes];
        _fireClassCount = new int[_k];
        _fireClassMask = new int[_k];
        _targetMask = new int[_m];
        _found = new double[_m];
        _foundPass = new int[_m];
    }

    /// <summary>After the systems are sampled: each firing system's classes of positive priority.</summary>
    private void IndexFireClasses()
    {
        foreach (int w in _c.FiresSystems)
        {
            int count = 0, mask = 0;
            for (int cls = 0; cls < Classes; cls++)
                if (!(_fPriority[w * Classes + cls] <= 0))
                {
                    _fireClasses[w * Classes + count++] = cls;
                    mask |= 1 << cls;
                }
            _fireClassCount[w] = count;
            _fireClassMask[w] = mask;
        }
    }

    /// <summary>
    /// Starts a fires phase: the chances of being found are computed afresh on first use; the targets' masks and
    /// coordinates are made for the phase.
    /// </summary>
    private void BeginFiresPass()
    {
        for (int v = 0; v < _m; v++) RefreshTargetMask(v);
        for (int s = 0; s < Sides; s++)
        {
            var units = _enemyUnits[s];
            for (int i = 0; i < units.Length; i++)
            {
                int cell = _cell[units[i]];
                _enemyX[s][i] = _c.CellX[cell];
                _enemyY[s][i] = _c.CellY[cell];
            }
        }
        if (++_firesPass != int.MaxValue) return;
        Array.Clear(_foundPass);
        _timelyUnit = -1;
        _firesPass = 1;
    }

    /// <summary>Unit <paramref name="v"/>'s classes that fire may aim at now (see the remarks).</summary>
    private void RefreshTargetMask(int v)
    {
        int mask = 0;
        if (_active[v])
            for (int cls = 0; cls < Classes; cls++)
                if (HasClass(v, cls)) mask |= 1 << cls;
        _targetMask[v] = mask;
    }

    /// <summary>
    /// The candidate (unit, class) pairs of unit <paramref name="f"/>'s system <paramref name="w"/>: the enemy's units in
    /// range (and cued, for a deep-strike system), in unit order, each with its classes present in the system's order;
    /// into the candidate arrays, with their priority weights. Returns how many, and their total weight.
    /// </summary>
    private int FireCandidates(int f, int w, int side, out double total)
    {
        double reachSq = _fReachSq[w];
        int count = 0;
        total = 0;
        int classes = _fireClassCount[w];
        int wanted = _fireClassMask[w];
        bool deep = _isDeep[w];
        int cell = _cell[f];
        double fx = _c.CellX[cell], fy = _c.CellY[cell];
        var units = _enemyUnits[side];
        var xs = _enemyX[side];
        var ys = _enemyY[side];
        for (int i = 0; i < units.Length; i++)
        {
            int v = units[i];
            int mask = _targetMask[v] & wanted;
            if (mask == 0) continue; // inactive, or none of the system's classes present: no candidate
            // PERF: the range test DistanceKm(f, v) > range as SquaredDistanceKm's sum against SquaredReach(range) (_fReachSq):
            // the same outcome for every sum, without the root.
            double dx = fx - xs[i], dy = fy - ys[i];
            if (dx * dx + dy * dy > reachSq || (deep && !_cued[side * _m + v])) continue;
            for (int j = 0; j < classes; j++)
            {
                int cls = _fireClasses[w * Classes + j];
                if ((mask & (1 << cls)) == 0) continue;
                double weight = _fPriority[w * Classes + cls];
                _candUnit[count] = v;
                _candClass[count] = cls;
                _candWeight[count++] = weight;
                total += weight;
            }
        }
        return count;
    }

    /// <summary>1 - exp(-D(v)), the chance that unit <paramref name="v"/> is found, once a fires phase.</summary>
    private double Found(int v)
    {
        if (_foundPass[v] == _firesPass) return _found[v];
        _foundPass[v] = _firesPass;
        return _found[v] = 1 - Math.Exp(-_detection[v]);
    }
}
