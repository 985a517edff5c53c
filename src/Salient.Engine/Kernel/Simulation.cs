using System.Runtime.InteropServices;
using Salient.Engine.Compilation;
using Salient.Engine.Random;
using Salient.Engine.Sampling;
using Salient.Scenario.Model;

namespace Salient.Engine.Kernel;

/// <summary>
/// One worker's simulation: struct-of-arrays state for cells, units and sides, reused across replications.
/// <see cref="Run"/> plays one replication tick by tick through fixed phases (see docs/model.md) and writes its
/// metrics and daily series into caller-owned buffers.
/// </summary>
/// <remarks>
/// Not thread-safe: give each thread its own instance (they share the read-only <see cref="CompiledScenario"/>).
/// All arrays are allocated in the constructor; the tick loop allocates nothing.
/// </remarks>
public sealed partial class Simulation
{
    private const int Sides = CompiledScenario.SideCount;

    private readonly CompiledScenario _c;
    private readonly ParameterIds _ids;
    private readonly int _n;
    private readonly int _m;
    private readonly int _k;
    private readonly int _days;

    // Inputs sampled per replication.
    // PERF: day-major, so today's values sit together and P(id) is one add from the day's base (Overheads.cs).
    private readonly double[] _param;            // [day * quantities + parameter]
    private readonly double[] _paramDays;        // scratch: one parameter's daily values as the sampler writes them
    private readonly int _quantities;            // parameter quantities
    private int _dayBase;                        // _day * _quantities, set with _day (SetDay)
    private readonly double[] _personnelInit;    // [unit]
    private readonly double[] _experience;       // [unit]
    private readonly double[] _inventoryInit;    // [unit * k + system]
    private readonly double[] _systemPower;      // [system]
    private readonly double[] _systemVulnerability;
    private readonly double[] _reinforcementAmount; // [reinforcement]
    private readonly double[] _deliveryCarry;       // [reinforcement]: fractional items not yet delivered

    // Cell state.
    private readonly byte[] _control;
    private readonly double[] _fortification;
    private readonly double[] _advance;          // progress of the current assault on the cell, 0..1
    private readonly bool[] _attacked;           // attacked this tick
    private readonly double[] _attackPower;      // scratch: attack power massed on the cell this tick
    private readonly byte[] _attackSide;
    private readonly int[] _targets;             // scratch: cells attacked this tick, in first-targeted order
    private readonly int[] _targetStamp;         // tick + 1 when the cell was last added to _targets
    private int _targetCount;

    // Unit state.
    private readonly bool[] _active;
    private readonly bool[] _pending;            // waiting to arrive
    private readonly int[] _cell;
    private readonly double[] _personnel;
    private readonly long[] _inventory;          // [unit * k + system]
    private readonly double[] _cohesion;
    private readonly double[] _supply;
    private readonly byte[] _posture;
    private readonly bool[] _withdrawing;        // doctrine-forced withdrawal until cohesion recovers
    private readonly int[] _target;
    private readonly double[] _moveProgress;
    private readonly int[] _cutOffTicks;
    private readonly bool[] _engaged;
    private readonly double[] _incoming;         // scratch: positional fire expected on each unit this tick
    private readonly int[] _contacts;            // enemy units adjacent to each unit (kept with the contact pairs)

    // Occupancy: units in each cell as linked lists in unit-index order, rebuilt lazily after moves.
    private readonly int[] _firstAt;
    private readonly int[] _nextAt;
    private bool _occupancyDirty;
    private long _occupancyBuilds;               // bumps each time the lists are rebuilt (the contact pairs' key)
    private long _frontOccupancyVersion;         // bumps only when a unit enters or leaves a front-line cell

    // Scratch list of the units taking part in one assault, with their weights.
    private readonly int[] _partUnit;
    private readonly double[] _partWeight;

    // Side accumulators.
    private readonly double[] _killed = new double[Sides];
    private readonly BinomialTable[] _killedSplit = [new(), new()]; // per side: the killed share's masses (PERF)
    private readonly SamplerMemo _memo = new(); // PERF: the fires' and interdiction's inversion set-ups, kept by argument
    private readonly double[] _wounded = new double[Sides];
    private readonly double[] _captured = new double[Sides];
    private readonly double[] _reinforced = new double[Sides];
    private readonly long[] _losses;             // [side * k + system]
    private readonly double[] _areaPeak = new double[Sides];
    private readonly int[] _areaPeakDay = new int[Sides];
    private readonly double[] _everHeld = new double[Sides];
    private readonly int[] _clearedDay = new int[Sides];
    private readonly int[] _captureDay;          // [labelled * 2 + side], -1 = never

    // Distance fields, recomputed only when control changes (PERF: a capture is rare next to a tick).
    private readonly double[] _supplyDist;       // [side * n + cell]
    private readonly double[] _frontDist;        // [side * n + cell]
    private readonly double[] _objectiveDist;    // [phase * n + cell]
    private readonly long[] _supplyVersion = new long[Sides];
    private readonly long[] _frontVersion = new long[Sides];
    private readonly long[] _objectiveVersion;
    private long _controlVersion;
    private readonly PathFinder _paths;

    // Each phase draws only from its own stream, so a variant that changes fires (or air defence) leaves the other
    // streams' draws where they were. Casualties draw their killed/wounded split and equipment losses from the
    // stream of the phase that caused them.
    private RandomStream _groundRng;
    private RandomStream _fireRng;
    private RandomStream _adRng;
    private int _tick;
    private int _day;
    private int _tickOfDay;                      // _tick - _day * ticks a day, set with _day at the start of a tick

    /// <summary>Allocates every buffer for <paramref name="compiled"/>.</summary>
    public Simulation(CompiledScenario compiled)
    {
        _c = compiled;
        _ids = compiled.Ids;
        _n = compiled.CellCount;
        _m = compiled.UnitCount;
        _k = compiled.SystemCount;
        _days = compiled.Days;

        _quantities = compiled.ParameterQuantities.Length;
        _param = new double[_quantities * _days];
        _paramDays = new double[_days];
        _personnelInit = new double[_m];
        _experience = new double[_m];
        _inventoryInit = new double[_m * _k];
        _systemPower = new double[_k];
        _systemVulnerability = new double[_k];
        _reinforcementAmount = new double[compiled.Reinforcements.Length];
        _deliveryCarry = new double[compiled.Reinforcements.Length];

        _control = new byte[_n];
        _fortification = new double[_n];
        _advance = new double[_n];
        _clearing = new double[_n];
        _attacked = new bool[_n];
        _restCells = new int[_n];
        _restListed = new bool[_n];
        _attackPower = new double[_n];
        _attackSide = new byte[_n];
        _targets = new int[_n];
        _targetStamp = new int[_n];

        _active = new bool[_m];
        _pending = new bool[_m];
        _cell = new int[_m];
        _personnel = new double[_m];
        _inventory = new long[_m * _k];
        _cohesion = new double[_m];
        _supply = new double[_m];
        _posture = new byte[_m];
        _withdrawing = new bool[_m];
        _target = new int[_m];
        _moveProgress = new double[_m];
        _cutOffTicks = new int[_m];
        _engaged = new bool[_m];
        _incoming = new double[_m];
        _contacts = new int[_m];
        _contactPairStart = new int[_m + 1];
        _contactPairUnit = new int[Math.Max(8, 4 * _m)];
        _firstAt = new int[_n];
        _nextAt = new int[_m];
        _partUnit = new int[_m];
        _partWeight = new double[_m];

        _losses = new long[Sides * _k];
        _captureDay = new int[compiled.LabelledCells.Length * Sides];
        _supplyDist = new double[Sides * _n];
        _frontDist = new double[Sides * _n];
        _objectiveDist = new double[compiled.Phases.Length * _n];
        _objectiveVersion = new long[compiled.Phases.Length];
        _paths = new PathFinder(compiled);
        ControlTally = new int[_days * _n];
        AllocateSystems();
        AllocateFireTargets();
        AllocateSupply();
        AllocateInfiltration();
        AllocateDepth();
        AllocateRearReach();
        AllocateCoordination();
        AllocateFatigue();
        AllocateProbing();
        AllocateThreatenedFront();
        AllocateIsolatedGarrison();
        AllocateApproach();
        _coordinationOn = CoordinationEnabled(compiled);
        _fatigueOn = FatigueEnabled(compiled);
        AllocateSeason();
        AllocateFields();
        AllocateSettled();
        AllocateOverheads();
    }

    /// <summary>
    /// Per-cell control tallies this simulation has accumulated over all its replications: entry
    /// <c>[day * cells + cell]</c> counts the replications in which the first side held the cell at the end of that day.
    /// Integer sums, so merging the tallies of several workers gives the same result in any order.
    /// </summary>
    public int[] ControlTally { get; }

    /// <summary>The control map now: each cell's side (for tests and benchmarks).</summary>
    internal ReadOnlySpan<byte> Control => _control;

    /// <summary>The compiled scenario this simulation runs.</summary>
    public CompiledScenario Compiled => _c;

    /// <summary>
    /// Plays replication <paramref name="replication"/> of <paramref name="seed"/> from start to end, writing the
    /// final metrics (<see cref="MetricLayout.Metrics"/> order) and daily series (series-major, <see cref="MetricLayout.DailyLength"/>).
    /// </summary>
    public void Run(ulong seed, int replication, Span<double> metrics, Span<float> daily)
    {
        Begin(seed, replication);
        PlayTicks(daily); // every tick, or until the replication settles (Simulation.Settled.cs)
        WriteMetrics(metrics);
    }

    /// <summary>Samples the replication's inputs and resets the state to the scenario's start.</summary>
    public void Begin(ulong seed, int replication)
    {
        SampleInputs(seed, (uint)replication);
        Reset(seed, (uint)replication);
    }

    /// <summary>Advances one tick through every phase; records the day's series after its last tick.</summary>
    public void Step(Span<float> daily)
    {
        SetClock();
        // PERF: phases that provably do nothing in this scenario are not called (Simulation.Overheads.cs).
        if (!_arrivalsDone) Arrivals();
        if (!_infiltrationOff) Infiltration();
        if (!_logisticsInert) Logistics();
        Command();
        if (!_isrInert) Isr();
        if (!_firesOff) Fires();
        GroundCombat();
        Recovery();
        if (!_fatigueOff) Fatigue();
        if (_tickOfDay == _c.TicksPerDay - 1) RecordDay(daily);
        _tick++;
    }

    /// <summary>The day and the tick within it, for the tick about to be played.</summary>
    /// <remarks>PERF: at most one integer division a tick (tens of cycles each on x64) where the phases asked for the
    /// quotient or the remainder three times a tick, and none when the tick follows the last one set.</remarks>
    private void SetClock()
    {
        int perDay = _c.TicksPerDay;
        int day, ofDay;
        if (_tick == _clockTick + 1)
        {
            // PERF: the tick after the last one set counts on instead of dividing (Step plays ticks in order). By
            // induction _clockDay = _clockTick / perDay and _clockOfDay = _clockTick % perDay, so these are the same integers.
            day = _clockDay;
            ofDay = _clockOfDay + 1;
            if (ofDay == perDay)
            {
                day++;
                ofDay = 0;
            }
        }
        else
        {
            day = _tick / perDay;
            ofDay = _tick - day * perDay;
        }
        _clockTick = _tick;
        _clockDay = day;
        _clockOfDay = ofDay;
        SetDay(day);
        _tickOfDay = ofDay;
    }

    private int _clockTick = -1, _clockDay, _clockOfDay = -1; // the last tick SetClock set, its day and tick of the day

    /// <summary>The day and tick of the day the last tick played (for tests of <see cref="SetClock"/>).</summary>
    internal (int Day, int TickOfDay) Clock => (_day, _tickOfDay);

    /// <summary>Ticks played so far in the current replication.</summary>
    public int Tick => _tick;

    /// <summary>The cell a unit stands in (for tests of movement rules).</summary>
    internal int CellOfUnit(int unit) => _cell[unit];

    /// <summary>The side holding a cell (for tests of capture rules).</summary>
    internal int ControlOfCell(int cell) => _control[cell];

    /// <summary>Each unit's sampled initial personnel in the current replication (for tests of input sampling).</summary>
    internal ReadOnlySpan<double> InitialPersonnel => _personnelInit;

    /// <summary>A unit's supply level (for tests of the logistics rules).</summary>
    internal double SupplyOfUnit(int unit) => _supply[unit];

    /// <summary>
    /// 32-bit words drawn so far in the current replication from each tick-loop stream: ground combat, fires, air
    /// defence. For tests that a phase draws only from its own stream.
    /// </summary>
    public (ulong Ground, ulong Fires, ulong AirDefence) WordsDrawn => (_groundRng.WordsUsed, _fireRng.WordsUsed, _adRng.WordsUsed);

    /// <summary>
    /// The replication whose draws a source of chance makes in replication <paramref name="rep"/>: 0 when the scenario
    /// holds the source common to every replication (<c>chance:</c>, docs/model.md 3.4), else <paramref name="rep"/>.
    /// </summary>
    private uint ChanceRep(ChanceSource source, uint rep) => (_c.Model.CommonChance & source) != 0 ? 0u : rep;

    private void SampleInputs(ulong seed, uint replication)
    {
        var model = _c.Model;
        uint rep = ChanceRep(ChanceSource.Inputs, replication);
        var quantities = _c.ParameterQuantities;
        foreach (int i in _uncertainParams) // PERF: the certain ones were filled once (Simulation.Overheads.cs)
        {
            InputSampler.SampleDaily(quantities[i], model.Calendar, seed, rep, _paramDays);
            StoreParameter(i);
        }
        Array.Clear(_inventoryInit);
        for (int u = 0; u < _m; u++)
        {
            var unit = model.Units[u];
            _personnelInit[u] = Math.Round(InputSampler.Sample(unit.Personnel, seed, rep));
            _experience[u] = InputSampler.Sample(unit.Experience, seed, rep);
            foreach (var item in unit.Inventory)
                _inventoryInit[u * _k + item.SystemType] += Math.Round(InputSampler.Sample(item.Count, seed, rep));
        }
        for (int s = 0; s < _k; s++)
        {
            _systemPower[s] = InputSampler.Sample(model.Catalogue[s].CombatPower, seed, rep);
            _systemVulnerability[s] = InputSampler.Sample(model.Catalogue[s].Vulnerability, seed, rep);
        }
        for (int r = 0; r < _reinforcementAmount.Length; r++)
            _reinforcementAmount[r] = InputSampler.Sample(_c.Reinforcements[r].Personnel, seed, rep);
        SampleSystems(seed, rep);
        IndexFireClasses();
        SampleDepth(seed, rep);
        SampleSeason(seed, ChanceRep(ChanceSource.Weather, replication));
    }

    private void Reset(ulong seed, uint rep)
    {
        _groundRng = new RandomStream(seed, ChanceRep(ChanceSource.Ground, rep), StreamIds.Ground);
        _fireRng = new RandomStream(seed, ChanceRep(ChanceSource.Fires, rep), StreamIds.Fires);
        _adRng = new RandomStream(seed, ChanceRep(ChanceSource.AirDefence, rep), StreamIds.AirDefence);
        _tick = 0;
        SetDay(0);
        _tickOfDay = 0;
        (_clockTick, _clockDay, _clockOfDay) = (-1, 0, -1); // tick 0 counts on from 'tick -1' (day 0, tick -1 of it)
        _arrivalsDone = false;
        Array.Copy(_c.InitialControl, _control, _n);
        Array.Clear(_fortification);
        Array.Clear(_advance);
        _restAll = true; // PERF: the recovery's next pass visits every cell (Simulation.Recovery.cs)
        Array.Clear(_clearing);
        Array.Clear(_attacked);
        Array.Clear(_attackPower);
        Array.Clear(_targetStamp);
        for (int u = 0; u < _m; u++)
        {
            _active[u] = false;
            _pending[u] = true;
            _cell[u] = _c.UnitStartCell[u];
            _personnel[u] = _personnelInit[u];
            _cohesion[u] = 1.0;
            _supply[u] = 1.0;
            _posture[u] = (byte)Posture.Defend;
            _withdrawing[u] = false;
            _target[u] = -1;
            _moveProgress[u] = 0;
            _cutOffTicks[u] = 0;
            _engaged[u] = false;
        }
        for (int i = 0; i < _inventory.Length; i++) _inventory[i] = (long)_inventoryInit[i];
        ResetSystems();
        ResetThreatenedFront();
        ResetIsolatedGarrison();
        ResetSupply(seed, rep);
        ResetInfiltration(seed, rep);
        ResetDepth(seed, ChanceRep(ChanceSource.DeepStrike, rep));
        ResetRearReach();
        ResetCoordination();
        ResetFatigue();
        Array.Clear(_probeShare);
        ResetGroundBreak(seed, ChanceRep(ChanceSource.Break, rep));
        ResetPursuit(seed, ChanceRep(ChanceSource.Pursuit, rep));
        ResetFields();
        Array.Clear(_deliveryCarry);
        Array.Clear(_killed);
        Array.Clear(_wounded);
        Array.Clear(_captured);
        Array.Clear(_reinforced);
        Array.Clear(_losses);
        Array.Fill(_captureDay, -1);
        Array.Fill(_clearedDay, -1);
        Array.Fill(_areaPeakDay, 0);
        // Force every distance field, the control sums and the occupancy lists to be rebuilt on first use.
        _controlVersion++;
        for (int s = 0; s < Sides; s++)
        {
            _areaPeak[s] = HeldArea(s);
            _everHeld[s] = _areaPeak[s];
        }
        _frontOccupancyVersion++;
        _occupancyDirty = true;
    }

    /// <summary>Moves a unit to a cell (arrival, march, withdrawal, advance), resetting its march progress.</summary>
    private void MoveUnit(int u, int cell)
    {
        int side = _c.UnitSide[u];
        // PERF: the front field depends on which front cells are held by units; rear moves must not invalidate it.
        if (BordersEnemy(_cell[u], side) || BordersEnemy(cell, side)) _frontOccupancyVersion++;
        _cell[u] = cell;
        _moveProgress[u] = 0;
        _occupancyDirty = true;
        NoteMove(u);
    }

    /// <summary>Rebuilds the per-cell unit lists if any unit moved, arrived or fell since the last build.</summary>
    private void EnsureOccupancy()
    {
        if (!_occupancyDirty) return;
        _occupancyDirty = false;
        _occupancyBuilds++;
        Array.Fill(_firstAt, -1);
        // Walk units backwards and prepend, so each cell's list runs in ascending unit index (a total order).
        for (int u = _m - 1; u >= 0; u--)
        {
            if (!_active[u]) continue;
            _nextAt[u] = _firstAt[_cell[u]];
            _firstAt[_cell[u]] = u;
        }
    }

    /// <summary>The value of parameter <paramref name="id"/> today.</summary>
    private double P(int id) => _param[_dayBase + id];

    /// <summary>The value of parameter <paramref name="id"/> on day <paramref name="day"/>.</summary>
    private double ParameterOn(int id, int day) => _param[day * _quantities + id];

    /// <summary>Sets the current day (and the base of its parameter values).</summary>
    private void SetDay(int day)
    {
        _day = day;
        _dayBase = day * _quantities;
    }

    /// <summary>Stores parameter <paramref name="id"/>'s daily values from <c>_paramDays</c> into the day-major table.</summary>
    private void StoreParameter(int id)
    {
        for (int d = 0; d < _days; d++) _param[d * _quantities + id] = _paramDays[d];
    }

    /// <summary>
    /// A hash over the full state (cells, units, side tallies and the random stream's position), for determinism
    /// tests across thread counts and shardings (OpenRA's SyncHash idea).
    /// </summary>
    public ulong StateHash()
    {
        ulong h = 14695981039346656037UL;
        h = Mix(h, MemoryMarshal.AsBytes(_control.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_fortification.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_advance.AsSpan()));
        if (_clearing.AsSpan().ContainsAnyExcept(0.0)) h = Mix(h, MemoryMarshal.AsBytes(_clearing.AsSpan())); // unchanged hash without clearing
        if (_isolatedDays.AsSpan().ContainsAnyExcept(0)) h = Mix(h, MemoryMarshal.AsBytes(_isolatedDays.AsSpan())); // nor without isolated garrisons
        h = Mix(h, MemoryMarshal.AsBytes(_active.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_cell.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_personnel.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_inventory.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_cohesion.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_supply.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_killed.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_wounded.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_captured.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_stock.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_adInterceptors.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_spent.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_destroyed.AsSpan()));
        // The accumulators the metrics read: equipment lost, casualties by cause, the kill chains' and air defence's counters.
        h = Mix(h, MemoryMarshal.AsBytes(_losses.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_byCause.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_fireTally.AsSpan()));
        h = Mix(h, MemoryMarshal.AsBytes(_airDefenceTally.AsSpan()));
        // The opt-in mechanics' state, only when on, so the hash of every other scenario is unchanged.
        if (_coordinationOn) h = Mix(h, MemoryMarshal.AsBytes(_reactWaitHours.AsSpan()));
        if (_fatigueOn)
        {
            h = Mix(h, MemoryMarshal.AsBytes(_fatigueDays.AsSpan()));
            h = Mix(h, MemoryMarshal.AsBytes(_resting.AsSpan()));
        }
        Span<ulong> words = [_groundRng.WordsUsed, _fireRng.WordsUsed, _adRng.WordsUsed];
        h = Mix(h, MemoryMarshal.AsBytes(words));
        return h;

        static ulong Mix(ulong h, ReadOnlySpan<byte> bytes)
        {
            foreach (byte b in bytes)
            {
                h ^= b;
                h = unchecked(h * 1099511628211UL);
            }
            return h;
        }
    }
}
