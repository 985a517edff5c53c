using Salient.Conventions.Tests.Metadata;
using Salient.Conventions.Tests.Rules;
using Xunit;
using static Salient.Conventions.Tests.Rules.SalientConventions;

namespace Salient.Conventions.Tests;

/// <summary>
/// Each src assembly uses only the console, file-system, process and web APIs its layer may touch
/// (<see cref="SalientConventions.Bans"/>), read from the TypeRef and MemberRef tables and the IL of the built assembly.
/// </summary>
public sealed class IoBoundaryTests
{
    public static TheoryData<string> Projects() => [.. Bans.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Projects))]
    public void BuiltAssembly_UsesNoBannedApi(string project)
    {
        var messages = ApiChecker.Check(project, SrcAssemblies.Of(project), Bans[project], KnownViolations);
        Assert.True(messages.Count == 0, string.Join("\n", messages));
    }

    [Fact]
    public void Scenario_ReadsFiles_ThroughTheApisTheReadRuleAllows()
    {
        // The read-only rule for Project.Scenario is only meaningful if the reader does see its file reads: when this fails,
        // Project.Scenario reads files some other way and the write bans above must be reviewed.
        var references = SrcAssemblies.Of(Project.Scenario).References.Select(r => r.Display).ToHashSet();
        Assert.Contains("System.IO.File::ReadAllBytes", references);
    }

    [Fact]
    public void Output_WritesFiles_SoTheScannerSeesFileSystemCalls()
    {
        // A control: Project.Output writes files, and the metadata reader must find those calls and the methods making them.
        var write = Assert.Single(SrcAssemblies.Of(Project.Output).References, r => r.Display == "System.IO.File::WriteAllText");
        Assert.Contains(write.Users, u => u.StartsWith("Salient.Output.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void MetadataReader_AttributesEveryExternalReference_ToAMemberOfTheAssembly(string project)
    {
        // The scanner reads signatures, attributes and IL; a reference it cannot attribute means it misses a place where
        // code can use an API, and a ban message could not name the culprit.
        var orphans = SrcAssemblies.Of(project).References.Where(r => r.Users.IsEmpty).Select(r => r.Display).ToList();
        Assert.True(orphans.Count == 0, $"{project}: references used nowhere the scanner looks: {string.Join(", ", orphans)}");
    }
}
