using System.ComponentModel;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient query</c>.</summary>
public sealed class QuerySettings : SalientSettings
{
    /// <summary>The run folders, then the SQL (the last argument).</summary>
    [CommandArgument(0, "<RUNS_THEN_SQL>")]
    [Description("One or more run folders, then the SQL as the last argument, e.g. out/a out/b \"SELECT run, avg(control_area_km2_blue) FROM replications GROUP BY run\". Views: runs, replications, daily, daily_bands, checks, control_tally (docs/outputs.md).")]
    public string[] Arguments { get; init; } = [];
}
