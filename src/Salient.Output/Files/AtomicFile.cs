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
    /// <exception cref="OutputException">The file cannot be written (unwritable folder, full disk); no temporary file is left.</exception>
    public static void WriteAllText(string path, string text, bool durable = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteAllBytes(path, Utf8NoBom.GetBytes(text), durable);
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, replacing it (see <see cref="WriteAllText"/>).</summary>
    /// <exception cref="OutputException">The file cannot be written; no temporary file is left.</exception>
    public static void WriteAllBytes(string path, byte[] bytes, bool durable = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(bytes);
        string full = Path.GetFullPath(path);
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
}
