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
    /// <param name="target">The folder to write.</param>
    /// <param name="write">Writes the outputs into the folder it is given.</param>
    /// <param name="force">
    /// When <paramref name="target"/> holds files Salient did not write, write beside them instead of refusing
    /// (<see cref="WriteBeside"/>): they are never deleted or replaced.
    /// </param>
    public static void Write(string target, Action<string> write, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(full) ?? throw new OutputException($"cannot write to '{target}': it has no parent folder");
        string name = Path.GetFileName(full);
        string temp = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
        bool beside = force && FolderOwnership.Foreign(full, target) is not null;
        if (!beside) FolderOwnership.EnsureReplaceable(full, target);
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
            if (beside)
            {
                WriteBeside(temp, full, target);
                TryDelete(temp);
                return;
            }
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
    /// <c>--force</c> on a folder holding files Salient did not write: moves the new outputs in one by one beside them.
    /// Refused, before anything is moved, when an output would replace a foreign file of the same name. Files of an
    /// earlier Salient output that this one does not write again are deleted; the record then lists only this output's
    /// files, so the foreign ones still block a later write without <c>--force</c>. Not atomic: a write killed midway
    /// leaves a mix of old and new outputs (never a foreign file touched).
    /// </summary>
    private static void WriteBeside(string temp, string full, string target)
    {
        var written = FolderOwnership.Files(temp);
        var owned = FolderOwnership.Owned(full);
        foreach (string file in written)
        {
            string dest = Path.Combine(full, file);
            if ((File.Exists(dest) && !owned.Contains(file)) || Directory.Exists(dest))
                throw new OutputException($"will not write to '{target}' even with --force: it holds '{file}', which Salient did not write " +
                    "and this output would replace; choose another --out or move that file away");
        }
        foreach (string stale in owned.Except(written, StringComparer.Ordinal))
        {
            string path = Path.Combine(full, stale);
            if (File.Exists(path)) File.Delete(path);
        }
        foreach (string file in written)
        {
            string dest = Path.Combine(full, file);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Move(Path.Combine(temp, file), dest, overwrite: true);
        }
        FolderOwnership.Record(full, written);
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
