namespace Salient.Engine.Kernel;

/// <summary>
/// PERF: fixed costs of a tick or a replication that a scenario without the mechanic behind them does not need to pay
/// (docs/scale-out.md, section 8). Each skips only work whose results nothing reads, so the outputs keep their bytes.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>
    /// No firing system and no air defence: then nothing reads what the ISR and EW phase computes per unit (detection
    /// levels, jam probabilities and class totals feed only the fires, and air-defence capacity and interceptors stay
    /// 0 without batteries), so the phase only adds the stocks' production.
    /// </summary>
    private bool _isrUnread;

    /// <summary>
    /// The parameter quantities that are uncertain (a distribution, or a schedule with an uncertain point): the only ones
    /// sampled per replication. A certain quantity's daily values do not depend on the seed or the replication, and
    /// nothing but the sampling writes them, so they are filled once here.
    /// </summary>
    private int[] _uncertainParams = [];

    /// <summary>
    /// Whether <see cref="Step"/> leaves out the phases that provably do nothing in this scenario (on; tests turn it off
    /// to compare with calling every phase every tick). See <see cref="SetInertPhases"/>.
    /// </summary>
    internal bool SkipInertPhases
    {
        get => _skipInert;
        set
        {
            _skipInert = value;
            SetInertPhases();
        }
    }

    private bool _skipInert = true;

    // For tests: which phases Step leaves out.
    internal bool LogisticsSkipped => _logisticsInert;
    internal bool InfiltrationSkipped => _infiltrationOff;
    internal bool IsrSkipped => _isrInert;
    internal bool FiresSkipped => _firesOff;
    internal bool FatigueSkipped => _fatigueOff;
    internal bool ArrivalsDone => _arrivalsDone;
    private bool _arrivalsDone;     // this replication: no unit pending and no reinforcement in the scenario
    private bool _infiltrationOff, _logisticsInert, _isrInert, _firesOff, _fatigueOff;

    /// <summary>
    /// PERF: phases that a scenario without their mechanic would call every tick only to return, or to write the values
    /// already there. Each is exact, so <see cref="Step"/> does not call them (the same state, the same draws: none of them
    /// draws here):
    /// <list type="bullet">
    /// <item>infiltration, fires and fatigue: their first statement returns (no routes, no firing system, fatigue off);</item>
    /// <item>ISR and EW: with nothing to read them (<see cref="_isrUnread"/>) the phase only adds each stock's production,
    /// and there are no stocks;</item>
    /// <item>logistics, with no depot on either side and no supply routes: the phase sets each active unit's supply to
    /// <see cref="SupplyAfterTick"/>'s 1 (no depot) and its cut-off ticks to 0 (in reach), which they already are:
    /// <c>Reset</c> sets both, and only logistics and the routes' resupply write them. Its supply fields have no source
    /// (sources are held depots of the side) so they are +infinity everywhere whatever the control; the readers that
    /// need them (a withdrawal, a unit moving back) bring them up to date themselves, as they do after any capture.</item>
    /// </list>
    /// Arrivals are left out per replication once no unit is pending and the scenario has no reinforcement
    /// (<see cref="_arrivalsDone"/>): the loop then meets only units that are not pending, and only <c>Reset</c> makes a
    /// unit pending.
    /// </summary>
    private void SetInertPhases()
    {
        bool skip = _skipInert;
        _infiltrationOff = skip && _c.InfiltrationRoutes.Length == 0;
        _firesOff = skip && _c.FiresSystems.Length == 0;
        _fatigueOff = skip && !_fatigueOn;
        _isrInert = skip && _isrUnread && _c.Stocks.Length == 0;
        bool depots = false;
        for (int s = 0; s < Sides; s++) depots |= _c.SideHasDepot[s];
        _logisticsInert = skip && !depots && _c.Routes.Length == 0;
    }

    private void AllocateOverheads()
    {
        _isrUnread = _c.FiresSystems.Length == 0 && _c.AirDefenceSystems.Length == 0;
        SetInertPhases();
        var quantities = _c.ParameterQuantities;
        var uncertain = new List<int>();
        for (int i = 0; i < quantities.Length; i++)
        {
            if (quantities[i].IsUncertain) uncertain.Add(i);
            else
            {
                Sampling.InputSampler.SampleDaily(quantities[i], _c.Model.Calendar, 0, 0, _paramDays);
                StoreParameter(i);
            }
        }
        _uncertainParams = [.. uncertain];
    }
}
