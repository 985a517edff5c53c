using Salient.Engine.Compilation;
using Salient.Experiments.Claims;
using Salient.Scenario.Evidence;
using Salient.Scenario.Parsing;
using Salient.Testing;
using Xunit;

namespace Salient.Experiments.Tests.Claims;

public sealed class EvidenceClaimsTests
{
    private const string Ledger = """
        - { id: area, metric: control.area_km2.blue, value: 120, as_of: 2024-01-10, reliability: B2 }
        - { id: peak, metric: control.area_km2.blue, value: [100, 200], as_of: [2023-12-01, 2024-01-20], reliability: C3 }
        - { id: capture, metric: event.capture.mid.blue, value: 2024-01, as_of: 2024-01, reliability: A1 }
        - { id: final, metric: casualties.total.red, value: 900, as_of: 2024-02-27, reliability: D4 }
        - { id: tanks, metric: losses.ifv.red, value: 7, as_of: 2024-02-29, reliability: C3 }
        - { id: early-tanks, metric: losses.ifv.red, value: 3, as_of: 2024-01-15, reliability: C3 }
        - { id: forces, metric: forces.personnel.red, value: 5000, as_of: 2024-01-10, reliability: B2 }
        - { id: spec, metric: specs.range_km.fpv-rf.red, value: 15, as_of: 2024-01-10, reliability: B2 }
        - { id: outside, metric: control.area_km2.blue, value: 10, as_of: 2025-01-01, reliability: B2 }
        - { id: ungraded, metric: control.area_km2.blue, value: 10, as_of: 2024-01-02 }
        """;

    private static IReadOnlyList<ResolvedClaim> Resolve()
    {
        var model = ScenarioLoader.Load(TestRepository.LineOfTowns).Scenario!;
        return EvidenceClaims.Resolve(EvidenceReader.Parse(Ledger), new CompiledScenario(model));
    }

    [Fact]
    public void Entries_ResolveToTheirKind_WindowAndWeight()
    {
        var r = Resolve().ToDictionary(x => x.Entry.Id);
        var area = r["area"].Claim!;
        Assert.Equal((ClaimKind.Series, 9, 9, 120.0), (area.Kind, area.WindowFrom, area.WindowTo, area.Low));
        Assert.Equal(0.64, area.Weight, 12);
        var peak = r["peak"].Claim!;
        Assert.Equal((0, 19, 100.0, 200.0), (peak.WindowFrom, peak.WindowTo, peak.Low, peak.High)); // clipped to the calendar's start
        var capture = r["capture"].Claim!;
        Assert.Equal((ClaimKind.Event, 0.0, 30.0), (capture.Kind, capture.Low, capture.High));
        Assert.Equal(ClaimKind.Series, r["final"].Claim!.Kind);
        Assert.Equal(ClaimKind.Final, r["tanks"].Claim!.Kind);
        Assert.Null(r["early-tanks"].Claim);
        Assert.Contains("run's end", r["early-tanks"].Note, StringComparison.Ordinal);
        Assert.Equal((ClaimKind.Series, 9, 9, 5000.0), (r["forces"].Claim!.Kind, r["forces"].Claim!.WindowFrom, r["forces"].Claim!.WindowTo, r["forces"].Claim!.Low)); // the personnel.red series
        Assert.Null(r["spec"].Claim);
        Assert.Contains("not an outcome", r["spec"].Note, StringComparison.Ordinal);
        Assert.Null(r["outside"].Claim);
        Assert.Equal(0, r["ungraded"].Claim!.Weight);
    }

    [Theory]
    [InlineData("A1", 1.0)]
    [InlineData("B2", 0.64)]
    [InlineData("C3", 0.36)]
    [InlineData("D4", 0.12)]
    [InlineData("F4", 0.02)]
    [InlineData("f6", 0.01)]
    [InlineData("", 0.0)]
    [InlineData("X1", 0.0)]
    public void GradeWeight_IsTheProductOfTheTwoScales(string grade, double expected) =>
        Assert.Equal(expected, EvidenceClaims.Weight(grade), 12);

    [Fact]
    public void ResolvedClaims_CarryATypedSubject()
    {
        var r = Resolve().ToDictionary(x => x.Entry.Id);
        Assert.Equal(new ClaimSubject(ClaimTopic.Control, "area_km2", "blue"), r["area"].Claim!.Subject);
        Assert.Equal(new ClaimSubject(ClaimTopic.Capture, "mid", "blue"), r["capture"].Claim!.Subject);
        Assert.Equal(new ClaimSubject(ClaimTopic.Casualties, "total", "red"), r["final"].Claim!.Subject);
        Assert.Equal(new ClaimSubject(ClaimTopic.Losses, "ifv", "red"), r["tanks"].Claim!.Subject);
    }

    [Theory]
    [InlineData("forces.personnel.red", ClaimTopic.Other, "personnel", "red")]
    [InlineData("casualties.red", ClaimTopic.Casualties, "", "red")]
    [InlineData("casualties", ClaimTopic.Other, "", "")]
    [InlineData("event.capture.sudzha", ClaimTopic.Capture, "sudzha", "")]
    [InlineData("event.capture.a.b.blue", ClaimTopic.Capture, "a.b", "blue")]
    [InlineData("capture.mid.blue", ClaimTopic.Other, "mid", "blue")]
    public void Subject_Parse_ReadsTopicDetailAndSide(string metric, ClaimTopic topic, string detail, string side) =>
        Assert.Equal(new ClaimSubject(topic, detail, side), ClaimSubject.Parse(metric));
}
