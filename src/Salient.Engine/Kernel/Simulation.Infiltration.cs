using Salient.Engine.Random;
using Salient.Engine.Sampling;
using Salient.Scenario.Model;

namespace Salient.Engine.Kernel;

// Infiltration routes (docs/model.md, "Infiltration"). Nothing here runs or draws when the scenario has no route.
public sealed partial class Simulation
{
    private const byte RouteWaiting = 0, RouteInTransit = 1, RouteEmerged = 2, RouteDone = 3;

    private byte[] _routeState = [];
    private int[] _routeStartDay = [];
    private double[] _routeCapacity = [];    // sampled per replication
    private double[] _routeDetection = [];
    private double[] _routeLoss = [];
    private double[] _routeSurprise = [];
    private double[] _routeSent = [];
    private double[] _routeLost = [];
    private double[] _routeEmerged = [];
    private int[] _routeEmergeDay = [];
    private int[] _routeDetections = [];
    private RandomStream _detectRng;
    private RandomStream _infilLossRng;

    private void AllocateInfiltration()
    {
        int r = _c.InfiltrationRoutes.Length;
        _routeState = new byte[r];
        _routeStartDay = new int[r];
        _routeCapacity = new double[r];
        _routeDetection = new double[r];
        _routeLoss = new double[r];
        _routeSurprise = new double[r];
        _routeSent = new double[r];
        _routeLost = new double[r];
        _routeEmerged = new double[r];
        _routeEmergeDay = new int[r];
        _routeDetections = new int[r];
        for (int i = 0; i < r; i++) _routeStartDay[i] = _c.Model.Calendar.DayIndex(_c.InfiltrationRoutes[i].Start);
        AllocateContingents();
    }

    private void ResetInfiltration(ulong seed, uint rep)
    {
        ResetContingents();
        var routes = _c.InfiltrationRoutes;
        if (routes.Length == 0) return;
        uint chance = ChanceRep(ChanceSource.Infiltration, rep), inputs = ChanceRep(ChanceSource.Inputs, rep);
        _detectRng = new RandomStream(seed, chance, StreamIds.InfiltrationDetection);
        _infilLossRng = new RandomStream(seed, chance, StreamIds.InfiltrationLosses);
        for (int i = 0; i < routes.Length; i++)
        {
            var route = routes[i];
            _routeCapacity[i] = Math.Round(InputSampler.Sample(route.Capacity, seed, inputs));
            _routeDetection[i] = InputSampler.Sample(route.DetectionPerDay, seed, inputs);
            _routeLoss[i] = InputSampler.Sample(route.LossIfDetected, seed, inputs);
            _routeSurprise[i] = InputSampler.Sample(route.Surprise, seed, inputs);
        }
        Array.Clear(_routeState);
        Array.Clear(_routeSent);
        Array.Clear(_routeLost);
        Array.Clear(_routeEmerged);
        Array.Clear(_routeDetections);
        Array.Fill(_routeEmergeDay, -1);
    }

    /// <summary>
    /// Phase 1b, infiltration, at the first tick of each day. A route's force enters on its start day with
    /// N = min(personnel, capacity) (and no more than its donor has, when detached); it is out of contact (inactive)
    /// for T whole days, on each of which it is detected with probability p and then loses Binomial(n, L) of the n
    /// still in transit; on day start + T it emerges at the exit cell. Expected survivors: N (1 - pL)^T.
    /// </summary>
    private void Infiltration()
    {
        var routes = _c.InfiltrationRoutes;
        if (routes.Length == 0 || _tickOfDay != 0) return;
        for (int i = 0; i < routes.Length; i++)
        {
            var route = routes[i];
            int u = route.Unit;
            if (_routeState[i] == RouteWaiting && _day == _routeStartDay[i]) BeginTransit(i);
            if (_routeState[i] != RouteInTransit) continue;
            if (_day == _routeStartDay[i] + route.TransitDays)
            {
                Emerge(i);
                continue;
            }
            // Detection: one draw per transit day, whatever happens after, so the stream's use depends only on the days.
            if (!Sampler.Bernoulli(ref _detectRng, _routeDetection[i])) continue;
            _routeDetections[i]++;
            long lost = Sampler.Binomial(ref _infilLossRng, (long)_personnel[u], _routeLoss[i]);
            if (lost <= 0) continue;
            int side = route.Side;
            long killed = Sampler.Binomial(ref _infilLossRng, lost, P(_ids.KilledFraction[side]));
            _killed[side] += killed;
            _wounded[side] += lost - killed;
            CountContingent(u, killed, lost - killed, 0);
            _personnel[u] -= lost;
            _routeLost[i] += lost;
        }
    }

    private void BeginTransit(int i)
    {
        var route = _c.InfiltrationRoutes[i];
        int u = route.Unit;
        double n = Math.Min(_personnel[u], _routeCapacity[i]);
        int donor = route.DetachFrom;
        if (donor >= 0) n = _active[donor] ? Math.Min(n, Math.Floor(_personnel[donor])) : 0;
        // The order stands only if the entry is still held: the force cannot go in from ground the side has lost.
        if (_control[route.Entry] != route.Side || n < 1)
        {
            _routeState[i] = RouteDone;
            _personnel[u] = 0;
            return;
        }
        if (donor >= 0)
        {
            _personnel[donor] -= n;
            if (_personnel[donor] < 1) Eliminate(donor);
        }
        _personnel[u] = n;
        _routeSent[i] = n;
        _routeState[i] = RouteInTransit;
    }

    private void Emerge(int i)
    {
        var route = _c.InfiltrationRoutes[i];
        int u = route.Unit;
        _pending[u] = false;
        if (_personnel[u] < 1)
        {
            _personnel[u] = 0;
            _routeState[i] = RouteDone;
            return;
        }
        _routeState[i] = RouteEmerged;
        _routeEmerged[i] = _personnel[u];
        _routeEmergeDay[i] = _day;
        _active[u] = true;
        MoveUnit(u, route.Exit);
        _frontOccupancyVersion++;
    }

    /// <summary>True when route <paramref name="i"/>'s force is fighting inside its exit cell, which the enemy still holds.</summary>
    private bool BehindTheFront(int i)
    {
        if (_routeState[i] != RouteEmerged) return false;
        var route = _c.InfiltrationRoutes[i];
        int u = route.Unit;
        return _active[u] && _cell[u] == route.Exit && _control[route.Exit] != route.Side;
    }

    /// <summary>
    /// Before the doctrine's attack-ratio test: emerged forces inside their exit cell add their power to the assault on
    /// it (whatever target their plan phase gave them), so frontal attackers count them when deciding to go in.
    /// </summary>
    private void JoinInfiltrators()
    {
        var routes = _c.InfiltrationRoutes;
        for (int i = 0; i < routes.Length; i++)
        {
            if (!BehindTheFront(i) || _withdrawing[routes[i].Unit]) continue;
            int u = routes[i].Unit, exit = routes[i].Exit;
            int old = _target[u];
            if (old == exit) continue;
            if (old >= 0) _attackPower[old] = Math.Max(0, _attackPower[old] - Power(u));
            _target[u] = -1;
            if (_supply[u] < P(_ids.MinSupplyToAttack[routes[i].Side])) continue;
            TargetFromBehind(u, exit, routes[i].Side);
        }
    }

    /// <summary>
    /// After the attack-ratio test: a force behind the front is committed, so it assaults its exit cell even when the
    /// frontal assault on it was called off.
    /// </summary>
    private void CommitInfiltrators()
    {
        var routes = _c.InfiltrationRoutes;
        for (int i = 0; i < routes.Length; i++)
        {
            if (!BehindTheFront(i) || _withdrawing[routes[i].Unit]) continue;
            int u = routes[i].Unit;
            if (_target[u] >= 0 || _supply[u] < P(_ids.MinSupplyToAttack[routes[i].Side])) continue;
            TargetFromBehind(u, routes[i].Exit, routes[i].Side);
        }
    }

    private void TargetFromBehind(int u, int cell, int side)
    {
        _target[u] = cell;
        if (_targetStamp[cell] != _tick + 1)
        {
            _targetStamp[cell] = _tick + 1;
            _targets[_targetCount++] = cell;
            _attackSide[cell] = (byte)side;
        }
        _attackPower[cell] += Power(u);
    }

    /// <summary>
    /// The defence multiplier of a cell attacked from behind: 1 + (m - 1)(1 - sigma), with sigma the largest surprise
    /// factor of the routes whose forces fight inside it; <paramref name="m"/> unchanged otherwise.
    /// </summary>
    private double Surprised(int cell, double m)
    {
        var routes = _c.InfiltrationRoutes;
        if (routes.Length == 0) return m;
        double sigma = -1;
        for (int i = 0; i < routes.Length; i++)
            if (routes[i].Exit == cell && BehindTheFront(i)) sigma = Math.Max(sigma, _routeSurprise[i]);
        return sigma < 0 ? m : 1 + (m - 1) * (1 - sigma);
    }
}
