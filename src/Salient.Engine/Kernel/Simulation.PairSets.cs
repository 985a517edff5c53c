namespace Salient.Engine.Kernel;

/// <summary>
/// Active sets for unit-pair work. The ISR and EW phase: the active units holding any EW item and those holding
/// any ISR item, in ascending unit order, collected once a tick. A unit outside a set contributes nothing to the
/// pair sums it is left out of (its item counts are zero), and the sets keep the unit order, so the products and
/// sums are formed from the same terms in the same order as a scan over every unit: the same bytes, at a cost that
/// grows with the holders rather than with all units (nothing at all when the scenario has no such system).
/// Assaults: the units aiming at each cell, as lists in ascending unit order, so an assault (and the doctrine's
/// calling-off of a weak one) visits its own attackers instead of scanning every unit; the lists are built after the
/// targets are chosen and re-checked against each unit's target on use, so they list the units the scan would find,
/// in the same order.
/// </summary>
public sealed partial class Simulation
{
    private int[] _ewHolders = [];
    private int[] _isrHolders = [];
    private int _ewHolderCount, _isrHolderCount;

    /// <summary>Collects this tick's EW and ISR holders (the phase changes no unit's activity, cell or inventory).</summary>
    private void CollectSystemHolders()
    {
        if (_ewHolders.Length != _m)
        {
            _ewHolders = new int[_m];
            _isrHolders = new int[_m];
        }
        _ewHolderCount = Collect(_c.EwSystems, _ewHolders);
        _isrHolderCount = Collect(_c.IsrSystems, _isrHolders);

        int Collect(ReadOnlySpan<int> systems, int[] holders)
        {
            if (systems.Length == 0) return 0;
            int count = 0;
            for (int v = 0; v < _m; v++)
            {
                if (!_active[v]) continue;
                foreach (int s in systems)
                    if (_inventory[v * _k + s] != 0)
                    {
                        holders[count++] = v;
                        break;
                    }
            }
            return count;
        }
    }

    private int[] _attackerHead = [], _attackerNext = [], _attackerStamp = [];
    private int _attackerBuild;

    /// <summary>Lists the units aiming at each cell (after the targets are chosen; targets are only cleared until the next call).</summary>
    private void IndexAttackers()
    {
        if (_attackerHead.Length != _n || _attackerNext.Length != _m)
        {
            _attackerHead = new int[_n];
            _attackerStamp = new int[_n];
            _attackerNext = new int[_m];
            _attackerBuild = 0;
        }
        if (++_attackerBuild == int.MaxValue)
        {
            Array.Clear(_attackerStamp);
            _attackerBuild = 1;
        }
        // Backwards with prepending, so each cell's list runs in ascending unit order.
        for (int u = _m - 1; u >= 0; u--)
        {
            int t = _target[u];
            if (t < 0) continue;
            if (_attackerStamp[t] != _attackerBuild)
            {
                _attackerStamp[t] = _attackerBuild;
                _attackerHead[t] = -1;
            }
            _attackerNext[u] = _attackerHead[t];
            _attackerHead[t] = u;
        }
    }

    /// <summary>The first unit of the last <see cref="IndexAttackers"/> aiming at <paramref name="cell"/>, -1 for none; then <c>_attackerNext</c>.</summary>
    private int FirstAttacker(int cell) => _attackerStamp[cell] == _attackerBuild ? _attackerHead[cell] : -1;
}
