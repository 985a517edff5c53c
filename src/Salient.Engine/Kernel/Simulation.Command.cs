using Salient.Scenario.Model;

namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    /// <summary>
    /// Phase 2, command: each unit takes its plan phase's posture (defend when no phase applies), overridden by
    /// doctrine (withdraw when cohesion falls below the side's threshold, the unit has been cut off too long or its
    /// cell is enveloped, until cohesion recovers and the cell is no longer enveloped). Attackers pick the adjacent
    /// enemy cell nearest their objectives; an assault goes in only when the massed power reaches the side's attack
    /// ratio over the defence and the unit is supplied.
    /// Units not in contact move: attackers toward their objectives, defenders toward the front, withdrawing units
    /// toward their depots.
    /// </summary>
    private void Command()
    {
        _targetCount = 0;
        for (int u = 0; u < _m; u++)
        {
            _target[u] = -1;
            _engaged[u] = false;
            if (!_active[u]) continue;
            int side = _c.UnitSide[u];
            int phase = PlanPhase(u);
            var posture = phase >= 0 ? _c.Phases[phase].Posture : Posture.Defend;
            if (posture == Posture.Attack && Culminated(u, side)) posture = Posture.Defend; // Simulation.Culmination.cs

            double cutOffLimit = P(_ids.CutOffDays[side]) * _c.TicksPerDay;
            bool enveloped = posture != Posture.Attack && Enveloped(_cell[u], side);
            if (_withdrawing[u])
            {
                if (_cohesion[u] >= P(_ids.RecoverCohesion[side]) && _cutOffTicks[u] == 0 && !enveloped) _withdrawing[u] = false;
            }
            else if (ReactionDue(u, side, _cohesion[u] < P(_ids.WithdrawCohesion[side]) || _cutOffTicks[u] > cutOffLimit || enveloped))
                _withdrawing[u] = true;
            if (_withdrawing[u]) posture = Posture.Withdraw;
            if (Rotating(u, side)) posture = Posture.Withdraw;
            _posture[u] = (byte)posture;
            if (_anyRear && RearCommand(u, side, posture)) continue; // PERF: false at once without rear units
            if (posture != Posture.Defend) _reinforcing[u] = false; // another order ends a march to the threat (Simulation.ThreatenedFront.cs)

            switch (posture)
            {
                case Posture.Attack:
                    Attack(u, side, phase);
                    break;
                case Posture.Defend:
                    if (!BordersEnemy(_cell[u], side) || FreeToReinforce(u, side))
                    {
                        EnsureFrontField(side);
                        NoteReinforcing(u, side); // Simulation.ThreatenedFront.cs
                        MoveDownhill(u, side, _frontDist.AsSpan(side * _n, _n));
                    }
                    break;
                default:
                    EnsureSupplyField(side);
                    MoveDownhill(u, side, _supplyDist.AsSpan(side * _n, _n));
                    break;
            }
        }
        // PERF: each loops over the infiltration routes or the targets; with none there is nothing to call.
        bool routes = _c.InfiltrationRoutes.Length > 0;
        if (routes) JoinInfiltrators();
        if (_targetCount > 0) CancelWeakAssaults();
        if (routes) CommitInfiltrators();
    }

    /// <summary>The plan phase that applies to unit <paramref name="u"/> today (-1: none; it defends).</summary>
    private int PlanPhase(int u) => _c.UnitDayPhase[u * _days + _day];

    private void Attack(int u, int side, int phase)
    {
        EnsureObjectiveField(phase);
        var field = _objectiveDist.AsSpan(phase * _n, _n);
        int cell = _cell[u];
        int best = -1;
        double bestDist = field[cell];
        bool contact = false;
        var start = _c.NeighbourStart;
        for (int e = start[cell]; e < start[cell + 1]; e++)
        {
            int v = _c.Neighbour[e];
            if (_control[v] == side) continue;
            contact = true;
            if (field[v] < bestDist) { bestDist = field[v]; best = v; }
        }
        if (best >= 0 && ApproachGoesRound(cell, side, field, bestDist)) best = -1; // Simulation.Approach.cs
        if (best >= 0)
        {
            if (_supply[u] < P(_ids.MinSupplyToAttack[side])) return;
            _target[u] = best;
            if (_targetStamp[best] != _tick + 1)
            {
                _targetStamp[best] = _tick + 1;
                _targets[_targetCount++] = best;
                _attackSide[best] = (byte)side;
            }
            _attackPower[best] += Power(u) * Massing(u, side);
            return;
        }
        // No enemy cell on the way to the objective next to us: close up through our own ground, or hold if the enemy
        // next to us pins our flank, so the line is not stripped (on the approach, only an attacking enemy pins).
        bool pinned = contact && (ApproachWeighted(side) ? ApproachPinned(cell, side) : FlankPinned(cell, side));
        if (!pinned) MoveDownhill(u, side, field);
    }

    /// <summary>
    /// Whether an enemy cell next to <paramref name="cell"/> pins <paramref name="side"/>'s attacking unit there: with
    /// p = <c>ground.flank_pin_personnel.&lt;side&gt;</c> = 0, any (the rule as it was); above 0, only a cell where the
    /// enemy has at least p personnel. A cell held by the enemy's garrison alone cannot attack (garrisons hold, units
    /// attack), so it does not keep a unit from its objectives.
    /// </summary>
    private bool FlankPinned(int cell, int side)
    {
        double pin = P(_ids.FlankPinPersonnel[side]);
        if (pin <= 0) return true; // the caller found an adjacent enemy cell
        EnsureOccupancy(); // units earlier in this command phase may have moved
        var start = _c.NeighbourStart;
        for (int e = start[cell]; e < start[cell + 1]; e++)
        {
            int v = _c.Neighbour[e];
            if (_control[v] != side && SidePersonnelAt(v, 1 - side) >= pin) return true;
        }
        return false;
    }

    /// <summary>Doctrine: an assault whose massed power is below attack_ratio x the defence does not go in, unless the
    /// side probes (<see cref="Probe"/>).</summary>
    private void CancelWeakAssaults()
    {
        if (_targetCount > 0) IndexAttackers();
        for (int i = 0; i < _targetCount; i++)
        {
            int cell = _targets[i];
            int attacker = _attackSide[cell];
            double defence = DefencePower(cell, 1 - attacker) * DefenceMultiplier(cell);
            if (_attackPower[cell] >= P(_ids.AttackRatio[attacker]) * defence) continue;
            if (Probe(cell, attacker)) continue;
            _attackPower[cell] = 0;
            for (int u = FirstAttacker(cell); u >= 0; u = _attackerNext[u]) // PERF: its attackers, not every unit
                if (_target[u] == cell) _target[u] = -1;
        }
    }

    /// <summary>Moves a unit one step along a distance field through its side's own cells, at the movement speed.</summary>
    private void MoveDownhill(int u, int side, ReadOnlySpan<double> field)
    {
        int best = Downhill(_cell[u], side, field, out int bestEdge);
        if (best < 0)
        {
            _moveProgress[u] = 0;
            return;
        }
        _moveProgress[u] += P(_ids.MoveKmPerDay) * _c.NeighbourMobility[bestEdge] * _c.Dt * SeasonMobility();
        if (_moveProgress[u] < _c.NeighbourLengthKm[bestEdge]) return;
        MoveUnit(u, best);
    }

    /// <summary>The own-held neighbour of <paramref name="cell"/> lowest on <paramref name="field"/> and below it (-1: none), and the edge to it.</summary>
    private int Downhill(int cell, int side, ReadOnlySpan<double> field, out int bestEdge)
    {
        int best = -1;
        bestEdge = -1;
        double bestDist = field[cell];
        var start = _c.NeighbourStart;
        for (int e = start[cell]; e < start[cell + 1]; e++)
        {
            int v = _c.Neighbour[e];
            if (_control[v] != side || !(field[v] < bestDist)) continue;
            bestDist = field[v];
            best = v;
            bestEdge = e;
        }
        return best;
    }

    /// <summary>
    /// Combat power of a unit: (personnel x personnel power + sum of items x item power) x experience x cohesion
    /// x (floor + (1 - floor) x supply) x the side's effectiveness today x the unit's fatigue multiplier.
    /// </summary>
    private double Power(int u)
    {
        double raw = _personnel[u] * P(_ids.PersonnelPower);
        int row = u * _k;
        for (int s = 0; s < _k; s++) raw += _inventory[row + s] * _systemPower[s];
        double floor = P(_ids.SupplyFloor);
        int side = _c.UnitSide[u];
        return raw * _experience[u] * _cohesion[u] * (floor + (1 - floor) * _supply[u]) * P(_ids.Effectiveness[side]) * _fatigueFactor[u];
    }

    /// <summary>
    /// Defence of a cell: the side's garrison there, its units in the cell at full power and its units in adjacent
    /// cells at the support fraction (a unit holds a frontage, not a point).
    /// </summary>
    private double DefencePower(int cell, int side)
    {
        EnsureOccupancy();
        double support = P(_ids.SupportFraction);
        double d = P(_ids.Garrison[side]) * _c.CellArea[cell];
        double line = P(_ids.LineShare[side]);
        if (line > 0) return d + LineDefence(cell, side, line, support); // Simulation.Line.cs
        for (int u = _firstAt[cell]; u >= 0; u = _nextAt[u])
            if (_c.UnitSide[u] == side) d += Power(u);
        if (support <= 0) return d;
        var start = _c.NeighbourStart;
        for (int e = start[cell]; e < start[cell + 1]; e++)
            for (int u = _firstAt[_c.Neighbour[e]]; u >= 0; u = _nextAt[u])
                if (_c.UnitSide[u] == side) d += support * Power(u);
        return d;
    }

    /// <summary>Defence multiplier M = defensibility x (1 + fortification).</summary>
    private double DefenceMultiplier(int cell) => Surprised(cell, _c.CellDefensibility[cell] * (1 + _fortification[cell]));
}
