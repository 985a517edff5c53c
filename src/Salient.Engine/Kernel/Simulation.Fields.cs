namespace Salient.Engine.Kernel;

/// <summary>
/// The repaired distance fields behind <c>_supplyDist</c>, <c>_frontDist</c>, <c>_objectiveDist</c> and the depth field
/// (PERF: see <see cref="DynamicPathField"/>; each Ensure*Field builds its sources as before and copies the result).
/// </summary>
public sealed partial class Simulation
{
    private DynamicPathField[] _supplyFields = null!;    // [side]
    private DynamicPathField[] _frontFields = null!;     // [side]
    private DynamicPathField[] _objectiveFields = null!; // [phase]
    private DynamicPathField[] _depthFields = null!;     // [side]
    private int[] _fieldSources = null!;                 // scratch: the source cells of the field being brought up to date
    private int[] _border = null!;                       // [side * n + i]: the side's cells bordering a cell it does not hold, ascending
    private readonly int[] _borderCount = new int[Sides];
    private long _borderVersion = -1;                    // control version the border lists were built at
    private ControlLog _flips = null!;                   // the cells whose control changed this replication, in order

    private FieldQueues? _fieldQueues;

    /// <summary>The queues every repaired field of this simulation shares (PERF: see <see cref="FieldQueues"/>).</summary>
    private FieldQueues SharedFieldQueues => _fieldQueues ??= new FieldQueues(FieldGraph.Of(_c));

    private void AllocateFields()
    {
        _supplyFields = new DynamicPathField[Sides];
        _frontFields = new DynamicPathField[Sides];
        _depthFields = new DynamicPathField[Sides];
        for (int s = 0; s < Sides; s++)
        {
            _supplyFields[s] = new DynamicPathField(_c, s, SharedFieldQueues);
            _frontFields[s] = new DynamicPathField(_c, s, SharedFieldQueues);
            _depthFields[s] = new DynamicPathField(_c, s, SharedFieldQueues);
        }
        _objectiveFields = new DynamicPathField[_c.Phases.Length];
        for (int p = 0; p < _objectiveFields.Length; p++) _objectiveFields[p] = new DynamicPathField(_c, -1, SharedFieldQueues);
        int most = Math.Max(_n, _c.DepotCell.Length);
        foreach (var objectives in _c.PhaseObjectives) most = Math.Max(most, objectives.Length);
        _fieldSources = new int[most];
        _border = new int[Sides * _n];
        _flips = new ControlLog(_n);
    }

    /// <summary>
    /// The cells of <paramref name="side"/> bordering a cell it does not hold (where BordersEnemy is true), in ascending
    /// order; rebuilt when control changes. PERF: the front-line scans of the depth, front and route-front fields ran
    /// over every cell of the theatre each tick; the line is a small part of it.
    /// </summary>
    private ReadOnlySpan<int> Border(int side)
    {
        if (_borderVersion != _controlVersion)
        {
            _borderVersion = _controlVersion;
            Array.Clear(_borderCount);
            for (int c = 0; c < _n; c++)
            {
                int s = _control[c];
                if (s < Sides && BordersEnemy(c, s)) _border[s * _n + _borderCount[s]++] = c;
            }
        }
        return _border.AsSpan(side * _n, _borderCount[side]);
    }

    private void ResetFields()
    {
        _borderVersion = -1;
        _flips.Reset();
        foreach (var f in _supplyFields) f.Invalidate();
        foreach (var f in _frontFields) f.Invalidate();
        foreach (var f in _depthFields) f.Invalidate();
        foreach (var f in _objectiveFields) f.Invalidate();
    }

    /// <summary>Brings <paramref name="field"/> up to date with the control map and the first <paramref name="count"/> cells of <c>_fieldSources</c>, and copies it into <paramref name="into"/>.</summary>
    private void UpdateField(DynamicPathField field, int count, Span<double> into)
    {
        field.Update(_control, _fieldSources.AsSpan(0, count), _flips);
        field.Distances.CopyTo(into);
    }
}
