using System.Globalization;

namespace Salient.Analysis.History;

/// <summary>
/// One CDB90 battle as read from <c>data/history/cdb90_all.csv</c> (columns described in data/history/README.md):
/// only the fields the replay and its judgement use. Missing values are null (NaN for numbers, null for codes).
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record CdbBattle
{
    /// <summary>CDB90 sequence number.</summary>
    public required int Isqno { get; init; }

    /// <summary>Battle name.</summary>
    public required string Name { get; init; }

    /// <summary>War, as given in CDB90.</summary>
    public string War { get; init; } = "";

    /// <summary>jrnold's parent battle (this row is a component of, or overlaps, that battle); null when none.</summary>
    public int? Parent { get; init; }

    /// <summary>Year the battle began (the first four characters of <c>start_date</c>); null when unknown.</summary>
    public int? Year { get; init; }

    /// <summary>Calendar days over the active periods (<c>derived_calendar_days</c>).</summary>
    public double Days { get; init; } = double.NaN;

    /// <summary>
    /// Recorded fighting hours, the sum over the active periods of (end − begin) (<c>derived_active_hours</c>; filled only
    /// when every active period has clock times); NaN when not recorded.
    /// </summary>
    public double ActiveHours { get; init; } = double.NaN;

    /// <summary>Attacker's result: +1 win, 0 draw, -1 loss; null when unknown.</summary>
    public int? Wina { get; init; }

    /// <summary>Km the attacker advanced (negative: retreated); NaN when unknown.</summary>
    public double KmAdvanced { get; init; } = double.NaN;

    /// <summary>Defender's primary posture code (HD, PD, FD, DL, WD); null when unknown.</summary>
    public string? Posture { get; init; }

    /// <summary>Three-character terrain code (e.g. RM0); null when unknown.</summary>
    public string? Terrain { get; init; }

    /// <summary>Five-character weather code (e.g. DSTST); null when unknown.</summary>
    public string? Weather { get; init; }

    /// <summary>Surprise, +3..-3 (positive: the attacker achieved it); 0 when unknown.</summary>
    public int Surprise { get; init; }

    /// <summary>Theatre air superiority: +1 attacker, 0 neither, -1 defender; null when unknown.</summary>
    public int? Air { get; init; }

    /// <summary>Attacker's side of the record.</summary>
    public required CdbSide Attacker { get; init; }

    /// <summary>Defender's side of the record.</summary>
    public required CdbSide Defender { get; init; }

    /// <summary>Force ratio attacker / defender personnel (NaN when either is missing or zero).</summary>
    public double ForceRatio => Attacker.Strength > 0 && Defender.Strength > 0 ? Attacker.Strength / Defender.Strength : double.NaN;

    /// <summary>
    /// Reads the rows of cdb90_all.csv given as a header and string cells (the caller reads the file); empty cells are
    /// missing values. Throws <see cref="FormatException"/> naming the row and column of a cell that is not a number.
    /// </summary>
    public static IReadOnlyList<CdbBattle> FromTable(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var col = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++) col[header[i]] = i;
        foreach (string need in new[] { "isqno", "name", "atk_str_total", "def_str_total", "atk_cas", "def_cas", "wina", "derived_calendar_days" })
            if (!col.ContainsKey(need)) throw new FormatException($"the history table has no column '{need}'");
        var result = new List<CdbBattle>();
        int line = 1;
        foreach (var row in rows)
        {
            line++;
            string S(string name) => col.TryGetValue(name, out int i) && i < row.Count ? row[i].Trim() : "";
            double D(string name)
            {
                string s = S(name);
                if (s.Length == 0) return double.NaN;
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v
                    : throw new FormatException($"row {line}, column '{name}': '{s}' is not a number");
            }
            int? I(string name) => double.IsNaN(D(name)) ? null : (int)D(name);
            string? C(string name) => S(name) is { Length: > 0 } s ? s : null;
            CdbSide Side(string p) => new()
            {
                Strength = D(p + "_str_total"),
                StrengthCode = I(p + "_str_code"),
                Casualties = D(p + "_cas"),
                Tanks = D(p + "_tanks"),
                Artillery = D(p + "_arty"),
                TankLosses = D(p + "_tank_losses"),
                FrontKm = D(p + "_front_km"),
                Actors = S(p + "_actors"),
            };
            result.Add(new CdbBattle
            {
                Isqno = I("isqno") ?? throw new FormatException($"row {line}: no isqno"),
                Name = S("name"),
                War = S("war"),
                Parent = I("parent_isqno_jrnold"),
                Year = S("start_date") is { Length: >= 4 } sd && int.TryParse(sd.AsSpan(0, 4), NumberStyles.Integer, CultureInfo.InvariantCulture, out int yr) ? yr : null,
                Days = D("derived_calendar_days"),
                ActiveHours = D("derived_active_hours"),
                Wina = I("wina"),
                KmAdvanced = D("kmda"),
                Posture = C("post1"),
                Terrain = C("terra1"),
                Weather = C("wx1"),
                Surprise = I("surpa") ?? 0,
                Air = I("aeroa"),
                Attacker = Side("atk"),
                Defender = Side("def"),
            });
        }
        return result;
    }
}

/// <summary>One side of a CDB90 battle (NaN where the record is missing).</summary>
/// <remarks>Immutable.</remarks>
public sealed record CdbSide
{
    /// <summary>Total personnel strength (<c>*_str_total</c>).</summary>
    public double Strength { get; init; } = double.NaN;

    /// <summary>1 initial strength, 2 average daily strength, 3 total engaged over the battle; null when unknown.</summary>
    public int? StrengthCode { get; init; }

    /// <summary>Personnel battle casualties.</summary>
    public double Casualties { get; init; } = double.NaN;

    /// <summary>Tanks.</summary>
    public double Tanks { get; init; } = double.NaN;

    /// <summary>Artillery tubes.</summary>
    public double Artillery { get; init; } = double.NaN;

    /// <summary>Tank losses.</summary>
    public double TankLosses { get; init; } = double.NaN;

    /// <summary>Width of the front at the start, km.</summary>
    public double FrontKm { get; init; } = double.NaN;

    /// <summary>jrnold's actor coding (e.g. Germany, USSR).</summary>
    public string Actors { get; init; } = "";
}
