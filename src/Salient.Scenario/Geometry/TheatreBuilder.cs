using System.Collections.Immutable;
using System.Globalization;
using NetTopologySuite.Densify;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.Overlay.Snap;
using NetTopologySuite.Precision;
using NetTopologySuite.Triangulate;
using NgOverlay = NetTopologySuite.Operation.OverlayNG.OverlayNG;

namespace Salient.Scenario.Geometry;

using Geometry = NetTopologySuite.Geometries.Geometry;

/// <summary>
/// Builds the theatre: region tiles, cells (hexagon or Voronoi pieces per region), settlement labels and the
/// neighbour graph. All geometry is done in an equal-area plane (km) with NetTopologySuite.
/// </summary>
/// <remarks>
/// <para>Every overlay runs with snap-rounding on a 1 mm grid (<see cref="GridKm"/>), so that borders computed
/// in different overlays coincide exactly and neighbouring cells share their border vertex for vertex.</para>
/// <para>Region edges are straight lines in the projected plane between the projected vertices: densify long
/// lon/lat edges first if they must follow parallels (the clip box is densified here).</para>
/// <para>Hexagons are pointy-top: a vertex points north, rows run west to east and odd rows are shifted half a
/// hexagon east. Cells are numbered row by row from north to south, west to east within a row, then by region
/// order, then larger piece first.</para>
/// </remarks>
public static class TheatreBuilder
{
    /// <summary>Two cells are neighbours when their common border is at least this long, km.</summary>
    public const double MinSharedBorderKm = 0.05;

    /// <summary>A hexagon piece smaller than this fraction of a full hexagon is merged into a neighbour.</summary>
    public const double SmallPieceFraction = 0.10;

    /// <summary>Precision grid of every overlay, km (1 mm).</summary>
    public const double GridKm = 1e-6;

    /// <summary>Lon/lat clip boxes are densified to this spacing (degrees) before projection, so their edges follow parallels and meridians.</summary>
    private const double ClipDensifyDeg = 0.01;

    /// <summary>Pieces below this area (km²) are numerical dust from the overlay, not cells.</summary>
    private const double DustAreaKm2 = 1e-6;

    /// <summary>A border shorter than this (km) is a touch at a point, not a border (used when merging small pieces).</summary>
    private const double TouchKm = 1e-4;

    private static readonly PrecisionModel Precision = new(1.0 / GridKm);
    private static readonly GeometryFactory Factory = new(Precision);

    /// <summary>Builds the theatre geometry.</summary>
    /// <param name="regions">Regions, in priority order: a later region loses any overlap with the earlier ones.</param>
    /// <param name="grid">The cell layout.</param>
    /// <param name="settlements">Settlements that label cells.</param>
    /// <param name="snapToleranceKm">Later regions are snapped to the earlier ones within this distance, km.</param>
    /// <exception cref="ArgumentException">
    /// Invalid input: an invalid or empty region, a region that is empty once the earlier ones are removed, a site
    /// outside every region, duplicate ids, or a clip box that misses every region.
    /// </exception>
    public static TheatreGeometry Build(
        IReadOnlyList<RegionInput> regions,
        GridSpec grid,
        IReadOnlyList<SettlementInput> settlements,
        double snapToleranceKm)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(settlements);
        if (!double.IsFinite(snapToleranceKm) || snapToleranceKm < 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(snapToleranceKm), snapToleranceKm, "Snap tolerance must be finite and >= 0.");
        }

        ValidateRegions(regions);
        ValidateSettlements(settlements);

        var regionEnvelope = new Envelope();
        foreach (var region in regions)
        {
            regionEnvelope.ExpandToInclude(region.LonLat.EnvelopeInternal);
        }

        var clip = grid is HexGridSpec { ClipLonLat: { } box } ? box : null;
        var projection = EqualAreaProjection.CentredOn(clip ?? regionEnvelope);
        var warnings = new List<string>();
        var tiles = TileRegions(regions, projection, snapToleranceKm, warnings);

        var pieces = grid switch
        {
            HexGridSpec hex => HexPieces(hex, tiles, projection, warnings),
            PointGridSpec points => PointPieces(points, tiles, projection),
            _ => throw new ArgumentException($"Unknown grid kind {grid.GetType().Name}.", nameof(grid)),
        };

        return Assemble(pieces, grid is HexGridSpec, settlements, projection, warnings);
    }

    private static void ValidateRegions(IReadOnlyList<RegionInput> regions)
    {
        if (regions.Count == 0)
        {
            throw new ArgumentException("At least one region is required.", nameof(regions));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            ArgumentNullException.ThrowIfNull(region, nameof(regions));
            if (!ids.Add(region.Id))
            {
                throw new ArgumentException($"Duplicate region id '{region.Id}'.", nameof(regions));
            }

            string? fault = GeometryChecks.Describe(region.LonLat);
            if (fault is not null)
            {
                throw new ArgumentException($"Region '{region.Id}': {fault}.", nameof(regions));
            }
        }
    }

    private static void ValidateSettlements(IReadOnlyList<SettlementInput> settlements)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in settlements)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(settlements));
            if (!ids.Add(s.Id))
            {
                throw new ArgumentException($"Duplicate settlement id '{s.Id}'.", nameof(settlements));
            }

            if (!double.IsFinite(s.Lon) || !double.IsFinite(s.Lat))
            {
                throw new ArgumentException($"Settlement '{s.Id}' has a non-finite position.", nameof(settlements));
            }
        }
    }

    // ---------------------------------------------------------------- regions

    /// <summary>
    /// Projects the regions and makes them tile: each later region is snapped to the union of the earlier ones,
    /// then that union is subtracted from it.
    /// </summary>
    private static Geometry[] TileRegions(
        IReadOnlyList<RegionInput> regions,
        EqualAreaProjection projection,
        double snapToleranceKm,
        List<string> warnings)
    {
        var tiles = new Geometry[regions.Count];
        Geometry? earlier = null;
        for (int i = 0; i < regions.Count; i++)
        {
            var region = Clean(projection.Project(regions[i].LonLat));
            double ownArea = region.Area;
            if (earlier is not null)
            {
                if (snapToleranceKm > 0.0)
                {
                    region = SnapToEarlier(region, earlier, snapToleranceKm);
                }

                region = Overlay(region, earlier, SpatialFunction.Difference);
            }

            if (region.IsEmpty || region.Area <= DustAreaKm2)
            {
                throw new ArgumentException(
                    $"Region '{regions[i].Id}' is empty once the regions before it are removed.", nameof(regions));
            }

            double lost = ownArea - region.Area;
            if (lost > 0.01 * ownArea)
            {
                warnings.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"region '{regions[i].Id}' overlaps earlier regions by {lost:0.#} km² ({100.0 * lost / ownArea:0.#}%); the overlap stays with the earlier regions"));
            }

            tiles[i] = region;
            earlier = earlier is null ? region : Overlay(earlier, region, SpatialFunction.Union);
        }

        // Node every tile against the others, so that each shared border carries the same vertices on both
        // sides: an earlier tile does not yet have the vertices that a later one added along their border.
        // (Subtracting a tile that does not overlap removes nothing, but snap-rounding nodes the two.)
        for (int i = 0; i < tiles.Length; i++)
        {
            for (int j = 0; j < tiles.Length; j++)
            {
                if (i != j && tiles[i].EnvelopeInternal.Intersects(tiles[j].EnvelopeInternal))
                {
                    tiles[i] = Overlay(tiles[i], tiles[j], SpatialFunction.Difference);
                }
            }
        }

        return tiles;
    }

    /// <summary>
    /// Snaps <paramref name="region"/> onto the border of <paramref name="earlier"/> wherever the two are within
    /// <paramref name="toleranceKm"/>, so that the two borders coincide and the difference leaves neither
    /// slivers nor gaps along them.
    /// </summary>
    /// <remarks>
    /// <see cref="GeometrySnapper"/> alone only snaps to the earlier border's <i>vertices</i>: a vertex of the
    /// later region that lies off the earlier border but far from any of its vertices stays put, leaving a thin
    /// gap or overlap (the two oblast polygons come from sources simplified independently). So each vertex
    /// within tolerance is first moved to the nearest point of the earlier border; the snapper then inserts the
    /// earlier border's vertices into the later region's nearby segments, so that the later border follows the
    /// earlier one vertex for vertex. The snap-rounding difference that follows absorbs the last rounding error.
    /// </remarks>
    private static Geometry SnapToEarlier(Geometry region, Geometry earlier, double toleranceKm)
    {
        var earlierBorder = earlier.Boundary;
        var reach = earlierBorder.EnvelopeInternal.Copy();
        reach.ExpandBy(toleranceKm);
        var onBorder = region.Copy();
        onBorder.Apply(new NearestPointFilter(new IndexedFacetDistance(earlierBorder), reach, toleranceKm));
        onBorder.GeometryChanged();
        var snapped = new GeometrySnapper(onBorder).SnapTo(earlier, toleranceKm);
        return Clean(snapped);
    }

    /// <summary>Moves each vertex within the tolerance of a line onto the nearest point of that line.</summary>
    private sealed class NearestPointFilter(IndexedFacetDistance line, Envelope reach, double toleranceKm)
        : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                var c = new Coordinate(seq.GetX(i), seq.GetY(i));
                if (!reach.Contains(c))
                {
                    continue;
                }

                var nearest = line.NearestPoints(Factory.CreatePoint(c))[0];
                if (nearest.Distance(c) < toleranceKm)
                {
                    seq.SetX(i, nearest.X);
                    seq.SetY(i, nearest.Y);
                }
            }
        }
    }

    // ---------------------------------------------------------------- hex grid

    /// <summary>A cell in the making. Pieces are created in output order (hex rows, or sites).</summary>
    private sealed class Piece(Geometry km, int region)
    {
        private Geometry _km = km;

        public Geometry Km
        {
            get => _km;
            set
            {
                _km = value;
                Area = value.Area;
            }
        }

        /// <summary>The area of <see cref="Km"/>, kept with it: the small-piece merge asks for it many times.</summary>
        public double Area { get; private set; } = km.Area;

        public int Region { get; } = region;

        public string? SiteId { get; init; }

        public bool Alive { get; set; } = true;

        public bool KeptSmall { get; set; }
    }

    private static List<Piece> HexPieces(
        HexGridSpec spec,
        Geometry[] tiles,
        EqualAreaProjection projection,
        List<string> warnings)
    {
        if (!double.IsFinite(spec.SizeKm) || spec.SizeKm <= 0.0)
        {
            throw new ArgumentException($"Hex size must be positive, got {spec.SizeKm}.", nameof(spec));
        }

        var domain = tiles;
        if (spec.ClipLonLat is { } box)
        {
            if (box.IsNull || box.Width <= 0.0 || box.Height <= 0.0)
            {
                throw new ArgumentException("The clip box is empty.", nameof(spec));
            }

            var clipLonLat = Densifier.Densify(Factory.ToGeometry(box), ClipDensifyDeg);
            var clipKm = Clean(projection.Project(clipLonLat));
            domain = tiles.Select(t => Overlay(t, clipKm, SpatialFunction.Intersection)).ToArray();
            if (domain.All(d => d.Area <= DustAreaKm2))
            {
                throw new ArgumentException("The clip box does not overlap any region.", nameof(spec));
            }
        }

        var extent = new Envelope();
        foreach (var d in domain)
        {
            extent.ExpandToInclude(d.EnvelopeInternal);
        }

        var prepared = domain.Select(d => PreparedGeometryFactory.Prepare(d)).ToArray();

        double size = spec.SizeKm;
        double circumradius = size / Math.Sqrt(3.0);
        double rowStep = 1.5 * circumradius;
        double fullHexArea = Math.Sqrt(3.0) / 2.0 * size * size;

        // Hexagon vertices lie on a lattice x0 + k*size/2, y0 + m*circumradius/2: computing each vertex from its
        // integer lattice position makes the vertices shared by neighbouring hexagons bit-identical.
        double x0 = extent.MinX;
        double y0 = extent.MinY;
        int rowMin = -1;
        int rowMax = (int)Math.Ceiling((extent.MaxY - y0) / rowStep) + 1;
        int colMin = -1;
        int colMax = (int)Math.Ceiling((extent.MaxX - x0) / size) + 1;

        var pieces = new List<Piece>();
        for (int row = rowMax; row >= rowMin; row--)
        {
            int shift = row & 1; // odd rows (also negative ones) are shifted half a hexagon east
            for (int col = colMin; col <= colMax; col++)
            {
                int k = 2 * col + shift;
                int m = 3 * row;
                var hex = HexPolygon(x0, y0, size / 2.0, circumradius / 2.0, k, m);
                if (!hex.EnvelopeInternal.Intersects(extent))
                {
                    continue;
                }

                for (int r = 0; r < domain.Length; r++)
                {
                    if (!prepared[r].Intersects(hex))
                    {
                        continue;
                    }

                    // A hexagon touching the region border goes through the overlay even if it lies inside, so
                    // that its edges pick up the border vertices lying on them (as its neighbour's edges do).
                    var parts = prepared[r].ContainsProperly(hex)
                        ? [hex]
                        : Polygons(Overlay(hex, domain[r], SpatialFunction.Intersection));
                    foreach (var part in parts.OrderByDescending(p => p.Area))
                    {
                        pieces.Add(new Piece(part, r));
                    }
                }
            }
        }

        MergeSmallPieces(pieces, SmallPieceFraction * fullHexArea, size, warnings, projection);
        return pieces.Where(p => p.Alive).ToList();
    }

    private static Polygon HexPolygon(double x0, double y0, double halfWidth, double halfRadius, int k, int m)
    {
        Coordinate Vertex(int dk, int dm) => new(
            Precision.MakePrecise(x0 + ((k + dk) * halfWidth)),
            Precision.MakePrecise(y0 + ((m + dm) * halfRadius)));

        // Counter-clockwise from the southern vertex.
        var ring = new[]
        {
            Vertex(0, -2), Vertex(1, -1), Vertex(1, 1), Vertex(0, 2), Vertex(-1, 1), Vertex(-1, -1), Vertex(0, -2),
        };
        return Factory.CreatePolygon(ring);
    }

    /// <summary>
    /// Merges every piece smaller than <paramref name="minArea"/> into the piece of the same region with which
    /// it shares the longest border (the first such piece in list order on a tie); a small piece with no such
    /// neighbour is kept, with a warning. Pieces are taken in list order, the first small one each time.
    /// </summary>
    /// <remarks>
    /// PERF: a spiky region border cuts boundary hexagons into many slivers, so a scan of every piece per small
    /// piece is quadratic. Two exact shortcuts keep the same merges in the same order: the scan for the next small
    /// piece resumes where the last one was found (a piece before it becomes small again only if a merge shrank it,
    /// and then the scan goes back to it), and neighbours come from <see cref="EnvelopeBuckets"/>, a uniform grid of
    /// envelopes, visited in list order.
    /// </remarks>
    private static void MergeSmallPieces(List<Piece> pieces, double minArea, double bucketKm, List<string> warnings, EqualAreaProjection projection)
    {
        bool IsSmall(Piece p) => p.Alive && !p.KeptSmall && p.Area < minArea;
        var buckets = new EnvelopeBuckets(bucketKm);
        for (int i = 0; i < pieces.Count; i++)
        {
            buckets.Add(i, pieces[i].Km.EnvelopeInternal);
        }

        int start = 0;
        while (true)
        {
            int small = pieces.FindIndex(start, IsSmall);
            if (small < 0)
            {
                return;
            }

            start = small;
            var piece = pieces[small];
            int best = -1;
            double bestLength = TouchKm;
            var reach = Expanded(piece.Km.EnvelopeInternal);
            foreach (int j in buckets.Near(reach))
            {
                var other = pieces[j];
                if (j == small || !other.Alive || other.Region != piece.Region || !reach.Intersects(other.Km.EnvelopeInternal))
                {
                    continue;
                }

                double length = SharedBorderKm(piece.Km, other.Km);
                if (length > bestLength)
                {
                    bestLength = length;
                    best = j;
                }
            }

            if (best < 0)
            {
                piece.KeptSmall = true;
                var centre = piece.Km.Centroid;
                var (lon, lat) = projection.Inverse(centre.X, centre.Y);
                warnings.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"small piece of {piece.Area:0.###} km² at {lon:0.0000}, {lat:0.0000} has no neighbour in its region to merge into; kept as a cell"));
                continue;
            }

            var target = pieces[best];
            target.Km = Overlay(target.Km, piece.Km, SpatialFunction.Union);
            buckets.Add(best, target.Km.EnvelopeInternal);
            piece.Alive = false;
            if (best < start && IsSmall(target))
            {
                start = best;
            }
        }
    }

    // ---------------------------------------------------------------- point grid

    private static List<Piece> PointPieces(
        PointGridSpec spec,
        Geometry[] tiles,
        EqualAreaProjection projection)
    {
        ArgumentNullException.ThrowIfNull(spec.Sites, nameof(spec));
        if (spec.Sites.Count == 0)
        {
            throw new ArgumentException("A point grid needs at least one site.", nameof(spec));
        }

        var extent = new Envelope();
        foreach (var t in tiles)
        {
            extent.ExpandToInclude(t.EnvelopeInternal);
        }

        var prepared = tiles.Select(t => PreparedGeometryFactory.Prepare(t)).ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var sites = new List<Coordinate>(spec.Sites.Count);
        var seen = new Dictionary<(double, double), string>();
        foreach (var site in spec.Sites)
        {
            ArgumentNullException.ThrowIfNull(site, nameof(spec));
            if (!ids.Add(site.Id))
            {
                throw new ArgumentException($"Duplicate site id '{site.Id}'.", nameof(spec));
            }

            var (x, y) = projection.Forward(site.Lon, site.Lat);
            var c = new Coordinate(Precision.MakePrecise(x), Precision.MakePrecise(y));
            if (!seen.TryAdd((c.X, c.Y), site.Id))
            {
                throw new ArgumentException($"Sites '{seen[(c.X, c.Y)]}' and '{site.Id}' are at the same place.", nameof(spec));
            }

            if (!prepared.Any(p => p.Covers(Factory.CreatePoint(c))))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Site '{site.Id}' at {site.Lon}, {site.Lat} is outside every region."),
                    nameof(spec));
            }

            sites.Add(c);
        }

        var frame = extent.Copy();
        frame.ExpandBy(Math.Max(extent.Width, extent.Height) + 1.0);
        var voronoi = VoronoiCells(sites, frame);

        var pieces = new List<Piece>();
        for (int s = 0; s < sites.Count; s++)
        {
            var sitePoint = Factory.CreatePoint(sites[s]);
            var parts = new List<(Geometry Part, int Region)>();
            for (int r = 0; r < tiles.Length; r++)
            {
                if (!prepared[r].Intersects(voronoi[s]))
                {
                    continue;
                }

                parts.AddRange(Polygons(Overlay(voronoi[s], tiles[r], SpatialFunction.Intersection)).Select(p => (p, r)));
            }

            if (parts.Count == 0)
            {
                throw new ArgumentException($"Site '{spec.Sites[s].Id}' has an empty cell.", nameof(spec));
            }

            // The piece holding the site comes first and carries the bare site id (the first piece if the
            // site lies exactly on a border that was moved by snapping).
            int home = Math.Max(0, parts.FindIndex(p => p.Part.Covers(sitePoint)));

            var ordered = new List<(Geometry Part, int Region)> { parts[home] };
            ordered.AddRange(parts.Where((_, i) => i != home));
            for (int i = 0; i < ordered.Count; i++)
            {
                string id = i == 0 ? spec.Sites[s].Id : FormattableString.Invariant($"{spec.Sites[s].Id}-{i + 1}");
                pieces.Add(new Piece(ordered[i].Part, ordered[i].Region) { SiteId = id });
            }
        }

        return pieces;
    }

    /// <summary>The Voronoi cell of each site (in site order), clipped to <paramref name="frame"/>.</summary>
    private static Geometry[] VoronoiCells(List<Coordinate> sites, Envelope frame)
    {
        var frameGeometry = Factory.ToGeometry(frame);
        if (sites.Count == 1)
        {
            return [frameGeometry];
        }

        var builder = new VoronoiDiagramBuilder { ClipEnvelope = frame };
        builder.SetSites(sites);
        var diagram = builder.GetDiagram(Factory);

        var cells = new Geometry?[sites.Count];
        var siteIndex = new Dictionary<(double, double), int>();
        for (int i = 0; i < sites.Count; i++)
        {
            siteIndex[(sites[i].X, sites[i].Y)] = i;
        }

        for (int g = 0; g < diagram.NumGeometries; g++)
        {
            var cell = diagram.GetGeometryN(g);
            if (cell.UserData is Coordinate c && siteIndex.TryGetValue((c.X, c.Y), out int i))
            {
                cells[i] = Overlay(Clean(cell), frameGeometry, SpatialFunction.Intersection);
            }
        }

        for (int i = 0; i < sites.Count; i++)
        {
            if (cells[i] is null)
            {
                // Not expected: the builder tags each cell with its site. Fall back to point location.
                var point = Factory.CreatePoint(sites[i]);
                for (int g = 0; g < diagram.NumGeometries && cells[i] is null; g++)
                {
                    if (diagram.GetGeometryN(g).Covers(point))
                    {
                        cells[i] = Overlay(Clean(diagram.GetGeometryN(g)), frameGeometry, SpatialFunction.Intersection);
                    }
                }
            }
        }

        return cells.Select(c => c ?? Factory.CreatePolygon()).ToArray();
    }

    // ---------------------------------------------------------------- cells, labels, edges

    private static TheatreGeometry Assemble(
        List<Piece> pieces,
        bool hexGrid,
        IReadOnlyList<SettlementInput> settlements,
        EqualAreaProjection projection,
        List<string> warnings)
    {
        // Settlements label the cell that contains them.
        var index = new STRtree<int>();
        for (int i = 0; i < pieces.Count; i++)
        {
            index.Insert(pieces[i].Km.EnvelopeInternal, i);
        }

        index.Build();
        var labels = pieces.Select(_ => new List<SettlementInput>()).ToArray();
        foreach (var s in settlements)
        {
            var (x, y) = projection.Forward(s.Lon, s.Lat);
            var point = Factory.CreatePoint(new Coordinate(x, y));
            var hits = index.Query(point.EnvelopeInternal).ToList();
            hits.Sort();
            int cell = hits.FirstOrDefault(i => pieces[i].Km.Covers(point), -1);
            if (cell < 0)
            {
                warnings.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"settlement '{s.Id}' ({s.Name}) at {s.Lon}, {s.Lat} is outside every cell"));
                continue;
            }

            labels[cell].Add(s);
        }

        var cells = ImmutableArray.CreateBuilder<TheatreCell>(pieces.Count);
        for (int i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var names = labels[i]
                .OrderByDescending(s => double.IsFinite(s.Population) ? s.Population : 0.0)
                .ThenBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => s.Id)
                .ToImmutableArray();
            string id = hexGrid
                ? (names.IsEmpty ? FormattableString.Invariant($"c{i:D4}") : names[0])
                : piece.SiteId!;
            var centroid = piece.Km.Centroid;
            var (lon, lat) = projection.Inverse(centroid.X, centroid.Y);
            cells.Add(new TheatreCell(
                i, id, piece.Region, projection.Unproject(piece.Km), piece.Km.Area, lon, lat, centroid.X, centroid.Y, names));
        }

        var edges = ImmutableArray.CreateBuilder<TheatreEdge>();
        var shared = new double[pieces.Count]; // each cell's borders with other cells, km
        for (int a = 0; a < pieces.Count; a++)
        {
            var neighbours = index.Query(Expanded(pieces[a].Km.EnvelopeInternal)).Where(b => b > a).ToList();
            neighbours.Sort();
            foreach (int b in neighbours)
            {
                double border = SharedBorderKm(pieces[a].Km, pieces[b].Km);
                if (border >= MinSharedBorderKm)
                {
                    double dx = cells[a].CentroidXKm - cells[b].CentroidXKm;
                    double dy = cells[a].CentroidYKm - cells[b].CentroidYKm;
                    edges.Add(new TheatreEdge(a, b, Math.Sqrt((dx * dx) + (dy * dy)), border));
                }

                shared[a] += border;
                shared[b] += border;
            }
        }

        // What is left of a cell's perimeter borders no other cell: the theatre's outer edge.
        for (int i = 0; i < pieces.Count; i++)
        {
            cells[i] = cells[i] with { OuterBorderKm = Math.Max(0, pieces[i].Km.Length - shared[i]) };
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            if (!ids.Add(cell.Id))
            {
                warnings.Add($"cell id '{cell.Id}' is used by more than one cell");
            }
        }

        return new TheatreGeometry(cells.MoveToImmutable(), edges.ToImmutable(), projection, [.. warnings]);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Length of the common border of two non-overlapping polygonal geometries, km.</summary>
    private static double SharedBorderKm(Geometry a, Geometry b)
    {
        if (!a.EnvelopeInternal.Intersects(b.EnvelopeInternal))
        {
            return 0.0;
        }

        var common = Overlay(a.Boundary, b.Boundary, SpatialFunction.Intersection);
        return common.Length;
    }

    private static Envelope Expanded(Envelope envelope)
    {
        var e = envelope.Copy();
        e.ExpandBy(10.0 * GridKm);
        return e;
    }

    /// <summary>Snap-rounding overlay on the 1 mm grid; polygonal results only for polygonal inputs.</summary>
    private static Geometry Overlay(Geometry a, Geometry b, SpatialFunction op)
    {
        var result = NgOverlay.Overlay(a, b, op, Precision);
        return a is IPolygonal && b is IPolygonal ? Polygonal(Polygons(result)) : result;
    }

    private static Geometry Polygonal(List<Geometry> polygons) =>
        polygons.Count == 0 ? Factory.CreatePolygon() : Factory.BuildGeometry(polygons);

    /// <summary>The polygons of a geometry that are not numerical dust.</summary>
    private static List<Geometry> Polygons(Geometry g) =>
        PolygonExtracter.GetPolygons(g).Where(p => p.Area > DustAreaKm2).ToList();

    /// <summary>Rounds to the precision grid and repairs whatever that (or snapping) broke.</summary>
    private static Geometry Clean(Geometry g)
    {
        var rounded = GeometryPrecisionReducer.Reduce(GeometryFixer.Fix(g), Precision);
        return Polygonal(Polygons(rounded));
    }
}
