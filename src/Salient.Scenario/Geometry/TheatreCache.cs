using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetTopologySuite.IO;

namespace Salient.Scenario.Geometry;

/// <summary>
/// PERF: the last few theatres <see cref="TheatreBuilder.Build"/> made in this process, keyed by a SHA-256 of every
/// input it reads (each region's id and polygon, the grid, the settlements, the snap tolerance). Variants, sweeps,
/// calibration and attribution load the same scenario again and again with other parameters, and building its
/// theatre was most of a load (Kursk: about 0.25 s of a 0.4 s load; an attribution over ten mechanisms loads it 1,024 times).
/// The builder is a pure function of those inputs and its result is not modified after it, so a hit returns what a build would.
/// </summary>
internal static class TheatreCache
{
    private const int Capacity = 4;
    private static readonly object Gate = new();
    private static readonly LinkedList<(string Key, TheatreGeometry Geometry)> Entries = new();

    /// <summary><see cref="TheatreBuilder.Build"/>, or the theatre it built before for the same inputs.</summary>
    public static TheatreGeometry Build(IReadOnlyList<RegionInput> regions, GridSpec grid, IReadOnlyList<SettlementInput> settlements, double snapToleranceKm)
    {
        string key = Key(regions, grid, settlements, snapToleranceKm);
        lock (Gate)
        {
            for (var node = Entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key != key) continue;
                Entries.Remove(node);
                Entries.AddFirst(node);
                return node.Value.Geometry;
            }
        }

        var built = TheatreBuilder.Build(regions, grid, settlements, snapToleranceKm); // outside the lock: builds are slow
        lock (Gate)
        {
            Entries.AddFirst((key, built));
            while (Entries.Count > Capacity) Entries.RemoveLast();
        }

        return built;
    }

    private static string Key(IReadOnlyList<RegionInput> regions, GridSpec grid, IReadOnlyList<SettlementInput> settlements, double snapToleranceKm)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var wkb = new WKBWriter();
        void Text(string s) => hash.AppendData(Encoding.UTF8.GetBytes(s + "\n"));
        static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        foreach (var r in regions)
        {
            Text(r.Id);
            hash.AppendData(wkb.Write(r.LonLat));
        }

        switch (grid)
        {
            case HexGridSpec hex:
                Text($"hex {R(hex.SizeKm)}");
                if (hex.ClipLonLat is { } c) Text($"clip {R(c.MinX)} {R(c.MinY)} {R(c.MaxX)} {R(c.MaxY)}");
                break;
            case PointGridSpec points:
                Text("points");
                foreach (var p in points.Sites) Text($"{p.Id} {R(p.Lon)} {R(p.Lat)}");
                break;
            default:
                throw new ArgumentException($"unknown grid {grid.GetType().Name}", nameof(grid));
        }

        foreach (var s in settlements) Text($"{s.Id}\t{s.Name}\t{R(s.Lon)}\t{R(s.Lat)}\t{R(s.Population)}");
        Text($"snap {R(snapToleranceKm)}");
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
