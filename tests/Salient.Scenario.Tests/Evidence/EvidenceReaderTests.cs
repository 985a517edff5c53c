using Salient.Scenario.Diagnostics;
using Salient.Scenario.Evidence;
using Salient.Testing;
using Xunit;

namespace Salient.Scenario.Tests.Evidence;

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
    public void Parse_EntryWithoutIdOrMetric_SkippedWithCodedWarningAtTheEntry()
    {
        var ledger = EvidenceReader.Parse(Ledger, "e.yaml");
        Assert.Equal(5, ledger.Entries.Length);
        Assert.False(ledger.HasErrors);
        var warning = Assert.Single(ledger.Diagnostics);
        Assert.Equal((Severity.Warning, "SAL204", "e.yaml", 28), (warning.Severity, warning.Code, warning.Span.File, warning.Span.Line));
        Assert.Equal(["it has no id or no metric"], warning.Arguments);
    }

    [Fact]
    public void Parse_EveryEntry_CarriesItsSourceSpan()
    {
        var ledger = EvidenceReader.Parse(Ledger, "e.yaml");
        Assert.Equal(new SourceSpan("e.yaml", 1, 3), ledger.Entries[0].Span);
        Assert.Equal(new SourceSpan("e.yaml", 9, 3), ledger.Entries.Single(e => e.Id == "range-window").Span);
    }

    [Fact]
    public void Parse_NotYaml_Sal100ErrorWithPosition_AndNoEntries()
    {
        var ledger = EvidenceReader.Parse("- id: a\n  metric: [unclosed\n", "e.yaml");
        Assert.True(ledger.HasErrors);
        Assert.Empty(ledger.Entries);
        var error = Assert.Single(ledger.Errors);
        Assert.Equal(("SAL100", "e.yaml"), (error.Code, error.Span.File));
        Assert.True(error.Span.Line > 0);
    }

    [Fact]
    public void Parse_NotAList_Sal203Warning()
    {
        var ledger = EvidenceReader.Parse("id: a\nmetric: b\n", "e.yaml");
        Assert.Empty(ledger.Entries);
        var warning = Assert.Single(ledger.Diagnostics);
        Assert.Equal(("SAL203", new SourceSpan("e.yaml", 1, 1)), (warning.Code, warning.Span));
        Assert.Equal(["a mapping"], warning.Arguments);
    }

    [Fact]
    public void Parse_AliasBomb_RefusedAsSal100()
    {
        var ledger = EvidenceReader.Parse("- &a [x]\n- *b\n", "e.yaml");
        Assert.Equal("SAL100", Assert.Single(ledger.Errors).Code);
    }

    [Fact]
    public void Read_MissingFile_Sal109Error()
    {
        string path = Path.Combine(Path.GetTempPath(), "salient-no-such-" + Guid.NewGuid().ToString("N"), "evidence.yaml");
        var ledger = EvidenceReader.Read(path);
        Assert.Equal(("SAL109", path), (Assert.Single(ledger.Errors).Code, ledger.Errors.Single().Span.File));
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
        var ledger = EvidenceReader.Read(Path.Combine(TestRepository.Kursk, "evidence.yaml"));
        Assert.True(ledger.Entries.Length > 90);
        Assert.Empty(ledger.Diagnostics);
        var area = ledger.For("control.area_km2.blue").ToList();
        Assert.True(area.Count >= 5);
        Assert.All(area, e => { Assert.True(e.IsNumeric); Assert.NotNull(e.AsOfEnd); });
    }
}
