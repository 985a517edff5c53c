namespace Salient.Output.Files;

/// <summary>
/// The one naming rule of the columns of Salient's data files (replications.csv/.parquet, sweep.csv/.parquet,
/// posterior.csv/.parquet): a metric, series or parameter name with every character other than an ASCII letter, a
/// digit or <c>_</c> replaced by <c>_</c>, so <c>capture.sudzha.red</c> is the column <c>capture_sudzha_red</c> and
/// SQL, pandas attribute access and R need no quoting. Names inside the data (the <c>series</c> and <c>metric</c>
/// values of daily.parquet, compare.csv, check.csv) keep their dotted spelling, as in summary.json and the evidence
/// ledger. docs/outputs.md states the rule.
/// </summary>
public static class ColumnNames
{
    /// <summary>The column name of <paramref name="name"/> (idempotent: a column name maps to itself).</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Create(name.Length, name, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
                span[i] = char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_' ? source[i] : '_';
        });
    }

    /// <summary>
    /// The column names of <paramref name="names"/>, in order.
    /// </summary>
    /// <exception cref="OutputException">Two names give the same column (e.g. <c>a.b</c> and <c>a_b</c>): a user error.</exception>
    public static string[] Of(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var columns = new List<string>();
        foreach (string name in names)
        {
            string column = Of(name);
            if (!seen.TryAdd(column, name))
                throw new OutputException($"'{seen[column]}' and '{name}' both give the data column '{column}' (column names replace every character other than letters, digits and _ with _, and must differ in more than case; docs/outputs.md): rename a cell, side, system or route so they differ");
            columns.Add(column);
        }
        return [.. columns];
    }
}
