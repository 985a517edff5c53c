using Salient.Scenario.Diagnostics;

namespace Salient.Scenario.Evidence;

/// <summary>
/// One dated claim from a scenario's evidence ledger (<c>evidence.yaml</c>; schema in the scenario's
/// <c>EVIDENCE-README.md</c>). Numbers and dates are parsed where they are plain; anything else is kept as text.
/// </summary>
/// <param name="Id">Unique slug.</param>
/// <param name="Statement">The claim, paraphrased.</param>
/// <param name="Metric">Dotted metric name, e.g. <c>control.area_km2.blue</c> or <c>event.capture.sudzha.blue</c>.</param>
/// <param name="ValueText">The value as written (a number, a range, a date, or free text).</param>
/// <param name="Low">Lower end of a numeric value (the value itself when it is a single number); null when not numeric.</param>
/// <param name="High">Upper end of a numeric value; null when not numeric.</param>
/// <param name="DateFrom">For date values (events): first day the value can mean (a month value covers the month).</param>
/// <param name="DateTo">For date values: last day the value can mean.</param>
/// <param name="AsOfText">The <c>as_of</c> field as written.</param>
/// <param name="AsOfStart">First day of the <c>as_of</c> window (the day itself for a single date); null when unreadable.</param>
/// <param name="AsOfEnd">Last day of the <c>as_of</c> window; null when unreadable.</param>
/// <param name="Unit">What is counted.</param>
/// <param name="Claimant">Who asserted it.</param>
/// <param name="ClaimantType">Kind of claimant (party_ru, independent_analyst, ...).</param>
/// <param name="Reliability">Admiralty/NATO grade, e.g. <c>C3</c>; empty when missing.</param>
/// <param name="Source">Where it was read.</param>
/// <param name="Span">Where the entry stands in the ledger file (its first line and column).</param>
/// <remarks>Immutable.</remarks>
public sealed record EvidenceEntry(
    string Id,
    string Statement,
    string Metric,
    string ValueText,
    double? Low,
    double? High,
    DateOnly? DateFrom,
    DateOnly? DateTo,
    string AsOfText,
    DateOnly? AsOfStart,
    DateOnly? AsOfEnd,
    string Unit,
    string Claimant,
    string ClaimantType,
    string Reliability,
    string Source,
    SourceSpan Span)
{
    /// <summary>True when the value is a number or a numeric range.</summary>
    public bool IsNumeric => Low is not null && High is not null;

    /// <summary>True when the value is a range of numbers rather than a single number.</summary>
    public bool IsRange => IsNumeric && Low != High;

    /// <summary>Centre of the numeric value (the value itself, or the middle of the range).</summary>
    public double? Centre => IsNumeric ? (Low!.Value + High!.Value) / 2 : null;

    /// <summary>True when the value is a date or a dated period (events).</summary>
    public bool IsDate => DateFrom is not null && DateTo is not null;

    /// <summary>Source letter of the grade (A-F), or '?' when missing.</summary>
    public char SourceGrade => Reliability.Length > 0 && Reliability[0] is >= 'A' and <= 'F' ? Reliability[0] : '?';

    /// <summary>The day a cumulative or dated claim refers to: the end of its <c>as_of</c> window.</summary>
    public DateOnly? ReferenceDate => AsOfEnd;
}
