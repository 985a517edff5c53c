using System.Xml.Linq;
using Salient.Conventions.Tests.Metadata;
using Salient.Conventions.Tests.Rules;
using Salient.Testing;
using Xunit;
using static Salient.Conventions.Tests.Rules.SalientConventions;

namespace Salient.Conventions.Tests;

/// <summary>
/// The src projects reference each other only along <see cref="SalientConventions.AllowedEdges"/> (an acyclic table),
/// read from the built assemblies' AssemblyRef tables and, for references not yet used in code, from the csproj files.
/// </summary>
public sealed class LayeringTests
{
    public static TheoryData<string> Projects() => [.. SrcAssemblies.AssemblyNameOfProject.Keys.Order(StringComparer.Ordinal)];

    private static readonly Dictionary<string, string> ProjectOfAssembly =
        SrcAssemblies.AssemblyNameOfProject.ToDictionary(p => p.Value, p => p.Key);

    [Fact]
    public void SrcFolder_EveryProject_IsInTheLayerTables()
    {
        // Given the projects under src/, when a new one appears, then it must be placed in the tables first.
        Assert.Equal(SrcAssemblies.AssemblyNameOfProject.Keys.Order(StringComparer.Ordinal), SrcAssemblies.ProjectFolders());
        Assert.Equal(SrcAssemblies.AssemblyNameOfProject.Keys.Order(StringComparer.Ordinal), Bans.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AllowedEdges_FormNoCycle() => Assert.Null(LayerChecker.FindCycle(AllowedEdges));

    [Theory]
    [MemberData(nameof(Projects))]
    public void BuiltAssembly_ReferencesOnlyAllowedSalientAssemblies(string project)
    {
        var assembly = SrcAssemblies.Of(project);
        var messages = LayerChecker.CheckEdges(project, assembly.AssemblyReferences, ProjectOfAssembly, AllowedEdges, $"AssemblyRef of {assembly.Name}.dll");
        Assert.True(messages.Count == 0, string.Join("\n", messages));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectFile_ReferencesOnlyAllowedProjects(string project)
    {
        string csproj = Path.Combine(TestRepository.Root, "src", project, project + ".csproj");
        var references = XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value))
            .Select(p => SrcAssemblies.AssemblyNameOfProject.GetValueOrDefault(p, p));
        var messages = LayerChecker.CheckEdges(project, references, ProjectOfAssembly, AllowedEdges, $"ProjectReference in {project}.csproj");
        Assert.True(messages.Count == 0, string.Join("\n", messages));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void BuiltAssembly_ReferencesThirdPartyAssembliesOnlyInTheirLayer(string project)
    {
        var messages = LayerChecker.CheckPackages(project, SrcAssemblies.Of(project).AssemblyReferences, Packages);
        Assert.True(messages.Count == 0, string.Join("\n", messages));
    }
}
