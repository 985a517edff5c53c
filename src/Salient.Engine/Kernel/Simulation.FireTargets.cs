namespace Salient.Engine.Kernel;

/// <summary>
/// PERF: what the fires phase's target scan reads over and over, kept where it is fixed: each side's enemy units (by
/// scenario), each firing system's target classes of positive priority (by replication) and each unit's chance of
/// being found, 1 - exp(-D) (by tick: the ISR phase sets D before the fires and nothing changes it during them).
/// The scan visits the same (unit, class) pairs in the same order, so the candidates, weights and draws are the same.
/// </summary>
public sealed partial class Simulation
{
    private int[][] _enemyUnits = null!;   // [side]: the other side's units, ascending
    private int[] _fireClasses = null!;    // [system * Classes + j]: classes the system may aim at (priority not <= 0), ascending
    private int[] _fireClassCount = null!; // [system]
    private double[] _found = null!;       // [unit]: 1 - exp(-D) this tick, valid where _foundPass matches
    private int[] _foundPass = null!;      // [unit]
    private int _firesPass;                // bumps at each fires phase

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
        _fireClasses = new int[_k * Classes];
        _fireClassCount = new int[_k];
        _found = new double[_m];
        _foundPass = new int[_m];
    }

    /// <summary>After the systems are sampled: each firing system's classes of positive priority.</summary>
    private void IndexFireClasses()
    {
        foreach (int w in _c.FiresSystems)
        {
            int count = 0;
            for (int cls = 0; cls < Classes; cls++)
                if (!(_fPriority[w * Classes + cls] <= 0)) _fireClasses[w * Classes + count++] = cls;
            _fireClassCount[w] = count;
        }
    }

    /// <summary>Starts a fires phase: the chances of being found are computed afresh on first use.</summary>
    private void BeginFiresPass()
    {
        if (++_firesPass != int.MaxValue) return;
        Array.Clear(_foundPass);
        _timelyUnit = -1;
        _firesPass = 1;
    }

    /// <summary>1 - exp(-D(v)), the chance that unit <paramref name="v"/> is found, once a fires phase.</summary>
    private double Found(int v)
    {
        if (_foundPass[v] == _firesPass) return _found[v];
        _foundPass[v] = _firesPass;
        return _found[v] = 1 - Math.Exp(-_detection[v]);
    }
}
