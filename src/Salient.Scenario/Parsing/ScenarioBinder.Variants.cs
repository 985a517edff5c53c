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

    /// <summary>The separator of a composition of variants in <c>--variant A+B</c> (variant ids cannot contain it).</summary>
    public const char CompositionSeparator = '+';

    /// <summary>
    /// Applies the named variant, or a composition <c>A+B+...</c> of variants in the order written. Two variants of a
    /// composition that set the same key to different values are an error (SAL129) at the second one's key.
    /// </summary>
    public void ApplyVariants(YamlMappingNode root, string variants)
    {
        var parts = variants.Split(CompositionSeparator);
        if (parts.Length == 1) { ApplyVariant(root, variants); return; }
        var applied = new Dictionary<string, (string Variant, string Value)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (part.Length == 0 || !seen.Add(part))
            {
                Diag.Add(ScenarioErrors.VariantConflict, SourceSpan.None(ctx.File), variants,
                    part.Length == 0 ? "an empty variant name" : $"'{part}' is named twice");
                continue;
            }
            ApplyVariant(root, part, applied);
        }
    }

    /// <summary>Applies the overrides of the named variant to the tree; <paramref name="applied"/> holds the keys earlier variants of a composition set.</summary>
    public void ApplyVariant(YamlMappingNode root, string variant, Dictionary<string, (string Variant, string Value)>? applied = null)
    {
        foreach (var item in VariantList(root)?.Children ?? [])
        {
            if (item is not YamlMappingNode m || !m.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) ||
                idNode is not YamlScalarNode { Value: var id } || id != variant) continue;
            if (!m.Children.TryGetValue(new YamlScalarNode("set"), out var setNode) || setNode is not YamlMappingNode set) return;
            foreach (var (k, v) in set.Children.ToList())
                if (k is YamlScalarNode { Value: { } path })
                {
                    if (path == ScenarioLoader.CalibrationKey)
                    {
                        ctx.Error(ScenarioErrors.NoEffect, k, path, "the calibration file is applied before any variant; give it with --set calibration=FILE or in the scenario");
                        continue;
                    }
                    if (applied is not null)
                    {
                        string value = v.ToString();
                        if (applied.TryGetValue(path, out var earlier) && earlier.Value != value)
                        {
                            ctx.Error(ScenarioErrors.VariantConflict, k, $"{earlier.Variant}{CompositionSeparator}{variant}",
                                $"both set '{path}', '{earlier.Variant}' to {earlier.Value} and '{variant}' to {value}");
                            continue;
                        }
                        applied[path] = (variant, value);
                    }
                    Overrides.Apply(ctx, root, path, v, ctx.Span(k));
                }
            return;
        }
        var names = VariantNames(root);
        Diag.Add(ScenarioErrors.UnknownVariant, SourceSpan.None(ctx.File), variant,
            names.Count == 0 ? " (the scenario defines no variants)" : Suggestions.Hint(variant, names) + $" (variants: {string.Join(", ", names)})");
    }
}
