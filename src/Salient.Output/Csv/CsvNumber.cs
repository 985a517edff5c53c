using System.Globalization;

namespace Salient.Output.Csv;

/// <summary>Numbers in the study exporters' CSV files (sweep, sensitivity).</summary>
public static class CsvNumber
{
    /// <summary>A CSV number: shortest round-trip form, empty when not finite.</summary>
    public static string Format(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
