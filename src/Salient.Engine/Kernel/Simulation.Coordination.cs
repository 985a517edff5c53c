using Salient.Engine.Compilation;

namespace Salient.Engine.Kernel;

/// <summary>
/// EW and coordination (docs/model.md, "EW and coordination"): jammed radio communications without satcom weaken the
/// massing of assaults and delay doctrine withdrawals; GNSS jamming along a guided munition's path; emitters are easier
/// to find. Every effect is off at its parameter's default, and then the kernel runs exactly as without this file.
/// </summary>
public sealed partial class Simulation
{
    private readonly bool _coordinationOn;       // the scenario sets ew.massing_loss or ew.reaction_delay_hours
    private double[] _massing = null!;           // [unit]: massing factor of the unit's assault this tick (1 when off)
    private double[] _reactWaitHours = null!;    // [unit]: hours a standing withdrawal order has waited
    private bool[] _emits = null!;               // [system]: an EW system (its items emit)
    private readonly double[] _massingSum = new double[Sides], _massingCount = new double[Sides];
    private readonly double[] _reactionWaitSum = new double[Sides], _reactionCount = new double[Sides];

    /// <summary>True when the scenario gives a value to a parameter of a per-side family other than <paramref name="off"/>.</summary>
    private static bool IsSet(CompiledScenario c, string family, double off)
    {
        foreach (var s in c.Model.Sides)
        {
            var q = c.Model.Parameters[$"{family}.{s.Id}"];
            if (q.Value != off || q.IsUncertain || q.IsScheduled) return true;
        }
        return false;
    }

    private static bool CoordinationEnabled(CompiledScenario c) => IsSet(c, "ew.massing_loss", 0) || IsSet(c, "ew.reaction_delay_hours", 0);

    private void AllocateCoordination()
    {
        _massing = new double[_m];
        _reactWaitHours = new double[_m];
        _emits = new bool[_k];
        foreach (int e in _c.EwSystems) _emits[e] = true;
    }

    private void ResetCoordination()
    {
        Array.Fill(_massing, 1.0);
        Array.Clear(_reactWaitHours);
        Array.Clear(_massingSum); Array.Clear(_massingCount);
        Array.Clear(_reactionWaitSum); Array.Clear(_reactionCount);
    }

    /// <summary>
    /// Jam probability enemy EW imposes on unit <paramref name="u"/>'s radio communications now:
    /// 1 - prod over enemy EW items j within radius of (1 - a_j e_j,comms) (the product phase 3 computes, at the units'
    /// current cells, so the command phase sees this tick's jamming).
    /// </summary>
    private double CommsJam(int u)
    {
        int side = _c.UnitSide[u];
        double pass = 1;
        for (int v = 0; v < _m; v++)
        {
            if (!_active[v] || _c.UnitSide[v] == side) continue;
            foreach (int e in _c.EwSystems)
            {
                long n = _inventory[v * _k + e];
                if (n == 0 || DistanceKm(_cell[u], _cell[v]) > _eRadius[e]) continue;
                pass *= Math.Pow(1 - _eAvailability[e] * _eEffect[e * Links + LinkComms], n);
            }
        }
        return 1 - pass;
    }

    /// <summary>
    /// Massing factor 1 - k J (1 - s) of unit <paramref name="u"/> joining an assault this tick (1 when off); kept for
    /// the ground-combat phase and tallied for the side's mean.
    /// </summary>
    private double Massing(int u, int side)
    {
        if (!_coordinationOn) return 1.0;
        double k = P(_ids.MassingLoss[side]);
        double f = k <= 0 ? 1.0 : CoordinationModel.MassingFactor(k, CommsJam(u), SatcomShare(u));
        _massing[u] = f;
        _massingSum[side] += f;
        _massingCount[side]++;
        return f;
    }

    /// <summary>
    /// Whether a doctrine withdrawal <paramref name="ordered"/> now is carried out this tick: at once when the mechanic
    /// is off; otherwise once the order has stood H J (1 - s) hours (the wait grows by a tick each tick it stands and
    /// resets when the order lapses).
    /// </summary>
    private bool ReactionDue(int u, int side, bool ordered)
    {
        if (!ordered)
        {
            if (_coordinationOn) _reactWaitHours[u] = 0;
            return false;
        }
        if (!_coordinationOn) return true;
        double h = P(_ids.ReactionDelayHours[side]);
        double delay = h <= 0 ? 0 : CoordinationModel.ReactionDelayHours(h, CommsJam(u), SatcomShare(u));
        if (_reactWaitHours[u] >= delay)
        {
            _reactionWaitSum[side] += _reactWaitHours[u];
            _reactionCount[side]++;
            _reactWaitHours[u] = 0;
            return true;
        }
        _reactWaitHours[u] += 24.0 / _c.TicksPerDay;
        return false;
    }

    /// <summary>
    /// GNSS-degraded hit probability of system <paramref name="w"/> of unit <paramref name="f"/> on unit <paramref name="v"/>:
    /// p_hit (1 - J g) with J the jamming at the target when the path weight is 0 (the expression phase 4 always used),
    /// else (1 - w) J_target + w J_path.
    /// </summary>
    private double GnssHit(double pHit, int w, int f, int v)
    {
        double weight = P(_ids.GnssPathWeight);
        double atTarget = _protect[v * Links + LinkGnss];
        if (weight <= 0) return pHit * (1 - atTarget * _fGnss[w]);
        return CoordinationModel.GnssHitProbability(pHit, _fGnss[w], atTarget, GnssPathJam(f, v), weight);
    }

    /// <summary>
    /// Jamming along the path from unit <paramref name="f"/>'s cell to unit <paramref name="v"/>'s: 1 - prod over the
    /// target side's EW items j of (1 - a_j e_j,gnss)^(phi_j), phi_j the share of the path inside item j's radius.
    /// </summary>
    private double GnssPathJam(int f, int v)
    {
        int side = _c.UnitSide[v];
        int a = _cell[f], b = _cell[v];
        double pass = 1;
        for (int j = 0; j < _m; j++)
        {
            if (!_active[j] || _c.UnitSide[j] != side) continue;
            int cj = _cell[j];
            foreach (int e in _c.EwSystems)
            {
                long n = _inventory[j * _k + e];
                double effect = _eAvailability[e] * _eEffect[e * Links + LinkGnss];
                if (n == 0 || effect <= 0) continue;
                double phi = CoordinationModel.PathFractionInside(_c.CellX[a], _c.CellY[a], _c.CellX[b], _c.CellY[b], _c.CellX[cj], _c.CellY[cj], _eRadius[e]);
                if (phi > 0) pass *= Math.Pow(1 - effect, n * phi);
            }
        }
        return 1 - pass;
    }

    /// <summary>Exposure of one item of system <paramref name="s"/>: its sampled exposure, times the emitter multiplier for EW items.</summary>
    private double ItemExposure(int s)
    {
        if (!_emits[s]) return _exposure[s];
        double k = P(_ids.EmitterExposure);
        return k == 1 ? _exposure[s] : _exposure[s] * k;
    }

    private static void DeclareCoordinationMetrics(MetricRegistry r, CompiledScenario c)
    {
        if (!CoordinationEnabled(c)) return;
        for (int s = 0; s < Sides; s++) DeclareCoordinationSide(r, c.Model.Sides[s].Id, s);
    }

    private static void DeclareCoordinationSide(MetricRegistry r, string side, int s)
    {
        r.Final($"ew.massing_factor.{side}", MetricKind.Value, sim => sim._massingCount[s] > 0 ? sim._massingSum[s] / sim._massingCount[s] : double.NaN);
        r.Final($"ew.withdrawals.{side}", MetricKind.Value, sim => sim._reactionCount[s]);
        r.Final($"ew.reaction_wait_hours.{side}", MetricKind.Value, sim => sim._reactionCount[s] > 0 ? sim._reactionWaitSum[s] / sim._reactionCount[s] : double.NaN);
    }
}
