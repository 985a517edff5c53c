namespace Salient.Engine.Kernel;

/// <summary>
/// The cells whose control changed in the current replication, in order (a ring of the latest ones), so a distance
/// field brought up to date visits the cells that flipped since its last update instead of scanning the theatre.
/// </summary>
/// <remarks>
/// PERF: every repaired field (route cells, supply, front, depth) compared the whole control map with its snapshot on
/// each update, a scan of every cell for the one or two that changed. A reader that fell behind by more than the ring
/// holds, or that belongs to an earlier replication, scans as before (<see cref="Since"/> returns false).
/// </remarks>
internal sealed class ControlLog(int capacity)
{
    private readonly int[] _cells = new int[Math.Max(64, capacity)];

    /// <summary>Changes logged since <see cref="Reset"/>.</summary>
    public long Count { get; private set; }

    /// <summary>Bumps at each <see cref="Reset"/> (a new replication), so positions of an earlier one are never reused.</summary>
    public int Generation { get; private set; }

    /// <summary>Starts a new replication: nothing logged.</summary>
    public void Reset()
    {
        Count = 0;
        Generation++;
    }

    /// <summary>Records that the control of <paramref name="cell"/> changed.</summary>
    public void Add(int cell)
    {
        _cells[Count % _cells.Length] = cell;
        Count++;
    }

    /// <summary>The cell of change number <paramref name="index"/> (valid for the last ring-length changes).</summary>
    public int this[long index] => _cells[index % _cells.Length];

    /// <summary>
    /// Whether the changes from position <paramref name="from"/> of generation <paramref name="generation"/> up to
    /// <see cref="Count"/> are all still in the ring.
    /// </summary>
    public bool Since(int generation, long from) => generation == Generation && from <= Count && Count - from <= _cells.Length;
}
