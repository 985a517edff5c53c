namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    /// <summary>
    /// Phase 7 (run early so command sees today's supply), logistics: each side's supply distance is the shortest
    /// path from a held depot through its own cells. A unit within the side's maximum supply distance D regains
    /// r (1 - d/D) supply per day; every unit consumes its posture's rate. Sides without depots are always supplied.
    /// </summary>
    private void Logistics()
    {
        for (int s = 0; s < Sides; s++) EnsureSupplyField(s);
        IsolatedGarrisons(); // Simulation.IsolatedGarrison.cs
        if (_routes.Length > 0) SupplyTick();
        double dt = _c.Dt;
        for (int u = 0; u < _m; u++)
        {
            if (!_active[u]) continue;
            int side = _c.UnitSide[u];
            if (_sideHasRoutes[side] && !DepotFed(u, side)) { RouteResupply(u, side, dt); continue; }
            _supply[u] = SupplyAfterTick(u, side, dt, out bool inReach);
            _cutOffTicks[u] = inReach ? 0 : _cutOffTicks[u] + 1;
        }
        if (_routes.Length > 0) CountUnderSupplied();
    }

    /// <summary>
    /// A unit's supply after this tick's logistics (side without routes): 1 without depots; otherwise resupply when
    /// within the maximum supply distance (<paramref name="inReach"/>), less the posture's consumption, clamped to [0, 1].
    /// The supply field must be current. Also the settled check's fixed-point test (Simulation.Settled.cs).
    /// </summary>
    private double SupplyAfterTick(int u, int side, double dt, out bool inReach)
    {
        inReach = true;
        if (!_c.SideHasDepot[side]) return 1.0;
        double maxKm = P(_ids.MaxSupplyKm[side]);
        double d = _supplyDist[side * _n + _cell[u]];
        double s = _supply[u];
        inReach = d <= maxKm;
        if (inReach) s += P(_ids.ResupplyPerDay[side]) * (1 - d / Math.Max(maxKm, 1e-9)) * dt;
        s -= P(_ids.Consumption[_posture[u]]) * dt;
        return Math.Clamp(s, 0, 1);
    }

    /// <summary>
    /// Whether a unit of a side with routes is fed by a depot instead of the routes: within
    /// R = <c>logistics.depot_supply_km</c> of a held depot through own ground (R = 0: never). The supply field must be current.
    /// </summary>
    private bool DepotFed(int u, int side)
    {
        double r = P(_ids.DepotSupplyKm[side]);
        return r > 0 && _supplyDist[side * _n + _cell[u]] <= r;
    }

    private void EnsureSupplyField(int side)
    {
        if (_supplyVersion[side] == _controlVersion) return;
        _supplyVersion[side] = _controlVersion;
        int count = 0;
        for (int d = 0; d < _c.DepotCell.Length; d++)
            if (_c.DepotSide[d] == side && _control[_c.DepotCell[d]] == side) _fieldSources[count++] = _c.DepotCell[d];
        UpdateField(_supplyFields[side], count, _supplyDist.AsSpan(side * _n, _n));
    }

    /// <summary>
    /// Distance to the nearest front cell (own cell bordering the enemy) that none of the side's units holds yet, so
    /// units moving up spread along the line instead of piling into one cell; all front cells when every one is held.
    /// Enveloped front cells (<see cref="Enveloped"/>) are never sources: with every front cell enveloped the field
    /// is infinite and defenders stay where they are. With the threatened front rule on, the threatened front cells
    /// come first (<see cref="FrontSources"/>, <see cref="Threatened"/>).
    /// </summary>
    private void EnsureFrontField(int side)
    {
        long version = _controlVersion * 1_000_003 + _frontOccupancyVersion;
        // The threat reads enemy personnel, which fires and assaults change without moving a unit: with the rule on the
        // field is also refreshed once a tick (command, which reads it, changes no personnel).
        double threat = ThreatPersonnel(side);
        if (_frontVersion[side] == version && (threat <= 0 || _frontTick[side] == _tick)) return;
        _frontVersion[side] = version;
        _frontTick[side] = _tick;
        EnsureOccupancy();
        var border = Border(side);
        int count = threat > 0 ? FrontSources(side, border, threat) : 0;
        _frontThreatened[side] = count > 0;
        if (count == 0) count = FrontSources(side, border, 0);
        UpdateField(_frontFields[side], count, _frontDist.AsSpan(side * _n, _n));
    }

    /// <summary>
    /// Puts in <c>_fieldSources</c> the front cells in <paramref name="border"/> that no unit of the side holds (all of
    /// them when each is held), leaving out enveloped cells and, with <paramref name="threat"/> &gt; 0, cells that are
    /// not threatened (<see cref="Threatened"/>); returns their count.
    /// </summary>
    private int FrontSources(int side, ReadOnlySpan<int> border, double threat)
    {
        int count = 0;
        foreach (int c in border)
            if (!HasUnitOf(c, side) && IsFrontSource(c, side, threat)) _fieldSources[count++] = c;
        if (count == 0)
            foreach (int c in border)
                if (IsFrontSource(c, side, threat)) _fieldSources[count++] = c;
        return count;
    }

    private bool IsFrontSource(int cell, int side, double threat) => !Enveloped(cell, side) && (threat <= 0 || Threatened(cell, side, threat));

    private bool HasUnitOf(int cell, int side)
    {
        for (int u = _firstAt[cell]; u >= 0; u = _nextAt[u])
            if (_c.UnitSide[u] == side) return true;
        return false;
    }

    private void EnsureObjectiveField(int phase)
    {
        if (_objectiveVersion[phase] == _controlVersion) return;
        _objectiveVersion[phase] = _controlVersion;
        int count = 0;
        int side = _c.Phases[phase].Side;
        foreach (int c in _c.PhaseObjectives[phase])
            if (_control[c] != side) _fieldSources[count++] = c;
        if (ApproachWeighted(side)) BuildApproachField(phase, side, count); // Simulation.Approach.cs
        else UpdateField(_objectiveFields[phase], count, _objectiveDist.AsSpan(phase * _n, _n));
    }

    private bool BordersEnemy(int cell, int side)
    {
        var start = _c.NeighbourStart;
        for (int e = start[cell]; e < start[cell + 1]; e++)
            if (_control[_c.Neighbour[e]] != side) return true;
        return false;
    }
}
