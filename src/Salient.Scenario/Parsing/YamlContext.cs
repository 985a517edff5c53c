using System.Runtime.CompilerServices;
using Salient.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Salient.Scenario.Parsing;

/// <summary>State shared while binding one scenario document: the diagnostics, the file name and node origins.</summary>
internal sealed class YamlContext(DiagnosticBag diagnostics, string file)
{
    /// <summary>Upper bound on nodes visited, so an alias bomb ends in an error rather than exhausting memory or time.</summary>
    public const int NodeBudget = 2_000_000;

    private readonly ConditionalWeakTable<YamlNode, string> _origins = new();
    private readonly ConditionalWeakTable<YamlNode, object> _spans = new();
    private int _visited;

    public DiagnosticBag Diagnostics { get; } = diagnostics;
    public string File { get; } = file;
    public bool BudgetExceeded { get; private set; }

    /// <summary>Records that a node came from somewhere other than the scenario file (a --set override).</summary>
    public void SetOrigin(YamlNode node, string origin)
    {
        foreach (var n in node.AllNodes) _origins.AddOrUpdate(n, origin);
    }

    /// <summary>Records the span of a node made by an override (a mapping key it created), which has no position of its own.</summary>
    public void SetSpan(YamlNode node, SourceSpan span) => _spans.AddOrUpdate(node, span);

    public SourceSpan Span(YamlNode? node)
    {
        if (node is null) return SourceSpan.None(File);
        if (_spans.TryGetValue(node, out var made)) return (SourceSpan)made;
        string file = _origins.TryGetValue(node, out var o) ? o : File;
        return new SourceSpan(file, (int)node.Start.Line, (int)node.Start.Column);
    }

    public void Error(ScenarioErrors.Entry entry, YamlNode? node, params string[] args) => Diagnostics.Add(entry, Span(node), args);

    /// <summary>Counts a visited node; false (and one error) once the budget is spent.</summary>
    public bool Visit(YamlNode node)
    {
        if (BudgetExceeded) return false;
        if (++_visited <= NodeBudget) return true;
        BudgetExceeded = true;
        Error(ScenarioErrors.DocumentTooLarge, node, NodeBudget.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return false;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when s.Value is null || s.Value.Length == 0 || s.Value == "~" || s.Value == "null" => "nothing (null)",
        YamlScalarNode s => $"'{Truncate(s.Value!)}'",
        _ => "an alias",
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
