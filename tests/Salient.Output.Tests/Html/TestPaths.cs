namespace Salient.Output.Tests.Html;

/// <summary>Paths of the repository the tests run in.</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding Salient.slnx).</summary>
    public static string Repo => Salient.Testing.TestRepository.Root;
}
