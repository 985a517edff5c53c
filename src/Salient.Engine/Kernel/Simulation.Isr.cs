namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    /// <summary>
    /// Phase 3, ISR and electronic warfare. For every unit u:
    /// the jam probability its own side's EW imposes on each enemy link aimed at it,
    /// J_L(u) = 1 - prod over own EW items j within radius (1 - a_j e_{j,L}), for drone, recon and GNSS links;
    /// the jam probability enemy EW imposes on its radio communications (same product over enemy items);
    /// and its detection level D(u) = base + sum over enemy sensors i in range of n_i q_i (1 - J_recon(u)) for radio-linked
    /// sensors (fiber-linked ones are not jammed). A kill chain finds u with probability 1 - exp(-D(u)).
    /// Also: air-defence engagement capacity for the tick, interceptor reloads, munition production.
    /// </summary>
    private void Isr()
    {
        double dt = _c.Dt;
        if (_isrUnread) // PERF: see Simulation.Overheads.cs
        {
            ProduceStocks(dt);
            return;
        }
        CollectSystemHolders();
        bool same = IsrInputsAsBefore();
        if (!same || !KeepIsrSums) PrepareEwPasses(); // PERF: a function of the holders' EW inventories (and fixed values): the same doubles
        int ewCount = _c.EwSystems.Length;
        for (int u = 0; u < _m; u++)
        {
            int row = u * Links;
            if (!_active[u])
            {
                _protect[row + LinkDrone] = _protect[row + LinkRecon] = _protect[row + LinkGnss] = 0;
                _disrupt[u] = 0;
                _detection[u] = 0;
                _adCapacity[u] = 0;
                _isrCell[u] = -1;
                continue;
            }
            RefreshClassTotals(u);
            int side = _c.UnitSide[u];
            int cell = _cell[u];
            // PERF: the jam probabilities and the detection sum below read the unit's cell and side, the EW and ISR
            // holders (in order), their cells and their EW and ISR item counts, the day (its parameters) and values fixed
            // for the replication. With all of them as at the unit's last pass (IsrInputsAsBefore, and the unit's cell),
            // the same loops would form the same doubles in the same order, so the last pass's results are kept.
            if (same && _isrCell[u] == cell && KeepIsrSums)
            {
                IsrSumsKept++;
                _detection[u] = _isrLevel[u] * PostureExposure(u);
                AirDefenceTick(u, dt);
                continue;
            }
            _isrCell[u] = cell;
            double passDrone = 1, passRecon = 1, passGnss = 1, passComms = 1;
            for (int h = 0; h < _ewHolderCount; h++) // PERF: only the EW holders, in unit order (Simulation.PairSets.cs)
            {
                int v = _ewHolders[h];
                // PERF: DistanceKm(cell, _cell[v]) > radius as the same squared sum against SquaredReach(radius), the sum
                // formed once a pair; each factor (1 - a e)^n read from PrepareEwPasses (the same Math.Pow, same arguments).
                double squared = SquaredDistanceKm(cell, _cell[v]);
                for (int j = 0; j < ewCount; j++)
                {
                    int e = _c.EwSystems[j];
                    long n = _inventory[v * _k + e];
                    if (n == 0 || squared > _eReachSq[e]) continue;
                    int at = (h * ewCount + j) * Links;
                    if (_c.UnitSide[v] == side)
                    {
                        passDrone *= _ewPass[at + LinkDrone];
                        passRecon *= _ewPass[at + LinkRecon];
                        passGnss *= _ewPass[at + LinkGnss];
                    }
                    else passComms *= _ewPass[at + LinkComms];
                }
            }
            _protect[row + LinkDrone] = 1 - passDrone;
            _protect[row + LinkRecon] = 1 - passRecon;
            _protect[row + LinkGnss] = 1 - passGnss;
            _disrupt[u] = 1 - passComms;

            double level = P(_ids.BaseDetection);
            for (int h = 0; h < _isrHolderCount; h++) // PERF: only the ISR holders, in unit order
            {
                int v = _isrHolders[h];
                if (_c.UnitSide[v] == side) continue;
                double squared = SquaredDistanceKm(cell, _cell[v]); // PERF: as above, against SquaredReach(range)
                foreach (int i in _c.IsrSystems)
                {
                    long n = _inventory[v * _k + i];
                    if (n == 0 || squared > _iReachSq[i]) continue;
                    bool jammable = _c.Model.Catalogue[i].Isr!.Link == Scenario.Model.LinkKind.Radio;
                    level += n * _iDetection[i] * (jammable ? 1 - _protect[row + LinkRecon] : 1) * SeasonDetection(i);
                }
            }
            _isrLevel[u] = level;
            _detection[u] = level * PostureExposure(u);
            AirDefenceTick(u, dt);
        }
        ProduceStocks(dt);
    }

    /// <summary>Air defence: engagement capacity accrues at channels / cycle and banks at most one cycle's worth, so a cycle
    /// longer than a tick still yields engagements; interceptors reload up to the batteries' stock.</summary>
    private void AirDefenceTick(int u, double dt)
    {
        double minutes = _c.Dt * 24 * 60;
        double maxStock = 0, reload = 0, accrual = 0, bank = 0;
        foreach (int a in _c.AirDefenceSystems)
        {
            long n = _inventory[u * _k + a];
            if (n == 0) continue;
            accrual += n * _aChannels[a] * minutes / _aCycle[a];
            bank += n * _aChannels[a] * Math.Max(1, minutes / _aCycle[a]);
            maxStock += n * _aInterceptors[a];
            reload += n * _aReload[a] * dt;
        }
        _adCapacity[u] = Math.Min(bank, _adCapacity[u] + accrual);
        _adInterceptors[u] = Math.Min(maxStock, _adInterceptors[u] + reload);
    }

    /// <summary>
    /// Whether the EW and ISR holders, their cells and their EW and ISR item counts, and the day are as at the last ISR
    /// phase of this replication; records them for the next. PERF: see <see cref="Isr"/>.
    /// </summary>
    private bool IsrInputsAsBefore()
    {
        int at = 0;
        _isrInputs[at++] = _day;
        _isrInputs[at++] = _ewHolderCount;
        for (int h = 0; h < _ewHolderCount; h++)
        {
            int v = _ewHolders[h];
            _isrInputs[at++] = v;
            _isrInputs[at++] = _cell[v];
            foreach (int e in _c.EwSystems) _isrInputs[at++] = _inventory[v * _k + e];
        }
        _isrInputs[at++] = _isrHolderCount;
        for (int h = 0; h < _isrHolderCount; h++)
        {
            int v = _isrHolders[h];
            _isrInputs[at++] = v;
            _isrInputs[at++] = _cell[v];
            foreach (int i in _c.IsrSystems) _isrInputs[at++] = _inventory[v * _k + i];
        }
        bool same = at == _isrInputsLength && _isrInputs.AsSpan(0, at).SequenceEqual(_isrInputsBefore.AsSpan(0, at));
        (_isrInputs, _isrInputsBefore) = (_isrInputsBefore, _isrInputs);
        _isrInputsLength = at;
        return same;
    }

    /// <summary>Keep a unit's jam probabilities and detection sum while nothing they read changed (PERF; off in tests to compare).</summary>
    internal bool KeepIsrSums { get; set; } = true;

    /// <summary>Units whose ISR and EW sums were kept since the simulation was made (for tests).</summary>
    internal long IsrSumsKept { get; private set; }

    private long[] _isrInputs = null!, _isrInputsBefore = null!; // room for every unit holding both kinds
    private int _isrInputsLength = -1;     // of _isrInputsBefore; -1 after a reset: nothing to compare with
    private int[] _isrCell = null!;         // [unit]: the cell of the unit's last computed sums, -1 none
    private double[] _isrLevel = null!;     // [unit]: its detection level before the posture's exposure

    /// <summary>
    /// PERF: each EW holder's factors (1 - a_j e_j,L)^n_j for every link, once a tick, where the pair loop computed them
    /// once per unit in the item's radius: the same Math.Pow of the same arguments (the phase changes no inventory), so
    /// the products are formed from the same doubles in the same order.
    /// </summary>
    private void PrepareEwPasses()
    {
        int ewCount = _c.EwSystems.Length;
        for (int h = 0; h < _ewHolderCount; h++)
        {
            int v = _ewHolders[h];
            for (int j = 0; j < ewCount; j++)
            {
                int e = _c.EwSystems[j];
                long n = _inventory[v * _k + e];
                if (n == 0) continue;
                double a = _eAvailability[e];
                int at = (h * ewCount + j) * Links;
                _ewPass[at + LinkDrone] = Math.Pow(1 - a * _eEffect[e * Links + LinkDrone], n);
                _ewPass[at + LinkRecon] = Math.Pow(1 - a * _eEffect[e * Links + LinkRecon], n);
                _ewPass[at + LinkGnss] = Math.Pow(1 - a * _eEffect[e * Links + LinkGnss], n);
                _ewPass[at + LinkComms] = Math.Pow(1 - a * _eEffect[e * Links + LinkComms], n);
            }
        }
    }

    private double[] _ewPass = null!; // [(EW holder * EW systems + j) * Links + link], this tick

    private void ProduceStocks(double dt)
    {
        for (int i = 0; i < _c.Stocks.Length; i++)
            _stock[_c.Stocks[i].Side * _k + _c.Stocks[i].System] += _stockProduction[i * _days + _day] * dt;
    }
}
