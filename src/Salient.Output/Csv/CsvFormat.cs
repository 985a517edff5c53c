using System.Globalization;

namespace Salient.Output.Csv;

/// <summary>How every Salient CSV writes a number: the shortest text that reads back to the same double, invariant
/// culture, and an empty cell for NaN and infinities (a missing value, as pandas and spreadsheets read it).</summary>
public static class CsvFormat
{
    /// <summary>The cell text of <paramref name="value"/>: round-trip (<c>R</c>) invariant text, or empty when not finite.</summary>
    public static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";
}
