using System.Globalization;
using Salient.Cli.Settings;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Salient.Cli.Commands;

/// <summary><c>salient validate</c>: reports every problem in a scenario; exit 2 on errors, 0 with a summary line otherwise.</summary>
public sealed class ValidateCommand(IAnsiConsole console) : Command<ScenarioSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, ScenarioSettings settings, CancellationToken cancellationToken)
    {
        var (model, result) = ScenarioInput.Load(console, settings, showWarnings: true);
        int errors = result.Errors.Count(), warnings = result.Warnings.Count();
        if (model is null)
        {
            console.MarkupLine($"[red]{errors} error(s)[/], {warnings} warning(s)");
            return SalientApp.UserError;
        }
        var t = model.Theatre;
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[green]ok[/]: {Markup.Escape(model.Name)}: {t.Cells.Length} cells ({t.Cells.Sum(c => c.AreaKm2):F0} km²), {t.Edges.Length} edges, {model.Units.Length} units, {model.Plans.Length} plan phases, {model.Calendar.Days} days; {warnings} warning(s); {model.Hash}"));
        return 0;
    }
}
