using Salient.Cli.Rendering;
using Salient.Cli.Settings;
using Salient.Output.Query;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient query RUN... "SQL"</c>: runs SQL (DuckDB, embedded) over the data files of one or more run folders, each
/// row tagged with its run, scenario hash, seed and variant, and prints the answer as CSV (no truncation, for pipes
/// and spreadsheets) unless <c>--format table</c> or <c>json</c> asks for the other printed forms. Bad SQL and missing
/// folders are user errors (exit 2) with DuckDB's message.
/// </summary>
public sealed class QueryCommand(TableWriter tables) : Command<QuerySettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, QuerySettings settings, CancellationToken cancellationToken)
    {
        if (settings.Arguments.Length < 2)
            throw new UserInputException(settings.Arguments.Length == 0
                ? "give one or more run folders, then the SQL, e.g. salient query out/kursk-2024-1 \"SELECT * FROM runs\""
                : $"give the SQL after the run folder(s), e.g. salient query {settings.Arguments[0]} \"SELECT * FROM runs\"");
        string sql = settings.Arguments[^1];
        var result = RunQuery.Run(settings.Arguments[..^1], sql);
        if (settings.Format is null || tables.Format == TableFormat.Csv)
        {
            // Plain text, not markup: the CSV may hold brackets. With --format csv the command's console is standard
            // error (messages), so the answer goes where the tables go.
            tables.WriteText(RunQuery.ToCsv(result));
            return 0;
        }
        var table = new PrintedTable("query", "");
        foreach (string column in result.Columns) table.AddColumn(Markup.Escape(column));
        foreach (var row in result.Rows) table.AddRow([.. row.Select(v => Markup.Escape(v is string text ? text : RunQuery.Cell(v)))]);
        tables.Write(table);
        return 0;
    }
}
