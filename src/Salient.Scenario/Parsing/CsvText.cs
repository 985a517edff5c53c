using Salient.Scenario.Diagnostics;

namespace Salient.Scenario.Parsing;

/// <summary>A plain CSV table (header and string cells) read with the scenario format's RFC 4180 reader; used for data tables outside scenarios (data/history).</summary>
/// <remarks>Immutable.</remarks>
public sealed record CsvText(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Parses <paramref name="text"/>; returns null and reports SAL110 with the position on a malformed file.</summary>
    public static CsvText? Parse(string text, string file, DiagnosticBag diag)
    {
        var table = CsvTable.Parse(text, file, diag);
        if (table is null) return null;
        return new CsvText(table.Header, [.. table.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(f => f.Text)])]);
    }
}
