using Salient.Engine.Compilation;
using static Salient.Engine.Compilation.MetricNames;

namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    /// <summary>
    /// Declares every metric and daily series of <paramref name="c"/>, each with the code that reads it: the single
    /// place a new metric is added (docs/model.md, "Recording"; ARCHITECTURE.md, "To add a mechanic").
    /// The order of declaration is the order of the output columns.
    /// </summary>
    internal static MetricRegistry DeclareMetrics(CompiledScenario c)
    {
        var model = c.Model;
        var r = new MetricRegistry();
        for (int s = 0; s < Sides; s++) DeclareSideMetrics(r, c, s);
        for (int l = 0; l < c.LabelledCells.Length; l++)
            for (int s = 0; s < Sides; s++)
            {
                int slot = l * Sides + s;
                r.Final(CaptureDay(model.Theatre.Cells[c.LabelledCells[l]].Id, model.Sides[s].Id), MetricKind.Day, sim => DayOrNaN(sim._captureDay[slot]));
            }

        for (int s = 0; s < Sides; s++) DeclareSideSeries(r, model.Sides[s].Id, s);
        DeclareSupplyMetrics(r, c);
        DeclareCampaignMetrics(r, c);
        DeclareDepthMetrics(r, c);
        DeclareCoordinationMetrics(r, c);
        DeclareFatigueMetrics(r, c);
        DeclareFatigueSeries(r, c);
        DeclareSeasonMetrics(r, c);
        return r;
    }

    // Side metrics are declared in methods of their own so each lambda captures its own side index (a for-loop
    // variable is shared by every closure made in the loop).
    private static void DeclareSideMetrics(MetricRegistry r, CompiledScenario c, int s)
    {
        var model = c.Model;
        string[] causes = [.. Enum.GetNames<GroundCause>().Select(n => n.ToLowerInvariant())];
        string side = model.Sides[s].Id;
        r.Final(ControlArea(side), MetricKind.Value, sim => sim.HeldArea(s));
        r.Final(ControlAreaPeak(side), MetricKind.Value, sim => sim._areaPeak[s]);
        r.Final(ControlPeakDay(side), MetricKind.Day, sim => sim._areaPeakDay[s]);
        r.Final(ControlCleared(side), MetricKind.Day, sim => DayOrNaN(sim._clearedDay[s]));
        r.Final(CasualtiesTotal(side), MetricKind.Value, sim => sim.TotalCasualties(s));
        r.Final(Casualties("killed", side), MetricKind.Value, sim => sim._killed[s]);
        r.Final(Casualties("wounded", side), MetricKind.Value, sim => sim._wounded[s]);
        r.Final(Casualties("captured", side), MetricKind.Value, sim => sim._captured[s]);
        r.Final(PersonnelFinal(side), MetricKind.Value, sim => sim.ActivePersonnel(s));
        r.Final(PersonnelReinforcements(side), MetricKind.Value, sim => sim._reinforced[s]);
        for (int k = 0; k < c.SystemCount; k++)
        {
            int slot = s * c.SystemCount + k;
            r.Final(Losses(model.Catalogue[k].Id, side), MetricKind.Value, sim => sim._losses[slot]);
        }
        for (int cause = 0; cause < causes.Length; cause++)
        {
            int slot = s * CauseCount(c) + cause;
            r.Final(CasualtiesByCause(causes[cause], side), MetricKind.Value, sim => sim._byCause[slot]);
        }
        foreach (int f in c.FiresSystems)
        {
            int slot = s * CauseCount(c) + CauseOf(f);
            r.Final(CasualtiesByCause(model.Catalogue[f].Id, side), MetricKind.Value, sim => sim._byCause[slot]);
        }
        foreach (int f in c.FiresSystems)
        {
            string id = model.Catalogue[f].Id;
            int slot = s * c.SystemCount + f;
            r.Final(FiresCounter("sorties", id, side), MetricKind.Value, sim => sim.Tally(FireCounter.Sorties, slot));
            r.Final(FiresCounter("jammed", id, side), MetricKind.Value, sim => sim.Tally(FireCounter.Jammed, slot));
            r.Final(FiresCounter("jammed_fraction", id, side), MetricKind.Value, sim =>
                sim.Tally(FireCounter.JamExposed, slot) > 0 ? sim.Tally(FireCounter.Jammed, slot) / sim.Tally(FireCounter.JamExposed, slot) : double.NaN);
            r.Final(FiresCounter("intercepted", id, side), MetricKind.Value, sim => sim.Tally(FireCounter.Intercepted, slot));
            r.Final(FiresCounter("hits", id, side), MetricKind.Value, sim => sim.Tally(FireCounter.Hits, slot));
            r.Final(Cost("spent_usd", id, side), MetricKind.Value, sim => sim.Tally(FireCounter.SpentUsd, slot));
            r.Final(Cost("destroyed_usd", id, side), MetricKind.Value, sim => sim.Tally(FireCounter.DestroyedUsd, slot));
        }
        r.Final(Cost("spent_usd", side), MetricKind.Value, sim => sim._spent[s]);
        r.Final(Cost("destroyed_usd", side), MetricKind.Value, sim => sim._destroyed[s]);
        r.Final(Cost("lost_usd", side), MetricKind.Value, sim => sim._lost[s]);
        r.Final(Cost("exchange", side), MetricKind.Value, sim => sim._spent[s] > 0 ? sim._destroyed[s] / sim._spent[s] : double.NaN);
        r.Final(AirDefence("threats", side), MetricKind.Value, sim => sim.Tally(AirDefenceCounter.Threats, s));
        r.Final(AirDefence("engaged", side), MetricKind.Value, sim => sim.Tally(AirDefenceCounter.Engaged, s));
        r.Final(AirDefence("intercepted", side), MetricKind.Value, sim => sim.Tally(AirDefenceCounter.Intercepted, s));
        r.Final(AirDefence("leakers", side), MetricKind.Value, sim => sim.Tally(AirDefenceCounter.Leakers, s));
        r.Final(AirDefence("interceptors_fired", side), MetricKind.Value, sim => sim.Tally(AirDefenceCounter.InterceptorsFired, s));
    }

    private static void DeclareSideSeries(MetricRegistry r, string side, int s)
    {
        r.Daily(ControlArea(side), sim => sim._dayArea[s]); // computed once a day by RecordDay
        r.Daily(CasualtiesTotal(side), sim => sim.TotalCasualties(s));
        r.Daily(Personnel(side), sim => sim.ActivePersonnel(s));
    }

    private static double DayOrNaN(int day) => day < 0 ? double.NaN : day;

    private double TotalCasualties(int side) => _killed[side] + _wounded[side] + _captured[side];

    private double ActivePersonnel(int side)
    {
        double personnel = 0;
        for (int u = 0; u < _m; u++)
            if (_active[u] && _c.UnitSide[u] == side) personnel += _personnel[u];
        return personnel;
    }

    /// <summary>Size of the casualty-cause index space: the ground causes, then one per catalogue system.</summary>
    private static int CauseCount(CompiledScenario c) => GroundCauseCount + c.SystemCount;

    private static readonly int GroundCauseCount = Enum.GetValues<GroundCause>().Length;

    /// <summary>The casualty-cause index of a system's kill chain.</summary>
    private static int CauseOf(int system) => GroundCauseCount + system;

    /// <summary>Writes the final metrics in layout order.</summary>
    private void WriteMetrics(Span<double> metrics)
    {
        var readers = _c.FinalReaders;
        for (int i = 0; i < readers.Length; i++) metrics[i] = readers[i](this);
    }
}
