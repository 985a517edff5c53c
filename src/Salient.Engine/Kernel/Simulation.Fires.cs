using Salient.Engine.Random;
using Salient.Scenario.Model;

namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    /// <summary>
    /// Per-(side, firing system) counters of the kill chains, one block of <c>Sides x k</c> each in <see cref="_fireTally"/>.
    /// A new stage's counter is one member here, its increments below and its metric in <c>Simulation.Metrics.cs</c>.
    /// </summary>
    private enum FireCounter { Sorties, Jammed, JamExposed, Intercepted, Hits, SpentUsd, DestroyedUsd }

    /// <summary>Per-side counters of air defence as the defender, one block of <c>Sides</c> each in <see cref="_airDefenceTally"/>.</summary>
    private enum AirDefenceCounter { Threats, Engaged, Intercepted, Leakers, InterceptorsFired }

    private static readonly int FireCounterCount = Enum.GetValues<FireCounter>().Length;
    private static readonly int AirDefenceCounterCount = Enum.GetValues<AirDefenceCounter>().Length;

    /// <summary>The counter <paramref name="counter"/> of (side, system) <paramref name="slot"/> = side x k + system.</summary>
    private ref double Tally(FireCounter counter, int slot) => ref _fireTally[(int)counter * Sides * _k + slot];

    private ref double Tally(AirDefenceCounter counter, int side) => ref _airDefenceTally[(int)counter * Sides + side];

    /// <summary>
    /// Phase 4, fires: every firing system of every unit runs its kill chain with binomial and Poisson draws.
    /// Sorties S ~ Poisson(items x rate x dt), capped by the side's stock; none are launched without a target in range.
    /// They are split over (enemy unit, target class) pairs in range by priority weight (multinomial). Then per pair:
    /// drones survive counter-drone with 1 - p_cd; radio links get through with 1 - J_drone (fiber and others are
    /// immune); interceptable munitions meet the target's air defence (phase 5) and only leakers go on; each survivor
    /// hits with P_find x p_hit, where P_find = (1 - exp(-D)) x mean exposure of the class x exp(-latency / dwell) for
    /// kill chains through command (latency: <see cref="CoordinationModel.LatencyHours"/>), and p_hit is lowered by
    /// (1 - J_gnss x gnss dependence) for GNSS guidance (J_gnss at the target, or blended with the path's: <see cref="GnssHit"/>).
    /// Hits on personnel cause Poisson(hits x kill) casualties; hits on a class of items destroy each with its kill probability.
    /// </summary>
    private void Fires()
    {
        if (_c.FiresSystems.Length == 0) return;
        BeginFiresPass();
        CueDeepTargets();
        for (int f = 0; f < _m; f++)
        {
            if (!_active[f]) continue;
            foreach (int w in _c.FiresSystems)
            {
                long teams = _inventory[f * _k + w];
                if (teams > 0 && _isDeep[w]) DeepFireSystem(f, w, teams);
                else if (teams > 0) FireSystem(f, w, teams);
            }
        }
    }

    private void FireSystem(int f, int w, long teams)
    {
        int side = _c.UnitSide[f];
        int enemy = 1 - side;
        var spec = _c.Model.Catalogue[w].Fires!;

        // Candidate targets in range, weighted by the system's priority for each class present (FireCandidates).
        int count = FireCandidates(f, w, side, out double total);
        if (count == 0) return;

        int slot = side * _k + w;
        // PERF: the draws below through _memo (SamplerMemo): the sampler's variates, with each inversion's set-up kept.
        long sorties = Launch(side, w, _memo.Poisson(ref _fireRng, teams * _fRate[w] * _c.Dt * (1 - _interdictShare[f * _k + w]) * SeasonSorties(w)));
        if (sorties <= 0) return;

        double timely = spec.UsesC2 ? Timely(f, side) : 1;
        bool isDrone = _c.Model.Catalogue[w].Class == SystemClass.Drone;

        long remaining = sorties;
        for (int i = 0; i < count && remaining > 0; i++)
        {
            long n = i == count - 1 ? remaining : _memo.Binomial(ref _fireRng, remaining, Math.Min(1, _candWeight[i] / total));
            total -= _candWeight[i];
            remaining -= n;
            int v = _candUnit[i], cls = _candClass[i];
            // Sorties aimed at a unit an earlier strike of this chain eliminated are wasted.
            if (n == 0 || !_active[v]) continue;
            if (isDrone) n = _memo.Binomial(ref _fireRng, n, 1 - P(_ids.CounterDrone[enemy]));
            if (spec.Link == LinkKind.Radio && n > 0)
            {
                long through = _memo.Binomial(ref _fireRng, n, 1 - _protect[v * Links + LinkDrone]);
                Tally(FireCounter.JamExposed, slot) += n;
                Tally(FireCounter.Jammed, slot) += n - through;
                n = through;
            }
            if (spec.Interceptable && n > 0)
            {
                long leakers = Intercept(_cell[v], enemy, n);
                Tally(FireCounter.Intercepted, slot) += n - leakers;
                n = leakers;
            }
            if (n == 0) continue;
            double pHit = _fPHit[w];
            if (spec.Link == LinkKind.Gnss) pHit = GnssHit(pHit, w, f, v);
            // A deep-strike system aims only at cued units, so its cue (CueDeepTargets) takes the place of 1 - exp(-D).
            double pFind = (_isDeep[w] ? 1 : Found(v)) * ClassExposure(v, cls) * timely;
            long hits = _memo.Binomial(ref _fireRng, n, Math.Clamp(pFind * pHit, 0, 1));
            if (hits == 0) continue;
            Tally(FireCounter.Hits, slot) += hits;
            NoteDeepHits(w, side, cls, hits);
            Strike(v, cls, w, hits);
        }
    }

    /// <summary>
    /// exp(-latency / dwell) of unit <paramref name="f"/>'s kill chains through command this fires phase.
    /// PERF: computed once a unit and phase rather than once per system: f's systems fire one after another, and nothing
    /// they do changes what the latency reads (f's jamming and satcom terminals, its personnel, the day's parameters):
    /// their strikes, interceptions and losses fall on the enemy. Same expression, same inputs, same double.
    /// </summary>
    private double Timely(int f, int side)
    {
        if (_timelyUnit == f && _timelyPass == _firesPass) return _timely;
        double share = SatcomShare(f);
        double latency = CoordinationModel.LatencyHours(P(_ids.LatencyHours[side]), P(_ids.JamLatencyFactor[side]), _disrupt[f], share, P(_ids.SatcomReduction));
        _timelyUnit = f;
        _timelyPass = _firesPass;
        return _timely = Math.Exp(-latency / P(_ids.DwellHours));
    }

    private int _timelyUnit = -1, _timelyPass;
    private double _timely;

    /// <summary>Applies hits on one class of a unit: casualties for personnel, destroyed items otherwise.</summary>
    private void Strike(int v, int cls, int w, long hits)
    {
        double kill = _fKill[w * Classes + cls];
        // PERF: draws through _memo, as in FireSystem.
        if (cls == (int)TargetClass.Personnel)
        {
            long casualties = Math.Min(_memo.Poisson(ref _fireRng, hits * kill), (long)_personnel[v]);
            if (casualties > 0) Inflict(ref _fireRng, v, casualties, CauseOf(w), w);
            RefreshTargetMask(v); // its personnel (and activity) may have changed
            return;
        }
        // Split the hits over the class's systems in proportion to count x exposure, then destroy each with its kill probability.
        double pool = 0;
        for (int s = 0; s < _k; s++)
            if (_c.SystemTargetClass[s] == cls) pool += _inventory[v * _k + s] * ItemExposure(s);
        long left = hits;
        for (int s = 0; s < _k && left > 0 && pool > 0; s++)
        {
            if (_c.SystemTargetClass[s] != cls) continue;
            double share = _inventory[v * _k + s] * ItemExposure(s);
            if (share <= 0) continue;
            long h = _memo.Binomial(ref _fireRng, left, Math.Min(1, share / pool));
            pool -= share;
            left -= h;
            long destroyed = Math.Min(_memo.Binomial(ref _fireRng, h, Math.Min(1, kill)), _inventory[v * _k + s]);
            if (destroyed == 0) continue;
            _inventory[v * _k + s] -= destroyed;
            _classCount[v * Classes + cls] -= destroyed;
            _classExposure[v * Classes + cls] -= destroyed * ItemExposure(s);
            CountLoss(_c.UnitSide[v], s, destroyed, w);
            if (_c.SystemTargetClass[s] == (int)TargetClass.AirDefence) _adInterceptors[v] = Math.Min(_adInterceptors[v], MaxInterceptors(v));
        }
        RefreshTargetMask(v); // its class totals may have changed
    }

    /// <summary>
    /// Phase 5, air defence, for one raid of <paramref name="threats"/> interceptable munitions aimed at a cell: each
    /// battery group of the defending side covering the cell, in unit order, engages
    /// E = min(threats left, tracks, engagement capacity left this tick, interceptors / shots) of them with s shots each;
    /// each engaged threat dies with probability 1 - (1 - pk)^s. Survivors pass to the next group; the rest leak.
    /// </summary>
    private long Intercept(int cell, int defender, long threats)
    {
        Tally(AirDefenceCounter.Threats, defender) += threats;
        long left = threats;
        for (int a = 0; a < _m && left > 0; a++)
        {
            if (!_active[a] || _c.UnitSide[a] != defender || _adCapacity[a] < 1) continue;
            foreach (int s in _c.AirDefenceSystems)
            {
                long batteries = _inventory[a * _k + s];
                if (batteries == 0 || left == 0 || DistanceKm(cell, _cell[a]) > _aRange[s]) continue;
                double shots = _aShots[s];
                long engaged = Math.Min(left, (long)Math.Min(Math.Min(batteries * _aTracks[s], Math.Floor(_adCapacity[a])), Math.Floor(_adInterceptors[a] / shots)));
                if (engaged <= 0) continue;
                long killed = Sampler.Binomial(ref _adRng, engaged, 1 - Math.Pow(1 - _aPk[s], shots));
                _adCapacity[a] -= engaged;
                _adInterceptors[a] -= engaged * shots;
                double cost = engaged * shots * _aInterceptorCost[s];
                _spent[defender] += cost;
                Tally(AirDefenceCounter.InterceptorsFired, defender) += engaged * shots;
                Tally(AirDefenceCounter.Engaged, defender) += engaged;
                Tally(AirDefenceCounter.Intercepted, defender) += killed;
                left -= killed;
            }
        }
        Tally(AirDefenceCounter.Leakers, defender) += left;
        return left;
    }

    // Items nobody can find (exposure 0, e.g. aircraft based outside the theatre) draw no fire.
    private bool HasClass(int v, int cls) => cls == (int)TargetClass.Personnel ? _personnel[v] >= 1 : _classExposure[v * Classes + cls] > 0;

    /// <summary>Count-weighted mean exposure of a unit's items of a class (1 for personnel).</summary>
    private double ClassExposure(int v, int cls)
    {
        if (cls == (int)TargetClass.Personnel) return 1;
        double n = _classCount[v * Classes + cls];
        return n > 0 ? _classExposure[v * Classes + cls] / n : 0;
    }

    /// <summary>
    /// Launches the <paramref name="drawn"/> sorties of <paramref name="side"/>'s system <paramref name="w"/>, capped by
    /// the side's stock when it is limited: spends the stock and counts the sorties and their cost. Returns the sorties
    /// flown (none counted when the cap leaves none). Used by the fires phase and by convoy interdiction.
    /// </summary>
    private long Launch(int side, int w, long drawn)
    {
        int slot = side * _k + w;
        long sorties = drawn;
        if (_stockLimited[slot]) sorties = Math.Min(sorties, (long)Math.Floor(_stock[slot]));
        if (sorties <= 0) return sorties;
        if (_stockLimited[slot]) _stock[slot] -= sorties;
        Tally(FireCounter.Sorties, slot) += sorties;
        double spent = sorties * _fMunitionCost[w];
        Tally(FireCounter.SpentUsd, slot) += spent;
        _spent[side] += spent;
        return sorties;
    }

    /// <summary>PERF: per-unit item counts and exposure sums by target class, refreshed each tick and on every kill,
    /// so target selection does not rescan the catalogue for every (shooter, target, class) triple.</summary>
    private void RefreshClassTotals(int u)
    {
        int row = u * Classes;
        for (int c = 0; c < Classes; c++) { _classCount[row + c] = 0; _classExposure[row + c] = 0; }
        for (int s = 0; s < _k; s++)
        {
            long n = _inventory[u * _k + s];
            if (n == 0) continue;
            _classCount[row + _c.SystemTargetClass[s]] += n;
            _classExposure[row + _c.SystemTargetClass[s]] += n * ItemExposure(s);
        }
    }

    /// <summary>Share of a unit served by satcom terminals: min(1, terminals x personnel per terminal / personnel).</summary>
    private double SatcomShare(int u)
    {
        double terminals = 0;
        foreach (int s in _c.SatcomSystems) terminals += _inventory[u * _k + s];
        return CoordinationModel.SatcomShare(terminals, P(_ids.PersonnelPerTerminal), _personnel[u]);
    }
}
