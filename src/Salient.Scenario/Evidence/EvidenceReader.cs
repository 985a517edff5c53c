using System.Collections.Immutable;
using System.Globalization;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Salient.Scenario.Evidence;

/// <summary>
/// Reads <c>evidence.yaml</c>: a YAML list of dated claims. Tolerant by design: a value or date that is not a plain
/// number or ISO date (<c>2024-08</c>, <c>2024-Q4</c>, prose) is kept as text, month/quarter/year strings become
/// windows, and entries without an id or metric are skipped with a warning (SAL204). Only a file that cannot be read
/// (SAL109) or is not YAML (SAL100) is an error. Problems are coded diagnostics at their position, as the scenario's are;
/// user input never throws.
/// </summary>
public static class EvidenceReader
{
    /// <summary>Reads the ledger at <paramref name="path"/>; an unreadable file gives an empty ledger with a SAL109 error.</summary>
    public static EvidenceLedger Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new EvidenceLedger(path, [], [ScenarioErrors.Make(ScenarioErrors.FileUnreadable, SourceSpan.None(path), path, ex.Message)]);
        }
        return Parse(text, path);
    }

    /// <summary>Parses ledger text; <paramref name="path"/> names the file in the entries' and diagnostics' spans.</summary>
    public static EvidenceLedger Parse(string yaml, string path = "evidence.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new DiagnosticBag();
        SourceSpan At(Mark m) => new(path, (int)Math.Max(1, m.Line), (int)Math.Max(1, m.Column));
        var stream = new YamlStream();
        try
        {
            // The scenario loader's guard against alias bombs, cycles and deep nesting: a ledger is input too.
            if (!ScenarioLoader.CheckStructure(diagnostics, yaml, At)) return new EvidenceLedger(path, [], [.. diagnostics.All]);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(ScenarioErrors.YamlSyntax, At(ex.Start), (ex.InnerException?.Message ?? ex.Message).Trim());
            return new EvidenceLedger(path, [], [.. diagnostics.All]);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet reports duplicate keys this way, without a position.
            diagnostics.Add(ScenarioErrors.YamlSyntax, new SourceSpan(path, 1, 1), ex.Message);
            return new EvidenceLedger(path, [], [.. diagnostics.All]);
        }
        var entries = ImmutableArray.CreateBuilder<EvidenceEntry>();
        if (stream.Documents.Count == 0) return new EvidenceLedger(path, [], []);
        var root = stream.Documents[0].RootNode;
        if (root is not YamlSequenceNode list)
        {
            diagnostics.Add(ScenarioErrors.EvidenceNotAList, At(root.Start), Describe(root));
            return new EvidenceLedger(path, [], [.. diagnostics.All]);
        }
        foreach (var node in list.Children)
        {
            if (node is not YamlMappingNode map)
            {
                diagnostics.Add(ScenarioErrors.EvidenceEntrySkipped, At(node.Start), "it is not a mapping");
                continue;
            }
            string id = Scalar(map, "id");
            string metric = Scalar(map, "metric");
            if (id.Length == 0 || metric.Length == 0)
            {
                diagnostics.Add(ScenarioErrors.EvidenceEntrySkipped, At(node.Start), "it has no id or no metric");
                continue;
            }
            var (valueText, low, high, dateFrom, dateTo) = ReadValue(Child(map, "value"));
            var (asOfText, asOfStart, asOfEnd) = ReadWindow(Child(map, "as_of"));
            entries.Add(new EvidenceEntry(
                id, Scalar(map, "statement"), metric, valueText, low, high, dateFrom, dateTo,
                asOfText, asOfStart, asOfEnd, Scalar(map, "unit"), Scalar(map, "claimant"), Scalar(map, "claimant_type"),
                Scalar(map, "reliability").ToUpperInvariant(), Scalar(map, "source"), At(node.Start)));
        }
        return new EvidenceLedger(path, entries.ToImmutable(), [.. diagnostics.All]);
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlScalarNode => "a single value",
        _ => "something else",
    };

    /// <summary>
    /// Reads a date written as <c>YYYY-MM-DD</c>, <c>YYYY-MM</c>, <c>YYYY</c> or <c>YYYY-Qn</c> as the window of days it
    /// covers (a single day for a full date). False for anything else.
    /// </summary>
    public static bool TryParsePeriod(string text, out DateOnly from, out DateOnly to)
    {
        from = to = default;
        text = text.Trim();
        var c = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", c, DateTimeStyles.None, out var day)) { from = to = day; return true; }
        if (DateOnly.TryParseExact(text, "yyyy-MM", c, DateTimeStyles.None, out var month))
        {
            from = month;
            to = month.AddMonths(1).AddDays(-1);
            return true;
        }
        if (text.Length == 7 && text[4] == '-' && text[5] is 'Q' or 'q' && text[6] is >= '1' and <= '4'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, c, out int qy) && qy is >= 1 and <= 9999)
        {
            from = new DateOnly(qy, (text[6] - '1') * 3 + 1, 1);
            to = from.AddMonths(3).AddDays(-1);
            return true;
        }
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, c, out int y) && y >= 1)
        {
            from = new DateOnly(y, 1, 1);
            to = new DateOnly(y, 12, 31);
            return true;
        }
        return false;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string Scalar(YamlMappingNode map, string key) => Child(map, key) is { } n ? Text(n) : "";

    /// <summary>A node's text: a scalar's value, a list as <c>[a, b]</c>, anything else empty.</summary>
    private static string Text(YamlNode node) => node switch
    {
        YamlScalarNode s => (s.Value ?? "").Trim(),
        YamlSequenceNode q => "[" + string.Join(", ", q.Children.Select(Text)) + "]",
        _ => "",
    };

    private static bool TryNumber(YamlNode node, out double value)
    {
        value = 0;
        return node is YamlScalarNode { Value: { } v }
            && double.TryParse(v.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    private static (string Text, double? Low, double? High, DateOnly? From, DateOnly? To) ReadValue(YamlNode? node)
    {
        if (node is null) return ("", null, null, null, null);
        string text = Text(node);
        if (TryNumber(node, out double v)) return (text, v, v, null, null);
        if (node is YamlScalarNode && TryParsePeriod(text, out var from, out var to)) return (text, null, null, from, to);
        if (node is YamlSequenceNode { Children.Count: 2 } pair)
        {
            if (TryNumber(pair.Children[0], out double a) && TryNumber(pair.Children[1], out double b))
                return (text, Math.Min(a, b), Math.Max(a, b), null, null);
            if (TryParsePeriod(Text(pair.Children[0]), out var f0, out _) && TryParsePeriod(Text(pair.Children[1]), out _, out var t1) && f0 <= t1)
                return (text, null, null, f0, t1);
        }
        return (text, null, null, null, null);
    }

    private static (string Text, DateOnly? Start, DateOnly? End) ReadWindow(YamlNode? node)
    {
        if (node is null) return ("", null, null);
        string text = Text(node);
        if (node is YamlScalarNode && TryParsePeriod(text, out var from, out var to)) return (text, from, to);
        if (node is YamlSequenceNode { Children.Count: 2 } pair
            && TryParsePeriod(Text(pair.Children[0]), out var f0, out _)
            && TryParsePeriod(Text(pair.Children[1]), out _, out var t1)
            && f0 <= t1)
            return (text, f0, t1);
        return (text, null, null);
    }
}
