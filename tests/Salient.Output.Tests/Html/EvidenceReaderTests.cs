using Salient.Output.Evidence;
using Salient.Output.Files;
using Xunit;

namespace Salient.Output.Tests.Html;

public sealed class EvidenceReaderTests
{
    private const string Ledger = """
        - id: plain
          statement: A number on a day.
          metric: control.area_km2.blue
          value: 1000
          unit: km2
          as_of: 2024-08-12
          claimant: Someone
          reliability: c3
        - id: range-window
          metric: casualties.total.red
          value: [5000, 7000]
          as_of: [2024-08-06, 2024-10-25]
          reliability: D4
        - id: month-event
          metric: event.capture.sudzha.blue
          value: 2024-08
          as_of: 2024-08
          reliability: F1
        - id: quarter
          metric: forces.personnel.red
          value: about 50,000 troops
          as_of: 2024-Q4
          reliability: C2
        - id: prose-date
          metric: control.area_km2.blue
          value: 900
          as_of: late summer
        - statement: no id or metric
          value: 3
        """;

    [Fact]
    public void Parse_NumbersRangesAndDates_Read()
    {
        var ledger = EvidenceReader.Parse(Ledger);
        var plain = ledger.Entries.Single(e => e.Id == "plain");
        Assert.Equal(1000, plain.Low);
        Assert.Equal(1000, plain.High);
        Assert.False(plain.IsRange);
        Assert.Equal(new DateOnly(2024, 8, 12), plain.AsOfStart);
        Assert.Equal(new DateOnly(2024, 8, 12), plain.ReferenceDate);
        Assert.Equal("C3", plain.Reliability);
        Assert.Equal('C', plain.SourceGrade);

        var range = ledger.Entries.Single(e => e.Id == "range-window");
        Assert.True(range.IsRange);
        Assert.Equal(6000, range.Centre);
        Assert.Equal(new DateOnly(2024, 8, 6), range.AsOfStart);
        Assert.Equal(new DateOnly(2024, 10, 25), range.AsOfEnd);
    }

    [Fact]
    public void Parse_MonthQuarterAndProse_ToleratedAsWindowsOrText()
    {
        var ledger = EvidenceReader.Parse(Ledger);
        var month = ledger.Entries.Single(e => e.Id == "month-event");
        Assert.True(month.IsDate);
        Assert.False(month.IsNumeric);
        Assert.Equal(new DateOnly(2024, 8, 1), month.DateFrom);
        Assert.Equal(new DateOnly(2024, 8, 31), month.DateTo);

        var quarter = ledger.Entries.Single(e => e.Id == "quarter");
        Assert.False(quarter.IsNumeric);
        Assert.Equal("about 50,000 troops", quarter.ValueText);
        Assert.Equal(new DateOnly(2024, 10, 1), quarter.AsOfStart);
        Assert.Equal(new DateOnly(2024, 12, 31), quarter.AsOfEnd);

        var prose = ledger.Entries.Single(e => e.Id == "prose-date");
        Assert.Null(prose.AsOfEnd);
        Assert.Equal("late summer", prose.AsOfText);
        Assert.Equal('?', prose.SourceGrade);
    }

    [Fact]
    public void Parse_EntryWithoutIdOrMetric_SkippedWithWarning()
    {
        var ledger = EvidenceReader.Parse(Ledger);
        Assert.Equal(5, ledger.Entries.Length);
        Assert.Contains(ledger.Warnings, w => w.Contains("without id or metric", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotYaml_OutputExceptionWithPosition()
    {
        var ex = Assert.Throws<OutputException>(() => EvidenceReader.Parse("- id: a\n  metric: [unclosed\n", "e.yaml"));
        Assert.StartsWith("e.yaml:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-08-15", "2024-08-15", "2024-08-15")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2025-Q1", "2025-01-01", "2025-03-31")]
    [InlineData("2024", "2024-01-01", "2024-12-31")]
    public void TryParsePeriod_Formats(string text, string from, string to)
    {
        Assert.True(EvidenceReader.TryParsePeriod(text, out var f, out var t));
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), f);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), t);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("2024-13")]
    [InlineData("2024-Q5")]
    public void TryParsePeriod_Other_False(string text) => Assert.False(EvidenceReader.TryParsePeriod(text, out _, out _));

    [Fact]
    public void Read_KurskLedger_EveryEntryReadAndAreaClaimsDated()
    {
        var ledger = EvidenceReader.Read(Path.Combine(TestPaths.Repo, "scenarios", "kursk-2024", "evidence.yaml"));
        Assert.True(ledger.Entries.Length > 90);
        Assert.Empty(ledger.Warnings);
        var area = ledger.For("control.area_km2.blue").ToList();
        Assert.True(area.Count >= 5);
        Assert.All(area, e => { Assert.True(e.IsNumeric); Assert.NotNull(e.AsOfEnd); });
    }
}
