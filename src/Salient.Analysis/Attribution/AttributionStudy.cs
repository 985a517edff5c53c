using Salient.Engine.Compilation;
using Salient.Engine.Random;
using Salient.Experiments.Comparison;
using Salient.Experiments.Statistics;
using Salient.Scenario.Model;

namespace Salient.Analysis.Attribution;

/// <summary>An attribution that cannot be set up (no, unknown or too many mechanisms): a user error.</summary>
public sealed class AttributionSetupException(string message) : Experiments.Errors.UserErrorException(message);

/// <summary>A mechanism or system whose part in the outcome is measured, and the scenario variant that removes it.</summary>
/// <param name="Name">The name reported (the variant's id unless given as <c>name=variant</c>).</param>
/// <param name="Variant">The id of the scenario's variant that removes it.</param>
public sealed record Mechanism(string Name, string Variant);

/// <summary>What one mechanism does to one outcome.</summary>
/// <param name="Mechanism">The mechanism.</param>
/// <param name="WithoutMean">v(all but this one): the outcome's mean with only this mechanism removed.</param>
/// <param name="Removal">The one-at-a-time removal effect, v(all but this one) - v(all), paired over replications.</param>
/// <param name="RemovalLow">Lower end of its 95% Student-t interval (paired differences).</param>
/// <param name="RemovalHigh">Upper end of that interval.</param>
/// <param name="Shapley">The mechanism's Shapley value: its average marginal contribution (present minus removed) over every coalition of the others.</param>
/// <param name="ShapleyLow">Lower end of the Shapley value's 95% paired-bootstrap percentile interval.</param>
/// <param name="ShapleyHigh">Upper end of that interval.</param>
public sealed record MechanismEffect(Mechanism Mechanism, double WithoutMean, double Removal, double RemovalLow, double RemovalHigh,
    double Shapley, double ShapleyLow, double ShapleyHigh);

/// <summary>One outcome's attribution across the mechanisms.</summary>
/// <param name="Outcome">The outcome's selector, as written.</param>
/// <param name="Kind">How the outcome is read (a quantity, a day index, a probability).</param>
/// <param name="All">v(all): the outcome's mean with every mechanism present (the baseline).</param>
/// <param name="None">v(none): the outcome's mean with every mechanism removed.</param>
/// <param name="Coalitions">v(S) for every coalition mask S (bit i set = mechanism i present).</param>
/// <param name="Effects">Each mechanism's removal effect and Shapley value, in the order given.</param>
public sealed record OutcomeAttribution(string Outcome, OutcomeKind Kind, double All, double None, IReadOnlyList<double> Coalitions,
    IReadOnlyList<MechanismEffect> Effects)
{
    /// <summary>v(all) - v(none): what the Shapley values add up to (efficiency).</summary>
    public double Total => All - None;
}

/// <summary>
/// The attribution design and its statistics (<c>salient attribute</c>): every coalition of k mechanisms is one run of
/// the scenario with the others removed (their variants composed in the order given), all with the same seed and
/// replication indices (common random numbers). From the runs' per-replication values of an outcome it gives the
/// one-at-a-time removal effects with paired Student-t intervals, and the exact Shapley decomposition with intervals
/// from a paired bootstrap: each draw resamples replication indices once and uses them in all 2^k runs.
/// </summary>
public static class AttributionStudy
{
    /// <summary>
    /// The mechanisms of the comma-separated <paramref name="list"/>: each <c>variant</c> or <c>name=variant</c>, a
    /// variant of <paramref name="model"/>. Refuses none, an unknown variant, a repeat, and more than
    /// <see cref="Shapley.MaxPlayers"/> (2^k runs).
    /// </summary>
    public static IReadOnlyList<Mechanism> Mechanisms(ScenarioModel model, string? list)
    {
        ArgumentNullException.ThrowIfNull(model);
        var items = (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0)
            throw new AttributionSetupException(model.VariantNames.IsDefaultOrEmpty
                ? $"name the mechanisms with --mechanisms, each a variant that removes it; scenario '{model.Name}' defines no variants"
                : $"name the mechanisms with --mechanisms, each a variant that removes it, e.g. --mechanisms {string.Join(",", model.VariantNames.Take(3))}");
        if (items.Length > Shapley.MaxPlayers)
            throw new AttributionSetupException($"{items.Length} mechanisms need 2^{items.Length} = {1L << Math.Min(items.Length, 62):N0} runs; the exact Shapley decomposition is limited to {Shapley.MaxPlayers} (1,024 runs): group mechanisms into fewer variants");
        var result = new List<Mechanism>();
        foreach (var item in items)
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? item : item[..eq].Trim(), variant = eq < 0 ? item : item[(eq + 1)..].Trim();
            if (name.Length == 0 || variant.Length == 0) throw new AttributionSetupException($"--mechanisms: '{item}' is not 'variant' or 'name=variant'");
            if (!model.VariantNames.Contains(variant))
                throw new AttributionSetupException($"--mechanisms: unknown variant '{variant}'; the scenario's variants are: {string.Join(", ", model.VariantNames)}");
            if (result.Exists(m => m.Name == name)) throw new AttributionSetupException($"--mechanisms: '{name}' is given more than once");
            if (result.Exists(m => m.Variant == variant)) throw new AttributionSetupException($"--mechanisms: variant '{variant}' is given more than once");
            result.Add(new Mechanism(name, variant));
        }
        return result;
    }

    /// <summary>
    /// The variant composition (<c>--variant A+B</c>) that plays coalition <paramref name="present"/>: the variants of the
    /// mechanisms not in it, in the order given; null for the full coalition (the baseline).
    /// </summary>
    public static string? Composition(IReadOnlyList<Mechanism> mechanisms, int present)
    {
        ArgumentNullException.ThrowIfNull(mechanisms);
        var removed = mechanisms.Where((_, i) => (present & (1 << i)) == 0).Select(m => m.Variant).ToList();
        return removed.Count == 0 ? null : string.Join('+', removed);
    }

    /// <summary>The coalitions in the order they are run: the full one (the baseline) first, then by mask downward.</summary>
    public static IEnumerable<int> Coalitions(int mechanisms)
    {
        if (mechanisms < 1 || mechanisms > Shapley.MaxPlayers) throw new ArgumentOutOfRangeException(nameof(mechanisms));
        for (int mask = (1 << mechanisms) - 1; mask >= 0; mask--) yield return mask;
    }

    /// <summary>
    /// The attribution of one outcome.
    /// </summary>
    /// <param name="outcome">The outcome's name.</param>
    /// <param name="kind">How it is read.</param>
    /// <param name="mechanisms">The k mechanisms.</param>
    /// <param name="columns">Per coalition mask (2^k), the outcome's value in each replication, in replication order; NaN where it is undefined (left out).</param>
    /// <param name="bootstrap">Bootstrap draws for the Shapley intervals (0 for none: the interval is the point).</param>
    /// <param name="seed">The bootstrap's seed; every outcome resamples the same replications with the same seed.</param>
    /// <param name="confidence">The intervals' confidence level.</param>
    public static OutcomeAttribution Attribute(string outcome, OutcomeKind kind, IReadOnlyList<Mechanism> mechanisms, IReadOnlyList<double[]> columns,
        int bootstrap, ulong seed, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(mechanisms);
        ArgumentNullException.ThrowIfNull(columns);
        int k = mechanisms.Count, coalitions = 1 << k, full = coalitions - 1;
        if (k < 1 || k > Shapley.MaxPlayers) throw new ArgumentOutOfRangeException(nameof(mechanisms));
        if (columns.Count != coalitions) throw new ArgumentException($"expected {coalitions} columns, got {columns.Count}", nameof(columns));
        int n = columns[0].Length;
        if (columns.Any(c => c.Length != n)) throw new ArgumentException("every run needs the same replications", nameof(columns));

        var ones = new int[n];
        Array.Fill(ones, 1);
        var v = CoalitionMeans(columns, ones);
        var phi = Shapley.Values(v, k);
        var low = (double[])phi.Clone();
        var high = (double[])phi.Clone();
        if (bootstrap > 0 && n > 0)
        {
            var draws = new double[k][];
            for (int i = 0; i < k; i++) draws[i] = new double[bootstrap];
            var stream = new RandomStream(seed, 0, StreamIds.AttributionBootstrap);
            var counts = new int[n];
            for (int b = 0; b < bootstrap; b++)
            {
                Array.Clear(counts);
                for (int j = 0; j < n; j++) counts[stream.NextInt(n)]++;
                var boot = Shapley.Values(CoalitionMeans(columns, counts), k);
                for (int i = 0; i < k; i++) draws[i][b] = boot[i];
            }
            double alpha = (1 - confidence) / 2;
            for (int i = 0; i < k; i++)
            {
                var sorted = draws[i].Where(double.IsFinite).Order().ToArray();
                low[i] = sorted.Length > 0 ? Quantiles.R7(sorted, alpha) : double.NaN;
                high[i] = sorted.Length > 0 ? Quantiles.R7(sorted, 1 - alpha) : double.NaN;
            }
        }
        var effects = new List<MechanismEffect>();
        for (int i = 0; i < k; i++)
        {
            int without = full & ~(1 << i);
            var d = PairedComparison.Difference(new MetricInfo(outcome, MetricKind.Value), columns[full], columns[without], confidence);
            effects.Add(new MechanismEffect(mechanisms[i], v[without], d.MeanDifference, d.Low, d.High, phi[i], low[i], high[i]));
        }
        return new OutcomeAttribution(outcome, kind, v[full], v[0], v, effects);
    }

    /// <summary>
    /// v(S) for every coalition: the mean of each column with replication r counted <paramref name="counts"/>[r] times
    /// (all ones for the sample itself, a resample's multiplicities in the bootstrap), over its finite entries.
    /// </summary>
    public static double[] CoalitionMeans(IReadOnlyList<double[]> columns, ReadOnlySpan<int> counts)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var v = new double[columns.Count];
        for (int s = 0; s < columns.Count; s++)
        {
            var column = columns[s];
            double sum = 0;
            long weight = 0;
            for (int r = 0; r < column.Length; r++)
            {
                int c = counts[r];
                if (c == 0 || !double.IsFinite(column[r])) continue;
                sum += c * column[r];
                weight += c;
            }
            v[s] = weight > 0 ? sum / weight : double.NaN;
        }
        return v;
    }
}
