using System.ComponentModel;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options every command takes: the root of the settings groups.</summary>
/// <remarks><c>--debug</c> is acted on by <see cref="SalientApp"/> before parsing (it lets exceptions propagate with their
/// stack traces); it is declared here so that every command's help lists it and the parser accepts it.</remarks>
public class SalientSettings : CommandSettings
{
    /// <summary><c>--debug</c>: let every exception, user errors included, propagate with its stack trace instead of being rendered by the CLI.</summary>
    /// <remarks><see cref="SalientApp"/> reads the flag from the raw arguments and removes it before parsing, so this property is
    /// never set; it is declared only so that every command's help lists the option.</remarks>
    [CommandOption("--debug")]
    [Description("Let every error propagate with its stack trace, user errors included (for bug reports).")]
    public bool Debug { get; init; }

    /// <summary><c>--format</c>: how printed tables are written: table (default), csv or json.</summary>
    /// <remarks><see cref="SalientApp"/> reads it from the raw arguments before parsing, to send the command's messages to
    /// standard error when the tables go to standard output as CSV or JSON; declared here so every command lists it.</remarks>
    [CommandOption("--format <FORMAT>")]
    [Description("How printed tables are written: table (default), csv or json. With csv or json, standard output holds only the tables; messages go to standard error.")]
    public string? Format { get; init; }
}
