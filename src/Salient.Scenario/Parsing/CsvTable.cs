using System.Text;
using Salient.Scenario.Diagnostics;

namespace Salient.Scenario.Parsing;

/// <summary>
/// A small RFC 4180 CSV reader that keeps the line and column of every field, so side-file errors can point at
/// the exact cell. (Hand-written rather than CsvHelper because positioned errors per field are the point.)
/// </summary>
internal sealed class CsvTable
{
    public sealed record Field(string Text, int Line, int Column);

    public required string File { get; init; }
    public required IReadOnlyList<string> Header { get; init; }
    public required IReadOnlyList<IReadOnlyList<Field>> Rows { get; init; }

    public int Column(string name) => Header.ToList().IndexOf(name);

    /// <summary>Parses CSV text; returns null and reports SAL110 on a malformed file.</summary>
    public static CsvTable? Parse(string text, string file, DiagnosticBag diag)
    {
        var records = new List<List<Field>>();
        var current = new List<Field>();
        var sb = new StringBuilder();
        int line = 1, col = 1, fieldLine = 1, fieldCol = 1;
        bool inQuotes = false, quoted = false;
        int i = 0;
        void EndField() { current.Add(new Field(quoted ? sb.ToString() : sb.ToString().Trim(), fieldLine, fieldCol)); sb.Clear(); quoted = false; fieldLine = line; fieldCol = col; }
        while (i < text.Length)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i += 2; col += 2; continue; }
                    inQuotes = false; i++; col++; continue;
                }
                if (c == '\n') { line++; col = 1; } else col++;
                sb.Append(c); i++;
                continue;
            }
            switch (c)
            {
                case '"' when sb.Length == 0 && !quoted:
                    inQuotes = true; quoted = true; i++; col++; break;
                case ',':
                    i++; col++; EndField(); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    i++; break; // CRLF: the LF ends the record
                case '\r':
                case '\n': // LF, or a lone CR (classic Mac line endings)
                    i++; line++; col = 1;
                    EndField();
                    if (!(current.Count == 1 && current[0].Text.Length == 0)) records.Add(current);
                    current = [];
                    fieldLine = line; fieldCol = 1;
                    break;
                default:
                    sb.Append(c); i++; col++; break;
            }
        }
        if (inQuotes)
        {
            diag.Add(ScenarioErrors.CsvError, new SourceSpan(file, fieldLine, fieldCol), "unterminated quoted field");
            return null;
        }
        if (sb.Length > 0 || current.Count > 0 || quoted) { EndField(); records.Add(current); }
        if (records.Count == 0)
        {
            diag.Add(ScenarioErrors.CsvError, new SourceSpan(file, 1, 1), "the file is empty; expected a header row");
            return null;
        }
        var header = records[0].Select(f => f.Text).ToList();
        var rows = new List<IReadOnlyList<Field>>();
        bool ok = true;
        foreach (var r in records.Skip(1))
        {
            if (r.Count != header.Count)
            {
                diag.Add(ScenarioErrors.CsvError, new SourceSpan(file, r[0].Line, 1), $"row has {r.Count} fields, the header has {header.Count}");
                ok = false;
                continue;
            }
            rows.Add(r);
        }
        return ok ? new CsvTable { File = file, Header = header, Rows = rows } : null;
    }

    /// <summary>Checks that every required column is present; reports each missing one at the header.</summary>
    public bool RequireColumns(DiagnosticBag diag, params string[] names)
    {
        bool ok = true;
        foreach (var n in names)
        {
            if (Header.Contains(n)) continue;
            diag.Add(ScenarioErrors.CsvError, new SourceSpan(File, 1, 1), $"missing column '{n}' (columns: {string.Join(", ", Header)}){Suggestions.Hint(n, Header)}");
            ok = false;
        }
        return ok;
    }
}
