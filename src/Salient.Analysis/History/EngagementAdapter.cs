using System.Globalization;
using System.Text;

namespace Salient.Analysis.History;

/// <summary>How one CDB90 row was turned into an engagement: the multipliers and the notes on filled gaps.</summary>
/// <remarks>Immutable.</remarks>
public sealed record EngagementMapping
{
    /// <summary>Defender posture factor (defensibility multiplier of every defender cell).</summary>
    public required double PostureFactor { get; init; }

    /// <summary>Terrain factor (defensibility multiplier of every defender cell).</summary>
    public required double TerrainFactor { get; init; }

    /// <summary>Mobility of every edge from terrain and weather (scales the advance).</summary>
    public required double Mobility { get; init; }

    /// <summary>Attacker's ground effectiveness (surprise and air superiority).</summary>
    public required double AttackerEffectiveness { get; init; }

    /// <summary>Defender's ground effectiveness (surprise and air superiority).</summary>
    public required double DefenderEffectiveness { get; init; }

    /// <summary>Front width used, km.</summary>
    public required double FrontKm { get; init; }

    /// <summary>Defender cells behind the start line (each <see cref="EngagementAdapter.CellDepthKm"/> deep).</summary>
    public required int DepthCells { get; init; }

    /// <summary>Calendar days played.</summary>
    public required int Days { get; init; }

    /// <summary>
    /// Share of the calendar span the two sides fought (the duty cycle): the recorded fighting hours over 24 × the
    /// calendar days, clamped to [<see cref="EngagementAdapter.MinActiveFraction"/>, 1], or <see cref="EngagementAdapter.DefaultActiveFraction"/> when the
    /// hours are not recorded. Both sides' lethality and the advance rate are multiplied by (f / DefaultActiveFraction)^ω (HistoryReplay.DutyCycle).
    /// </summary>
    public required double ActiveFraction { get; init; }

    /// <summary>True when <see cref="ActiveFraction"/> comes from the recorded fighting hours.</summary>
    public required bool ActiveHoursRecorded { get; init; }

    /// <summary>Dupuy's dispersion factor of the battle's year (<see cref="EngagementAdapter.DispersionFactor"/>; 1 in antiquity, 3,000 in World War II).</summary>
    public required double Dispersion { get; init; }

    /// <summary>Gaps filled with an assumed value, "; "-separated (empty when none).</summary>
    public required string Notes { get; init; }
}

/// <summary>A CDB90 row that cannot be replayed or judged, and why.</summary>
/// <remarks>Immutable.</remarks>
public sealed record Exclusion(int Isqno, string Name, string Reason);

/// <summary>
/// Turns a CDB90 row into a Salient engagement (a scenario YAML text): a line of cells one
/// <see cref="CellDepthKm"/> km deep and the front's width wide; the attacker's force (personnel, tanks, guns) in the
/// first cell, the defender's in the second, the defender's depot at the far end; the attacker attacks toward the far
/// end for the battle's calendar days, hourly ticks. Posture and terrain become the defender cells' defensibility,
/// terrain and weather the edges' mobility, surprise and air superiority the sides' ground effectiveness. Every
/// number is in docs/history.md with its source or marked as an assumption. No I/O.
/// </summary>
public static class EngagementAdapter
{
    /// <summary>Depth of each cell, km: the resolution of the advance.</summary>
    public const double CellDepthKm = 1.0;

    /// <summary>Longest battle replayed, calendar days: longer rows are campaigns or sieges, not one engagement.</summary>
    public const int MaxDays = 30;

    /// <summary>Combat power of one tank, rifleman-equivalents (assumption).</summary>
    public const double TankPower = 10;

    /// <summary>Combat power of one artillery tube, rifleman-equivalents (assumption).</summary>
    public const double GunPower = 10;

    /// <summary>
    /// Share of the calendar span fought when the hours are not recorded: the median of the recorded fighting hours over
    /// 24 × the calendar days among the 159 replayable training battles (odd isqno) that record them (0.271; 0.26 over
    /// all 337 rows with hours, and 0.25–0.31 for battles of one, two, three and five or more days, so one value serves
    /// every length). Taken from the training half only; it is an input of the row, not its outcome.
    /// </summary>
    public const double DefaultActiveFraction = 0.27;

    /// <summary>Least duty cycle (a quarter of an hour a day; the record's least is 0.0104, 15 minutes of a one-day battle).</summary>
    public const double MinActiveFraction = 0.01;

    /// <summary>Front width when neither side's is recorded, km (assumption).</summary>
    public const double DefaultFrontKm = 10;

    /// <summary>Battles that repeat an earlier HERO battle by name and are not flagged by jrnold's parent column (README).</summary>
    public static readonly IReadOnlyDictionary<int, int> Duplicates = new Dictionary<int, int> { [643] = 585, [644] = 456, [659] = 316 };

    /// <summary>
    /// Defender posture factor: Dupuy's QJM posture factors as commonly tabulated (T. N. Dupuy, Numbers, Predictions
    /// and War, 1979): hasty 1.3, prepared 1.5, fortified 1.6, delaying 1.2, withdrawing 1.15. Null for an unknown code.
    /// </summary>
    public static double? PostureFactor(string? code) => code switch
    {
        "HD" => 1.3,
        "PD" => 1.5,
        "FD" => 1.6,
        "DL" => 1.2,
        "WD" => 1.15,
        _ => null,
    };

    /// <summary>
    /// Terrain defensibility from the 3-character code [relief][cover][special] (assumption, ordered as Dupuy's QJM
    /// terrain factors): relief F 1.0, R 1.05, G 1.2; cover B/D 1.0, M 1.1, W 1.2; special U 1.3, M 1.1, else 1.0; the product.
    /// </summary>
    public static double TerrainFactor(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        string c = code.PadRight(3, '0');
        double relief = c[0] switch { 'R' => 1.05, 'G' => 1.2, _ => 1.0 };
        double cover = c[1] switch { 'M' => 1.1, 'W' => 1.2, _ => 1.0 };
        double special = c[2] switch { 'U' => 1.3, 'M' => 1.1, _ => 1.0 };
        return relief * cover * special;
    }

    /// <summary>
    /// Edge mobility from terrain and weather (assumption): relief R 0.9, G 0.7; cover M 0.9, W 0.7; special U 0.6,
    /// M (marsh) 0.5, D (dunes) 0.8; weather wet 0.85, heavy precipitation 0.75, light 0.9; the product.
    /// </summary>
    public static double Mobility(string terrain, string? weather)
    {
        ArgumentNullException.ThrowIfNull(terrain);
        string t = terrain.PadRight(3, '0');
        double m = t[0] switch { 'R' => 0.9, 'G' => 0.7, _ => 1.0 };
        m *= t[1] switch { 'M' => 0.9, 'W' => 0.7, _ => 1.0 };
        m *= t[2] switch { 'U' => 0.6, 'M' => 0.5, 'D' => 0.8, _ => 1.0 };
        if (weather is { Length: >= 2 } w)
        {
            if (w[0] == 'W') m *= 0.85;
            m *= w[1] switch { 'H' => 0.75, 'L' => 0.9, _ => 1.0 };
        }
        return m;
    }

    /// <summary>Effectiveness gained per point of surprise by the side that achieved it (assumption).</summary>
    public const double SurprisePerPoint = 0.2;

    /// <summary>Effectiveness multiplier of the side with theatre air superiority (assumption).</summary>
    public const double AirSuperiority = 1.2;

    /// <summary>(attacker, defender) ground effectiveness from surprise (+3..-3) and air superiority (+1, 0, -1).</summary>
    public static (double Attacker, double Defender) Effectiveness(int surprise, int? air)
    {
        double a = 1, d = 1;
        if (surprise > 0) a *= 1 + (SurprisePerPoint * surprise);
        if (surprise < 0) d *= 1 - (SurprisePerPoint * surprise);
        if (air > 0) a *= AirSuperiority;
        if (air < 0) d *= AirSuperiority;
        return (a, d);
    }

    /// <summary>
    /// Dupuy's dispersion factors: the ground a force of a given size covered in battle, relative to antiquity
    /// (T. N. Dupuy, The Evolution of Weapons and Warfare, 1980, and Numbers, Predictions and War, 1979, as commonly
    /// tabulated; not re-checked against the books here): Napoleonic wars 20, American Civil War 25, World War I 250,
    /// World War II 3,000, October War 1973 4,000. Each is placed at a year inside its war (1805, 1863, 1916, 1942,
    /// 1973; assumption).
    /// </summary>
    public static readonly IReadOnlyList<(int Year, double Factor)> DispersionAnchors = [(1805, 20), (1863, 25), (1916, 250), (1942, 3000), (1973, 4000)];

    /// <summary>The dispersion factor of World War II, the reference at which the fitted lethality applies.</summary>
    public const double ReferenceDispersion = 3000;

    /// <summary>
    /// Dupuy's dispersion factor of <paramref name="year"/>: log-linear between the <see cref="DispersionAnchors"/>,
    /// held at the first before 1805 (assumption: the musket armies of 1600-1800 as dense as Napoleon's) and at the last
    /// after 1973; the World War II value when the year is unknown.
    /// </summary>
    public static double DispersionFactor(int? year)
    {
        var a = DispersionAnchors;
        if (year is not { } y) return ReferenceDispersion;
        if (y <= a[0].Year) return a[0].Factor;
        for (int i = 1; i < a.Count; i++)
        {
            if (y > a[i].Year) continue;
            double t = (y - a[i - 1].Year) / (double)(a[i].Year - a[i - 1].Year);
            return Math.Exp(Math.Log(a[i - 1].Factor) + (t * (Math.Log(a[i].Factor) - Math.Log(a[i - 1].Factor))));
        }
        return a[^1].Factor;
    }

    /// <summary>Why <paramref name="b"/> cannot be replayed and judged, or null when it can.</summary>
    public static string? ExclusionReason(CdbBattle b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.Parent is { } p) return string.Create(CultureInfo.InvariantCulture, $"component of or overlaps battle {p} (jrnold parent): dropped to avoid double counting");
        if (Duplicates.TryGetValue(b.Isqno, out int d)) return string.Create(CultureInfo.InvariantCulture, $"repeats battle {d} (README: duplicate not flagged by parent)");
        if (!(b.Attacker.Strength > 0) || !(b.Defender.Strength > 0)) return "a side's strength is not recorded";
        if (double.IsNaN(b.Attacker.Casualties) || double.IsNaN(b.Defender.Casualties)) return "a side's casualties are not recorded (nothing to judge against)";
        if (b.Wina is null) return "the winner is not recorded";
        if (!(b.Days >= 1)) return "the duration is not recorded";
        if (b.Days > MaxDays) return string.Create(CultureInfo.InvariantCulture, $"{b.Days} calendar days: a campaign or siege, not one engagement (limit {MaxDays})");
        return null;
    }

    /// <summary>The mapping of <paramref name="b"/> (which must have no <see cref="ExclusionReason"/>).</summary>
    public static EngagementMapping Map(CdbBattle b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var notes = new List<string>();
        double? posture = PostureFactor(b.Posture);
        if (posture is null) notes.Add("posture unknown: hasty assumed");
        string terrain = b.Terrain ?? "RM0";
        if (b.Terrain is null) notes.Add("terrain unknown: RM0 assumed");
        double front = b.Attacker.FrontKm > 0 ? b.Attacker.FrontKm : b.Defender.FrontKm > 0 ? b.Defender.FrontKm : DefaultFrontKm;
        if (!(b.Attacker.FrontKm > 0) && !(b.Defender.FrontKm > 0)) notes.Add("front width unknown: 10 km assumed");
        if (double.IsNaN(b.Attacker.Tanks) || double.IsNaN(b.Defender.Tanks)) notes.Add("tanks unknown: none assumed");
        if (double.IsNaN(b.Attacker.Artillery) || double.IsNaN(b.Defender.Artillery)) notes.Add("artillery unknown: none assumed");
        if (b.Air is null) notes.Add("air superiority unknown: neither assumed");
        if (b.Year is null) notes.Add("year unknown: World War II dispersion assumed");
        var (ea, ed) = Effectiveness(b.Surprise, b.Air);
        int days = (int)Math.Round(b.Days);
        bool hours = b.ActiveHours > 0;
        if (!hours) notes.Add(string.Create(CultureInfo.InvariantCulture, $"fighting hours unknown: {DefaultActiveFraction} of the calendar span assumed"));
        return new EngagementMapping
        {
            PostureFactor = posture ?? 1.3,
            TerrainFactor = TerrainFactor(terrain),
            Mobility = Mobility(terrain, b.Weather),
            AttackerEffectiveness = ea,
            DefenderEffectiveness = ed,
            FrontKm = front,
            DepthCells = (int)Math.Clamp(Math.Ceiling(((40.0 * days) + 10) / CellDepthKm), 10, 400),
            Days = days,
            ActiveFraction = hours ? Math.Clamp(b.ActiveHours / (24.0 * days), MinActiveFraction, 1) : DefaultActiveFraction,
            ActiveHoursRecorded = hours,
            Dispersion = DispersionFactor(b.Year),
            Notes = string.Join("; ", notes),
        };
    }

    /// <summary>The engagement as a scenario YAML text (load it with ScenarioLoader.LoadText).</summary>
    public static string ToYaml(CdbBattle b, EngagementMapping m)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(m);
        var ci = CultureInfo.InvariantCulture;
        string N(double x) => x.ToString("R", ci);
        var start = new DateOnly(2000, 1, 1);
        string end = start.AddDays(m.Days - 1).ToString("yyyy-MM-dd", ci);
        double area = m.FrontKm * CellDepthKm;
        double defensibility = m.PostureFactor * m.TerrainFactor;
        // 1 km of longitude at the equator is 1/111.32 degrees; edge lengths are given explicitly anyway.
        double step = CellDepthKm / 111.32;
        var sb = new StringBuilder();
        sb.Append(ci, $"# CDB90 battle {b.Isqno}: {Clean(b.Name)} (generated by salient history; see docs/history.md)\n");
        sb.Append(ci, $"# fought {N(m.ActiveFraction)} of the calendar span ({(m.ActiveHoursRecorded ? "recorded hours" : "assumed")}): salient history multiplies both lethalities and the advance rate by (it / 0.27)^omega\n");
        sb.Append("salient: 1\n");
        sb.Append(ci, $"name: cdb90-{b.Isqno}\n");
        sb.Append(ci, $"title: \"CDB90 {b.Isqno}: {Clean(b.Name)}\"\n");
        sb.Append("calendar:\n  start: 2000-01-01\n");
        sb.Append(ci, $"  end: {end}\n  tick_hours: 1\n");
        sb.Append("sides:\n  - id: atk\n    doctrine: { attack_ratio: 0 }\n  - id: def\n");
        sb.Append("theatre:\n  nodes:\n");
        sb.Append(ci, $"    - {{ id: a0, lon: 0, lat: 0, area_km2: {N(area)}, control: atk }}\n");
        for (int i = 1; i <= m.DepthCells; i++)
            sb.Append(ci, $"    - {{ id: d{i}, lon: {N(step * i)}, lat: 0, area_km2: {N(area)}, control: def, defensibility: {N(defensibility)} }}\n");
        sb.Append("  edges:\n");
        for (int i = 1; i <= m.DepthCells; i++)
            sb.Append(ci, $"    - {{ from: {(i == 1 ? "a0" : "d" + (i - 1).ToString(ci))}, to: d{i}, length_km: {N(CellDepthKm)}, mobility: {N(m.Mobility)} }}\n");
        sb.Append("  depots:\n    - { id: atk-base, side: atk, at: a0 }\n");
        sb.Append(ci, $"    - {{ id: def-base, side: def, at: d{m.DepthCells} }}\n");
        sb.Append("catalogue:\n");
        sb.Append(ci, $"  - {{ id: tank, class: armour, combat_power: {{ value: {N(TankPower)}, source: \"assumption (docs/history.md)\" }} }}\n");
        sb.Append(ci, $"  - {{ id: gun, class: artillery, combat_power: {{ value: {N(GunPower)}, source: \"assumption (docs/history.md)\" }} }}\n");
        sb.Append("units:\n");
        AppendUnit(sb, "atk-force", "atk", "a0", b.Attacker);
        AppendUnit(sb, "def-force", "def", "d1", b.Defender);
        sb.Append("plans:\n  - side: atk\n    phases:\n");
        sb.Append(ci, $"      - {{ name: attack, start: 2000-01-01, end: {end}, posture: attack, objectives: [d{m.DepthCells}] }}\n");
        sb.Append("parameters:\n  ground:\n    effectiveness:\n");
        sb.Append(ci, $"      atk: {{ value: {N(m.AttackerEffectiveness)}, source: \"CDB90 surpa/aeroa mapping (docs/history.md)\" }}\n");
        sb.Append(ci, $"      def: {{ value: {N(m.DefenderEffectiveness)}, source: \"CDB90 surpa/aeroa mapping (docs/history.md)\" }}\n");
        return sb.ToString();

        void AppendUnit(StringBuilder s, string id, string side, string at, CdbSide f)
        {
            s.Append(ci, $"  - id: {id}\n    side: {side}\n    at: {at}\n");
            s.Append(ci, $"    personnel: {{ value: {N(f.Strength)}, source: \"CDB90 {b.Isqno} str_total\" }}\n");
            double tanks = double.IsNaN(f.Tanks) ? 0 : f.Tanks, guns = double.IsNaN(f.Artillery) ? 0 : f.Artillery;
            if (tanks > 0 || guns > 0)
            {
                s.Append("    inventory:\n");
                if (tanks > 0) s.Append(ci, $"      tank: {{ value: {N(tanks)}, source: \"CDB90 {b.Isqno} tanks\" }}\n");
                if (guns > 0) s.Append(ci, $"      gun: {{ value: {N(guns)}, source: \"CDB90 {b.Isqno} arty\" }}\n");
            }
        }
    }

    private static string Clean(string s) => s.Replace("\"", "'", StringComparison.Ordinal).Replace("\\", "/", StringComparison.Ordinal);
}
