using Salient.Engine.Compilation;
using Salient.Engine.Random;
using Salient.Engine.Sampling;
using Salient.Scenario.Model;
using static Salient.Engine.Compilation.MetricNames;

namespace Salient.Engine.Kernel;

/// <summary>
/// Supply routes and their interdiction (docs/model.md, "Supply routes and interdiction"). Only scenarios that declare
/// <c>supply_routes</c> run any of this; without routes every array is empty, no metric is declared and nothing is drawn.
/// </summary>
public sealed partial class Simulation
{
    private CompiledRoute[] _routes = null!;
    private RandomStream _supplyRng;
    private readonly bool[] _sideHasRoutes = new bool[Sides];
    private double[] _routeThroughput = null!;   // [route] supply units (person-days) per day, sampled per replication
    private long[] _routeVehicles = null!;       // [route] convoy vehicles dispatched per day
    private long[] _reach = null!;               // [slot] vehicles that reach each route cell today
    private DynamicPathField[] _routeDist = null!; // [slot]: distance through the route side's ground from the route cell
    private long[] _routeDistVersion = null!;    // [slot]: control version the slot's field was brought up to date at
    private readonly int[] _oneSource = new int[1];
    private double[] _segFrontDist = null!;      // [side * slots + slot]: distance from the side's nearest front cell to segment slot
    private long _segFrontVersion;               // control version _segFrontDist was computed at
    private double[] _routePersonnel = null!;    // [route] personnel served this tick
    private int[] _servedSlot = null!;           // [unit] route cell serving the unit this tick, -1 = none
    private double[] _servedDist = null!;        // [unit] its distance
    private double[] _interdictShare = null!;    // [unit * k + system] share of the sortie rate tasked to convoys today
    private int[] _segmentsInReach = null!;      // [unit * k + system] open enemy route segments in reach today
    private int[] _taskedUnit = null!, _taskedSystem = null!; // the pairs with segments in reach today, in (unit, system) order
    private int _taskedCount;
    private int[] _sideTasked = null!;           // [side * pairs + j]: the side's tasked pairs (indices into the above), ascending
    private readonly int[] _sideTaskedCount = new int[Sides];
    private bool[] _pairReach = null!;           // [(unit * k + system) * slots + slot]: segment ending at the slot open and in the pair's reach
    private int[] _pairReachCell = null!;        // [unit * k + system]: the unit's cell when its row was computed
    private long[] _pairReachControl = null!;    // [unit * k + system]: the control version it was computed at (-1: never)
    private int[] _pairReachCount = null!;       // [unit * k + system]: the segments in reach in its row

    // Accumulators.
    private double[] _routeDelivered = null!, _routeLostSupply = null!, _routeVehiclesLost = null!, _routeSorties = null!; // [route]
    private double[] _routeTurnedBack = null!;   // [route] convoy vehicles turned back by fire control
    private double[] _unitUnderSupplied = null!; // [unit] days the unit spent below its side's min_supply_to_attack

    private void AllocateSupply()
    {
        _routes = _c.Routes;
        int slots = _routes.Length == 0 ? 0 : _routes[^1].FirstSlot + _routes[^1].Cells.Length;
        foreach (var r in _routes) _sideHasRoutes[r.Side] = true;
        _routeThroughput = new double[_routes.Length];
        _routeVehicles = new long[_routes.Length];
        _reach = new long[slots];
        if ((long)_n * slots <= MaxSegmentMemo) _segmentMemo = new double[_n * slots];
        Array.Fill(_segmentMemo, double.NaN);
        _reachPositive = new bool[slots];
        _routeDist = new DynamicPathField[slots];
        _routeDistVersion = new long[slots];
        AllocateRouteOrder(slots);
        foreach (var r in _routes)
            for (int i = 0; i < r.Cells.Length; i++) _routeDist[r.FirstSlot + i] = new DynamicPathField(_c, r.Side, SharedFieldQueues);
        _segFrontDist = new double[Sides * slots];
        _routePersonnel = new double[_routes.Length];
        int perUnit = _routes.Length == 0 ? 0 : _m;
        _servedSlot = new int[perUnit];
        _servedDist = new double[perUnit];
        _assignCell = new int[perUnit]; _assignSlot = new int[perUnit];
        _assignControl = new long[perUnit]; _assignReach = new long[perUnit]; _assignMaxKm = new long[perUnit];
        _assignDist = new double[perUnit];
        _unitUnderSupplied = new double[perUnit];
        _interdictShare = new double[_m * _k]; // read by the fires phase: all zero without routes
        _segmentsInReach = new int[_routes.Length == 0 ? 0 : _m * _k];
        _taskedUnit = new int[_segmentsInReach.Length];
        _taskedSystem = new int[_segmentsInReach.Length];
        _sideTasked = new int[Sides * _segmentsInReach.Length];
        _pairReach = new bool[_segmentsInReach.Length * slots];
        _pairReachCell = new int[_segmentsInReach.Length];
        _pairReachControl = new long[_segmentsInReach.Length];
        _pairReachCount = new int[_segmentsInReach.Length];
        _routeDelivered = new double[_routes.Length];
        _routeLostSupply = new double[_routes.Length];
        _routeVehiclesLost = new double[_routes.Length];
        _routeSorties = new double[_routes.Length];
        _routeTurnedBack = new double[_routes.Length];
    }

    private void ResetSupply(ulong seed, uint rep)
    {
        if (_routes.Length == 0) return;
        _supplyRng = new RandomStream(seed, ChanceRep(ChanceSource.Supply, rep), StreamIds.Supply);
        var model = _c.Model.SupplyRoutes;
        uint inputs = ChanceRep(ChanceSource.Inputs, rep);
        for (int r = 0; r < _routes.Length; r++)
        {
            _routeThroughput[r] = InputSampler.Sample(model[r].Throughput, seed, inputs);
            _routeVehicles[r] = Math.Max(1, (long)Math.Round(InputSampler.Sample(model[r].VehiclesPerDay, seed, inputs)));
        }
        Array.Clear(_reach);
        Array.Clear(_reachPositive);
        _reachVersion++; // PERF: no kept service assignment outlives a reset
        Array.Fill(_assignCell, -1);
        Array.Clear(_interdictShare);
        Array.Clear(_routeDelivered);
        Array.Clear(_routeLostSupply);
        Array.Clear(_routeVehiclesLost);
        Array.Clear(_routeSorties);
        Array.Clear(_routeTurnedBack);
        Array.Clear(_unitUnderSupplied);
        Array.Fill(_routeDistVersion, -1);
        _segFrontVersion = -1;
        Array.Fill(_pairReachControl, -1);
        foreach (var field in _routeDist) field.Invalidate();
    }

    /// <summary>Logistics hook, every tick: at the day's first tick the convoys run (with interdiction); then every unit
    /// of a side with routes is assigned the route cell that serves it.</summary>
    private void SupplyTick()
    {
        if (_tickOfDay == 0) RunConvoys();
        AssignService();
    }

    /// <summary>
    /// Resupply of a unit of a side with routes: r (1 - d/D) phi per day, where d is the distance through own ground to the
    /// route cell serving it and phi = min(1, T (V_j / V) / P) the share of its route's throughput that reaches that cell
    /// (V_j of the V vehicles got there today) over the personnel P the route serves. With a side's
    /// supply_per_person_day a above 0 the supply is counted in person-days instead: min(r, a T (V_j / V) / P) (1 - d/D).
    /// </summary>
    private void RouteResupply(int u, int side, double dt)
    {
        double s = _supply[u];
        int j = _servedSlot[u];
        double phi = 0, rate = P(_ids.ResupplyPerDay[side]);
        if (j >= 0)
        {
            var route = RouteOf(j);
            double flow = _routeThroughput[route.Index] * _reach[j] / _routeVehicles[route.Index];
            double served = _routePersonnel[route.Index];
            phi = served > 0 ? Math.Min(1, flow / served) : 1;
            double perPerson = P(_ids.SupplyPerPersonDay[side]);
            if (perPerson > 0 && phi > 0)
            {
                // Person-days: the flow per person served, in supply, up to the unit's intake r (phi = 1 is exact below).
                if (served > 0) rate = Math.Min(rate, perPerson * flow / served);
                phi = 1;
            }
        }
        if (phi > 0)
        {
            double maxKm = P(_ids.MaxSupplyKm[side]);
            s += rate * (1 - _servedDist[u] / Math.Max(maxKm, 1e-9)) * phi * dt;
            _cutOffTicks[u] = 0;
        }
        else _cutOffTicks[u]++;
        s -= P(_ids.Consumption[_posture[u]]) * dt;
        _supply[u] = Math.Clamp(s, 0, 1);
    }

    /// <summary>Logistics hook after the units' supply is updated: at the day's last tick, counts each unit's under-supplied day.</summary>
    private void CountUnderSupplied()
    {
        if (_tickOfDay != _c.TicksPerDay - 1) return;
        for (int u = 0; u < _m; u++)
            if (_active[u] && _supply[u] < P(_ids.MinSupplyToAttack[_c.UnitSide[u]])) _unitUnderSupplied[u]++;
    }

    private CompiledRoute RouteOf(int slot)
    {
        foreach (var r in _routes)
            if (slot < r.FirstSlot + r.Cells.Length) return r;
        throw new ArgumentOutOfRangeException(nameof(slot));
    }

    /// <summary>The distance through the route side's ground from route cell <paramref name="i"/> of <paramref name="r"/>
    /// to <paramref name="cell"/>, with the control map as it is.</summary>
    /// <remarks>
    /// PERF: the field is repaired after a capture rather than searched anew (<see cref="DynamicPathField"/>), and only
    /// when read: a route cell no convoy reached today, or of a side with no unit to serve, is not read, so its field
    /// waits (the repair catches up over every change since its last update and gives the same field). A read that the
    /// changes since the field's last update provably leave as it was (<see cref="DynamicPathField.TryReadUnchanged"/>)
    /// is served from the stale field without repairing it: the same double.
    /// </remarks>
    private double RouteDistance(CompiledRoute r, int i, int cell)
    {
        int slot = r.FirstSlot + i;
        if (_routeDistVersion[slot] != _controlVersion)
        {
            _oneSource[0] = r.Cells[i];
            var sources = _oneSource.AsSpan(0, _control[r.Cells[i]] == r.Side ? 1 : 0);
            if (ReadRouteFieldsUnrepaired && _routeDist[slot].TryReadUnchanged(_control, sources, _flips, cell, out double kept))
            {
                RouteReadsUnrepaired++;
                return kept;
            }
            _routeDistVersion[slot] = _controlVersion;
            _routeDist[slot].Update(_control, sources, _flips);
        }
        return _routeDist[slot].Distances[cell];
    }

    /// <summary>Read route distances from a stale field where provably unchanged (PERF; off in tests to compare).</summary>
    internal bool ReadRouteFieldsUnrepaired { get; set; } = true;

    /// <summary>Route distances read from a stale field since the simulation was made (for tests and the docs' counts).</summary>
    internal long RouteReadsUnrepaired { get; private set; }

    /// <summary>
    /// Each unit of a side with routes is served by the nearest route cell of its side (over all its routes; ties to the
    /// lower route, then the cell nearer the head) that it reaches through its side's own ground within the side's maximum
    /// supply distance D; P per route sums the personnel it serves.
    /// </summary>
    private void AssignService()
    {
        Array.Clear(_routePersonnel);
        for (int u = 0; u < _m; u++)
        {
            _servedSlot[u] = -1;
            if (!_active[u]) continue;
            int side = _c.UnitSide[u];
            if (!_sideHasRoutes[side] || DepotFed(u, side)) continue; // a depot-fed unit draws nothing on the routes
            // The least (distance, slot) over the side's reached route cells within D: slots in the order of routes,
            // then of cells, so a tie goes to the lower route, then the cell nearer the head. PERF: the slots are
            // visited nearest first by a lower bound (see AllocateRouteOrder) and one whose bound exceeds the best
            // distance found cannot win, so its field is neither read nor brought up to date.
            double best = P(_ids.MaxSupplyKm[side]);
            int bestSlot = -1;
            int cell = _cell[u];
            // PERF: the search below reads only the unit's cell and side, D, which route cells have a convoy today
            // (_reachPositive), the control map (the route fields; the bounds and orders are fixed) and nothing else; with
            // all of them as at the unit's last search its result is the same, so it is kept. Fields left unread meanwhile
            // are repaired when next read, to the same bits (see RouteDistance).
            long maxKmBits = BitConverter.DoubleToInt64Bits(best);
            if (KeepServiceAssignments && _assignCell[u] == cell && _assignControl[u] == _controlVersion
                && _assignReach[u] == _reachVersion && _assignMaxKm[u] == maxKmBits)
            {
                bestSlot = _assignSlot[u];
                best = _assignDist[u];
                ServiceSearchesKept++;
            }
            else
            {
                int count = _sideSlotCount[side];
                var order = _slotOrder.AsSpan((side * _n + cell) * _slotsPerSide, count);
                foreach (int slot in order)
                {
                    if (_reach[slot] <= 0) continue; // a cell no convoy reached today serves nobody
                    if (_routeLowerBound[slot * _n + cell] > best) continue; // its distance is at least the bound
                    double d = RouteDistance(_slotRoute[slot], slot - _slotRoute[slot].FirstSlot, cell);
                    if (d < best || (d == best && (bestSlot < 0 || slot < bestSlot))) { best = d; bestSlot = slot; }
                }
                ServiceSearches++;
                _assignCell[u] = cell;
                _assignControl[u] = _controlVersion;
                _assignReach[u] = _reachVersion;
                _assignMaxKm[u] = maxKmBits;
                _assignSlot[u] = bestSlot;
                _assignDist[u] = best;
            }
            if (bestSlot < 0) continue;
            _servedSlot[u] = bestSlot;
            _servedDist[u] = best;
            _routePersonnel[_slotRoute[bestSlot].Index] += _personnel[u];
        }
    }

    /// <summary>
    /// The day's convoys: V vehicles leave each route's head when the head is held and joined to a held depot through own
    /// ground (any held head when the side has no depots). Segment i carries them only while both its cells are held;
    /// on it, every enemy fire system tasked to convoys and in reach flies Poisson(lambda) sorties, each destroying a
    /// vehicle with probability q (see <see cref="Interdict"/>). Vehicles that survive go on; the route delivers at the
    /// last cell they reach. Under fire control (<c>logistics.fire_control</c>) some of the survivors turn back on each segment
    /// (see <see cref="TurnBack"/>).
    /// </summary>
    private void RunConvoys()
    {
        Array.Clear(_reach);
        TaskInterdiction();
        foreach (var r in _routes)
        {
            int side = r.Side;
            int head = r.Cells[0];
            bool fed = _control[head] == side && (!_c.SideHasDepot[side] || !double.IsPositiveInfinity(_supplyDist[side * _n + head]));
            long vehicles = _routeVehicles[r.Index];
            long moving = fed ? vehicles : 0;
            _reach[r.FirstSlot] = moving;
            long destroyed = 0;
            int last = 0;
            for (int i = 1; i < r.Cells.Length && moving > 0; i++)
            {
                if (!SegmentOpen(r, i)) break;
                long killed = Interdict(r, i, moving, out double watching);
                destroyed += killed;
                moving -= killed;
                moving -= TurnBack(r, moving, watching);
                _reach[r.FirstSlot + i] = moving;
                last = i;
            }
            // Sorties still fly at open segments the convoys never reach (tasked to the road, they find nothing).
            for (int i = last + 1; i < r.Cells.Length; i++)
                if (SegmentOpen(r, i)) Interdict(r, i, 0, out _);
            double perVehicle = _routeThroughput[r.Index] / vehicles;
            _routeDelivered[r.Index] += perVehicle * _reach[r.FirstSlot + last];
            _routeLostSupply[r.Index] += perVehicle * destroyed;
            _routeVehiclesLost[r.Index] += destroyed;
        }
        NoteReach();
    }

    /// <summary>PERF: bumps <c>_reachVersion</c> when the route cells a convoy reaches (all AssignService reads of
    /// <c>_reach</c>) differ from the last day's.</summary>
    private void NoteReach()
    {
        bool changed = false;
        for (int slot = 0; slot < _reach.Length; slot++)
        {
            bool positive = _reach[slot] > 0;
            if (positive == _reachPositive[slot]) continue;
            _reachPositive[slot] = positive;
            changed = true;
        }
        if (changed) _reachVersion++;
    }

    /// <summary>Keep each unit's service assignment while nothing it reads has changed (PERF; off in tests to compare).</summary>
    internal bool KeepServiceAssignments { get; set; } = true;

    /// <summary>Service searches run and kept since the simulation was made (for tests and the docs' counts).</summary>
    internal long ServiceSearches { get; private set; }

    /// <inheritdoc cref="ServiceSearches"/>
    internal long ServiceSearchesKept { get; private set; }

    private bool[] _reachPositive = null!;        // [slot] _reach[slot] > 0 at the last NoteReach
    private long _reachVersion;                   // bumps when _reachPositive changes (and at every reset)
    private int[] _assignCell = null!, _assignSlot = null!; // [unit] the key and result of the unit's last search
    private long[] _assignControl = null!, _assignReach = null!, _assignMaxKm = null!;
    private double[] _assignDist = null!;

    private bool SegmentOpen(CompiledRoute r, int i) => _control[r.Cells[i - 1]] == r.Side && _control[r.Cells[i]] == r.Side;

    /// <summary>
    /// Tasking: a fire system of a unit with a positive <c>logistics</c> priority, and at least one open enemy route segment
    /// in reach, devotes the share pi_logistics / sum of its priorities of its sortie rate to convoys (the fires phase flies
    /// the rest at units). Reach is the system's range from the unit's cell, or for drones from the nearer of the unit's
    /// cell and its side's front line (the crews launch from the line).
    /// </summary>
    private void TaskInterdiction()
    {
        Array.Clear(_interdictShare);
        Array.Clear(_segmentsInReach);
        _taskedCount = 0;
        Array.Clear(_sideTaskedCount);
        FrontDistances();
        int logistics = (int)TargetClass.Logistics;
        for (int f = 0; f < _m; f++)
        {
            if (!_active[f]) continue;
            int side = _c.UnitSide[f];
            if (!_sideHasRoutes[1 - side]) continue;
            foreach (int w in _c.FiresSystems)
            {
                double weight = _fPriority[w * Classes + logistics];
                if (weight <= 0 || _inventory[f * _k + w] == 0) continue;
                int count = PairReach(f, w, side);
                if (count == 0) continue;
                double total = 0;
                for (int cls = 0; cls < Classes; cls++) total += Math.Max(0, _fPriority[w * Classes + cls]);
                _segmentsInReach[f * _k + w] = count;
                _interdictShare[f * _k + w] = weight / total;
                // PERF: in (unit, system) order, the order Interdict visits them; the unit and system kept apart (Interdict
                // divided f * k + w back into them, two integer divisions a pair and segment), and listed by side.
                _sideTasked[side * _taskedUnit.Length + _sideTaskedCount[side]++] = _taskedCount;
                _taskedUnit[_taskedCount] = f;
                _taskedSystem[_taskedCount++] = w;
            }
        }
    }

    /// <summary>
    /// The enemy route segments open and in reach of unit <paramref name="f"/>'s system <paramref name="w"/>, into its
    /// row of <c>_pairReach</c> (read by <see cref="Interdict"/>); returns how many.
    /// </summary>
    /// <remarks>
    /// PERF: the row is a function of the control map (which segments are open, and the front's distances to them), the
    /// unit's cell and the replication's ranges, so it is kept while the control version and the cell stay (the version
    /// bumps at every capture and every reset) and recomputed otherwise: the same booleans, so the same tasking.
    /// </remarks>
    private int PairReach(int f, int w, int side)
    {
        int pair = f * _k + w;
        if (KeepReachRows && _pairReachControl[pair] == _controlVersion && _pairReachCell[pair] == _cell[f])
        {
            ReachRowsKept++;
            return _pairReachCount[pair];
        }
        ReachRowsComputed++;
        int count = 0;
        int row = pair * _reach.Length;
        foreach (var r in _routes)
        {
            if (r.Side == side) continue;
            for (int i = 1; i < r.Cells.Length; i++)
            {
                bool reached = SegmentOpen(r, i) && InReach(f, w, r, i);
                _pairReach[row + r.FirstSlot + i] = reached;
                if (reached) count++;
            }
        }
        _pairReachControl[pair] = _controlVersion;
        _pairReachCell[pair] = _cell[f];
        _pairReachCount[pair] = count;
        return count;
    }

    /// <summary>Keep each pair's reach row while its inputs stay (PERF; off in tests to compare).</summary>
    internal bool KeepReachRows { get; set; } = true;

    /// <summary>Reach rows computed and kept since the simulation was made (for tests).</summary>
    internal long ReachRowsComputed { get; private set; }

    /// <inheritdoc cref="ReachRowsComputed"/>
    internal long ReachRowsKept { get; private set; }

    private bool InReach(int f, int w, CompiledRoute r, int i)
    {
        double d = SegmentDistance(_cell[f], r, i);
        if (_c.Model.Catalogue[w].Class == SystemClass.Drone) d = Math.Min(d, _segFrontDist[_c.UnitSide[f] * _reach.Length + r.FirstSlot + i]);
        return d <= _fRange[w];
    }

    /// <summary>Distance from each side's nearest front cell (own cell bordering the enemy) to every route segment.</summary>
    private void FrontDistances()
    {
        // PERF: a function of the control map only.
        if (_segFrontVersion == _controlVersion) return;
        _segFrontVersion = _controlVersion;
        int slots = _reach.Length;
        Array.Fill(_segFrontDist, double.PositiveInfinity);
        // PERF: over the border lists; the order of the minima does not change them.
        for (int side = 0; side < Sides; side++)
        {
            foreach (int c in Border(side))
            {
                foreach (var r in _routes)
                {
                    if (r.Side == side) continue;
                    for (int i = 1; i < r.Cells.Length; i++)
                    {
                        ref double d = ref _segFrontDist[side * slots + r.FirstSlot + i];
                        d = Math.Min(d, SegmentDistance(c, r, i));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Interdiction of segment i of route r carrying <paramref name="present"/> vehicles: every enemy (unit f, system w)
    /// tasked to convoys with the segment in reach flies S ~ Poisson(n_w rate_w share_w / N_fw) sorties (N_fw: open
    /// segments in its reach; capped by the side's stock), and each destroys a vehicle with probability
    /// q = (1 - p_cd) [drones] (1 - J_drone) [radio links] e_vehicle p_hit k_logistics, so the expected loss on the
    /// segment is the sum over shooters of lambda q while vehicles remain. Returns the vehicles destroyed;
    /// <paramref name="droneSorties"/> is fire control's E: the drone sorties at the segment not defeated by counter-drone
    /// means or jamming, counted while vehicles remain (see <see cref="TurnBack"/>).
    /// </summary>
    private long Interdict(CompiledRoute r, int i, long present, out double droneSorties)
    {
        int side = r.Side, enemy = 1 - side;
        long destroyedHere = 0;
        double jam = double.NaN;
        droneSorties = 0;
        // PERF: only the (unit, system) pairs tasked to convoys today (in unit, then system order, as a scan of every
        // unit and system would meet them); every other pair has no segment in reach and was skipped.
        // PERF: the enemy's tasked pairs only (the others failed the side test), in the same order.
        int pairs = _sideTaskedCount[enemy];
        for (int j = 0; j < pairs; j++)
        {
            int t = _sideTasked[enemy * _taskedUnit.Length + j];
            int f = _taskedUnit[t], w = _taskedSystem[t];
            if (!_active[f]) continue;
            int n = _segmentsInReach[f * _k + w];
            if (n == 0 || !_pairReach[(f * _k + w) * _reach.Length + r.FirstSlot + i]) continue; // InReach, as TaskInterdiction found it
            long teams = _inventory[f * _k + w];
            int slot = enemy * _k + w;
            // PERF: the draws through _memo (SamplerMemo): the sampler's variates, with each inversion's set-up kept.
            long sorties = Launch(enemy, w, _memo.Poisson(ref _supplyRng, teams * _fRate[w] * _interdictShare[f * _k + w] / n));
            if (sorties <= 0) continue;
            _routeSorties[r.Index] += sorties;
            long left = present - destroyedHere;
            if (left <= 0) continue;
            var spec = _c.Model.Catalogue[w].Fires!;
            double q = _exposure[r.Vehicle] * _fPHit[w] * _fKill[w * Classes + (int)TargetClass.Logistics];
            bool drone = _c.Model.Catalogue[w].Class == SystemClass.Drone;
            double undefeated = 1; // share of the drone sorties not defeated by counter-drone means or jamming
            if (drone)
            {
                double notCountered = 1 - P(_ids.CounterDrone[side]);
                q *= notCountered;
                undefeated *= notCountered;
            }
            if (spec.Link == LinkKind.Radio)
            {
                if (double.IsNaN(jam)) jam = ConvoyJam(r, i);
                q *= 1 - jam;
                undefeated *= 1 - jam;
            }
            if (drone) droneSorties += sorties * undefeated; // fire control is drones watching the road
            long hits = Math.Min(_memo.Binomial(ref _supplyRng, sorties, Math.Clamp(q, 0, 1)), left);
            if (hits == 0) continue;
            Tally(FireCounter.Hits, slot) += hits;
            destroyedHere += hits;
            CountLoss(side, r.Vehicle, hits, w);
        }
        return destroyedHere;
    }

    /// <summary>
    /// Fire control over segment i, after its interdiction: each of the <paramref name="moving"/> vehicles still on it turns
    /// back with probability 1 - exp(-delta E), delta = <c>logistics.fire_control</c> of the route's side and E
    /// (<paramref name="droneSorties"/>, from <see cref="Interdict"/>) the enemy drone sorties flown at the segment today that counter-drone means and jamming did not defeat (the sum over drone
    /// shooters of S (1 - p_cd) (1 - J)^[radio]): drones loitering over a road deny it; shells and rockets only destroy
    /// what they hit. A turned-back vehicle delivers nothing and is not lost. With delta = 0, or no
    /// sortie, nothing is drawn, so a scenario without fire control draws what it drew before the mechanic existed.
    /// </summary>
    private long TurnBack(CompiledRoute r, long moving, double droneSorties)
    {
        double delta = P(_ids.FireControl[r.Side]);
        if (delta <= 0 || moving <= 0 || droneSorties <= 0) return 0;
        long back = Sampler.Binomial(ref _supplyRng, moving, 1 - Math.Exp(-delta * droneSorties));
        _routeTurnedBack[r.Index] += back;
        return back;
    }

    /// <summary>Jam probability the route side's EW imposes on drone links over segment i: 1 - prod (1 - a_j e_j,drone)^n_j
    /// over its EW items whose radius reaches the segment (the same product the ISR phase forms over a unit's cell), then
    /// the jammers the convoys carry: 1 - pass (1 - j), j = <c>logistics.convoy_jamming</c> of the route's side (with
    /// j = 0 the factor is 1, so the result is the units' product to the bit).</summary>
    private double ConvoyJam(CompiledRoute r, int i)
    {
        double pass = 1;
        for (int v = 0; v < _m; v++)
        {
            if (!_active[v] || _c.UnitSide[v] != r.Side) continue;
            foreach (int e in _c.EwSystems)
            {
                long n = _inventory[v * _k + e];
                if (n == 0 || SegmentDistance(_cell[v], r, i) > _eRadius[e]) continue;
                pass *= Math.Pow(1 - _eAvailability[e] * _eEffect[e * Links + LinkDrone], n);
            }
        }
        return 1 - (pass * (1 - P(_ids.ConvoyJamming[r.Side])));
    }

    /// <summary>
    /// <see cref="SegmentDistanceKm"/> from <paramref name="cell"/> to segment i of <paramref name="r"/>.
    /// PERF: kept per (cell, segment) once computed (the same function of the same fixed coordinates, so the same
    /// double): tasking, the front's distances after every capture and the convoys' jamming ask for the same pairs
    /// day after day. Without a table (more than MaxSegmentMemo pairs) it is computed each time.
    /// </summary>
    private double SegmentDistance(int cell, CompiledRoute r, int i)
    {
        if (_segmentMemo.Length == 0) return SegmentDistanceKm(cell, r.Cells[i - 1], r.Cells[i]);
        ref double d = ref _segmentMemo[cell * _reach.Length + r.FirstSlot + i];
        if (double.IsNaN(d)) d = SegmentDistanceKm(cell, r.Cells[i - 1], r.Cells[i]);
        return d;
    }

    private const long MaxSegmentMemo = 1 << 20;
    private double[] _segmentMemo = [];           // [cell * slots + slot]: SegmentDistanceKm to the segment ending at slot, NaN = not yet

    /// <summary>Distance (km, equal-area plane) from a cell's centre to the straight segment between two cells' centres.</summary>
    private double SegmentDistanceKm(int cell, int a, int b)
    {
        double px = _c.CellX[cell], py = _c.CellY[cell];
        double ax = _c.CellX[a], ay = _c.CellY[a], bx = _c.CellX[b], by = _c.CellY[b];
        double dx = bx - ax, dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 > 0 ? Math.Clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0, 1) : 0;
        double ex = ax + t * dx - px, ey = ay + t * dy - py;
        return Math.Sqrt(ex * ex + ey * ey);
    }

    /// <summary>Declares the supply metrics: per route and side totals of delivered and lost supply, vehicles lost and
    /// interdiction sorties, each side's under-supplied unit-days and each unit's under-supplied days. Nothing without routes.</summary>
    private static void DeclareSupplyMetrics(MetricRegistry r, CompiledScenario c)
    {
        if (c.Routes.Length == 0) return;
        foreach (var route in c.Routes) DeclareRouteMetrics(r, c, route);
        for (int s = 0; s < Sides; s++) DeclareSideSupplyMetrics(r, c, s);
        if (IsSet(c, "logistics.fire_control", 0)) DeclareFireControlMetrics(r, c);
        for (int u = 0; u < c.Model.Units.Length; u++)
        {
            int unit = u;
            r.Final(UnitUnderSuppliedDays(c.Model.Units[u].Id), MetricKind.Value, sim => sim._unitUnderSupplied[unit]);
        }
    }

    private static void DeclareRouteMetrics(MetricRegistry r, CompiledScenario c, CompiledRoute route)
    {
        string side = c.Model.Sides[route.Side].Id;
        int i = route.Index;
        r.Final(Supply("delivered", route.Id, side), MetricKind.Value, sim => sim._routeDelivered[i]);
        r.Final(Supply("lost", route.Id, side), MetricKind.Value, sim => sim._routeLostSupply[i]);
        r.Final(Supply("vehicles_lost", route.Id, side), MetricKind.Value, sim => sim._routeVehiclesLost[i]);
        r.Final(Supply("interdiction_sorties", route.Id, side), MetricKind.Value, sim => sim._routeSorties[i]);
    }

    private static void DeclareSideSupplyMetrics(MetricRegistry r, CompiledScenario c, int s)
    {
        string side = c.Model.Sides[s].Id;
        r.Final(Supply("delivered", side), MetricKind.Value, sim => sim.SideRouteTotal(sim._routeDelivered, s));
        r.Final(Supply("lost", side), MetricKind.Value, sim => sim.SideRouteTotal(sim._routeLostSupply, s));
        r.Final(Supply("vehicles_lost", side), MetricKind.Value, sim => sim.SideRouteTotal(sim._routeVehiclesLost, s));
        r.Final(Supply("under_supplied_unit_days", side), MetricKind.Value, sim => sim.SideUnderSuppliedDays(s));
        r.Daily(Supply("delivered", side), sim => sim.SideRouteTotal(sim._routeDelivered, s));
    }

    /// <summary>Declared only when a scenario sets <c>logistics.fire_control</c>, so other scenarios' outputs keep their columns.</summary>
    private static void DeclareFireControlMetrics(MetricRegistry r, CompiledScenario c)
    {
        foreach (var route in c.Routes)
        {
            int i = route.Index;
            r.Final(Supply("vehicles_turned_back", route.Id, c.Model.Sides[route.Side].Id), MetricKind.Value, sim => sim._routeTurnedBack[i]);
        }
        for (int s = 0; s < Sides; s++)
        {
            int side = s;
            r.Final(Supply("vehicles_turned_back", c.Model.Sides[s].Id), MetricKind.Value, sim => sim.SideRouteTotal(sim._routeTurnedBack, side));
        }
    }

    /// <summary>The side's under-supplied unit-days: the sum of its units' days.</summary>
    private double SideUnderSuppliedDays(int side)
    {
        double total = 0;
        for (int u = 0; u < _m; u++)
            if (_c.UnitSide[u] == side) total += _unitUnderSupplied[u];
        return total;
    }

    private double SideRouteTotal(double[] perRoute, int side)
    {
        double total = 0;
        foreach (var r in _routes)
            if (r.Side == side) total += perRoute[r.Index];
        return total;
    }
}
