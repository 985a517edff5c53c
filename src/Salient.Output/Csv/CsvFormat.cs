using System.Globalization;

namespace Salient.Output.Csv;

/// <summary>How every Salient CSV writes a number: the shortest text that reads back to the same double, invariant
/// culture, and an empty cell for NaN and infinities (a missing value, as pandas and spreadsheets read it).</summary>
public static class CsvFormat
{
    /// <summary>The cell text of <paramref name="value"/>: round-trip (<c>R</c>) invariant text, or empty when not finite.</summary>
    public static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary>The cell text of a day index from the calendar's <paramref name="start"/>: the ISO date of the nearest
    /// whole day (<see cref="Math.Round(double)"/>), or empty when the day is not finite (the event never happened).</summary>
    public static string Date(DateOnly start, double day) =>
        double.IsFinite(day) ? Iso(start.AddDays((int)Math.Round(day))) : "";

    /// <summary>The ISO text (<c>yyyy-MM-dd</c>) of a date, or empty for none.</summary>
    public static string Iso(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
}
