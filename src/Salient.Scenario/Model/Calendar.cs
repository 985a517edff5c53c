namespace Salient.Scenario.Model;

/// <summary>The simulated period and tick length.</summary>
/// <remarks>Immutable. The end date is inclusive: the last simulated day is <see cref="End"/>.</remarks>
public sealed record Calendar(DateOnly Start, DateOnly End, double TickHours)
{
    /// <summary>Number of simulated days, end inclusive.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>Ticks in one day (24 / tick hours; the loader requires it to be a whole number).</summary>
    public int TicksPerDay => (int)Math.Round(24.0 / TickHours);

    /// <summary>Day index (0 = start) of a date.</summary>
    public int DayIndex(DateOnly date) => date.DayNumber - Start.DayNumber;

    /// <summary>Whether the date lies within the calendar.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
