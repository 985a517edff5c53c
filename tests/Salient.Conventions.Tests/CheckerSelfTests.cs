using System.Collections.Immutable;
using Salient.Conventions.Tests.Metadata;
using Salient.Conventions.Tests.Rules;
using Xunit;
using static Salient.Conventions.Tests.Rules.SalientConventions;

namespace Salient.Conventions.Tests;

/// <summary>
/// The checkers fail on violations: each rule table is run over small made-up assemblies that break it, and the
/// message must name the project, the referenced type or member and the member of the project that uses it.
/// </summary>
public sealed class CheckerSelfTests
{
    private static AssemblyMetadata Fake(string name, params (string Type, string? Member, string User)[] references) =>
        new(name, [], [.. references.Select(r => new ExternalReference(r.Type, r.Member, [r.User]))]);

    private static List<string> CheckApis(string project, AssemblyMetadata assembly, ImmutableArray<KnownViolation>? known = null) =>
        ApiChecker.Check(project, assembly, Bans[project], known ?? KnownViolations);

    [Theory]
    [InlineData(Project.Engine, "System.Console", "WriteLine")]
    [InlineData(Project.Engine, "System.IO.File", "ReadAllText")]
    [InlineData(Project.Engine, "System.IO.FileStream", ".ctor")]
    [InlineData(Project.Engine, "System.Net.Http.HttpClient", "GetAsync")]
    [InlineData(Project.Experiments, "System.IO.Directory", "EnumerateFiles")]
    [InlineData(Project.Experiments, "System.IO.StreamWriter", ".ctor")]
    [InlineData(Project.Experiments, "Spectre.Console.AnsiConsole", "MarkupLine")]
    [InlineData(Project.Analysis, "System.IO.File", "WriteAllBytes")]
    [InlineData(Project.Analysis, "System.Diagnostics.Process", "Start")]
    [InlineData(Project.Scenario, "System.IO.File", "WriteAllText")]
    [InlineData(Project.Scenario, "System.IO.Directory", "Delete")]
    [InlineData(Project.Scenario, "System.IO.FileStream", ".ctor")]
    [InlineData(Project.Scenario, "System.IO.FileInfo", "OpenWrite")]
    [InlineData(Project.Scenario, "System.Console", "get_Error")]
    [InlineData(Project.Output, "System.Console", "WriteLine")]
    [InlineData(Project.Output, "Spectre.Console.Table", ".ctor")]
    [InlineData(Project.Viewer, "Spectre.Console.AnsiConsole", "Write")]
    public void ApiChecker_BannedMember_FailsNamingAssemblyTypeMemberAndUser(string project, string type, string member)
    {
        var assembly = Fake(project, ("System.Math", "Sqrt", "Fake.Ok::Fine"), (type, member, "Fake.Culprit::Method"));
        var message = Assert.Single(CheckApis(project, assembly));
        Assert.Contains(project, message, StringComparison.Ordinal);
        Assert.Contains($"{type}::{member}", message, StringComparison.Ordinal);
        Assert.Contains("Fake.Culprit::Method", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Project.Scenario, "System.IO.File", "ReadAllBytes")]
    [InlineData(Project.Scenario, "System.IO.FileInfo", "get_Length")]
    [InlineData(Project.Scenario, "System.IO.Directory", "Exists")]
    [InlineData(Project.Engine, "System.IO.Path", "Combine")]
    [InlineData(Project.Output, "System.IO.File", "WriteAllText")]
    [InlineData(Project.Output, "System.Net.WebUtility", "HtmlEncode")]
    [InlineData(Project.Cli, "Spectre.Console.AnsiConsole", "MarkupLine")]
    [InlineData(Project.Cli, "System.IO.File", "Delete")]
    public void ApiChecker_AllowedMember_Passes(string project, string type, string member) =>
        Assert.Empty(CheckApis(project, Fake(project, (type, member, "Fake.User::Method"))));

    [Fact]
    public void ApiChecker_BannedType_FailsEvenWithoutAMemberCall()
    {
        // A field or parameter of type FileStream is a TypeRef with no MemberRef.
        var message = Assert.Single(CheckApis(Project.Engine, Fake(Project.Engine, ("System.IO.FileStream", null, "Fake.Holder::_stream"))));
        Assert.Contains("System.IO.FileStream [banned", message, StringComparison.Ordinal);
        Assert.Contains("Fake.Holder::_stream", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiChecker_KnownViolation_SilencesOnlyItsMatchAndFailsWhenStale()
    {
        ImmutableArray<KnownViolation> known = [new(Project.Engine, "System.Console::WriteLine", "made-up exception for the test")];
        var assembly = Fake(Project.Engine, ("System.Console", "WriteLine", "Fake.A::B"), ("System.Console", "ReadLine", "Fake.A::C"));
        var message = Assert.Single(CheckApis(Project.Engine, assembly, known));
        Assert.Contains("System.Console::ReadLine", message, StringComparison.Ordinal);

        var stale = Assert.Single(CheckApis(Project.Engine, Fake(Project.Engine), known));
        Assert.Contains("no longer occurs", stale, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Project.Output, "Salient.Analysis")]
    [InlineData(Project.Analysis, "Salient.Output")]
    [InlineData(Project.Engine, "Salient.Experiments")]
    [InlineData(Project.Scenario, "Salient.Engine")]
    [InlineData(Project.Viewer, "salient")]
    [InlineData(Project.Experiments, "Salient.Viewer")]
    public void LayerChecker_UpwardOrSidewaysReference_Fails(string project, string referencedAssembly)
    {
        var projectOfAssembly = SrcAssemblies.AssemblyNameOfProject.ToDictionary(p => p.Value, p => p.Key);
        var message = Assert.Single(LayerChecker.CheckEdges(project, ["System.Runtime", referencedAssembly], projectOfAssembly, AllowedEdges, "fake"));
        Assert.StartsWith($"{project} references {projectOfAssembly[referencedAssembly]}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void LayerChecker_UnknownSalientAssembly_Fails()
    {
        var projectOfAssembly = SrcAssemblies.AssemblyNameOfProject.ToDictionary(p => p.Value, p => p.Key);
        var message = Assert.Single(LayerChecker.CheckEdges(Project.Cli, ["Salient.Newcomer"], projectOfAssembly, AllowedEdges, "fake"));
        Assert.Contains("Salient.Newcomer", message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindCycle_EdgeBackDown_ReportsTheCycle()
    {
        string? cycle = LayerChecker.FindCycle([.. AllowedEdges, new LayerEdge(Project.Scenario, Project.Cli, "made up")]);
        Assert.NotNull(cycle);
        Assert.Contains($"{Project.Scenario} -> {Project.Cli}", cycle, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Project.Engine, "Spectre.Console")]
    [InlineData(Project.Output, "Spectre.Console.Cli")]
    [InlineData(Project.Cli, "Microsoft.AspNetCore.Http.Abstractions")]
    [InlineData(Project.Analysis, "ParquetSharp")]
    public void PackageBoundary_ThirdPartyOutsideItsLayer_Fails(string project, string reference)
    {
        var message = Assert.Single(LayerChecker.CheckPackages(project, ["System.Runtime", reference], Packages));
        Assert.StartsWith($"{project} references {reference}", message, StringComparison.Ordinal);
    }
}
