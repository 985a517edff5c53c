using Salient.Output.Files;
using Xunit;

namespace Salient.Output.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-atomic-file-" + Guid.NewGuid().ToString("N"));

    public AtomicFileTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WriteAllText_ReplacesTheFile_AsUtf8WithoutBom_AndLeavesNoTemporary(bool durable)
    {
        // Given an existing file
        string path = Path.Combine(_root, "check.csv");
        File.WriteAllText(path, "old content that is longer");
        // When it is written atomically
        AtomicFile.WriteAllText(path, "é,1\n", durable);
        // Then it holds exactly the new bytes and nothing else is in the folder
        Assert.Equal([0xC3, 0xA9, (byte)',', (byte)'1', (byte)'\n'], File.ReadAllBytes(path));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void WriteAllText_UnwritableTarget_ThrowsOutputException_AndLeavesNoTemporary()
    {
        // Given a target that is a folder, so the rename over it fails
        string path = Path.Combine(_root, "taken");
        Directory.CreateDirectory(path);
        // Then the write fails as a user-facing output error naming the path
        var ex = Assert.Throws<OutputException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.Contains("cannot write", ex.Message, StringComparison.Ordinal);
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }
}
