using Salient.Engine.Random;

namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    /// <summary>
    /// Phase 6, ground combat, for each assaulted cell in the order first targeted:
    /// attacker power A and defender power D (units plus garrison), defence multiplier M;
    /// defender casualties ~ Poisson(k_att A / sqrt(M) dt), attacker casualties ~ Poisson(k_def D sqrt(M) dt)
    /// (Lanchester aimed fire; the exchange ratio shifts by M). Casualties split over units in proportion to their
    /// personnel (multinomial), items are lost with the casualty fraction, cohesion falls. The defender breaks at
    /// A / (D M) >= break ratio or cohesion below the break level, and withdraws (or is overrun when it has nowhere
    /// to go); an undefended cell falls once the attackers' advance covers the distance between cell centres.
    /// </summary>
    private void GroundCombat()
    {
        for (int i = 0; i < _targetCount; i++)
        {
            int cell = _targets[i];
            if (_attackPower[cell] <= 0) continue;
            _attackPower[cell] = 0;
            int att = _attackSide[cell];
            if (_control[cell] == att) continue;
            Assault(cell, att, 1 - att);
        }
    }

    private void Assault(int cell, int att, int def)
    {
        _attacked[cell] = true;
        double dt = _c.Dt;
        double a = 0, attackers = 0;
        int lead = -1;
        double leadPower = -1;
        for (int u = 0; u < _m; u++)
        {
            if (_target[u] != cell || !_active[u] || !Adjacent(_cell[u], cell)) continue;
            double p = Power(u);
            a += p;
            attackers += _personnel[u];
            _engaged[u] = true;
            if (p > leadPower) { leadPower = p; lead = u; }
        }
        if (lead < 0) return;

        double garrison = P(_ids.Garrison[def]) * _c.CellArea[cell];
        double units = 0, defenders = 0;
        for (int u = 0; u < _m; u++)
        {
            if (!_active[u] || _cell[u] != cell || _c.UnitSide[u] != def) continue;
            units += Power(u);
            defenders += _personnel[u];
            _engaged[u] = true;
        }
        double d = garrison + units;
        double m = DefenceMultiplier(cell);
        double sqrtM = Math.Sqrt(m);

        if (d > 0)
        {
            double lambdaDef = P(_ids.Lethality[att]) * a / sqrtM * dt;
            double lambdaAtt = P(_ids.Lethality[def]) * d * sqrtM * dt;
            long casDef = Math.Min(Sampler.Poisson(ref _rng, lambdaDef), (long)defenders);
            long casAtt = Math.Min(Sampler.Poisson(ref _rng, lambdaAtt), (long)attackers);
            if (casDef > 0) Distribute(casDef, defenders, def, cell, attackersOf: -1);
            if (casAtt > 0) Distribute(casAtt, attackers, att, -1, attackersOf: cell);
        }

        // Break test after the exchange: the defence holds while its units keep the ratio and their cohesion.
        bool broken;
        if (units > 0)
        {
            double unitsAfter = 0, cohesion = 0, personnel = 0;
            for (int u = 0; u < _m; u++)
            {
                if (!_active[u] || _cell[u] != cell || _c.UnitSide[u] != def) continue;
                unitsAfter += Power(u);
                cohesion += _cohesion[u] * _personnel[u];
                personnel += _personnel[u];
            }
            double ratio = a / Math.Max((garrison + unitsAfter) * m, 1e-12);
            broken = personnel <= 0 || ratio >= P(_ids.BreakRatio) || cohesion / personnel < P(_ids.BreakCohesion);
            if (broken) Withdraw(cell, def);
        }
        else broken = garrison <= 0 || a / (garrison * m) >= P(_ids.BreakRatio);

        if (!broken) return;
        int edge = EdgeBetween(_cell[lead], cell);
        _advance[cell] += P(_ids.AdvanceKmPerDay) * _c.NeighbourMobility[edge] * dt / _c.NeighbourLengthKm[edge];
        if (_advance[cell] < 1) return;
        Capture(cell, att);
        _cell[lead] = cell;
        _moveProgress[lead] = 0;
    }

    /// <summary>Splits <paramref name="casualties"/> over a side's units at a cell (defenders) or assaulting a cell (attackers).</summary>
    private void Distribute(long casualties, double personnel, int side, int atCell, int attackersOf)
    {
        long remaining = casualties;
        double pool = personnel;
        double killedFraction = P(_ids.KilledFraction[side]);
        double lossFactor = P(_ids.EquipmentLossFactor);
        double cohesionLoss = P(_ids.CohesionLoss);
        for (int u = 0; u < _m && remaining > 0; u++)
        {
            if (!_active[u] || _c.UnitSide[u] != side) continue;
            if (atCell >= 0 ? _cell[u] != atCell : _target[u] != attackersOf || !Adjacent(_cell[u], attackersOf)) continue;
            double share = pool > 0 ? Math.Min(1, _personnel[u] / pool) : 1;
            long x = Math.Min(Sampler.Binomial(ref _rng, remaining, share), (long)_personnel[u]);
            remaining -= x;
            pool -= _personnel[u];
            if (x == 0) continue;
            double fraction = x / _personnel[u];
            long killed = Sampler.Binomial(ref _rng, x, killedFraction);
            _killed[side] += killed;
            _wounded[side] += x - killed;
            _personnel[u] -= x;
            _cohesion[u] = Math.Max(0, _cohesion[u] - cohesionLoss * fraction);
            LoseEquipment(u, side, Math.Min(1, fraction * lossFactor));
            if (_personnel[u] < 1) Eliminate(u);
        }
    }

    private void LoseEquipment(int u, int side, double fraction)
    {
        int row = u * _k;
        for (int s = 0; s < _k; s++)
        {
            long have = _inventory[row + s];
            if (have == 0) continue;
            long lost = Sampler.Binomial(ref _rng, have, Math.Min(1, fraction * _systemVulnerability[s]));
            _inventory[row + s] -= lost;
            _losses[side * _k + s] += lost;
        }
    }

    /// <summary>Broken defenders fall back to the adjacent own cell nearest their depots; with none, they are overrun.</summary>
    private void Withdraw(int cell, int side)
    {
        EnsureSupplyField(side);
        int best = -1;
        double bestDist = double.PositiveInfinity;
        var start = _c.NeighbourStart;
        for (int e = start[cell]; e < start[cell + 1]; e++)
        {
            int v = _c.Neighbour[e];
            if (_control[v] != side) continue;
            double dist = _supplyDist[side * _n + v];
            if (best < 0 || dist < bestDist) { best = v; bestDist = dist; }
        }
        for (int u = 0; u < _m; u++)
        {
            if (!_active[u] || _cell[u] != cell || _c.UnitSide[u] != side) continue;
            if (best >= 0)
            {
                _cell[u] = best;
                _moveProgress[u] = 0;
                _withdrawing[u] = true;
                continue;
            }
            double captured = Math.Round(_personnel[u] * P(_ids.CapturedFraction));
            double rest = _personnel[u] - captured;
            double killed = Math.Round(rest * P(_ids.KilledFraction[side]));
            _captured[side] += captured;
            _killed[side] += killed;
            _wounded[side] += rest - killed;
            LoseEquipment(u, side, 1.0);
            _personnel[u] = 0;
            Eliminate(u);
        }
    }

    private void Eliminate(int u)
    {
        _active[u] = false;
        _target[u] = -1;
    }

    private void Capture(int cell, int side)
    {
        _control[cell] = (byte)side;
        _fortification[cell] = 0;
        _advance[cell] = 0;
        _controlVersion++;
        var labelled = _c.LabelledCells;
        for (int i = 0; i < labelled.Length; i++)
            if (labelled[i] == cell && _captureDay[i * Sides + side] < 0) _captureDay[i * Sides + side] = _day;
    }

    private bool Adjacent(int a, int b) => EdgeBetween(a, b) >= 0;

    private int EdgeBetween(int a, int b)
    {
        var start = _c.NeighbourStart;
        for (int e = start[a]; e < start[a + 1]; e++)
            if (_c.Neighbour[e] == b) return e;
        return -1;
    }
}
