using System.Collections.Immutable;
using Salient.Testing;

namespace Salient.Conventions.Tests.Metadata;

/// <summary>The built src assemblies, read once from this test project's output folder (the Cli reference copies them here).</summary>
internal static class SrcAssemblies
{
    /// <summary>The src project names (folder names under src/) and the simple name of the assembly each builds.</summary>
    public static ImmutableDictionary<string, string> AssemblyNameOfProject { get; } = new Dictionary<string, string>
    {
        ["Salient.Scenario"] = "Salient.Scenario",
        ["Salient.Engine"] = "Salient.Engine",
        ["Salient.Experiments"] = "Salient.Experiments",
        ["Salient.Analysis"] = "Salient.Analysis",
        ["Salient.Output"] = "Salient.Output",
        ["Salient.Viewer"] = "Salient.Viewer",
        ["Salient.Cli"] = "salient", // <AssemblyName>salient</AssemblyName>
    }.ToImmutableDictionary();

    private static readonly Lazy<ImmutableDictionary<string, AssemblyMetadata>> All = new(() =>
        AssemblyNameOfProject.ToImmutableDictionary(p => p.Key, p => AssemblyMetadata.Read(PathOf(p.Value))));

    /// <summary>The metadata of the assembly built by src project <paramref name="project"/> (e.g. <c>Salient.Engine</c>).</summary>
    public static AssemblyMetadata Of(string project) => All.Value[project];

    /// <summary>The project folders under src/ (each holding a .csproj), sorted.</summary>
    public static ImmutableArray<string> ProjectFolders() =>
        [.. Directory.EnumerateDirectories(Path.Combine(TestRepository.Root, "src"))
            .Where(d => Directory.EnumerateFiles(d, "*.csproj").Any())
            .Select(d => Path.GetFileName(d)!)
            .Order(StringComparer.Ordinal)];

    private static string PathOf(string assembly)
    {
        string path = Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{assembly}.dll is not beside the tests; build the solution first", path);
    }
}
