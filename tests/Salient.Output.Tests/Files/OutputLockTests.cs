using Salient.Output.Files;
using Xunit;

namespace Salient.Output.Tests.Files;

public sealed class OutputLockTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-lock-" + Guid.NewGuid().ToString("N"));

    public OutputLockTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Acquire_WhileHeld_RefusedNamingTheFolder_ThenFreeAfterRelease()
    {
        string target = Path.Combine(_root, "out");
        using (OutputLock.Acquire(target))
        {
            var error = Assert.Throws<OutputException>(() => OutputLock.Acquire(target));
            Assert.Contains("another Salient process is writing", error.Message, StringComparison.Ordinal);
        }
        using (OutputLock.Acquire(target)) { }
        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }
}
