namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    private readonly double[] _dayArea = new double[Sides]; // counted area each side held at the end of the day just recorded

    /// <summary>
    /// Phase 8, recording: at the end of each day, the per-cell control tally, the running peaks and events, then
    /// every daily series declared in <see cref="DeclareMetrics"/>.
    /// </summary>
    private void RecordDay(Span<float> daily)
    {
        int days = _days;
        var tally = ControlTally.AsSpan(_day * _n, _n);
        for (int c = 0; c < _n; c++)
            if (_control[c] == 0) tally[c]++;
        for (int s = 0; s < Sides; s++)
        {
            double area = HeldArea(s);
            _dayArea[s] = area;
            if (area > _areaPeak[s]) { _areaPeak[s] = area; _areaPeakDay[s] = _day; }
            if (area > 0) _everHeld[s] = Math.Max(_everHeld[s], area);
            else if (_everHeld[s] > 0 && _clearedDay[s] < 0) _clearedDay[s] = _day;
        }
        var series = _c.SeriesReaders;
        for (int i = 0; i < series.Length; i++) daily[i * days + _day] = (float)series[i](this);
    }
}
