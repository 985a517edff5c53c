using Salient.Experiments.Validation;
using Xunit;

namespace Salient.Validation.Tests;

/// <summary>Runs the validation suite once for every test in the collection (the run is the expensive part).</summary>
public sealed class ValidationFixture
{
    public ValidationFixture() => Report = ValidationSuite.Run(Path.Combine(RepoRoot, ValidationSuite.Folder), Environment.ProcessorCount);

    /// <summary>The folder holding Salient.slnx, found by walking up from the test binaries.</summary>
    public static string RepoRoot => Salient.Testing.TestRepository.Root;

    public ValidationReport Report { get; }

}

[CollectionDefinition(Name)]
public sealed class ValidationCollection : ICollectionFixture<ValidationFixture>
{
    public const string Name = "validation suite";
}
