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

    private void AllocateOverheads()
    {
        _isrUnread = _c.FiresSystems.Length == 0 && _c.AirDefenceSystems.Length == 0;
        var quantities = _c.ParameterQuantities;
        var uncertain = new List<int>();
        for (int i = 0; i < quantities.Length; i++)
        {
            if (quantities[i].IsUncertain) uncertain.Add(i);
            else Sampling.InputSampler.SampleDaily(quantities[i], _c.Model.Calendar, 0, 0, _param.AsSpan(i * _days, _days));
        }
        _uncertainParams = [.. uncertain];
    }
}
