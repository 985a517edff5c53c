using NetTopologySuite.Geometries;

namespace Salient.Scenario.Geometry;

/// <summary>
/// An estimate, made before a hexagonal grid is built, of the work of cutting the regions' borders into cells. Each
/// border hexagon is intersected with its region by a snap-rounding overlay whose noder compares the border segments
/// inside the hexagon pairwise when they run close and parallel (a spiky or intricate border), so the work grows with
/// the sum over cells of k², k the border chains crossing the cell: linear in vertices for an ordinary border,
/// quadratic for one that crosses each cell many times. Measured on this project's 2-core machine on a 2 km grid: a
/// spiky test region (random radius at every vertex) of 2,000 / 5,000 / 20,000 vertices gave 86 thousand / 527
/// thousand / 7.9 million pairs and took 5 / 21 / 334 s of CPU, about 42 µs a pair at scale; a smooth 99,000-vertex
/// region gave 203 pairs and took 6.5 s; Kursk gives 888 pairs.
/// </summary>
public static class BorderComplexity
{
    private const double KmPerDegree = 111.2;

    /// <summary>
    /// The sum, over the regions and over squares of side <paramref name="cellKm"/>, of k² with k the number of one
    /// region's border chains (runs of segments heading into one quadrant, the noder's unit) passing through the square (sampled every half square along each segment), counting
    /// only squares within <paramref name="clip"/> when it is given (a lon/lat box).
    /// </summary>
    public static double SegmentPairs(IEnumerable<NetTopologySuite.Geometries.Geometry> lonLatRegions, double cellKm, Envelope? clip)
    {
        ArgumentNullException.ThrowIfNull(lonLatRegions);
        double total = 0;
        foreach (var region in lonLatRegions)
        {
            double cosLat = Math.Max(0.01, Math.Cos(region.EnvelopeInternal.Centre.Y * Math.PI / 180.0));
            double sy = cellKm / KmPerDegree, sx = sy / cosLat;
            var counts = new Dictionary<(long, long), int>();
            var seen = new HashSet<(long, long)>();
            foreach (var ring in Rings(region))
            {
                var c = ring.Coordinates;
                int quadrant = -1;
                for (int i = 1; i < c.Length; i++)
                {
                    var (a, b) = (c[i - 1], c[i]);
                    // A monotone chain (the noder's unit) ends where the segments' direction changes quadrant: a square
                    // counts each chain passing through it once.
                    int q = (b.X >= a.X ? 0 : 1) + (b.Y >= a.Y ? 0 : 2);
                    if (q != quadrant) seen.Clear();
                    quadrant = q;
                    if (clip is not null && !clip.Intersects(new Envelope(a, b))) continue;
                    double cells = Math.Max(Math.Abs(b.X - a.X) / sx, Math.Abs(b.Y - a.Y) / sy);
                    int steps = (int)Math.Min(1_000_000, Math.Ceiling(2.0 * cells)) + 1;
                    for (int s = 0; s <= steps; s++)
                    {
                        double t = (double)s / steps;
                        double x = a.X + (t * (b.X - a.X)), y = a.Y + (t * (b.Y - a.Y));
                        if (clip is not null && !clip.Contains(x, y)) continue;
                        var key = ((long)Math.Floor(x / sx), (long)Math.Floor(y / sy));
                        if (seen.Add(key)) counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
            }
            foreach (int k in counts.Values) total += (double)k * k;
        }
        return total;
    }

    private static IEnumerable<LineString> Rings(NetTopologySuite.Geometries.Geometry g)
    {
        for (int i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is not Polygon p) continue;
            yield return p.ExteriorRing;
            foreach (var hole in p.InteriorRings) yield return hole;
        }
    }
}
