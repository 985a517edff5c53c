using Salient.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Salient.Scenario.Parsing;

internal sealed partial class ScenarioBinder
{
    private YamlSequenceNode? VariantList(YamlMappingNode root) =>
        root.Children.TryGetValue(new YamlScalarNode("variants"), out var v) ? Read.Sequence(ctx, v, "variants") : null;

    /// <summary>The ids of the named variants, checking each variant's shape.</summary>
    public List<string> VariantNames(YamlMappingNode root)
    {
        var names = new List<string>();
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var item in VariantList(root)?.Children ?? [])
        {
            var m = MapView.Of(ctx, item, "a variant", ["id", "description", "set"]);
            if (m is null) continue;
            var id = Read.String(ctx, m.Required("id"), "variant", id: true);
            if (m["description"] is { } d) Read.String(ctx, d, "variant description");
            if (m.Required("set") is { } s) MapView.Of(ctx, s, $"set of variant '{id}'", null);
            if (id is null) continue;
            if (seen.TryGetValue(id, out var first)) { ctx.Error(ScenarioErrors.DuplicateId, m["id"], "variant", id, first.ToString()); continue; }
            seen[id] = ctx.Span(m["id"]);
            names.Add(id);
        }
        return names;
    }

    /// <summary>Applies the overrides of the named variant to the tree.</summary>
    public void ApplyVariant(YamlMappingNode root, string variant)
    {
        foreach (var item in VariantList(root)?.Children ?? [])
        {
            if (item is not YamlMappingNode m || !m.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) ||
                idNode is not YamlScalarNode { Value: var id } || id != variant) continue;
            if (!m.Children.TryGetValue(new YamlScalarNode("set"), out var setNode) || setNode is not YamlMappingNode set) return;
            foreach (var (k, v) in set.Children.ToList())
                if (k is YamlScalarNode { Value: { } path })
                    Overrides.Apply(ctx, root, path, v, ctx.Span(k));
            return;
        }
        var names = VariantNames(root);
        Diag.Add(ScenarioErrors.UnknownVariant, SourceSpan.None(ctx.File), variant,
            names.Count == 0 ? " (the scenario defines no variants)" : Suggestions.Hint(variant, names) + $" (variants: {string.Join(", ", names)})");
    }
}
