namespace Salient.Output.Tests.Html;

/// <summary>Paths of the repository the tests run in.</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding Salient.slnx).</summary>
    public static string Repo { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Salient.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
