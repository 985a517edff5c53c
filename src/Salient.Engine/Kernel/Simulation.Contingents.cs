using Salient.Engine.Compilation;
using static Salient.Engine.Compilation.MetricNames;

namespace Salient.Engine.Kernel;

// Contingents, settlements held, ground retaken and ground behind the contact line (docs/model.md 4.12),
// and the metrics of these and of infiltration routes. Every metric here is declared only when the scenario has
// routes, contingents or settlements, so other scenarios' outputs keep their bytes.
public sealed partial class Simulation
{
    private double[] _contKilled = [];
    private double[] _contWounded = [];
    private double[] _contCaptured = [];
    private bool[] _flipped = [];           // [cell]: held at some time by the side that did not hold it at the start

    private void AllocateContingents()
    {
        int k = _c.Contingents.Length;
        _contKilled = new double[k];
        _contWounded = new double[k];
        _contCaptured = new double[k];
        _flipped = new bool[_n];
    }

    private void ResetContingents()
    {
        Array.Clear(_contKilled);
        Array.Clear(_contWounded);
        Array.Clear(_contCaptured);
        Array.Clear(_flipped);
    }

    /// <summary>Adds a unit's casualties to its contingent's tallies (the side's are added by the caller).</summary>
    private void CountContingent(int u, double killed, double wounded, double captured)
    {
        int k = _c.UnitContingent[u];
        if (k < 0) return;
        _contKilled[k] += killed;
        _contWounded[k] += wounded;
        _contCaptured[k] += captured;
    }

    /// <summary>Marks a captured cell that changed hands from its owner at the start (for the ground retaken).</summary>
    private void MarkFlipped(int cell, int side)
    {
        if (side != _c.InitialControl[cell]) _flipped[cell] = true;
    }

    /// <summary>Area (km², counted regions) <paramref name="side"/> holds.</summary>
    private double HeldArea(int side)
    {
        EnsureControlTotals();
        return _held[side];
    }

    /// <summary>Settlements in the cells <paramref name="side"/> holds.</summary>
    private double SettlementsHeld(int side)
    {
        EnsureControlTotals();
        return _settlements[side];
    }

    /// <summary>
    /// Area (km², counted regions) that <paramref name="side"/> held at the start, lost at some time, and holds again.
    /// </summary>
    private double AreaRetaken(int side)
    {
        EnsureControlTotals();
        return _retaken[side];
    }

    /// <summary>
    /// Area (km², counted regions) <paramref name="side"/> holds behind the contact line: its cells that border no cell
    /// of the other side whole, and half of each that does (the line between two cells' centres is placed to half a
    /// cell either way, so the contested band is one cell deep, centred on the boundary).
    /// </summary>
    private double FirmArea(int side)
    {
        EnsureControlTotals();
        return _firm[side];
    }

    /// <summary>
    /// PERF: the sums over the control map (area held, settlements, area retaken, firm area; both sides) in one pass
    /// over the cells, kept while control stays: the version rises with every capture (which is also the only write of
    /// the cells retaken, <see cref="MarkFlipped"/>) and in every reset after the map and the cells retaken are reset,
    /// and nothing else changes what they read. Each side's sum runs over its cells in cell order with the same terms,
    /// as a pass per side and sum would, so the same doubles. The record of every day read them through eight passes.
    /// </summary>
    private void EnsureControlTotals()
    {
        if (_totalsVersion == _controlVersion) return;
        _totalsVersion = _controlVersion;
        Array.Clear(_held);
        Array.Clear(_settlements);
        Array.Clear(_retaken);
        Array.Clear(_firm);
        bool campaign = _c.HasSettlements; // the settlement, retaken and firm series exist only then
        for (int c = 0; c < _n; c++)
        {
            int side = _control[c];
            if (side >= Sides) continue;
            bool counted = _c.CellCounted[c];
            double area = _c.CellArea[c];
            if (counted) _held[side] += area;
            if (!campaign) continue;
            _settlements[side] += _c.CellSettlements[c];
            if (!counted) continue;
            if (_flipped[c] && _c.InitialControl[c] == side) _retaken[side] += area;
            _firm[side] += BordersEnemy(c, side) ? 0.5 * area : area; // Simulation.Logistics.cs
        }
    }

    /// <summary>Whether a cell has changed hands from its starting owner this replication (for tests).</summary>
    internal bool Flipped(int cell) => _flipped[cell];

    private readonly double[] _held = new double[Sides];
    private readonly int[] _settlements = new int[Sides];
    private readonly double[] _retaken = new double[Sides];
    private readonly double[] _firm = new double[Sides];
    private long _totalsVersion = -1;

    private double ContingentPersonnel(int k)
    {
        double personnel = 0;
        for (int u = 0; u < _m; u++)
            if (_active[u] && _c.UnitContingent[u] == k) personnel += _personnel[u];
        return personnel;
    }

    /// <summary>Declares the metrics of routes, contingents and settlements, after every other metric.</summary>
    private static void DeclareCampaignMetrics(MetricRegistry r, CompiledScenario c)
    {
        var model = c.Model;
        for (int i = 0; i < c.InfiltrationRoutes.Length; i++) DeclareRouteMetrics(r, c.InfiltrationRoutes[i].Id, model.Sides[c.InfiltrationRoutes[i].Side].Id, i);
        for (int k = 0; k < c.Contingents.Length; k++) DeclareContingentMetrics(r, c.Contingents[k], k);
        if (!c.HasSettlements) return;
        for (int s = 0; s < Sides; s++)
        {
            int side = s;
            r.Daily(ControlSettlements(model.Sides[s].Id), sim => sim.SettlementsHeld(side));
            r.Daily(ControlAreaRetaken(model.Sides[s].Id), sim => sim.AreaRetaken(side));
            r.Daily(ControlAreaFirm(model.Sides[s].Id), sim => sim.FirmArea(side));
        }
    }

    private static void DeclareRouteMetrics(MetricRegistry r, string route, string side, int i)
    {
        r.Final(MetricNames.Infiltration("sent", route, side), MetricKind.Value, sim => sim._routeSent[i]);
        r.Final(MetricNames.Infiltration("lost", route, side), MetricKind.Value, sim => sim._routeLost[i]);
        r.Final(MetricNames.Infiltration("emerged", route, side), MetricKind.Value, sim => sim._routeEmerged[i]);
        r.Final(MetricNames.Infiltration("detections", route, side), MetricKind.Value, sim => sim._routeDetections[i]);
        r.Final(MetricNames.Infiltration("emergence_day", route, side), MetricKind.Day, sim => DayOrNaN(sim._routeEmergeDay[i]));
        r.Daily(MetricNames.Infiltration("sent", route, side), sim => sim._routeSent[i]);
    }

    private static void DeclareContingentMetrics(MetricRegistry r, string contingent, int k)
    {
        r.Final(CasualtiesTotal(contingent), MetricKind.Value, sim => sim._contKilled[k] + sim._contWounded[k] + sim._contCaptured[k]);
        r.Final(Casualties("killed", contingent), MetricKind.Value, sim => sim._contKilled[k]);
        r.Final(Casualties("wounded", contingent), MetricKind.Value, sim => sim._contWounded[k]);
        r.Final(Casualties("captured", contingent), MetricKind.Value, sim => sim._contCaptured[k]);
        r.Final(PersonnelFinal(contingent), MetricKind.Value, sim => sim.ContingentPersonnel(k));
        r.Daily(CasualtiesTotal(contingent), sim => sim._contKilled[k] + sim._contWounded[k] + sim._contCaptured[k]);
        r.Daily(Casualties("killed", contingent), sim => sim._contKilled[k]);
        r.Daily(Personnel(contingent), sim => sim.ContingentPersonnel(k));
    }
}
