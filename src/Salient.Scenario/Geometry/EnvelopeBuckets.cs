using NetTopologySuite.Geometries;

namespace Salient.Scenario.Geometry;

/// <summary>
/// A uniform grid of square buckets over the plane holding item indices by envelope: an item is in every bucket its
/// envelope touches, so any item whose envelope intersects a query envelope is among <see cref="Near"/>'s answers.
/// Items may be added again with a grown envelope (a merged piece); answers are distinct and in ascending order,
/// so a caller that visits them reproduces a scan of the whole list in list order.
/// </summary>
/// <remarks>PERF: a hand-written grid rather than an STR-tree because envelopes grow after insertion.</remarks>
internal sealed class EnvelopeBuckets(double bucketSize)
{
    private readonly Dictionary<(long X, long Y), List<int>> _buckets = [];

    /// <summary>Registers item <paramref name="index"/> in every bucket <paramref name="envelope"/> touches.</summary>
    public void Add(int index, Envelope envelope)
    {
        var (x0, y0, x1, y1) = Range(envelope);
        for (long x = x0; x <= x1; x++)
        {
            for (long y = y0; y <= y1; y++)
            {
                if (!_buckets.TryGetValue((x, y), out var items))
                {
                    _buckets[(x, y)] = items = [];
                }

                if (items.Count == 0 || items[^1] != index)
                {
                    items.Add(index);
                }
            }
        }
    }

    /// <summary>Every item registered in a bucket that <paramref name="envelope"/> touches, distinct, ascending.</summary>
    public List<int> Near(Envelope envelope)
    {
        var found = new SortedSet<int>();
        var (x0, y0, x1, y1) = Range(envelope);
        for (long x = x0; x <= x1; x++)
        {
            for (long y = y0; y <= y1; y++)
            {
                if (_buckets.TryGetValue((x, y), out var items))
                {
                    found.UnionWith(items);
                }
            }
        }

        return [.. found];
    }

    private (long X0, long Y0, long X1, long Y1) Range(Envelope e) =>
        (Cell(e.MinX), Cell(e.MinY), Cell(e.MaxX), Cell(e.MaxY));

    private long Cell(double v) => (long)Math.Floor(v / bucketSize);
}
