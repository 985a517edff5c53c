namespace Salient.Scenario.Model;

/// <summary>
/// The seasonal foliage curve of a theatre: cover is <paramref name="LeafOffCover"/> from the end of leaf fall to the
/// start of leaf-out, rises linearly to <paramref name="LeafOnCover"/> over leaf-out, stays there until leaf fall
/// starts and falls linearly back over leaf fall. Dates are days of a non-leap year (1 = 1 January; 29 February counts
/// as 28 February), recurring every year.
/// </summary>
/// <remarks>Immutable. The loader requires LeafOutStart &lt;= LeafOutEnd &lt; LeafFallStart &lt;= LeafFallEnd (a
/// northern-hemisphere year) and covers in [0, 1].</remarks>
public sealed record Foliage(int LeafOutStart, int LeafOutEnd, int LeafFallStart, int LeafFallEnd, double LeafOffCover, double LeafOnCover, string? Source)
{
    /// <summary>No foliage at any date (the default when a season block has no <c>foliage</c>).</summary>
    public static Foliage None { get; } = new(91, 121, 274, 305, 0, 0, null);

    /// <summary>Day of a non-leap year (1..365) of a date; 29 February maps to 28 February.</summary>
    public static int DayOfYear(DateOnly date) =>
        new DateOnly(2001, date.Month, date.Month == 2 && date.Day == 29 ? 28 : date.Day).DayOfYear;

    /// <summary>The foliage cover (0..1) on <paramref name="date"/>.</summary>
    public double Cover(DateOnly date)
    {
        int d = DayOfYear(date);
        if (d < LeafOutStart || d >= LeafFallEnd) return LeafOffCover;
        if (d < LeafOutEnd) return LeafOffCover + (LeafOnCover - LeafOffCover) * (d - LeafOutStart) / (LeafOutEnd - LeafOutStart);
        if (d < LeafFallStart) return LeafOnCover;
        return LeafOnCover - (LeafOnCover - LeafOffCover) * (d - LeafFallStart) / (LeafFallEnd - LeafFallStart);
    }
}
