namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    /// <summary>Phase 8, recording: at the end of each day, the daily series and the running peaks and events.</summary>
    private void RecordDay(Span<float> daily)
    {
        int days = _days;
        var tally = ControlTally.AsSpan(_day * _n, _n);
        for (int c = 0; c < _n; c++)
            if (_control[c] == 0) tally[c]++;
        for (int s = 0; s < Sides; s++)
        {
            double area = HeldArea(s);
            if (area > _areaPeak[s]) { _areaPeak[s] = area; _areaPeakDay[s] = _day; }
            if (area > 0) _everHeld[s] = Math.Max(_everHeld[s], area);
            else if (_everHeld[s] > 0 && _clearedDay[s] < 0) _clearedDay[s] = _day;
            double personnel = 0;
            for (int u = 0; u < _m; u++)
                if (_active[u] && _c.UnitSide[u] == s) personnel += _personnel[u];
            int row = s * 3;
            daily[(row + 0) * days + _day] = (float)area;
            daily[(row + 1) * days + _day] = (float)(_killed[s] + _wounded[s] + _captured[s]);
            daily[(row + 2) * days + _day] = (float)personnel;
        }
    }

    private void WriteMetrics(Span<double> metrics)
    {
        int i = 0;
        for (int s = 0; s < Sides; s++)
        {
            metrics[i++] = HeldArea(s);
            metrics[i++] = _areaPeak[s];
            metrics[i++] = _areaPeakDay[s];
            metrics[i++] = _clearedDay[s] < 0 ? double.NaN : _clearedDay[s];
            metrics[i++] = _killed[s] + _wounded[s] + _captured[s];
            metrics[i++] = _killed[s];
            metrics[i++] = _wounded[s];
            metrics[i++] = _captured[s];
            double personnel = 0;
            for (int u = 0; u < _m; u++)
                if (_active[u] && _c.UnitSide[u] == s) personnel += _personnel[u];
            metrics[i++] = personnel;
            metrics[i++] = _reinforced[s];
            for (int k = 0; k < _k; k++) metrics[i++] = _losses[s * _k + k];
            for (int cause = 0; cause < Compilation.CompiledScenario.GroundCauses.Length; cause++) metrics[i++] = _byCause[s * _causes + cause];
            foreach (int f in _c.FiresSystems) metrics[i++] = _byCause[s * _causes + CompiledCauseOf(f)];
            foreach (int f in _c.FiresSystems)
            {
                int slot = s * _k + f;
                metrics[i++] = _sorties[slot];
                metrics[i++] = _jammed[slot];
                metrics[i++] = _jamExposed[slot] > 0 ? _jammed[slot] / _jamExposed[slot] : double.NaN;
                metrics[i++] = _intercepted[slot];
                metrics[i++] = _hits[slot];
                metrics[i++] = _spentBy[slot];
                metrics[i++] = _destroyedBy[slot];
            }
            metrics[i++] = _spent[s];
            metrics[i++] = _destroyed[s];
            metrics[i++] = _lost[s];
            metrics[i++] = _spent[s] > 0 ? _destroyed[s] / _spent[s] : double.NaN;
            metrics[i++] = _adThreats[s];
            metrics[i++] = _adEngaged[s];
            metrics[i++] = _adIntercepted[s];
            metrics[i++] = _adLeakers[s];
            metrics[i++] = _adFired[s];
        }
        for (int l = 0; l < _c.LabelledCells.Length; l++)
            for (int s = 0; s < Sides; s++)
                metrics[i++] = _captureDay[l * Sides + s] < 0 ? double.NaN : _captureDay[l * Sides + s];
        System.Diagnostics.Debug.Assert(i == _c.Layout.Metrics.Length, "metric layout and writer disagree");
    }
}
