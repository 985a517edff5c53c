using System.Diagnostics;
using System.Globalization;
using Salient.Cli.Rendering;
using Salient.Cli.Settings;
using Salient.Experiments.Validation;
using Salient.Output.Files;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient validation</c>: runs the analytic validation suite (scenarios/validation against closed forms) and prints
/// the table of docs/validation.md; exit 0 when every check is within tolerance, 1 when one is not.
/// </summary>
public sealed class ValidationCommand(IAnsiConsole console, TableWriter tables) : Command<ValidationSettings>
{
    /// <summary>Exit code when a check falls outside its tolerance.</summary>
    public const int Failed = 1;

    /// <inheritdoc/>
    public override int Execute(CommandContext context, ValidationSettings settings, CancellationToken cancellationToken)
    {
        string folder = settings.Folder ?? DefaultFolder();
        if (!Directory.Exists(folder)) throw new UserInputException($"no validation folder '{folder}'");
        int threads = settings.Threads ?? Environment.ProcessorCount;
        var clock = Stopwatch.StartNew();
        ValidationReport report;
        try
        {
            report = ValidationSuite.Run(folder, threads, c =>
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(c.Passed ? "[green]pass[/]" : "[red]FAIL[/]")} {Markup.Escape(c.Id)}: {c.Checks.Count(k => k.Passed)} of {c.Checks.Count} checks within tolerance ({clock.Elapsed.TotalSeconds:F1} s)")));
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("validation", StringComparison.Ordinal))
        {
            throw new UserInputException(ex.Message);
        }

        var table = new PrintedTable("validation", "") { SimpleBorder = true };
        table.AddColumn("case / quantity");
        foreach (string column in new[] { "expected", "measured", "tol.", "reps" }) table.AddColumn(column, true);
        table.AddColumn("");
        foreach (var c in report.Cases)
        {
            table.AddRow($"[bold]{Markup.Escape(c.Id)}[/]", "", "", "", "", "");
            foreach (var r in c.Rows)
                table.AddRow("  " + Markup.Escape(r.Quantity), ValidationDocument.Number(r.Expected), ValidationDocument.Number(r.Measured),
                    ValidationDocument.Number(r.Tolerance), r.Replications.ToString("N0", CultureInfo.InvariantCulture), r.Passed ? "[green]pass[/]" : "[red]FAIL[/]");
        }
        tables.Write(table);

        if (settings.Write is { } path)
        {
            AtomicFile.WriteAllText(path, ValidationDocument.Render(report), ownMark: ValidationDocument.GeneratedMark);
            console.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/].");
        }
        int failed = report.Cases.Sum(c => c.Checks.Count(k => !k.Passed));
        console.MarkupLine(failed == 0
            ? string.Create(CultureInfo.InvariantCulture, $"All {report.Cases.Sum(c => c.Checks.Count)} checks within tolerance ({clock.Elapsed.TotalSeconds:F1} s).")
            : string.Create(CultureInfo.InvariantCulture, $"[red]{failed} check(s) outside tolerance.[/]"));
        return failed == 0 ? 0 : Failed;
    }

    /// <summary>scenarios/validation under $SALIENT_HOME (set by ./salient), or under the current folder.</summary>
    private static string DefaultFolder()
    {
        string home = Environment.GetEnvironmentVariable("SALIENT_HOME") is { Length: > 0 } h ? h : Environment.CurrentDirectory;
        string candidate = Path.Combine(home, ValidationSuite.Folder);
        return Directory.Exists(candidate) ? Path.GetRelativePath(Environment.CurrentDirectory, candidate) : ValidationSuite.Folder;
    }
}
