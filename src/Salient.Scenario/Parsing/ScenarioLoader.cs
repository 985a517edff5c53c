using System.Security.Cryptography;
using System.Text;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Model;
using Salient.Scenario.Rules;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Salient.Scenario.Parsing;

/// <summary>
/// Loads a scenario: parses the YAML, applies the variant and overrides, binds every section with positioned
/// diagnostics, builds the theatre, resolves references, runs the validation rules and hashes the inputs.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>The scenario format version this build reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The root key naming the calibration file (written by <c>salient calibrate</c>).</summary>
    public const string CalibrationKey = "calibration";

    /// <summary>The file a scenario directory must contain.</summary>
    public const string ScenarioFileName = "scenario.yaml";

    /// <summary>Largest scenario file accepted, so a huge input fails fast with a clear message.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Deepest YAML nesting accepted: the tree loader recurses once per level, so deeper input would overflow the stack.</summary>
    public const int MaxDepth = 256;

    /// <summary>Loads the scenario at <paramref name="path"/> (a YAML file, or a directory holding scenario.yaml).</summary>
    public static LoadResult Load(string path, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        string file = Directory.Exists(path) ? Path.Combine(path, ScenarioFileName) : path;
        var diag = new DiagnosticBag();
        string display = Path.GetRelativePath(Environment.CurrentDirectory, file);
        byte[] bytes;
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                diag.Add(ScenarioErrors.FileUnreadable, SourceSpan.None(display), display, Directory.Exists(path) ? $"the directory has no {ScenarioFileName}" : "no such file");
                return new LoadResult(null, diag.All);
            }
            if (info.Length > MaxFileBytes)
            {
                diag.Add(ScenarioErrors.FileUnreadable, SourceSpan.None(display), display, $"it is {info.Length} bytes; the limit is {MaxFileBytes}");
                return new LoadResult(null, diag.All);
            }
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diag.Add(ScenarioErrors.FileUnreadable, SourceSpan.None(display), display, ex.Message);
            return new LoadResult(null, diag.All);
        }
        return LoadText(DecodeText(bytes), display, Path.GetDirectoryName(Path.GetFullPath(file))!, options, diag);
    }

    /// <summary>
    /// A scenario or side file's bytes as text: UTF-8, without a leading byte-order mark, which editors on Windows and
    /// spreadsheet programs write and which is not part of the text.
    /// </summary>
    internal static string DecodeText(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes);

    /// <summary>Loads scenario text (for tests and tools); side files resolve against <paramref name="baseDirectory"/>.</summary>
    public static LoadResult LoadText(string text, string displayName, string baseDirectory, LoadOptions? options = null, DiagnosticBag? diag = null)
    {
        options ??= LoadOptions.Default;
        diag ??= new DiagnosticBag();
        var ctx = new YamlContext(diag, displayName);
        YamlMappingNode? root = Parse(ctx, text);
        if (root is null) return new LoadResult(null, diag.Sorted());

        var binder = new ScenarioBinder(ctx, baseDirectory, options.Limits);
        var variantNames = binder.VariantNames(root);
        var overrides = new List<(string Text, string Path, YamlNode Value)>();
        foreach (var o in options.Overrides ?? [])
            if (Overrides.TryParse(ctx, o, out var p, out var v) && v is not null) overrides.Add((o, p, v));
        // `--set calibration=FILE` chooses the calibration file, so it goes on before the calibration is applied.
        foreach (var (o, p, v) in overrides.Where(x => x.Path == CalibrationKey))
        {
            if (options.Uncalibrated) diag.Add(ScenarioErrors.BadOverride, SourceSpan.None($"--set {o}"), p, "--uncalibrated runs without a calibration file; drop one of the two");
            else Overrides.Apply(ctx, root, p, v, SourceSpan.None($"--set {o}"));
        }
        string? calibration = options.Uncalibrated ? null : binder.ApplyCalibration(root);
        if (options.Variant is not null) binder.ApplyVariants(root, options.Variant);
        foreach (var (o, p, v) in overrides.Where(x => x.Path != CalibrationKey))
            Overrides.Apply(ctx, root, p, v, SourceSpan.None($"--set {o}"));
        if (diag.HasErrors) return new LoadResult(null, diag.Sorted());

        var draft = binder.Bind(root);
        if (draft is null || diag.HasErrors || ctx.BudgetExceeded) return new LoadResult(null, diag.Sorted());

        foreach (var rule in RuleSet.All)
            foreach (var d in rule.Check(draft))
                diag.Add(d);
        if (diag.HasErrors) return new LoadResult(null, diag.Sorted());

        string hash = Hash(text, binder.SideFiles, options);
        var stale = calibration is null ? null : CheckCalibration(text, displayName, baseDirectory, options, binder, calibration, diag);
        var model = draft.Model with { Hash = hash, Variant = options.Variant, VariantNames = [.. variantNames], Calibration = calibration, StaleCalibration = stale };
        return new LoadResult(model, diag.Sorted());
    }

    /// <summary>
    /// Compares the applied calibration file's <c>scenario_hash</c> with the hash <c>salient calibrate</c> would record now:
    /// that of the scenario as written, uncalibrated, with no variant or <c>--set</c>. That is this load's text and side
    /// files less the calibration file; a variant or <c>--set</c> can change which side files were read, so when the
    /// two differ under one the scenario is loaded again as calibrate loads it before calling the file stale (SAL205).
    /// </summary>
    private static StaleCalibration? CheckCalibration(string text, string displayName, string baseDirectory, LoadOptions options,
        ScenarioBinder binder, string calibration, DiagnosticBag diag)
    {
        if (binder.CalibrationHash is not var (fitted, span)) return null;
        var sideFiles = binder.SideFiles.Where((_, i) => i != binder.CalibrationSideFile).ToList();
        string current = Hash(text, sideFiles, LoadOptions.Default);
        if (current != fitted && (options.Variant is not null || options.Overrides is { Count: > 0 }))
        {
            var asWritten = LoadText(text, displayName, baseDirectory, new LoadOptions(Uncalibrated: true) { Limits = options.Limits });
            if (asWritten.Scenario is { } written) current = written.Hash;
        }
        if (current == fitted) return null;
        string folder = Path.GetDirectoryName(displayName) is { Length: > 0 } d ? d : ".";
        diag.Add(ScenarioErrors.CalibrationStale, span, calibration, StaleCalibration.Short(fitted), StaleCalibration.Short(current), folder);
        return new StaleCalibration(calibration, fitted, current);
    }

    private static YamlMappingNode? Parse(YamlContext ctx, string text)
    {
        try
        {
            if (!CheckStructure(ctx.Diagnostics, text, m => new SourceSpan(ctx.File, (int)m.Line, (int)m.Column))) return null;
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                ctx.Diagnostics.Add(ScenarioErrors.WrongType, new SourceSpan(ctx.File, 1, 1), "a scenario mapping", "an empty document");
                return null;
            }
            if (stream.Documents.Count > 1)
                ctx.Error(ScenarioErrors.YamlSyntax, stream.Documents[1].RootNode, "a scenario file holds one YAML document; found more than one");
            var rootNode = stream.Documents[0].RootNode;
            if (rootNode is YamlMappingNode map) return map;
            ctx.Error(ScenarioErrors.WrongType, rootNode, "a mapping at the top of the scenario", YamlContext.Describe(rootNode));
            return null;
        }
        catch (YamlException ex)
        {
            string message = (ex.InnerException?.Message ?? ex.Message).Trim();
            int cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0) message = message[(cut + 3)..];
            ctx.Diagnostics.Add(ScenarioErrors.YamlSyntax, new SourceSpan(ctx.File, (int)Math.Max(1, ex.Start.Line), (int)Math.Max(1, ex.Start.Column)), message);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet reports duplicate keys and some structural faults this way, without a position.
            ctx.Diagnostics.Add(ScenarioErrors.YamlSyntax, new SourceSpan(ctx.File, 1, 1), ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Walks the YAML event stream once, without building a tree, and reports what would make building one unsafe:
    /// nesting deeper than <see cref="MaxDepth"/>, more than <see cref="YamlContext.NodeBudget"/> nodes once aliases
    /// are expanded (an alias bomb: the tree shares aliased nodes, but hashing or walking them is exponential), and
    /// aliases to no earlier anchor or to an enclosing node (a cycle). Linear in the text. Syntax errors are thrown
    /// as <see cref="YamlException"/>, as by <see cref="YamlStream.Load(TextReader)"/>.
    /// </summary>
    internal static bool CheckStructure(DiagnosticBag diag, string text, Func<Mark, SourceSpan> at)
    {
        const long Cap = YamlContext.NodeBudget + 1L;
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<AnchorName, long>();
        var open = new List<(AnchorName Anchor, long Size)>();
        long total = 0;
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            long size;
            switch (e)
            {
                case DocumentStart:
                    anchors.Clear();
                    total = 0;
                    continue;
                case SequenceStart or MappingStart:
                    if (open.Count >= MaxDepth)
                    {
                        diag.Add(ScenarioErrors.YamlSyntax, at(e.Start), $"nesting deeper than {MaxDepth} levels");
                        return false;
                    }
                    open.Add((((NodeEvent)e).Anchor, 1));
                    continue;
                case SequenceEnd or MappingEnd:
                    (var anchor, size) = open[^1];
                    open.RemoveAt(open.Count - 1);
                    if (!anchor.IsEmpty) anchors[anchor] = size;
                    break;
                case Scalar s:
                    if (!s.Anchor.IsEmpty) anchors[s.Anchor] = 1;
                    size = 1;
                    break;
                case AnchorAlias a:
                    if (!anchors.TryGetValue(a.Value, out size))
                    {
                        diag.Add(ScenarioErrors.YamlSyntax, at(e.Start), open.Exists(o => o.Anchor.Equals(a.Value))
                            ? $"alias '*{a.Value}' refers to a node that contains it (a cycle)"
                            : $"alias '*{a.Value}' refers to no anchor defined before it");
                        return false;
                    }
                    break;
                default:
                    continue;
            }
            long after;
            if (open.Count > 0)
            {
                after = Math.Min(open[^1].Size + size, Cap);
                open[^1] = (open[^1].Anchor, after);
            }
            else after = total = Math.Min(total + size, Cap);
            if (after >= Cap)
            {
                diag.Add(ScenarioErrors.DocumentTooLarge, at(e.Start), YamlContext.NodeBudget.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return false;
            }
        }
        return true;
    }

    private static string Hash(string text, IReadOnlyList<(string Path, byte[] Bytes)> sideFiles, LoadOptions options)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s) { var b = Encoding.UTF8.GetBytes(s); sha.AppendData(BitConverter.GetBytes(b.Length)); sha.AppendData(b); }
        Add($"salient-scenario-v{FormatVersion}");
        Add(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        foreach (var (p, b) in sideFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            Add(p);
            sha.AppendData(BitConverter.GetBytes(b.Length));
            sha.AppendData(b);
        }
        Add("variant=" + (options.Variant ?? ""));
        foreach (var o in options.Overrides ?? []) Add("set=" + o);
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
