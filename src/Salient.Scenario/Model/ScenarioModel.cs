using System.Collections.Immutable;
using Salient.Scenario.Diagnostics;

namespace Salient.Scenario.Model;

/// <summary>A validated, resolved scenario: everything the engine needs, nothing about files.</summary>
/// <remarks>Immutable. Built only by <see cref="Parsing.ScenarioLoader"/>; its <see cref="Hash"/> identifies the inputs
/// (scenario text, side files, variant and overrides) so outputs can state exactly what produced them.</remarks>
public sealed record ScenarioModel(
    string Name,
    string Title,
    string Hash,
    string? Variant,
    Calendar Calendar,
    ImmutableArray<Side> Sides,
    Theatre Theatre,
    ImmutableArray<SystemType> Catalogue,
    ImmutableArray<Unit> Units,
    ImmutableArray<PlanPhase> Plans,
    ImmutableArray<Reinforcement> Reinforcements,
    ImmutableArray<Stock> Stocks,
    Parameters Parameters,
    ImmutableArray<string> VariantNames)
{
    /// <summary>The calibration file applied (relative to the scenario), or null when the scenario ran as written.</summary>
    public string? Calibration { get; init; }

    /// <summary>A copy with some parameters replaced (calibration particles, implied-parameter searches); the hash is kept.</summary>
    public ScenarioModel WithParameters(IEnumerable<Quantity> replacements)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        var values = Parameters.Values;
        foreach (var q in replacements)
        {
            const string prefix = "parameters.";
            string name = q.Path.StartsWith(prefix, StringComparison.Ordinal) ? q.Path[prefix.Length..] : q.Path;
            if (!values.ContainsKey(name)) throw new KeyNotFoundException($"parameter '{q.Path}' is not in the catalogue");
            values = values.SetItem(name, q);
        }
        return this with { Parameters = new Parameters(values) };
    }

    /// <summary>Every quantity in the scenario, in a stable order (by path), for sampling and reporting.</summary>
    public IEnumerable<Quantity> AllQuantities()
    {
        foreach (var u in Units)
        {
            yield return u.Personnel;
            yield return u.Experience;
            foreach (var i in u.Inventory) yield return i.Count;
        }
        foreach (var r in Reinforcements) yield return r.Personnel;
        foreach (var s in Catalogue)
            foreach (var q in s.Quantities()) yield return q;
        foreach (var s in Stocks) { yield return s.Initial; yield return s.ProductionPerDay; }
        foreach (var q in Parameters.All) yield return q;
    }
}

/// <summary>The simulated period and tick length.</summary>
/// <remarks>Immutable. The end date is inclusive: the last simulated day is <see cref="End"/>.</remarks>
public sealed record Calendar(DateOnly Start, DateOnly End, double TickHours)
{
    /// <summary>Number of simulated days, end inclusive.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>Ticks in one day (24 / tick hours; the loader requires it to be a whole number).</summary>
    public int TicksPerDay => (int)Math.Round(24.0 / TickHours);

    /// <summary>Day index (0 = start) of a date.</summary>
    public int DayIndex(DateOnly date) => date.DayNumber - Start.DayNumber;

    /// <summary>Whether the date lies within the calendar.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

/// <summary>How a side fights: the doctrine rules of the command phase.</summary>
/// <remarks>Immutable. Every field is a quantity so it can be uncertain or calibrated.</remarks>
public sealed record Doctrine(
    Quantity AttackRatio,
    Quantity MinSupplyToAttack,
    Quantity WithdrawCohesion,
    Quantity RecoverCohesion,
    Quantity CutOffDays);

/// <summary>A side of the conflict.</summary>
public sealed record Side(string Id, string Name, string Colour, Doctrine Doctrine, SourceSpan Span);

/// <summary>The map: cells, edges between them, depots and which regions count toward ground held.</summary>
/// <remarks>Immutable. Cells are ordered by index; edges are sorted (A, B) with A &lt; B.</remarks>
public sealed record Theatre(
    ImmutableArray<Region> Regions,
    ImmutableArray<Cell> Cells,
    ImmutableArray<Edge> Edges,
    ImmutableArray<Depot> Depots,
    ImmutableArray<string> Warnings)
{
    /// <summary>Index of a cell by its id or by the id of a settlement it holds, or -1.</summary>
    public int CellIndex(string idOrSettlement)
    {
        for (int i = 0; i < Cells.Length; i++)
            if (Cells[i].Id == idOrSettlement) return i;
        for (int i = 0; i < Cells.Length; i++)
            if (Cells[i].Settlements.Contains(idOrSettlement)) return i;
        return -1;
    }
}

/// <summary>A region of the theatre (an oblast, say): its initial controller and whether its area counts as ground held.</summary>
public sealed record Region(string Id, int InitialControl, bool Counted);

/// <summary>A settlement from the gazetteer, labelling the cell it lies in.</summary>
public sealed record Settlement(string Id, string Name, double Lon, double Lat, double Population);

/// <summary>One node of the theatre graph.</summary>
/// <remarks>Immutable. <see cref="Geometry"/> is in lon/lat degrees (null for explicit-node theatres without shapes).</remarks>
public sealed record Cell(
    int Index,
    string Id,
    string Name,
    int Region,
    double AreaKm2,
    double Lon,
    double Lat,
    int InitialControl,
    string Terrain,
    double Defensibility,
    ImmutableArray<string> Settlements,
    NetTopologySuite.Geometries.Geometry? Geometry);

/// <summary>An edge of the theatre graph.</summary>
/// <remarks><see cref="Mobility"/> scales movement and advance across the edge (1 = open ground, &lt;1 = river crossing or bad roads).</remarks>
public sealed record Edge(int A, int B, double LengthKm, double Mobility, string Kind);

/// <summary>A supply depot of a side, at a cell.</summary>
public sealed record Depot(string Id, int Side, int Cell);

/// <summary>What a kind of system is, for targeting and accounting.</summary>
public enum SystemClass
{
    /// <summary>Soft-skinned vehicles and infantry weapons.</summary>
    Personnel,
    /// <summary>Tanks, IFVs, APCs.</summary>
    Armour,
    /// <summary>Tube and rocket artillery.</summary>
    Artillery,
    /// <summary>Drone teams and their stocks.</summary>
    Drone,
    /// <summary>Electronic warfare.</summary>
    Ew,
    /// <summary>Air defence.</summary>
    AirDefence,
    /// <summary>Trucks, depots, engineering.</summary>
    Logistics,
    /// <summary>Satellite communications terminals.</summary>
    Satcom,
}

/// <summary>A type of system in the catalogue, defined once and referenced by unit inventories.</summary>
/// <remarks>Immutable. <see cref="CombatPower"/> is the item's contribution to ground combat power, in rifleman-equivalents;
/// <see cref="Vulnerability"/> scales the chance an item is lost when its unit takes casualties.</remarks>
public sealed record SystemType(string Id, string Name, SystemClass Class, Quantity CombatPower, Quantity CostUsd, Quantity Vulnerability, SourceSpan Span)
{
    /// <summary>How findable an item is when targeted (1 = fully; shoot-and-scoot launchers are much less).</summary>
    public Quantity Exposure { get; init; } = Quantity.Fixed("exposure", 1.0);

    /// <summary>Set when the system fires (a kill chain).</summary>
    public FiresSpec? Fires { get; init; }

    /// <summary>Set when the system is a reconnaissance sensor.</summary>
    public IsrSpec? Isr { get; init; }

    /// <summary>Set when the system jams.</summary>
    public EwSpec? Ew { get; init; }

    /// <summary>Set when the system is an air-defence battery.</summary>
    public AirDefenceSpec? AirDefence { get; init; }

    /// <summary>Every quantity of the system, for sampling and provenance checks.</summary>
    public IEnumerable<Quantity> Quantities()
    {
        yield return CombatPower;
        yield return CostUsd;
        yield return Vulnerability;
        yield return Exposure;
        if (Fires is { } f)
        {
            yield return f.RangeKm; yield return f.RatePerDay; yield return f.MunitionCostUsd; yield return f.PHit; yield return f.GnssDependence;
            foreach (var q in f.Kill) yield return q;
            foreach (var q in f.Priority) yield return q;
        }
        if (Isr is { } i) { yield return i.RangeKm; yield return i.Detection; }
        if (Ew is { } e) { yield return e.RadiusKm; yield return e.Availability; yield return e.OnDrone; yield return e.OnRecon; yield return e.OnGnss; yield return e.OnComms; }
        if (AirDefence is { } a)
        {
            yield return a.RangeKm; yield return a.Tracks; yield return a.Channels; yield return a.CycleMinutes; yield return a.Interceptors;
            yield return a.ReloadPerDay; yield return a.Pk; yield return a.ShotsPerTarget; yield return a.InterceptorCostUsd;
        }
    }
}

/// <summary>A count of one system type in a unit's inventory.</summary>
public sealed record InventoryItem(int SystemType, Quantity Count);

/// <summary>A manoeuvre unit (battalion or brigade aggregate).</summary>
/// <remarks>Immutable. <see cref="Arrives"/> is the date the unit enters the theatre (the calendar start for units present at start).</remarks>
public sealed record Unit(
    int Index,
    string Id,
    string Name,
    int Side,
    int Cell,
    Quantity Personnel,
    Quantity Experience,
    ImmutableArray<InventoryItem> Inventory,
    DateOnly Arrives,
    SourceSpan Span);

/// <summary>A unit's stance: what the command phase makes it do.</summary>
public enum Posture
{
    /// <summary>Hold ground; move to the front when not in contact.</summary>
    Defend,
    /// <summary>Advance on the objectives and attack adjacent enemy cells.</summary>
    Attack,
    /// <summary>Fall back toward own depots; do not attack.</summary>
    Withdraw,
}

/// <summary>One dated phase of a side's plan: posture and objectives for a date range, for all or some of its units.</summary>
/// <remarks>Immutable. Dates are inclusive. An empty <see cref="Units"/> means every unit of the side.</remarks>
public sealed record PlanPhase(string Name, int Side, DateOnly Start, DateOnly End, Posture Posture, ImmutableArray<int> Objectives, ImmutableArray<int> Units, SourceSpan Span);

/// <summary>Personnel added to a unit: once on <see cref="Start"/>, or per day from <see cref="Start"/> to <see cref="End"/>.</summary>
/// <remarks>When <see cref="System"/> is 0 or more, the amount adds items of that system to the unit's inventory
/// (deliveries: drone teams, launchers) instead of personnel.</remarks>
public sealed record Reinforcement(int Unit, DateOnly Start, DateOnly? End, Quantity Personnel, SourceSpan Span)
{
    /// <summary>The system delivered, or -1 for personnel.</summary>
    public int System { get; init; } = -1;
}
