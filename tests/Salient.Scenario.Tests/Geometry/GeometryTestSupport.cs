using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.OverlayNG;
using Salient.Scenario.Geometry;
using Xunit;

namespace Salient.Scenario.Tests.Geometry;

using Geometry = NetTopologySuite.Geometries.Geometry;

/// <summary>Shared helpers for the theatre geometry tests.</summary>
internal static class GeometryTestSupport
{
    public static readonly GeometryFactory Factory = new();

    /// <summary>Builds a lon/lat polygon from a ring given in km in the plane of <paramref name="plane"/>.</summary>
    public static Polygon PolygonFromKm(EqualAreaProjection plane, params (double X, double Y)[] ringKm)
    {
        var coords = ringKm.Append(ringKm[0]).Select(p =>
        {
            var (lon, lat) = plane.Inverse(p.X, p.Y);
            return new Coordinate(lon, lat);
        }).ToArray();
        return Factory.CreatePolygon(coords);
    }

    /// <summary>Axis-aligned rectangle in km (plane coordinates), as a lon/lat polygon with 4 corners.</summary>
    public static Polygon RectangleFromKm(EqualAreaProjection plane, double minX, double minY, double maxX, double maxY) =>
        PolygonFromKm(plane, (minX, minY), (maxX, minY), (maxX, maxY), (minX, maxY));

    public static Point LonLatPoint(double lon, double lat) => Factory.CreatePoint(new Coordinate(lon, lat));

    /// <summary>Cell geometries in the theatre's own plane (km).</summary>
    public static Geometry[] CellsKm(TheatreGeometry theatre) =>
        theatre.Cells.Select(c => theatre.Projection.Project(c.LonLat)).ToArray();

    /// <summary>Area of the union of the cells, km² (snap-rounding union on a 1 mm grid).</summary>
    public static double UnionAreaKm2(TheatreGeometry theatre) =>
        UnaryUnionNG.Union(Factory.BuildGeometry(CellsKm(theatre)), new PrecisionModel(1e6)).Area;

    /// <summary>True when every cell can be reached from cell 0 along edges.</summary>
    public static bool IsConnected(TheatreGeometry theatre)
    {
        int n = theatre.Cells.Length;
        if (n == 0)
        {
            return true;
        }

        var adjacency = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        foreach (var e in theatre.Edges)
        {
            adjacency[e.A].Add(e.B);
            adjacency[e.B].Add(e.A);
        }

        var seen = new bool[n];
        var queue = new Queue<int>();
        queue.Enqueue(0);
        seen[0] = true;
        int reached = 1;
        while (queue.Count > 0)
        {
            foreach (int next in adjacency[queue.Dequeue()])
            {
                if (!seen[next])
                {
                    seen[next] = true;
                    reached++;
                    queue.Enqueue(next);
                }
            }
        }

        return reached == n;
    }

    public static int[] Degrees(TheatreGeometry theatre)
    {
        var degree = new int[theatre.Cells.Length];
        foreach (var e in theatre.Edges)
        {
            degree[e.A]++;
            degree[e.B]++;
        }

        return degree;
    }

    /// <summary>Checks the structural invariants that every theatre must satisfy.</summary>
    public static void AssertWellFormed(TheatreGeometry theatre)
    {
        for (int i = 0; i < theatre.Cells.Length; i++)
        {
            var cell = theatre.Cells[i];
            Assert.Equal(i, cell.Index);
            Assert.True(cell.AreaKm2 > 0.0, $"cell {cell.Id} has no area");
            Assert.True(cell.LonLat.IsValid, $"cell {cell.Id} is not valid");
            Assert.Null(GeometryChecks.Describe(cell.LonLat));
        }

        for (int i = 0; i < theatre.Edges.Length; i++)
        {
            var e = theatre.Edges[i];
            Assert.True(e.A < e.B, $"edge {e} is not ordered");
            Assert.True(e.SharedBorderKm >= TheatreBuilder.MinSharedBorderKm, $"edge {e} is too short");
            if (i > 0)
            {
                var p = theatre.Edges[i - 1];
                Assert.True(p.A < e.A || (p.A == e.A && p.B < e.B), $"edges {p} and {e} are out of order");
            }
        }

        Assert.Equal(theatre.Cells.Length, theatre.Cells.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
    }

    // ------------------------------------------------------------ fixtures

    /// <summary>The fixture folder in the repository (the test project does not copy fixtures to its output).</summary>
    public static string FixtureDirectory() =>
        Path.Combine(Salient.Testing.TestRepository.Root, "tests", "Salient.Scenario.Tests", "Geometry", "Fixtures");

    /// <summary>Reads the geometry of a GeoJSON Feature file with NetTopologySuite.IO.GeoJSON4STJ.</summary>
    public static Geometry ReadFeatureGeometry(string path)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var feature = JsonSerializer.Deserialize<IFeature>(File.ReadAllText(path), options)
            ?? throw new InvalidDataException($"{path} holds no GeoJSON feature.");
        return feature.Geometry;
    }

    /// <summary>Reads settlements.csv (id,name,name_local,country,lat,lon,kind,population,source).</summary>
    public static List<SettlementInput> ReadSettlements(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = SplitCsvLine(lines[0]);
        int id = header.IndexOf("id");
        int name = header.IndexOf("name");
        int lat = header.IndexOf("lat");
        int lon = header.IndexOf("lon");
        int population = header.IndexOf("population");
        var result = new List<SettlementInput>();
        foreach (string line in lines.Skip(1))
        {
            var f = SplitCsvLine(line);
            double pop = f[population].Length == 0 ? 0.0 : double.Parse(f[population], CultureInfo.InvariantCulture);
            result.Add(new SettlementInput(
                f[id],
                f[name],
                double.Parse(f[lon], CultureInfo.InvariantCulture),
                double.Parse(f[lat], CultureInfo.InvariantCulture),
                pop));
        }

        return result;
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting, no embedded newlines).</summary>
    private static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
