using System.Text;
using System.Text.RegularExpressions;
using Salient.Testing;
using Spectre.Console.Testing;
using Xunit;

namespace Salient.Cli.Tests.Golden;

/// <summary>
/// A small approval-test comparer for the CLI's golden files (STYLE.md 2.16). The approved text lives in
/// <c>tests/Salient.Cli.Tests/Approved/&lt;Class&gt;.&lt;Case&gt;.approved.txt</c>. On a mismatch the received text is
/// written beside it as <c>.received.txt</c> (ignored by git) and the test fails with the first differing lines;
/// with <c>SALIENT_APPROVE=1</c> in the environment the approved file is rewritten instead.
/// </summary>
internal static partial class Approvals
{
    /// <summary>The fixed console width of every golden rendering.</summary>
    public const int ConsoleWidth = 120;

    private const int ContextLines = 3;
    private const int MaxDiffLines = 40;

    /// <summary>The folder of the approved files in the source tree.</summary>
    public static string Folder => Path.Combine(TestRepository.Root, "tests", "Salient.Cli.Tests", "Approved");

    /// <summary>
    /// The console width of goldens that print temporary paths: wide enough that no line wraps, so the length of the
    /// machine's temporary folder cannot move a line break (paths are replaced after rendering).
    /// </summary>
    public const int UnwrappedWidth = 1000;

    /// <summary>Runs the CLI in-process on a test console <see cref="ConsoleWidth"/> wide; returns "exit: N" and its output.</summary>
    public static string RunCli(params string[] args) => RunCli(ConsoleWidth, args);

    /// <summary>Runs the CLI in-process on a test console <paramref name="width"/> wide; returns "exit: N" and its output.</summary>
    public static string RunCli(int width, params string[] args)
    {
        var console = new TestConsole().Width(width);
        int code = SalientApp.Run(args, console);
        return $"exit: {code}\n{console.Output}";
    }

    /// <summary>
    /// Line endings as \n, trailing white space of each line removed, and one final newline: the only normalisation
    /// every golden gets. Callers replace the genuinely variable parts (paths, timings) before.
    /// </summary>
    public static string Normalise(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        return string.Join("\n", lines).TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// Replaces <paramref name="path"/> by <paramref name="token"/>: first as the scenario diagnostics print it (relative
    /// to the current directory, which is the test binaries' folder), then absolute; each also with '/' separators.
    /// </summary>
    public static string ReplacePath(string text, string path, string token)
    {
        foreach (string form in new[] { Path.GetRelativePath(Environment.CurrentDirectory, path), path })
            text = text.Replace(form, token, StringComparison.Ordinal).Replace(form.Replace('\\', '/'), token, StringComparison.Ordinal);
        return text;
    }

    /// <summary>Replaces wall-clock figures: "in 1.2 s (345/s)" and hh:mm:ss times in the progress columns.</summary>
    public static string ReplaceTimings(string text) =>
        Clock().Replace(Rate().Replace(text, "in <seconds> s (<rate>/s)"), "<hh:mm:ss>");

    /// <summary>Compares <paramref name="received"/> (normalised) with <c>Approved/<paramref name="testClass"/>.<paramref name="caseName"/>.approved.txt</c>.</summary>
    public static void Verify(string received, string testClass, string caseName)
    {
        string text = Normalise(received);
        string stem = Path.Combine(Folder, $"{testClass}.{caseName}");
        string approvedPath = stem + ".approved.txt", receivedPath = stem + ".received.txt";
        if (Environment.GetEnvironmentVariable("SALIENT_APPROVE") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(approvedPath, text, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }
        string? approved = File.Exists(approvedPath) ? Normalise(File.ReadAllText(approvedPath)) : null;
        if (approved == text)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, text, new UTF8Encoding(false));
        Assert.Fail(approved is null
            ? $"no approved file {approvedPath}; received output written to {receivedPath} (review it, then rename it or run with SALIENT_APPROVE=1)"
            : $"output differs from {approvedPath} (received: {receivedPath}; run with SALIENT_APPROVE=1 to accept):\n{Diff(approved, text)}");
    }

    /// <summary>The first differing region of two texts as unified-style lines ("-" approved, "+" received, " " context).</summary>
    public static string Diff(string approved, string received)
    {
        string[] a = approved.Split('\n'), b = received.Split('\n');
        int start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        int endA = a.Length - 1, endB = b.Length - 1;
        while (endA >= start && endB >= start && a[endA] == b[endB]) { endA--; endB--; }
        var diff = new StringBuilder();
        int from = Math.Max(0, start - ContextLines);
        diff.Append(System.Globalization.CultureInfo.InvariantCulture, $"@@ -{from + 1},{endA + 1 - from} +{from + 1},{endB + 1 - from} @@\n");
        var lines = new List<string>();
        for (int i = from; i < start; i++) lines.Add(" " + a[i]);
        for (int i = start; i <= endA; i++) lines.Add("-" + a[i]);
        for (int i = start; i <= endB; i++) lines.Add("+" + b[i]);
        for (int i = endA + 1; i < Math.Min(a.Length, endA + 1 + ContextLines); i++) lines.Add(" " + a[i]);
        foreach (string line in lines.Take(MaxDiffLines)) diff.Append(line).Append('\n');
        if (lines.Count > MaxDiffLines) diff.Append(System.Globalization.CultureInfo.InvariantCulture, $"... {lines.Count - MaxDiffLines} more diff lines\n");
        return diff.ToString();
    }

    /// <summary>
    /// Removes the progress lines the test console prints ("replications: 0%"): on a non-interactive console Spectre
    /// prints one when the progress it polls (every 100 ms) has changed, so how many appear depends on the machine's speed.
    /// </summary>
    public static string RemoveProgressLines(string text) => ProgressLine().Replace(text, "");

    [GeneratedRegex(@"^[a-z ]+: \d+(\.\d+)?%\r?\n", RegexOptions.Multiline)]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"in \d+(\.\d+)? s \(\d+/s\)")]
    private static partial Regex Rate();

    [GeneratedRegex(@"\b\d{2}:\d{2}:\d{2}\b")]
    private static partial Regex Clock();
}
