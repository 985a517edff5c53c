using Salient.Scenario.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Salient.Scenario.Parsing;

/// <summary>
/// Applies <c>path=value</c> overrides (from variants and <c>--set</c>) to the YAML tree before binding, so an
/// override is validated exactly like the text it replaces. Paths are dotted: mapping keys by name, list items by
/// their <c>id</c>, <c>name</c> or <c>side</c> (or by index).
/// </summary>
internal static class Overrides
{
    /// <summary>Parses <c>path=value</c>; the value is YAML (a number, a date, or a flow mapping such as <c>{dist: uniform, min: 1, max: 2}</c>).</summary>
    public static bool TryParse(YamlContext ctx, string text, out string path, out YamlNode? value)
    {
        path = "";
        value = null;
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        string label = $"--set {text}";
        if (eq <= 0)
        {
            ctx.Diagnostics.Add(ScenarioErrors.BadOverride, SourceSpan.None(label), text, "expected path=value, e.g. parameters.ground.lethality.red=0.03");
            return false;
        }
        path = text[..eq].Trim();
        string raw = text[(eq + 1)..];
        try
        {
            string yaml = raw.Length == 0 ? "~" : raw;
            if (!ScenarioLoader.CheckStructure(ctx.Diagnostics, yaml, m => new SourceSpan(label, (int)m.Line, eq + 1 + (int)m.Column))) return false;
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            value = stream.Documents.Count == 0 ? new YamlScalarNode("") : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            ctx.Diagnostics.Add(ScenarioErrors.BadOverride, new SourceSpan(label, 1, eq + 1 + (int)ex.Start.Column), text, "the value is not valid YAML: " + ex.Message);
            return false;
        }
        ctx.SetOrigin(value, label);
        return true;
    }

    /// <summary>Sets the node at <paramref name="path"/> to <paramref name="value"/>, creating missing mapping keys.</summary>
    public static bool Apply(YamlContext ctx, YamlMappingNode root, string path, YamlNode value, SourceSpan where)
    {
        var segments = path.Split('.');
        if (segments.Any(s => s.Length == 0))
        {
            ctx.Diagnostics.Add(ScenarioErrors.BadOverride, where, path, "empty path segment");
            return false;
        }
        YamlNode current = root;
        for (int i = 0; i < segments.Length; i++)
        {
            string seg = segments[i];
            bool last = i == segments.Length - 1;
            switch (current)
            {
                case YamlMappingNode map:
                {
                    var key = new YamlScalarNode(seg);
                    ctx.SetSpan(key, where);
                    if (last) { map.Children[key] = value; return true; }
                    if (!map.Children.TryGetValue(key, out var next))
                    {
                        next = new YamlMappingNode();
                        ctx.SetSpan(next, where);
                        map.Children[key] = next;
                    }
                    current = next;
                    break;
                }
                case YamlSequenceNode seq:
                {
                    int index = FindItem(seq, seg);
                    if (index < 0)
                    {
                        var names = seq.Children.Select(ItemName).Where(n => n is not null).Cast<string>();
                        ctx.Diagnostics.Add(ScenarioErrors.BadOverride, where, path,
                            $"no item '{seg}' in '{string.Join('.', segments.Take(i))}'{Suggestions.Hint(seg, names)}");
                        return false;
                    }
                    if (last) { seq.Children[index] = value; return true; }
                    current = seq.Children[index];
                    break;
                }
                default:
                    ctx.Diagnostics.Add(ScenarioErrors.BadOverride, where, path, $"'{string.Join('.', segments.Take(i))}' is a single value, so it has no '{seg}'");
                    return false;
            }
        }
        return true;
    }

    private static int FindItem(YamlSequenceNode seq, string seg)
    {
        for (int i = 0; i < seq.Children.Count; i++)
            if (ItemName(seq.Children[i]) == seg) return i;
        return int.TryParse(seg, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int k) && k < seq.Children.Count ? k : -1;
    }

    private static string? ItemName(YamlNode node)
    {
        if (node is not YamlMappingNode m) return null;
        foreach (var key in new[] { "id", "name", "side" })
            if (m.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s) return s.Value;
        return null;
    }
}
