using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Salient.Cli.Rendering;

/// <summary>How the CLI prints its tables (<c>--format</c>).</summary>
public enum TableFormat
{
    /// <summary>Boxed tables for a person (the default).</summary>
    Table,
    /// <summary>CSV (RFC 4180), one block per table; several tables are separated by a blank line, each after a <c># name: title</c> line.</summary>
    Csv,
    /// <summary>One JSON document: <c>{"tables": [{"name", "title", "columns", "rows": [{column: value}]}]}</c>.</summary>
    Json,
}

/// <summary>
/// A table a command prints, kept as text so it can be written as a boxed table, CSV or JSON. Cells and the title are
/// Spectre markup (escaped text, optionally coloured); CSV and JSON carry the text without the markup.
/// </summary>
/// <param name="name">A short stable name (<c>claims</c>, <c>score</c>), the table's key in CSV and JSON.</param>
/// <param name="title">The title shown above the boxed table (markup).</param>
public sealed class PrintedTable(string name, string title)
{
    private readonly List<(string Name, bool Right)> _columns = [];
    private readonly List<string[]> _rows = [];

    /// <summary>The table's name in CSV and JSON.</summary>
    public string Name { get; } = name;

    /// <summary>The title (markup).</summary>
    public string Title { get; } = title;

    /// <summary>Draws the boxed table with the simple border (a rule under the header) rather than the rounded box.</summary>
    public bool SimpleBorder { get; init; }

    /// <summary>The columns: header (markup) and whether right-aligned in the boxed table.</summary>
    public IReadOnlyList<(string Name, bool Right)> Columns => _columns;

    /// <summary>The rows, one markup string per column.</summary>
    public IReadOnlyList<string[]> Rows => _rows;

    /// <summary>Adds a column (header in markup).</summary>
    public PrintedTable AddColumn(string header, bool right = false)
    {
        _columns.Add((header, right));
        return this;
    }

    /// <summary>Adds a row of markup cells, one per column.</summary>
    public PrintedTable AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _rows.Add(cells);
        return this;
    }

    /// <summary>The boxed Spectre table.</summary>
    public Table ToSpectre()
    {
        var table = new Table();
        if (Title.Length > 0) table.Title(Title);
        if (SimpleBorder) table.Border(TableBorder.Simple);
        foreach (var (header, right) in _columns) table.AddColumn(right ? new TableColumn(header).RightAligned() : new TableColumn(header));
        foreach (var row in _rows) table.AddRow(row);
        return table;
    }
}

/// <summary>
/// Writes the tables of a command in the format <c>--format</c> asked for. A boxed table goes to the command's console
/// like any message; CSV and JSON go alone to standard output (the command's messages then go to standard error, see
/// <see cref="SalientApp"/>), JSON as one document when the command ends (<see cref="Flush"/>).
/// </summary>
public sealed class TableWriter(IAnsiConsole output, TableFormat format)
{
    private readonly List<PrintedTable> _json = [];
    private int _csvBlocks;

    /// <summary>The format tables are written in.</summary>
    public TableFormat Format { get; } = format;

    /// <summary>Writes <paramref name="table"/> (JSON: kept for <see cref="Flush"/>).</summary>
    public void Write(PrintedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        switch (Format)
        {
            case TableFormat.Table:
                output.Write(table.ToSpectre());
                break;
            case TableFormat.Csv:
                var sb = new StringBuilder();
                if (_csvBlocks++ > 0) sb.Append('\n');
                sb.Append("# ").Append(table.Name).Append(": ").Append(Plain(table.Title)).Append('\n');
                sb.AppendJoin(',', table.Columns.Select(c => Csv(Plain(c.Name)))).Append('\n');
                foreach (var row in table.Rows) sb.AppendJoin(',', row.Select(c => Csv(Plain(c)))).Append('\n');
                output.Profile.Out.Writer.Write(sb.ToString());
                output.Profile.Out.Writer.Flush();
                break;
            case TableFormat.Json:
                _json.Add(table);
                break;
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> as it is (plain text, not markup) where the tables go: standard output, whatever
    /// the format, so a command's own CSV never lands among the messages.
    /// </summary>
    public void WriteText(string text)
    {
        output.Profile.Out.Writer.Write(text);
        output.Profile.Out.Writer.Flush();
    }

    /// <summary>Writes the JSON document of every table written (nothing for the other formats, or when there was none).</summary>
    public void Flush()
    {
        if (Format != TableFormat.Json || _json.Count == 0) return;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("tables");
            foreach (var t in _json)
            {
                w.WriteStartObject();
                w.WriteString("name", t.Name);
                w.WriteString("title", Plain(t.Title));
                string[] columns = [.. t.Columns.Select(c => Plain(c.Name))];
                w.WriteStartArray("columns");
                foreach (string c in columns) w.WriteStringValue(c);
                w.WriteEndArray();
                w.WriteStartArray("rows");
                foreach (var row in t.Rows)
                {
                    w.WriteStartObject();
                    for (int i = 0; i < columns.Length; i++) w.WriteString(columns[i], i < row.Length ? Plain(row[i]) : "");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.Profile.Out.Writer.Write(Encoding.UTF8.GetString(stream.ToArray()) + "\n");
        output.Profile.Out.Writer.Flush();
        _json.Clear();
    }

    /// <summary>Reads a <c>--format</c> value: table, csv or json (case-insensitive); null when it is none of them.</summary>
    public static TableFormat? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        null or "table" => TableFormat.Table,
        "csv" => TableFormat.Csv,
        "json" => TableFormat.Json,
        _ => null,
    };

    /// <summary>The text of a markup string, trimmed (padding for alignment is the boxed table's business).</summary>
    private static string Plain(string markup) => Markup.Remove(markup).Trim();

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
