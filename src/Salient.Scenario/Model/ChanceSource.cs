using System.Collections.Immutable;

namespace Salient.Scenario.Model;

/// <summary>
/// The sources of chance in a replication, each one or more of the engine's random streams (docs/model.md 3.4). A source
/// held common (<c>chance: common</c>) draws in every replication what replication 0 draws, so the spread between
/// replications that remains comes from the other sources.
/// </summary>
[Flags]
public enum ChanceSource
{
    /// <summary>No source: every source of chance varies between replications (the default).</summary>
    None = 0,
    /// <summary>The uncertain inputs sampled once per replication (distributions, the calibration's particle).</summary>
    Inputs = 1 << 0,
    /// <summary>Ground combat's casualties.</summary>
    Ground = 1 << 1,
    /// <summary>The fires' kill chains.</summary>
    Fires = 1 << 2,
    /// <summary>Air defence against the fires.</summary>
    AirDefence = 1 << 3,
    /// <summary>Interdiction of supply routes.</summary>
    Supply = 1 << 4,
    /// <summary>Detection and losses of infiltration.</summary>
    Infiltration = 1 << 5,
    /// <summary>Deep strike, its air defence and its cueing.</summary>
    DeepStrike = 1 << 6,
    /// <summary>The weather's daily draws.</summary>
    Weather = 1 << 7,
    /// <summary>The units' resolve in the probabilistic break.</summary>
    Break = 1 << 8,
    /// <summary>Pursuit after a break.</summary>
    Pursuit = 1 << 9,
    /// <summary>Every source.</summary>
    All = (1 << 10) - 1,
}

/// <summary>The names of <see cref="ChanceSource"/> in scenario files and outputs.</summary>
public static class ChanceSourceNames
{
    /// <summary>Every single source with its name, in the order docs and outputs list them.</summary>
    public static ImmutableArray<(string Name, ChanceSource Source)> Sources { get; } =
    [
        ("inputs", ChanceSource.Inputs), ("ground", ChanceSource.Ground), ("fires", ChanceSource.Fires),
        ("air_defence", ChanceSource.AirDefence), ("supply", ChanceSource.Supply), ("infiltration", ChanceSource.Infiltration),
        ("deep_strike", ChanceSource.DeepStrike), ("weather", ChanceSource.Weather), ("break", ChanceSource.Break),
        ("pursuit", ChanceSource.Pursuit),
    ];

    /// <summary>Each source by its name (names are case-sensitive).</summary>
    public static IReadOnlyDictionary<string, ChanceSource> ByName { get; } =
        Sources.ToDictionary(x => x.Name, x => x.Source, StringComparer.Ordinal);

    /// <summary>The names of the sources in <paramref name="set"/>, in <see cref="Sources"/> order.</summary>
    public static IEnumerable<string> Names(ChanceSource set) => Sources.Where(x => (set & x.Source) != 0).Select(x => x.Name);
}
