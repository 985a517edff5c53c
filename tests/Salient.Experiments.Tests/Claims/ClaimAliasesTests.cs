using Salient.Engine.Compilation;
using Salient.Experiments.Claims;
using Salient.Scenario.Evidence;
using Salient.Scenario.Parsing;
using Salient.Testing;
using Xunit;

namespace Salient.Experiments.Tests.Claims;

public sealed class ClaimAliasesTests
{
    [Theory]
    [InlineData("casualties.kia.dprk", "casualties.killed.dprk")]
    [InlineData("casualties.wia.red", "casualties.wounded.red")]
    [InlineData("casualties.pow.red", "casualties.captured.red")]
    [InlineData("casualties.prisoners.blue", "casualties.captured.blue")]
    [InlineData("forces.personnel_pipeline_assault.red", "infiltration.sent.pipeline.red")]
    [InlineData("forces.personnel_assault.red", "forces.personnel_assault.red")]
    [InlineData("forces.personnel.blue", "personnel.blue")]
    [InlineData("forces.personnel.dprk", "forces.personnel.dprk")]   // a contingent's troops sent, not in the theatre
    [InlineData("forces.personnel_in_kursk.dprk", "personnel.dprk")]
    [InlineData("casualties.total.dprk", "casualties.total.dprk")]
    [InlineData("control.settlements.blue", "control.settlements.blue")]
    [InlineData("event.capture.sudzha.blue", "event.capture.sudzha.blue")]
    [InlineData("nodot", "nodot")]
    public void Canonical_MapsTheLedgersWordsToMetrics(string metric, string expected) =>
        Assert.Equal(expected, ClaimAliases.Canonical(metric, ["blue", "red"]));

    [Fact]
    public void Resolve_ContingentAndRouteClaims_ResolveAgainstTheirSeries()
    {
        // Given the infiltration example (route 'pipeline' of blue, contingents 'home' and 'allied' of red)
        var model = ScenarioLoader.Load(Path.Combine(TestRepository.Root, "scenarios/examples/infiltration")).Scenario!;
        const string ledger = """
            - { id: cas, metric: casualties.total.allied, value: 100, as_of: 2024-03-20, reliability: B2 }
            - { id: kia, metric: casualties.kia.allied, value: 30, as_of: 2024-03-20, reliability: B2 }
            - { id: pipe, metric: forces.personnel_pipeline_assault.blue, value: 800, as_of: [2024-03-05, 2024-03-12], reliability: D3 }
            - { id: final, metric: casualties.wia.home, value: 200, as_of: 2024-03-31, reliability: C3 }
            - { id: force, metric: forces.personnel_in_kursk.allied, value: 900, as_of: [2024-03-05, 2024-03-12], reliability: C3 }
            - { id: sent, metric: forces.personnel.allied, value: 900, as_of: [2024-03-05, 2024-03-12], reliability: C3 }
            """;
        // When the ledger is resolved
        var r = EvidenceClaims.Resolve(EvidenceReader.Parse(ledger), new CompiledScenario(model)).ToDictionary(x => x.Entry.Id);
        // Then each is a claim on the model's own metric
        Assert.Equal(ClaimKind.Series, r["cas"].Claim!.Kind);
        Assert.Equal(ClaimKind.Series, r["kia"].Claim!.Kind);
        Assert.Equal((ClaimKind.Series, 4, 11), (r["pipe"].Claim!.Kind, r["pipe"].Claim!.WindowFrom, r["pipe"].Claim!.WindowTo));
        Assert.Equal(ClaimKind.Final, r["final"].Claim!.Kind);
        Assert.Equal((ClaimKind.Series, 4, 11), (r["force"].Claim!.Kind, r["force"].Claim!.WindowFrom, r["force"].Claim!.WindowTo));
        Assert.Null(r["sent"].Claim);
    }

    [Fact]
    public void Resolve_SettlementCountAboveTheGazetteer_IsNotComparable()
    {
        // Given a theatre whose gazetteer lists three settlements
        var model = ScenarioLoader.Load(Path.Combine(TestRepository.Root, "tests/Salient.Scenario.Tests/Fixtures/grid-theatre")).Scenario!;
        const string ledger = """
            - { id: within, metric: control.settlements.blue, value: 3, as_of: 2024-03-10, reliability: B2 }
            - { id: beyond, metric: control.settlements.blue, value: 4, as_of: 2024-03-10, reliability: B2 }
            """;
        // When the ledger is resolved
        var r = EvidenceClaims.Resolve(EvidenceReader.Parse(ledger), new CompiledScenario(model)).ToDictionary(x => x.Entry.Id);
        // Then a count the gazetteer can reach is a claim, and one it cannot reach says why it is left out
        Assert.Equal(ClaimKind.Series, r["within"].Claim!.Kind);
        Assert.Null(r["beyond"].Claim);
        Assert.Contains("gazetteer lists (3)", r["beyond"].Note, StringComparison.Ordinal);
    }
}
