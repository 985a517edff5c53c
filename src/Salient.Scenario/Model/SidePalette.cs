using System.Collections.Immutable;

namespace Salient.Scenario.Model;

/// <summary>
/// The colours a side is drawn in when the scenario gives it none (or none a browser can use): the first side blue,
/// the second red (as docs/scenario-format.md says), then neutral greys and purples. The one palette the binder, run.json,
/// the report and the viewer share.
/// </summary>
public static class SidePalette
{
    /// <summary>Default colours by side order, <c>#rrggbb</c>.</summary>
    public static readonly ImmutableArray<string> Defaults = ["#1f77b4", "#d62728", "#7f8c8d", "#8e44ad"];

    /// <summary>The neutral grey for a colour that cannot be read at all.</summary>
    public const string Neutral = "#888888";

    /// <summary>The default colour of the side at <paramref name="index"/> (the last default for any later side).</summary>
    public static string For(int index) => Defaults[Math.Clamp(index, 0, Defaults.Length - 1)];
}
