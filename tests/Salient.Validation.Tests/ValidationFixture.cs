using Salient.Experiments.Validation;
using Xunit;

namespace Salient.Validation.Tests;

/// <summary>Runs the validation suite once for every test in the collection (the run is the expensive part).</summary>
public sealed class ValidationFixture
{
    public ValidationFixture() => Report = ValidationSuite.Run(Path.Combine(RepoRoot, ValidationSuite.Folder), Environment.ProcessorCount);

    /// <summary>The folder holding Salient.slnx, found by walking up from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public ValidationReport Report { get; }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Salient.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Salient.slnx above {AppContext.BaseDirectory}.");
    }
}

[CollectionDefinition(Name)]
public sealed class ValidationCollection : ICollectionFixture<ValidationFixture>
{
    public const string Name = "validation suite";
}
