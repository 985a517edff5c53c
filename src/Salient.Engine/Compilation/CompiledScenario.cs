using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Salient.Scenario.Geometry;
using Salient.Scenario.Model;

namespace Salient.Engine.Compilation;

/// <summary>
/// A scenario flattened for the kernel: primitive arrays for cells, neighbours, units and plans, parameter ids, and
/// the metric layout. Built once per scenario and shared read-only by every worker thread.
/// </summary>
/// <remarks>Immutable after construction (arrays are not exposed for writing outside the engine).</remarks>
public sealed class CompiledScenario
{
    /// <summary>Sides the engine supports; the loader enforces it.</summary>
    public const int SideCount = 2;

    /// <summary>
    /// Flattens a loaded scenario into the kernel's arrays and declares its metric layout. Nothing is sampled here:
    /// uncertain quantities are drawn per replication, into the daily series of <see cref="ParameterQuantities"/>.
    /// </summary>
    /// <param name="model">A scenario the loader accepted (no error diagnostics); it is not validated again here.</param>
    /// <remarks>
    /// The work is linear in cells, edges and units × days (the per-day plan table), so build one instance per scenario
    /// and variant and share it across replications and threads rather than compiling per replication.
    /// </remarks>
    public CompiledScenario(ScenarioModel model)
    {
        Model = model;
        var cal = model.Calendar;
        Days = cal.Days;
        TicksPerDay = cal.TicksPerDay;
        TotalTicks = Days * TicksPerDay;
        Dt = 1.0 / TicksPerDay;

        // Cells and the neighbour table in CSR form (PERF: contiguous arrays, no per-cell lists in the tick loop).
        var cells = model.Theatre.Cells;
        CellCount = cells.Length;
        CellArea = [.. cells.Select(c => c.AreaKm2)];
        CellDefensibility = [.. cells.Select(c => c.Defensibility)];
        CellResidents = [.. cells.Select(c => c.Population)];
        InitialControl = [.. cells.Select(c => (byte)c.InitialControl)];
        CellCounted = [.. cells.Select(c => model.Theatre.Regions[c.Region].Counted)];
        var adjacency = new List<(int To, double Len, double Mob)>[CellCount];
        for (int i = 0; i < CellCount; i++) adjacency[i] = [];
        foreach (var e in model.Theatre.Edges)
        {
            adjacency[e.A].Add((e.B, e.LengthKm, e.Mobility));
            adjacency[e.B].Add((e.A, e.LengthKm, e.Mobility));
        }
        NeighbourStart = new int[CellCount + 1];
        for (int i = 0; i < CellCount; i++) NeighbourStart[i + 1] = NeighbourStart[i] + adjacency[i].Count;
        Neighbour = new int[NeighbourStart[CellCount]];
        NeighbourLengthKm = new double[Neighbour.Length];
        NeighbourMobility = new double[Neighbour.Length];
        for (int i = 0; i < CellCount; i++)
        {
            int k = NeighbourStart[i];
            foreach (var (to, len, mob) in adjacency[i].OrderBy(a => a.To))
            {
                Neighbour[k] = to;
                NeighbourLengthKm[k] = len;
                NeighbourMobility[k] = mob;
                k++;
            }
        }
        // Capture events are recorded for named places: cells holding a settlement, and every node of an explicit-node
        // theatre (its nodes are places by construction). Anonymous grid cells would only bloat the metrics.
        // Cell centres on an equal-area plane (km), for the ranges of fires, sensors, jammers and air defence.
        var envelope = new Envelope();
        foreach (var c in cells) envelope.ExpandToInclude(c.Lon, c.Lat);
        var projection = EqualAreaProjection.CentredOn(envelope);
        CellX = new double[CellCount];
        CellY = new double[CellCount];
        for (int i = 0; i < CellCount; i++) (CellX[i], CellY[i]) = projection.Forward(cells[i].Lon, cells[i].Lat);

        LabelledCells = [.. cells.Where(c => c.Settlements.Length > 0 || c.Geometry is null).Select(c => c.Index)];
        CellOnOuterEdge = [.. cells.Select(c => c.OuterBorderKm >= Salient.Scenario.Geometry.TheatreBuilder.MinSharedBorderKm)];

        // Units and systems.
        UnitCount = model.Units.Length;
        SystemCount = model.Catalogue.Length;
        UnitSide = [.. model.Units.Select(u => u.Side)];
        UnitStartCell = [.. model.Units.Select(u => u.Cell)];
        UnitArrivalTick = [.. model.Units.Select(u => cal.DayIndex(u.Arrives) * TicksPerDay)];
        SystemTargetClass = [.. model.Catalogue.Select(s => (int)TargetClasses.Of(s.Class))];
        FiresSystems = [.. Enumerable.Range(0, SystemCount).Where(s => model.Catalogue[s].Fires is not null)];
        IsrSystems = [.. Enumerable.Range(0, SystemCount).Where(s => model.Catalogue[s].Isr is not null)];
        EwSystems = [.. Enumerable.Range(0, SystemCount).Where(s => model.Catalogue[s].Ew is not null)];
        AirDefenceSystems = [.. Enumerable.Range(0, SystemCount).Where(s => model.Catalogue[s].AirDefence is not null)];
        SatcomSystems = [.. Enumerable.Range(0, SystemCount).Where(s => model.Catalogue[s].Class == SystemClass.Satcom)];
        Stocks = model.Stocks;

        // Plans: the phase each unit follows on each day (-1 = none: the unit defends). Later phases in the file win.
        Phases = model.Plans;
        UnitDayPhase = new short[UnitCount * Days];
        Array.Fill(UnitDayPhase, (short)-1);
        for (int p = 0; p < Phases.Length; p++)
        {
            var ph = Phases[p];
            for (int u = 0; u < UnitCount; u++)
            {
                if (UnitSide[u] != ph.Side || (!ph.Units.IsEmpty && !ph.Units.Contains(u))) continue;
                for (int d = cal.DayIndex(ph.Start); d <= cal.DayIndex(ph.End); d++) UnitDayPhase[u * Days + d] = (short)p;
            }
        }
        PhaseObjectives = [.. Phases.Select(p => p.Objectives.ToArray())];

        DepotSide = [.. model.Theatre.Depots.Select(d => d.Side)];
        DepotCell = [.. model.Theatre.Depots.Select(d => d.Cell)];
        SideHasDepot = [.. Enumerable.Range(0, SideCount).Select(s => DepotSide.Contains(s))];

        // Reinforcements: one-offs land at the first tick of their day; flows spread evenly over each day's ticks.
        Reinforcements = model.Reinforcements;

        // Infiltration routes, contingents and settlement counts (Simulation.Infiltration.cs, Simulation.Contingents.cs);
        // each is empty unless the scenario has routes, contingents or settlements.
        InfiltrationRoutes = model.Infiltration;
        foreach (var route in InfiltrationRoutes) UnitArrivalTick[route.Unit] = int.MaxValue; // a route's force never arrives by itself
        Contingents = [.. model.Units.Select(u => u.Contingent).OfType<string>().Distinct()];
        UnitContingent = [.. model.Units.Select(u => u.Contingent is null ? -1 : Array.IndexOf(Contingents, u.Contingent))];
        ContingentSide = [.. Contingents.Select(id => model.Units.First(u => u.Contingent == id).Side)];
        CellSettlements = [.. cells.Select(c => model.Theatre.Regions[c.Region].Counted ? c.Settlements.Length : 0)];
        HasSettlements = cells.Any(c => c.Settlements.Length > 0);

        // Parameters: every catalogue parameter and every side's doctrine becomes one daily series per replication.
        var sideIds = model.Sides.Select(s => s.Id).ToArray();
        var list = new List<Quantity>(model.Parameters.All);
        foreach (var s in model.Sides)
        {
            list.Add(s.Doctrine.AttackRatio);
            list.Add(s.Doctrine.MinSupplyToAttack);
            list.Add(s.Doctrine.WithdrawCohesion);
            list.Add(s.Doctrine.RecoverCohesion);
            list.Add(s.Doctrine.CutOffDays);
        }
        ParameterQuantities = [.. list];
        Ids = new ParameterIds(this, sideIds);

        Routes = CompiledRoute.CompileAll(this);
        (FinalReaders, SeriesReaders, Layout) = Kernel.Simulation.DeclareMetrics(this).Seal(Days);
    }

    /// <summary>The scenario this was compiled from, kept for names, ids and geometry that the kernel does not need.</summary>
    public ScenarioModel Model { get; }

    /// <summary>Number of simulated days, end date inclusive (<see cref="Calendar.Days"/>).</summary>
    public int Days { get; }

    /// <summary>Kernel ticks per simulated day: 24 divided by the scenario's <c>tick_hours</c>.</summary>
    /// <remarks>One of 1, 2, 3, 4, 6, 8, 12 or 24; the loader rejects a tick length that does not divide 24.</remarks>
    public int TicksPerDay { get; }

    /// <summary>Ticks in one replication: <see cref="Days"/> × <see cref="TicksPerDay"/>.</summary>
    public int TotalTicks { get; }
    /// <summary>Tick length in days.</summary>
    public double Dt { get; }

    /// <summary>Number of theatre cells; cell indices run from 0 to <c>CellCount - 1</c> in the theatre's order.</summary>
    public int CellCount { get; }
    internal double[] CellArea { get; }
    internal double[] CellDefensibility { get; }
    internal double[] CellResidents { get; }
    internal byte[] InitialControl { get; }
    internal bool[] CellCounted { get; }
    internal int[] NeighbourStart { get; }
    internal int[] Neighbour { get; }
    internal double[] NeighbourLengthKm { get; }
    internal double[] NeighbourMobility { get; }
    internal int[] LabelledCells { get; }
    /// <summary>[cell]: part of its boundary is the theatre's outer edge, beyond which the map ends (not the holder's ground).</summary>
    internal bool[] CellOnOuterEdge { get; }
    internal double[] CellX { get; }
    internal double[] CellY { get; }

    /// <summary>Number of units in the scenario, both sides, including those that arrive after the start.</summary>
    public int UnitCount { get; }

    /// <summary>Number of system types in the scenario's catalogue; system indices follow the catalogue's order.</summary>
    public int SystemCount { get; }
    internal int[] UnitSide { get; }
    internal int[] UnitStartCell { get; }
    internal int[] UnitArrivalTick { get; }
    internal int[] SystemTargetClass { get; }
    internal int[] FiresSystems { get; }
    internal int[] IsrSystems { get; }
    internal int[] EwSystems { get; }
    internal int[] AirDefenceSystems { get; }
    internal int[] SatcomSystems { get; }
    internal ImmutableArray<Stock> Stocks { get; }

    internal ImmutableArray<PlanPhase> Phases { get; }
    internal short[] UnitDayPhase { get; }
    internal int[][] PhaseObjectives { get; }
    internal int[] DepotSide { get; }
    internal int[] DepotCell { get; }
    internal bool[] SideHasDepot { get; }
    internal ImmutableArray<Reinforcement> Reinforcements { get; }
    internal CompiledRoute[] Routes { get; }
    internal ImmutableArray<InfiltrationRoute> InfiltrationRoutes { get; }

    internal string[] Contingents { get; } // in order of first appearance
    internal int[] UnitContingent { get; }
    internal int[] ContingentSide { get; }
    internal int[] CellSettlements { get; }
    internal bool HasSettlements { get; }

    /// <summary>Quantities sampled into daily parameter series, in id order.</summary>
    public ImmutableArray<Quantity> ParameterQuantities { get; }
    internal ParameterIds Ids { get; }

    /// <summary>What each replication records.</summary>
    public MetricLayout Layout { get; }

    /// <summary>Readers of the final metrics, in <see cref="Layout"/> order (declared in <c>Simulation.DeclareMetrics</c>).</summary>
    internal ImmutableArray<Func<Kernel.Simulation, double>> FinalReaders { get; }

    /// <summary>Readers of the daily series, in <see cref="Layout"/> order.</summary>
    internal ImmutableArray<Func<Kernel.Simulation, double>> SeriesReaders { get; }

    internal int ParameterId(string path)
    {
        for (int i = 0; i < ParameterQuantities.Length; i++)
            if (ParameterQuantities[i].Path == path) return i;
        throw new KeyNotFoundException($"parameter '{path}' was not compiled");
    }
}
