using System.Text;

namespace Salient.Output.Files;

/// <summary>
/// Which folders Salient may replace. Every folder <see cref="AtomicDirectory"/> commits carries a hidden record,
/// <see cref="RecordName"/>, listing the files Salient wrote into it (files written there later through
/// <see cref="AtomicFile"/>, such as report.html or check.csv, are added to it). Salient replaces a folder only when it
/// is absent, empty, or holds nothing but the files its record lists, so a mistyped <c>--out</c> never deletes a
/// user's files.
/// </summary>
public static class FolderOwnership
{
    /// <summary>The hidden record of the files Salient wrote into a folder.</summary>
    public const string RecordName = ".salient-output";

    // Run and shard folders written before the record existed are recognised by their manifest's header.
    private const string LegacyManifest = "manifest.json";

    private const string Header = "# Written by Salient: the files it wrote here. It replaces this folder only while it holds nothing else.";

    /// <summary>
    /// Throws an <see cref="OutputException"/> naming the first foreign entry when <paramref name="folder"/> holds
    /// anything Salient did not write; does nothing when it is absent or empty.
    /// </summary>
    public static void EnsureReplaceable(string folder, string shownAs)
    {
        if (Foreign(folder, shownAs) is { } foreign) throw Refusal(shownAs, foreign.Entry, foreign.Why);
    }

    /// <summary>
    /// The first entry of <paramref name="folder"/> that Salient did not write, with why it is foreign; null when the
    /// folder is absent, empty, or holds only Salient's files.
    /// </summary>
    public static (string Entry, string Why)? Foreign(string folder, string shownAs)
    {
        if (!Directory.Exists(folder)) return null;
        try
        {
            // Only the top level is listed unless the folder is Salient's: --out ~ must not walk the whole home folder.
            string[] top = Directory.GetFileSystemEntries(folder);
            if (top.Length == 0) return null;
            var owned = Listed(folder);
            if (owned is null)
                return IsLegacyRunFolder(folder) ? null : (Path.GetFileName(top.Order(StringComparer.Ordinal).First()), "it was not written by Salient");
            foreach (string entry in Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (Directory.Exists(entry)) continue; // a folder is Salient's when every file in it is
                string relative = Normalise(Path.GetRelativePath(folder, entry));
                if (relative != RecordName && !owned.Contains(relative)) return (relative, "Salient did not write it");
            }
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write to '{shownAs}': its contents cannot be listed ({ex.Message}), so Salient will not replace it");
        }
    }

    /// <summary>The files Salient's record says it wrote into <paramref name="folder"/>; empty when it has no record.</summary>
    public static IReadOnlySet<string> Owned(string folder) => Listed(folder) ?? [];

    /// <summary>The relative paths (with <c>/</c>) of every file under <paramref name="folder"/> but the record.</summary>
    public static List<string> Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Normalise(Path.GetRelativePath(folder, f)))
            .Where(f => f != RecordName)
            .Order(StringComparer.Ordinal)];

    /// <summary>Writes the record of <paramref name="folder"/>: every file in it, before the folder is committed.</summary>
    public static void Record(string folder) => Record(folder, Files(folder));

    /// <summary>Writes the record of <paramref name="folder"/> listing <paramref name="files"/> (relative, with <c>/</c>): a folder shared with foreign files.</summary>
    public static void Record(string folder, IEnumerable<string> files) =>
        File.WriteAllText(Path.Combine(folder, RecordName), Header + "\n" + string.Join("", files.Select(f => f + "\n")), new UTF8Encoding(false));

    /// <summary>Adds <paramref name="file"/> to its folder's record, when the folder has one (a file Salient wrote into its own output).</summary>
    public static void Add(string file)
    {
        string full = Path.GetFullPath(file);
        string folder = Path.GetDirectoryName(full)!;
        string record = Path.Combine(folder, RecordName);
        if (!File.Exists(record)) return;
        string name = Path.GetFileName(full);
        if (Listed(folder) is { } owned && owned.Contains(name)) return;
        File.AppendAllText(record, name + "\n", new UTF8Encoding(false));
    }

    private static HashSet<string>? Listed(string folder)
    {
        string record = Path.Combine(folder, RecordName);
        if (!File.Exists(record)) return null;
        return [.. File.ReadAllLines(record).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }

    private static bool IsLegacyRunFolder(string folder)
    {
        string manifest = Path.Combine(folder, LegacyManifest);
        if (!File.Exists(manifest)) return false;
        using var reader = new StreamReader(manifest);
        var head = new char[256];
        int n = reader.Read(head, 0, head.Length);
        string text = new(head, 0, n);
        return text.Contains("\"format\":", StringComparison.Ordinal) && text.Contains("\"kind\":", StringComparison.Ordinal);
    }

    private static string Normalise(string relative) => relative.Replace(Path.DirectorySeparatorChar, '/');

    private static OutputException Refusal(string shownAs, string entry, string why) =>
        new($"will not write to '{shownAs}': it holds '{entry}' and {why}. Salient replaces only a folder that is absent, " +
            "empty or one of its own outputs; choose another --out, move that folder's contents away, or add --force to write " +
            "beside them (it never deletes or replaces a file Salient did not write)");
}
