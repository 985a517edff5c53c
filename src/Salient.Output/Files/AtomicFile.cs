using System.Text;

namespace Salient.Output.Files;

/// <summary>
/// Writes one file atomically: the content goes to a hidden sibling (<c>.name.tmp-PID-GUID</c>), which is renamed over
/// the target only when complete, so a reader (or a writer killed midway) sees the previous file or the new one, never
/// a half-written mix. The single-file twin of <see cref="AtomicDirectory"/>.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark to <paramref name="path"/>, replacing it.</summary>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <param name="text">The whole content.</param>
    /// <param name="durable">Also flush the data to disk before the rename (fsync), so a file that survives its rename
    /// survives a crash of the machine too (checkpoints).</param>
    /// <param name="ownMark">Text that Salient's own versions of this file carry near their start (a generated-file
    /// header), for a file written outside Salient's output folders: an existing file without it is not replaced.</param>
    /// <exception cref="OutputException">The file cannot be written (unwritable folder, full disk), or it exists and
    /// Salient did not write it (<see cref="EnsureMayReplace"/>); no temporary file is left.</exception>
    public static void WriteAllText(string path, string text, bool durable = false, string? ownMark = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteAllBytes(path, Utf8NoBom.GetBytes(text), durable, ownMark);
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, replacing it (see <see cref="WriteAllText"/>).</summary>
    /// <exception cref="OutputException">The file cannot be written, or Salient did not write the file it would replace; no temporary file is left.</exception>
    public static void WriteAllBytes(string path, byte[] bytes, bool durable = false, string? ownMark = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(bytes);
        string full = Path.GetFullPath(path);
        EnsureMayReplace(full, path, ownMark);
        string temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                if (durable) stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
            FolderOwnership.Add(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); }
            catch (IOException) { /* best effort: a leftover hidden temporary file is harmless */ }
            catch (UnauthorizedAccessException) { }
            throw new OutputException($"cannot write '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Refuses to replace an existing file that Salient did not write: one its folder's record
    /// (<see cref="FolderOwnership"/>) does not list, or, in a folder without a record, one that lacks
    /// <paramref name="ownMark"/> in its first kilobytes when the caller gives one.
    /// </summary>
    private static void EnsureMayReplace(string full, string shownAs, string? ownMark)
    {
        if (!File.Exists(full)) return;
        string folder = Path.GetDirectoryName(full)!;
        bool recorded = File.Exists(Path.Combine(folder, FolderOwnership.RecordName));
        if (recorded && FolderOwnership.Owned(folder).Contains(Path.GetFileName(full))) return;
        if (!recorded && ownMark is null) return; // a run folder from before the record: its files are Salient's
        if (ownMark is not null && HeadContains(full, ownMark)) return;
        throw new OutputException($"will not replace '{shownAs}': Salient did not write it; choose another path or move that file away");
    }

    private static bool HeadContains(string path, string mark)
    {
        try
        {
            using var reader = new StreamReader(path, Utf8NoBom);
            var head = new char[4096];
            int n = reader.ReadBlock(head, 0, head.Length);
            return new string(head, 0, n).Contains(mark, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
