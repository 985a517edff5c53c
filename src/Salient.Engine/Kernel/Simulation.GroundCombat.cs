using Salient.Engine.Random;

namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    /// <summary>
    /// Phase 6, ground combat. First positional fighting: every unit in contact takes fire from the enemy units
    /// adjacent to it, each enemy unit spreading its fire over its own contacts, at the positional intensity.
    /// Then each assault ordered by the command phase, in the order first targeted: attacker power A against the
    /// cell's defence D (garrison, units in the cell, and adjacent units at the support fraction) and the defence
    /// multiplier M; defender casualties ~ Poisson(k_att A / sqrt(M) dt), attacker casualties ~ Poisson(k_def D sqrt(M) dt)
    /// (Lanchester aimed fire; the exchange ratio shifts by M). The units in the cell break on cohesion or when
    /// A >= break ratio x D x M, and fall back (or are overrun with nowhere to go); once no unit holds the cell and
    /// the ratio is past the break ratio, the attackers advance and take it when the advance covers the distance.
    /// </summary>
    private void GroundCombat()
    {
        EnsureOccupancy();
        PositionalFighting();
        if (_targetCount > 0) IndexAttackers();
        for (int i = 0; i < _targetCount; i++)
        {
            int cell = _targets[i];
            double commitment = TakeCommitment(cell);
            if (_attackPower[cell] <= 0) continue;
            _attackPower[cell] = 0;
            int att = _attackSide[cell];
            if (_control[cell] == att) continue;
            Assault(cell, att, 1 - att, commitment);
        }
    }

    private void PositionalFighting()
    {
        double intensity = P(_ids.PositionalIntensity);
        if (intensity <= 0) return;
        if (_contactPairsBuild != _occupancyBuilds || !KeepContactPairs) BuildContactPairs();
        for (int u = 0; u < _m; u++) _incoming[u] = 0; // a loop: a handful of units, where Array.Clear is a call
        var pairStart = _contactPairStart;
        var pairUnit = _contactPairUnit;
        for (int v = 0; v < _m; v++)
        {
            if (!_active[v] || _contacts[v] == 0) continue;
            int side = _c.UnitSide[v];
            // PERF: x / 1 is x exactly, so the usual single contact skips the division (same double).
            double fire = P(_ids.Lethality[side]) * intensity * Power(v);
            if (_contacts[v] != 1) fire /= _contacts[v];
            fire *= _c.Dt;
            for (int p = pairStart[v]; p < pairStart[v + 1]; p++) _incoming[pairUnit[p]] += fire;
        }
        // Every unit firing at u is of the other side, so one area-fire mix applies to all its incoming fire; the
        // densities are taken before any loss, like the fire itself.
        if (P(_ids.AreaFire[0]) > 0 || P(_ids.AreaFire[1]) > 0)
            for (int u = 0; u < _m; u++)
                if (_active[u] && _incoming[u] > 0)
                    _incoming[u] *= AreaFireMix(1 - _c.UnitSide[u], _cell[u], SidePersonnelAt(_cell[u], _c.UnitSide[u]));
        for (int u = 0; u < _m; u++)
        {
            if (!_active[u] || _incoming[u] <= 0) continue;
            // PERF: sqrt(1) is 1 and x / 1 is x exactly: an unfortified cell of defensibility 1 skips both (same double).
            double m = DefenceMultiplier(_cell[u]);
            double lambda = m == 1.0 ? _incoming[u] : _incoming[u] / Math.Sqrt(m);
            long x = Math.Min(Sampler.Poisson(ref _groundRng, lambda), (long)_personnel[u]);
            if (x > 0) Inflict(ref _groundRng, u, x, (int)GroundCause.Positional, -1);
        }
    }

    /// <summary>
    /// PERF: each unit's count of enemy units in contact, and for each unit the units it fires at (pairs (v, u) in the
    /// order the positional fire visited them: v ascending, then v's neighbouring cells in order, then each cell's units
    /// in unit order), kept while the occupancy lists stay as they were. Both are functions of which units are active,
    /// their cells and the lists alone; every write of an active flag or a cell marks the lists dirty (MoveUnit,
    /// Eliminate, arrivals, emergence, Reset), and the lists are rebuilt before positional fire reads them, bumping
    /// <c>_occupancyBuilds</c>. So the kept counts and pairs are the ones the scan would find, and the fire adds to each
    /// unit's incoming fire the same terms in the same order.
    /// </summary>
    private readonly int[] _contactPairStart; // [v], [v + 1]: v's pairs in _contactPairUnit
    private int[] _contactPairUnit;           // the units fired at (grows when a build needs more)
    private long _contactPairsBuild = -1;     // _occupancyBuilds the pairs were built at

    /// <summary>Whether the contact pairs are kept between ticks (on; tests turn it off to scan every tick, as before).</summary>
    internal bool KeepContactPairs { get; set; } = true;

    private void BuildContactPairs()
    {
        _contactPairsBuild = _occupancyBuilds;
        var start = _c.NeighbourStart;
        int count = 0;
        for (int v = 0; v < _m; v++)
        {
            _contactPairStart[v] = count;
            if (!_active[v]) continue;
            int side = _c.UnitSide[v];
            int cell = _cell[v];
            for (int e = start[cell]; e < start[cell + 1]; e++)
                for (int u = _firstAt[_c.Neighbour[e]]; u >= 0; u = _nextAt[u])
                    if (_c.UnitSide[u] != side)
                    {
                        if (count == _contactPairUnit.Length) Array.Resize(ref _contactPairUnit, Math.Max(2 * count, 4 * _m));
                        _contactPairUnit[count++] = u;
                    }
        }
        _contactPairStart[_m] = count;
        // v's contacts are the enemy units in its neighbourhood: exactly its pairs (0 for an inactive unit).
        for (int v = 0; v < _m; v++) _contacts[v] = _contactPairStart[v + 1] - _contactPairStart[v];
    }

    /// <summary>
    /// Multiplier on <paramref name="side"/>'s fire for its area-fire share phi: (1 - phi) + phi x rho / rho_ref, with
    /// rho = <paramref name="targetPersonnel"/> / the area of <paramref name="cell"/>. Area fire's casualties scale with
    /// the target's density (Lanchester's linear law); exactly 1 when phi is 0, so all-aimed fire is untouched.
    /// A cell without area has no density: there area fire counts as aimed.
    /// </summary>
    private double AreaFireMix(int side, int cell, double targetPersonnel)
    {
        double phi = P(_ids.AreaFire[side]);
        double area = _c.CellArea[cell];
        if (phi <= 0 || area <= 0) return 1;
        return 1 - phi + phi * targetPersonnel / area / P(_ids.AreaFireDensity);
    }

    /// <summary>Personnel of <paramref name="side"/>'s active units in <paramref name="cell"/> (occupancy must be current).</summary>
    private double SidePersonnelAt(int cell, int side)
    {
        double n = 0;
        for (int u = _firstAt[cell]; u >= 0; u = _nextAt[u])
            if (_active[u] && _c.UnitSide[u] == side) n += _personnel[u];
        return n;
    }

    /// <summary>An assault on <paramref name="cell"/>; the attackers commit the share <paramref name="commitment"/> of
    /// their massed power (1 for a full assault, the probing share for a probe).</summary>
    private void Assault(int cell, int att, int def, double commitment)
    {
        _attacked[cell] = true;
        NoteUnrest(cell); // PERF: Simulation.Recovery.cs
        EnsureOccupancy(); // units may have fallen earlier this tick
        double dt = _c.Dt;

        // Attackers: units that chose this cell and are still next to it.
        int count = 0;
        double a = 0, massed = 0;
        int lead = -1;
        double leadPower = -1;
        for (int u = FirstAttacker(cell); u >= 0; u = _attackerNext[u]) // PERF: the units aiming here, in unit order
        {
            if (_target[u] != cell || !_active[u] || !(Adjacent(_cell[u], cell) || _cell[u] == cell)) continue; // inside: infiltrators
            double p = Power(u) * _massing[u];
            a += p;
            massed += _personnel[u];
            _partUnit[count] = u;
            _partWeight[count++] = 1.0;
            _engaged[u] = true;
            if (p > leadPower) { leadPower = p; lead = u; }
        }
        if (lead < 0) return;
        double share = EngagedShare(cell, commitment, massed); // Simulation.AssaultRoom.cs
        a *= share;
        int attackers = count;

        // Defenders: the cell's units in full, adjacent units at the support fraction, plus the garrison.
        double support = P(_ids.SupportFraction);
        double garrison = P(_ids.Garrison[def]) * _c.CellArea[cell];
        double d = garrison;
        double line = P(_ids.LineShare[def]);
        if (line > 0) d += AddLineDefenders(cell, def, line, support, ref count); // Simulation.Line.cs
        else
        {
            for (int u = _firstAt[cell]; u >= 0; u = _nextAt[u])
            {
                if (_c.UnitSide[u] != def) continue;
                d += Power(u);
                _partUnit[count] = u;
                _partWeight[count++] = 1.0;
                _engaged[u] = true;
            }
            var start = _c.NeighbourStart;
            if (support > 0)
                for (int e = start[cell]; e < start[cell + 1]; e++)
                    for (int u = _firstAt[_c.Neighbour[e]]; u >= 0; u = _nextAt[u])
                    {
                        if (_c.UnitSide[u] != def) continue;
                        d += support * Power(u);
                        _partUnit[count] = u;
                        _partWeight[count++] = support;
                        _engaged[u] = true;
                    }
        }

        double m = DefenceMultiplier(cell);
        double sqrtM = Math.Sqrt(m);
        if (d > 0)
        {
            // Area fire on either side falls on the personnel engaged, spread over the contested cell; a probe, or an
            // assault with more attackers than the cell has room for, sends in only its engaged share of them.
            double attPersonnel = massed * share, defPersonnel = 0;
            for (int i = attackers; i < count; i++) defPersonnel += _partWeight[i] * _personnel[_partUnit[i]];
            long casDef = Sampler.Poisson(ref _groundRng, P(_ids.Lethality[att]) * a / sqrtM * dt * AreaFireMix(att, cell, defPersonnel));
            long casAtt = Sampler.Poisson(ref _groundRng, P(_ids.Lethality[def]) * d * sqrtM * dt * AreaFireMix(def, cell, attPersonnel));
            Distribute(casDef, attackers, count);
            Distribute(casAtt, 0, attackers);
        }

        // Break test after the exchange, with the attackers that are left.
        a = 0;
        massed = 0;
        lead = -1;
        leadPower = -1;
        for (int i = 0; i < attackers; i++)
        {
            int u = _partUnit[i];
            if (!_active[u]) continue;
            double p = Power(u) * _massing[u];
            a += p;
            massed += _personnel[u];
            if (p > leadPower) { leadPower = p; lead = u; }
        }
        if (lead < 0) return;
        a *= EngagedShare(cell, commitment, massed);
        double breakRatio = BreakRatioNow(attackers, count);
        double after = garrison, cohesion = 0, personnel = 0;
        for (int i = attackers; i < count; i++)
        {
            int u = _partUnit[i];
            if (!_active[u]) continue;
            after += _partWeight[i] * Power(u);
            if (_cell[u] == cell) { cohesion += _cohesion[u] * _personnel[u]; personnel += _personnel[u]; }
        }
        bool overwhelmed = a >= breakRatio * after * m;
        if (personnel > 0)
        {
            if (!overwhelmed && cohesion / personnel >= BreakCohesionNow() && !DefenceCulminated(cell, def)) return; // Simulation.DefenceCulmination.cs
            Withdraw(cell, def);
        }
        else if (!overwhelmed) return;

        int edge = EdgeBetween(_cell[lead], cell);
        // A lead already inside the cell (a force that came through an infiltration route) has no ground left to cover.
        _advance[cell] += edge < 0 ? 1 : P(_ids.AdvanceKmPerDay) * _c.NeighbourMobility[edge] * dt / _c.NeighbourLengthKm[edge] * SeasonMobility();
        // Non-short-circuit |: the tick's clearing counts even while the crossing is still under way.
        if (!Cleared(cell, dt) | _advance[cell] < 1) return;
        Capture(cell, att);
        MoveUnit(lead, cell);
        EnsureOccupancy();
    }

    /// <summary>
    /// Splits <paramref name="casualties"/> over participants [from, to) in proportion to weight x personnel:
    /// sequential binomial draws, which make the split an exact multinomial.
    /// </summary>
    private void Distribute(long casualties, int from, int to)
    {
        double pool = 0;
        for (int i = from; i < to; i++)
            if (_active[_partUnit[i]]) pool += _partWeight[i] * _personnel[_partUnit[i]];
        long remaining = casualties;
        for (int i = from; i < to && remaining > 0 && pool > 0; i++)
        {
            int u = _partUnit[i];
            if (!_active[u]) continue;
            double share = _partWeight[i] * _personnel[u];
            long x = Math.Min(Sampler.Binomial(ref _groundRng, remaining, Math.Min(1, share / pool)), (long)_personnel[u]);
            pool -= share;
            remaining -= x;
            if (x > 0) Inflict(ref _groundRng, u, x, (int)GroundCause.Assault, -1);
        }
    }

    /// <summary>
    /// Applies <paramref name="x"/> casualties to a unit from a cause (ground cause index, or a fires system's):
    /// killed/wounded split, cohesion loss, equipment losses credited to <paramref name="bySystem"/> (-1 for ground combat).
    /// Draws from the stream of the phase that caused them (<paramref name="rng"/>), so fires never move ground combat's draws.
    /// </summary>
    private void Inflict(ref RandomStream rng, int u, long x, int cause, int bySystem)
    {
        int side = _c.UnitSide[u];
        _byCause[side * _causes + cause] += x;
        long killed = _killedSplit[side].Sample(ref rng, x, P(_ids.KilledFraction[side])); // PERF: Sampler.Binomial's variates, masses kept (BinomialTable)
        _killed[side] += killed;
        _wounded[side] += x - killed;
        CountContingent(u, killed, x - killed, 0);
        // PERF: the casualty fraction (a division) only where something reads it. With a cohesion loss of +-0 the term
        // loss x fraction is +-0 (x <= personnel, personnel >= 1, so the fraction is finite and >= 0), and c - (+-0)
        // then max(0, .) gives what c - 0 then max(0, .) gives for every c (the sign of a zero is settled by max); with
        // no system types LoseEquipment visits nothing.
        double loss = P(_ids.CohesionLoss);
        double fraction = loss != 0 || _k > 0 ? x / _personnel[u] : 0;
        _personnel[u] -= x;
        _cohesion[u] = Math.Max(0, _cohesion[u] - (loss != 0 ? loss * fraction : 0.0));
        if (_k > 0) LoseEquipment(ref rng, u, side, Math.Min(1, fraction * P(_ids.EquipmentLossFactor)), bySystem);
        if (_personnel[u] < 1) Eliminate(u);
    }

    private void LoseEquipment(ref RandomStream rng, int u, int side, double fraction, int bySystem)
    {
        int row = u * _k;
        for (int s = 0; s < _k; s++)
        {
            long have = _inventory[row + s];
            if (have == 0) continue;
            long lost = Sampler.Binomial(ref rng, have, Math.Min(1, fraction * _systemVulnerability[s]));
            _inventory[row + s] -= lost;
            CountLoss(side, s, lost, bySystem);
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
        for (int u = _firstAt[cell]; u >= 0; u = _nextAt[u])
        {
            if (!_active[u] || _c.UnitSide[u] != side) continue;
            if (best >= 0)
            {
                if (Pursued(u, side, _attackSide[cell])) continue; // Simulation.Pursuit.cs
                MoveUnit(u, best);
                _withdrawing[u] = true;
                continue;
            }
            double captured = Math.Round(_personnel[u] * P(_ids.CapturedFraction));
            double rest = _personnel[u] - captured;
            double killed = Math.Round(rest * P(_ids.KilledFraction[side]));
            _captured[side] += captured;
            _killed[side] += killed;
            _wounded[side] += rest - killed;
            CountContingent(u, killed, rest - killed, captured);
            _byCause[side * _causes + (int)GroundCause.Overrun] += _personnel[u];
            LoseEquipment(ref _groundRng, u, side, 1.0, -1);
            _personnel[u] = 0;
            Eliminate(u);
        }
        EnsureOccupancy();
    }

    private void Eliminate(int u)
    {
        _active[u] = false;
        _target[u] = -1;
        _occupancyDirty = true;
        _frontOccupancyVersion++;
    }

    private void Capture(int cell, int side)
    {
        _control[cell] = (byte)side;
        _fortification[cell] = 0;
        _advance[cell] = 0;
        NoteUnrest(cell); // PERF: Simulation.Recovery.cs
        _clearing[cell] = 0;
        _controlVersion++;
        _flips.Add(cell);
        MarkFlipped(cell, side);
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
