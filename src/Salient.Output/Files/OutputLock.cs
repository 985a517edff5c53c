namespace Salient.Output.Files;

/// <summary>
/// An exclusive lock on an output folder (and its checkpoint) for the length of a run: a hidden
/// <c>.name.lock</c> file beside the folder, held open with <see cref="FileShare.None"/>, which .NET enforces on Linux
/// with an advisory <c>flock</c>. The operating system releases it when the process exits or dies, so a killed run never
/// leaves a stale lock; a second writer of the same folder is refused instead of discarding the first one's checkpoint.
/// The file is deleted when the lock is released (a killed process leaves it, unlocked, for the next writer to reuse
/// and delete); two writers that start within the instant of that deletion could both proceed, a window this accepts.
/// </summary>
public sealed class OutputLock : IDisposable
{
    private readonly FileStream _stream;

    private OutputLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock of <paramref name="target"/>; throws an <see cref="OutputException"/> when another process holds it.</summary>
    public static OutputLock Acquire(string target)
    {
        string full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(full) ?? throw new OutputException($"cannot write to '{target}': it has no parent folder");
        string lockFile = Path.Combine(parent, $".{Path.GetFileName(full)}.lock");
        try
        {
            Directory.CreateDirectory(parent);
            return new OutputLock(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException ex) when (File.Exists(lockFile))
        {
            throw new OutputException($"another Salient process is writing '{target}' (it holds '{lockFile}'): wait for it to finish, or choose another --out", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write to '{target}': {ex.Message}", ex);
        }
    }

    /// <summary>Releases the lock and removes its file.</summary>
    public void Dispose() => _stream.Dispose();
}
