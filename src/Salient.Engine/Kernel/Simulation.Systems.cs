using System.Runtime.CompilerServices;
using Salient.Engine.Sampling;
using Salient.Scenario.Model;

namespace Salient.Engine.Kernel;

/// <summary>State and sampling of the drone-era systems: fires, sensors, jammers, air defence, satcom, stocks and costs.</summary>
public sealed partial class Simulation
{
    private const int Classes = TargetClasses.Count;
    private const int Links = (int)EwLink.Comms + 1;
    private const int LinkDrone = (int)EwLink.Drone, LinkRecon = (int)EwLink.Recon, LinkGnss = (int)EwLink.Gnss, LinkComms = (int)EwLink.Comms;

    // Per-system values sampled per replication ([system] or [system * Classes / Links + i]).
    private double[] _cost = null!;
    private double[] _exposure = null!;
    private double[] _fRange = null!, _fReachSq = null!, _fRate = null!, _fMunitionCost = null!, _fPHit = null!, _fGnss = null!;
    private double[] _fKill = null!, _fPriority = null!;
    private double[] _iRange = null!, _iReachSq = null!, _iDetection = null!;
    private double[] _eRadius = null!, _eReachSq = null!, _eAvailability = null!, _eEffect = null!;
    private double[] _aRange = null!, _aTracks = null!, _aChannels = null!, _aCycle = null!, _aInterceptors = null!,
        _aReload = null!, _aPk = null!, _aShots = null!, _aInterceptorCost = null!;
    private double[] _stockInitial = null!, _stockProduction = null!;  // [stock], [stock * days + day]

    // Per-unit state of the systems.
    private double[] _detection = null!;      // detection level of the unit by the enemy this tick
    private double[] _protect = null!;        // [unit * Links + link]: jam probability the unit's own side's EW imposes on enemy links aimed at it
    private double[] _disrupt = null!;        // [unit]: jam probability enemy EW imposes on the unit's radio communications
    private double[] _adCapacity = null!;     // engagements available now (accrues each tick, banks one cycle)
    private double[] _adInterceptors = null!; // interceptors on hand

    // Side stocks: [side * k + system]; unlimited where no stock entry exists.
    private double[] _stock = null!;
    private bool[] _stockLimited = null!;

    private double[] _classCount = null!;     // [unit * Classes + class]: items on hand, refreshed each tick
    private double[] _classExposure = null!;  // [unit * Classes + class]: sum of count x exposure

    // Scratch for target allocation: candidate (unit, class) pairs and their weights.
    private int[] _candUnit = null!, _candClass = null!;
    private double[] _candWeight = null!;

    // Accumulators.
    private double[] _byCause = null!;        // [side * causes + cause]
    private int _causes;
    private double[] _fireTally = null!;      // [counter * Sides * k + side * k + system], see FireCounter
    private double[] _airDefenceTally = null!; // [counter * Sides + side], see AirDefenceCounter
    private readonly double[] _spent = new double[Sides];
    private readonly double[] _destroyed = new double[Sides];
    private readonly double[] _lost = new double[Sides];

    private void AllocateSystems()
    {
        _cost = new double[_k]; _exposure = new double[_k];
        _fRange = new double[_k]; _fReachSq = new double[_k]; _fRate = new double[_k]; _fMunitionCost = new double[_k]; _fPHit = new double[_k]; _fGnss = new double[_k];
        _fKill = new double[_k * Classes]; _fPriority = new double[_k * Classes];
        _iRange = new double[_k]; _iReachSq = new double[_k]; _iDetection = new double[_k];
        _eRadius = new double[_k]; _eReachSq = new double[_k]; _ewPass = new double[_m * _c.EwSystems.Length * Links]; _eAvailability = new double[_k]; _eEffect = new double[_k * Links];
        _aRange = new double[_k]; _aTracks = new double[_k]; _aChannels = new double[_k]; _aCycle = new double[_k];
        _aInterceptors = new double[_k]; _aReload = new double[_k]; _aPk = new double[_k]; _aShots = new double[_k]; _aInterceptorCost = new double[_k];
        _stockInitial = new double[_c.Stocks.Length];
        _stockProduction = new double[_c.Stocks.Length * _days];
        _detection = new double[_m]; _protect = new double[_m * Links]; _disrupt = new double[_m];
        _isrInputs = new long[3 + _m * (4 + _c.EwSystems.Length + _c.IsrSystems.Length)]; _isrInputsBefore = new long[_isrInputs.Length];
        _isrCell = new int[_m]; _isrLevel = new double[_m];
        _adCapacity = new double[_m]; _adInterceptors = new double[_m];
        _stock = new double[Sides * _k]; _stockLimited = new bool[Sides * _k];
        _classCount = new double[_m * Classes]; _classExposure = new double[_m * Classes];
        _candUnit = new int[_m * Classes]; _candClass = new int[_m * Classes]; _candWeight = new double[_m * Classes];
        _causes = CauseCount(_c);
        _byCause = new double[Sides * _causes];
        _fireTally = new double[FireCounterCount * Sides * _k];
        _airDefenceTally = new double[AirDefenceCounterCount * Sides];
    }

    private void SampleSystems(ulong seed, uint rep)
    {
        var catalogue = _c.Model.Catalogue;
        double S(Quantity q) => InputSampler.Sample(q, seed, rep);
        for (int s = 0; s < _k; s++)
        {
            var t = catalogue[s];
            _cost[s] = S(t.CostUsd);
            _exposure[s] = S(t.Exposure);
            if (t.Fires is { } f)
            {
                _fRange[s] = S(f.RangeKm); _fReachSq[s] = SquaredReach(_fRange[s]); _fRate[s] = S(f.RatePerDay); _fMunitionCost[s] = S(f.MunitionCostUsd);
                _fPHit[s] = S(f.PHit); _fGnss[s] = S(f.GnssDependence);
                for (int c = 0; c < Classes; c++) { _fKill[s * Classes + c] = S(f.Kill[c]); _fPriority[s * Classes + c] = S(f.Priority[c]); }
            }
            if (t.Isr is { } i) { _iRange[s] = S(i.RangeKm); _iReachSq[s] = SquaredReach(_iRange[s]); _iDetection[s] = S(i.Detection); }
            if (t.Ew is { } e)
            {
                _eRadius[s] = S(e.RadiusKm); _eReachSq[s] = SquaredReach(_eRadius[s]); _eAvailability[s] = S(e.Availability);
                _eEffect[s * Links + LinkDrone] = S(e.OnDrone); _eEffect[s * Links + LinkRecon] = S(e.OnRecon);
                _eEffect[s * Links + LinkGnss] = S(e.OnGnss); _eEffect[s * Links + LinkComms] = S(e.OnComms);
            }
            if (t.AirDefence is { } a)
            {
                _aRange[s] = S(a.RangeKm); _aTracks[s] = S(a.Tracks); _aChannels[s] = S(a.Channels); _aCycle[s] = S(a.CycleMinutes);
                _aInterceptors[s] = S(a.Interceptors); _aReload[s] = S(a.ReloadPerDay); _aPk[s] = S(a.Pk); _aShots[s] = Math.Round(S(a.ShotsPerTarget));
                _aInterceptorCost[s] = S(a.InterceptorCostUsd);
            }
        }
        for (int i = 0; i < _c.Stocks.Length; i++)
        {
            _stockInitial[i] = S(_c.Stocks[i].Initial);
            InputSampler.SampleDaily(_c.Stocks[i].ProductionPerDay, _c.Model.Calendar, seed, rep, _stockProduction.AsSpan(i * _days, _days));
        }
    }

    private void ResetSystems()
    {
        Array.Clear(_stock);
        Array.Clear(_stockLimited);
        for (int i = 0; i < _c.Stocks.Length; i++)
        {
            int slot = _c.Stocks[i].Side * _k + _c.Stocks[i].System;
            _stock[slot] = _stockInitial[i];
            _stockLimited[slot] = true;
        }
        for (int u = 0; u < _m; u++) _adInterceptors[u] = MaxInterceptors(u);
        Array.Clear(_adCapacity);
        _isrInputsLength = -1; // PERF: no ISR sums kept across replications (Simulation.Isr.cs)
        Array.Clear(_byCause); Array.Clear(_fireTally); Array.Clear(_airDefenceTally);
        Array.Clear(_spent); Array.Clear(_destroyed); Array.Clear(_lost);
    }

    private double MaxInterceptors(int u)
    {
        double n = 0;
        foreach (int s in _c.AirDefenceSystems) n += _inventory[u * _k + s] * _aInterceptors[s];
        return n;
    }

    private double DistanceKm(int cellA, int cellB) => Math.Sqrt(SquaredDistanceKm(cellA, cellB));

    /// <summary>The square of <see cref="DistanceKm"/> before its root: range tests compare it with <see cref="SquaredReach"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double SquaredDistanceKm(int cellA, int cellB)
    {
        double dx = _c.CellX[cellA] - _c.CellX[cellB], dy = _c.CellY[cellA] - _c.CellY[cellB];
        return dx * dx + dy * dy;
    }

    /// <summary>
    /// PERF: the bound t with Math.Sqrt(x) &gt; <paramref name="range"/> exactly when x &gt; t, for every x &gt;= 0
    /// (+infinity included), so a range test compares <see cref="DistanceKm"/>'s squared sum without its square root.
    /// </summary>
    /// <remarks>
    /// Exact because Math.Sqrt is correctly rounded (IEEE 754), hence non-decreasing: the x &gt;= 0 with
    /// sqrt(x) &lt;= range are all the doubles from 0 up to the largest such x, which is t (found from range^2 by
    /// stepping one double at a time). A negative range holds none of them (t = -1: every x &gt; t, as every
    /// sqrt(x) &gt;= 0 &gt; range); a NaN range none, and x &gt; NaN is false as sqrt(x) &gt; NaN is; +infinity all
    /// (t = +infinity, and no x exceeds it as no root exceeds the range).
    /// </remarks>
    internal static double SquaredReach(double range)
    {
        if (double.IsNaN(range) || double.IsPositiveInfinity(range)) return range;
        if (range < 0) return -1;
        double t = range * range;
        while (Math.Sqrt(t) > range) t = Math.BitDecrement(t);
        while (Math.Sqrt(Math.BitIncrement(t)) <= range) t = Math.BitIncrement(t);
        return t;
    }

    /// <summary>Records value destroyed: <paramref name="lost"/> items of system <paramref name="s"/> of <paramref name="side"/>, by the enemy.</summary>
    private void CountLoss(int side, int s, long lost, int bySystem)
    {
        double value = lost * _cost[s];
        _losses[side * _k + s] += lost;
        _lost[side] += value;
        _destroyed[1 - side] += value;
        if (bySystem >= 0) Tally(FireCounter.DestroyedUsd, (1 - side) * _k + bySystem) += value;
        NoteDeepLoss(side, s, lost, bySystem);
    }
}
