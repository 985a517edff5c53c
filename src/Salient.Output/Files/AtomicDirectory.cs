namespace Salient.Output.Files;

/// <summary>
/// Writes a whole output folder atomically: everything goes into a hidden sibling folder, which is renamed into
/// place only when complete. A reader (or a run killed midway) sees either the previous complete result or the new
/// one, never a half-written mix.
/// </summary>
public static class AtomicDirectory
{
    /// <summary>Runs <paramref name="write"/> against a fresh temporary folder, then replaces <paramref name="target"/> with it.</summary>
    public static void Write(string target, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(full) ?? throw new OutputException($"cannot write to '{target}': it has no parent folder");
        string name = Path.GetFileName(full);
        string temp = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(temp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write to '{target}': {ex.Message}", ex);
        }
        try
        {
            write(temp);
            if (File.Exists(full)) throw new OutputException($"cannot write to '{target}': a file of that name exists (expected a folder)");
            if (Directory.Exists(full))
            {
                Directory.Move(full, old);
                Directory.Move(temp, full);
                Directory.Delete(old, recursive: true);
            }
            else Directory.Move(temp, full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            if (!Directory.Exists(full) && Directory.Exists(old)) Directory.Move(old, full);
            throw new OutputException($"cannot write to '{target}': {ex.Message}", ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { /* best effort: a leftover hidden temp folder is harmless */ }
        catch (UnauthorizedAccessException) { }
    }
}
