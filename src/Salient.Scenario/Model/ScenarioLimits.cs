using System.Globalization;

namespace Salient.Scenario.Model;

/// <summary>
/// Size limits checked while a scenario is loaded, so that an input that would take minutes or gigabytes is refused
/// at once with a positioned error (SAL120) instead of stalling <c>validate</c> or <c>run</c>. The defaults are
/// generous for campaign scenarios (Kursk: 957 region vertices, 839 cells, 26 units); each can be raised on purpose
/// with <c>--limit NAME=VALUE</c>.
/// </summary>
/// <param name="Vertices">Polygon vertices over all region files.</param>
/// <param name="Cells">Theatre cells (hexagons, Voronoi cells or explicit nodes); for a hexagonal grid the count is
/// estimated from the regions' area before the grid is built.</param>
/// <param name="Units">Units in the scenario.</param>
/// <param name="OutputMegabytes">Estimated size of a run's output folder, MB (checked by <c>run</c> and <c>merge</c>, not by loading).</param>
/// <param name="BorderPairs">Pairs of region border segments meeting within a cell of a hexagonal grid, estimated
/// before it is built (<see cref="Geometry.BorderComplexity"/>): what makes an intricate border slow to cut into cells.</param>
public sealed record ScenarioLimits(
    long Vertices = ScenarioLimits.DefaultVertices, long Cells = ScenarioLimits.DefaultCells, long Units = ScenarioLimits.DefaultUnits,
    long OutputMegabytes = ScenarioLimits.DefaultOutputMegabytes, long BorderPairs = ScenarioLimits.DefaultBorderPairs)
{
    /// <summary>Default vertex limit: building a theatre from 100,000 vertices takes seconds.</summary>
    public const long DefaultVertices = 100_000;

    /// <summary>Default cell limit: a 20,000-cell theatre runs at a few replications per second.</summary>
    public const long DefaultCells = 20_000;

    /// <summary>Default unit limit.</summary>
    public const long DefaultUnits = 5_000;

    /// <summary>Default output limit: 4 GB of files from one run.</summary>
    public const long DefaultOutputMegabytes = 4096;

    /// <summary>Default border-pairs limit: about a minute of grid building on a 2-core machine (about 42 µs a pair).</summary>
    public const long DefaultBorderPairs = 1_500_000;

    /// <summary>The defaults.</summary>
    public static ScenarioLimits Default { get; } = new();

    /// <summary>The names <c>--limit</c> accepts, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["vertices", "cells", "units", "output_mb", "border_pairs"];

    /// <summary>
    /// Applies <c>name=value</c> settings (e.g. <c>cells=50000</c>) on top of these limits; returns null and a
    /// message naming what was expected when a setting is malformed.
    /// </summary>
    public ScenarioLimits? With(IEnumerable<string> settings, out string? error)
    {
        var result = this;
        error = null;
        foreach (var setting in settings)
        {
            int eq = setting.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? setting : setting[..eq].Trim();
            if (eq < 0 || !long.TryParse(setting[(eq + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < 1)
            {
                error = $"'{setting}': expected NAME=N with N a whole number of at least 1 (names: {string.Join(", ", Names)})";
                return null;
            }
            switch (name)
            {
                case "vertices": result = result with { Vertices = value }; break;
                case "cells": result = result with { Cells = value }; break;
                case "units": result = result with { Units = value }; break;
                case "output_mb": result = result with { OutputMegabytes = value }; break;
                case "border_pairs": result = result with { BorderPairs = value }; break;
                default:
                    error = $"'{setting}': unknown limit '{name}' (names: {string.Join(", ", Names)})";
                    return null;
            }
        }
        return result;
    }
}
