using System.ComponentModel;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options every command takes: the root of the settings groups.</summary>
/// <remarks><c>--debug</c> is acted on by <see cref="SalientApp"/> before parsing (it lets exceptions propagate with their
/// stack traces); it is declared here so that every command's help lists it and the parser accepts it.</remarks>
public class SalientSettings : CommandSettings
{
    [CommandOption("--debug")]
    [Description("Show stack traces for unexpected failures.")]
    public bool Debug { get; init; }
}
