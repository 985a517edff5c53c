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
        for (int u = 0; u < _m; u++)
        {
            int row = u * Links;
            _protect[row + LinkDrone] = _protect[row + LinkRecon] = _protect[row + LinkGnss] = 0;
            _disrupt[u] = 0;
            _detection[u] = 0;
            if (!_active[u]) { _adCapacity[u] = 0; continue; }
            RefreshClassTotals(u);
            int side = _c.UnitSide[u];
            int cell = _cell[u];
            double passDrone = 1, passRecon = 1, passGnss = 1, passComms = 1;
            for (int h = 0; h < _ewHolderCount; h++) // PERF: only the EW holders, in unit order (Simulation.PairSets.cs)
            {
                int v = _ewHolders[h];
                foreach (int e in _c.EwSystems)
                {
                    long n = _inventory[v * _k + e];
                    if (n == 0 || DistanceKm(cell, _cell[v]) > _eRadius[e]) continue;
                    double a = _eAvailability[e];
                    if (_c.UnitSide[v] == side)
                    {
                        passDrone *= Math.Pow(1 - a * _eEffect[e * Links + LinkDrone], n);
                        passRecon *= Math.Pow(1 - a * _eEffect[e * Links + LinkRecon], n);
                        passGnss *= Math.Pow(1 - a * _eEffect[e * Links + LinkGnss], n);
                    }
                    else passComms *= Math.Pow(1 - a * _eEffect[e * Links + LinkComms], n);
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
                foreach (int i in _c.IsrSystems)
                {
                    long n = _inventory[v * _k + i];
                    if (n == 0 || DistanceKm(cell, _cell[v]) > _iRange[i]) continue;
                    bool jammable = _c.Model.Catalogue[i].Isr!.Link == Scenario.Model.LinkKind.Radio;
                    level += n * _iDetection[i] * (jammable ? 1 - _protect[row + LinkRecon] : 1) * SeasonDetection(i);
                }
            }
            _detection[u] = level * PostureExposure(u);

            // Air defence: engagement capacity accrues at channels / cycle and banks at most one cycle's worth, so a cycle
            // longer than a tick still yields engagements; interceptors reload up to the batteries' stock.
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
        ProduceStocks(dt);
    }

    private void ProduceStocks(double dt)
    {
        for (int i = 0; i < _c.Stocks.Length; i++)
            _stock[_c.Stocks[i].Side * _k + _c.Stocks[i].System] += _stockProduction[i * _days + _day] * dt;
    }
}
