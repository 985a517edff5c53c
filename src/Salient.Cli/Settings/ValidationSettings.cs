using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient validation</c>.</summary>
public sealed class ValidationSettings : SalientSettings
{
    /// <summary>The <c>[FOLDER]</c> argument: the folder of validation scenarios; null for <c>scenarios/validation</c>.</summary>
    [CommandArgument(0, "[FOLDER]")]
    [Description("Folder of the validation scenarios (default: scenarios/validation).")]
    public string? Folder { get; init; }

    /// <summary><c>--write</c>: also write the Markdown report to this file; null to print only.</summary>
    /// <remarks>Written exactly as the tests expect <c>docs/validation.md</c> to be, so the committed report can be regenerated with it.</remarks>
    [CommandOption("--write <FILE>")]
    [Description("Also write the Markdown report (docs/validation.md), exactly as the tests expect it.")]
    public string? Write { get; init; }

    /// <summary><c>--threads</c>: worker threads; null for one per core.</summary>
    /// <remarks>1 to 1,024. Results do not depend on it.</remarks>
    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores). Does not change results.")]
    public int? Threads { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Threads(Threads) ?? ValidationResult.Success();
}
