using System.Diagnostics;
using System.Globalization;

namespace Salient.Output.Files;

/// <summary>
/// Writes a whole output folder atomically: everything goes into a hidden sibling folder, which is renamed into
/// place only when complete. A reader (or a run killed midway) sees either the previous complete result or the new
/// one, never a half-written mix. A killed writer leaves only hidden <c>.name.tmp-PID-GUID</c> (and, if killed between
/// the two renames, <c>.name.old-PID-GUID</c>) folders; the next write of the same target deletes those of processes
/// that are no longer running on this machine, first putting a stranded previous result back in place.
/// An existing target is replaced only when <see cref="FolderOwnership"/> finds nothing in it that Salient did not
/// write; the committed folder carries the record of its files.
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
        FolderOwnership.EnsureReplaceable(full, target);
        try
        {
            Directory.CreateDirectory(parent);
            CleanStale(parent, name, full);
            Directory.CreateDirectory(temp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write to '{target}': {ex.Message}", ex);
        }
        try
        {
            write(temp);
            FolderOwnership.Record(temp);
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

    /// <summary>
    /// Deletes the hidden temporary and old folders of <paramref name="name"/> left by writers that are no longer
    /// running (a run killed midway). If the target is missing and a dead writer's old folder holds the previous result
    /// (it was killed between its two renames), that result is moved back first. Folders of running processes, this
    /// one included, are left alone; process ids are of this machine, so a folder shared between machines is assumed
    /// to have one writer per target at a time.
    /// </summary>
    private static void CleanStale(string parent, string name, string full)
    {
        string prefix = "." + name + ".";
        var stale = new List<(string Path, bool Old)>();
        string[] siblings;
        try { siblings = Directory.GetDirectories(parent); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return; } // best effort: the write itself reports real problems
        foreach (string dir in siblings)
        {
            string entry = Path.GetFileName(dir);
            if (!entry.StartsWith(prefix, StringComparison.Ordinal)) continue;
            string rest = entry[prefix.Length..];
            bool old = rest.StartsWith("old-", StringComparison.Ordinal);
            if (!old && !rest.StartsWith("tmp-", StringComparison.Ordinal)) continue;
            string[] parts = rest[4..].Split('-');
            if (parts.Length != 2 || parts[1].Length != 32 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
            if (pid == Environment.ProcessId || IsRunning(pid)) continue;
            stale.Add((dir, old));
        }
        foreach (var (dir, old) in stale)
        {
            if (old && !Directory.Exists(full) && !File.Exists(full))
            {
                try { Directory.Move(dir, full); continue; }
                catch (IOException) { /* fall through: delete it like the rest */ }
                catch (UnauthorizedAccessException) { }
            }
            TryDelete(dir);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return true;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { /* best effort: a leftover hidden temp folder is harmless */ }
        catch (UnauthorizedAccessException) { }
    }
}
