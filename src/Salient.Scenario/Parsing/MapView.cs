using Salient.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Salient.Scenario.Parsing;

/// <summary>
/// A checked view of a YAML mapping: unknown keys are reported once (with a "did you mean"), and
/// required keys are reported when absent. Lookups never throw.
/// </summary>
internal sealed class MapView
{
    private readonly YamlContext _ctx;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    private MapView(YamlContext ctx, YamlMappingNode node, string what)
    {
        _ctx = ctx;
        Node = node;
        What = what;
    }

    public YamlMappingNode Node { get; }
    public string What { get; }
    public SourceSpan Span => _ctx.Span(Node);

    /// <summary>Keys in document order.</summary>
    public IEnumerable<string> Keys => _order;

    /// <summary>Wraps <paramref name="node"/> if it is a mapping (else reports a type error and returns null), checking keys against <paramref name="allowed"/> (null = any key).</summary>
    public static MapView? Of(YamlContext ctx, YamlNode? node, string what, IReadOnlyCollection<string>? allowed)
    {
        if (node is null) return null;
        if (!ctx.Visit(node)) return null;
        if (node is not YamlMappingNode map)
        {
            ctx.Error(ScenarioErrors.WrongType, node, $"a mapping for {what}", YamlContext.Describe(node));
            return null;
        }
        var view = new MapView(ctx, map, what);
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode ks || ks.Value is null)
            {
                ctx.Error(ScenarioErrors.WrongType, k, $"a plain key in {what}", YamlContext.Describe(k));
                continue;
            }
            string key = ks.Value;
            if (allowed is not null && !allowed.Contains(key))
            {
                ctx.Error(ScenarioErrors.UnknownKey, k, key, what, Suggestions.Hint(key, allowed));
                continue;
            }
            if (view._entries.TryAdd(key, (k, v))) view._order.Add(key);
        }
        return view;
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    public YamlNode? this[string key] => _entries.TryGetValue(key, out var e) ? e.Value : null;

    public YamlNode? KeyNode(string key) => _entries.TryGetValue(key, out var e) ? e.Key : null;

    /// <summary>The value of a required key; reports SAL102 at the mapping when absent.</summary>
    public YamlNode? Required(string key)
    {
        var v = this[key];
        if (v is null) _ctx.Error(ScenarioErrors.MissingKey, Node, key, What);
        return v;
    }

    /// <summary>All entries in document order.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries() =>
        _order.Select(k => (k, _entries[k].Key, _entries[k].Value));
}
