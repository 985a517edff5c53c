using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Experiments.Comparison;
using Salient.Experiments.Runner;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Model;

namespace Salient.Analysis.Comparison;

/// <summary>
/// <c>salient compare</c>'s study: each variant's paired differences against the baseline (common random numbers),
/// over every final metric or the selected ones, and the metrics that head the console table and compare.html.
/// </summary>
public static class ComparisonStudy
{
    /// <summary>Metrics shown in the console table and at the top of compare.html when none are selected (all go to the files).</summary>
    private static readonly string[] HeadlinePatterns =
    [
        "control.area_km2_peak.{0}", "control.area_km2.{0}", "control.cleared.{0}",
        "casualties.total.{0}", "cost.spent_usd.{0}", "cost.destroyed_usd.{0}",
    ];

    /// <summary>
    /// The variants to compare: the comma-separated <paramref name="list"/>, or every variant of the scenario when null;
    /// throws <see cref="ComparisonSetupException"/> for an unknown variant or none at all.
    /// </summary>
    public static string[] Variants(ScenarioModel model, string? list)
    {
        ArgumentNullException.ThrowIfNull(model);
        var variants = list is not null
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. model.VariantNames];
        if (variants.Length == 0) throw new ComparisonSetupException($"scenario '{model.Name}' defines no variants; name some with --variants");
        foreach (var v in variants)
            if (!model.VariantNames.Contains(v))
                throw new ComparisonSetupException($"unknown variant '{v}'{Suggestions.Hint(v, model.VariantNames)} (the scenario's variants: {string.Join(", ", model.VariantNames)})");
        return variants;
    }

    /// <summary>The paired differences of <paramref name="result"/> (a variant) against <paramref name="baseline"/>: every final metric, or the <paramref name="selected"/> ones.</summary>
    public static IReadOnlyList<MetricDifference> Differences(MonteCarloResult baseline, MonteCarloResult result, IReadOnlyList<MetricSelector>? selected) =>
        selected is null
            ? PairedComparison.Compare(baseline, result)
            : [.. selected.Select(m => PairedComparison.Difference(new MetricInfo(m.Name, m.Kind), m.Column(baseline), m.Column(result)))];

    /// <summary>The metrics shown in the console table and at the top of compare.html: the selected ones, else the headline set.</summary>
    public static List<string> Headline(ScenarioModel model, IReadOnlyList<MetricSelector>? selected)
    {
        ArgumentNullException.ThrowIfNull(model);
        return selected is not null
            ? [.. selected.Select(m => m.Name)]
            : [.. model.Sides.SelectMany(side => HeadlinePatterns.Select(p => string.Format(CultureInfo.InvariantCulture, p, side.Id)))];
    }
}

/// <summary>A comparison that cannot be set up (no or unknown variants): a user error.</summary>
public sealed class ComparisonSetupException(string message) : Experiments.Errors.UserErrorException(message);
