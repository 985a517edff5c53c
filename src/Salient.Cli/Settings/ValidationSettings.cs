using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient validation</c>.</summary>
public sealed class ValidationSettings : SalientSettings
{
    [CommandArgument(0, "[FOLDER]")]
    [Description("Folder of the validation scenarios (default: scenarios/validation).")]
    public string? Folder { get; init; }

    [CommandOption("--write <FILE>")]
    [Description("Also write the Markdown report (docs/validation.md), exactly as the tests expect it.")]
    public string? Write { get; init; }

    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores). Does not change results.")]
    public int? Threads { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Threads(Threads) ?? ValidationResult.Success();
}
