using System.Globalization;
using Salient.Engine.Random;

namespace Salient.Analysis.Sweeps;

/// <summary>A malformed <c>--vary</c> or <c>--inputs</c> specification; the message names the path and what was expected.</summary>
public sealed class SweepSpecException(string message) : Salient.Experiments.Errors.UserErrorException(message);

/// <summary>
/// One varied input: a scenario path and either an explicit list of values (<c>path=a,b,c</c>) or a numeric range
/// (<c>path=lo..hi</c>, with <c>:steps</c> evenly spaced levels for a factorial design).
/// </summary>
/// <param name="Path">The override path, e.g. <c>units.red-bn.personnel</c>.</param>
/// <param name="Values">The explicit values (YAML text), or the range's levels for a factorial design.</param>
/// <param name="Low">Range lower bound (NaN for a list).</param>
/// <param name="High">Range upper bound (NaN for a list).</param>
/// <param name="Integer">True when both bounds are written as integers: Latin hypercube values are then rounded (factorial levels are not).</param>
public sealed record VariedInput(string Path, IReadOnlyList<string> Values, double Low, double High, bool Integer)
{
    /// <summary>True for a <c>lo..hi</c> range.</summary>
    public bool IsRange => !double.IsNaN(Low);

    /// <summary>Parses <c>path=a,b,c</c> (when <paramref name="allowList"/>), <c>path=lo..hi:steps</c> or (when <paramref name="stepsRequired"/> is false) <c>path=lo..hi</c>.</summary>
    public static VariedInput Parse(string text, bool stepsRequired, bool allowList = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        string form = (stepsRequired, allowList) switch
        {
            (true, true) => "path=a,b,c or path=lo..hi:steps",
            (false, true) => "path=a,b,c or path=lo..hi",
            _ => "path=lo..hi",
        };
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) throw new SweepSpecException($"'{text}': expected {form}, e.g. units.red-bn.personnel=300..900:3");
        string path = text[..eq].Trim();
        string spec = text[(eq + 1)..].Trim();
        if (path.Length == 0 || path.Split('.').Any(s => s.Length == 0)) throw new SweepSpecException($"'{text}': the path '{path}' has an empty segment");
        if (spec.Length == 0) throw new SweepSpecException($"{path}: no values after '='; expected {form}");
        int dots = spec.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            if (!allowList) throw new SweepSpecException($"{path}: expected a range lo..hi, found '{spec}'");
            var values = spec.Split(',', StringSplitOptions.TrimEntries);
            if (values.Any(v => v.Length == 0)) throw new SweepSpecException($"{path}: empty value in the list '{spec}'; expected a,b,c");
            if (values.FirstOrDefault(LooksLikeDashRange) is { } dashed)
            {
                int dash = dashed.IndexOf('-', 1);
                throw new SweepSpecException($"{path}: '{dashed}' is not a number; a range is written lo..hi:steps, e.g. {path}={dashed[..dash].Trim()}..{dashed[(dash + 1)..].Trim()}:3");
            }
            return new VariedInput(path, values, double.NaN, double.NaN, false);
        }
        string lowText = spec[..dots].Trim();
        string rest = spec[(dots + 2)..];
        string highText = rest;
        int steps = 0;
        int colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            highText = rest[..colon];
            string stepText = rest[(colon + 1)..].Trim();
            if (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out steps) || steps < 2)
                throw new SweepSpecException($"{path}: the number of steps after ':' must be an integer of at least 2, found '{stepText}'");
        }
        else if (stepsRequired)
        {
            throw new SweepSpecException($"{path}: a range needs a number of steps, e.g. {path}={lowText}..{highText.Trim()}:3 (or use --lhs N)");
        }
        highText = highText.Trim();
        if (!TryNumber(lowText, out double low)) throw new SweepSpecException($"{path}: the lower bound '{lowText}' is not a number");
        if (!TryNumber(highText, out double high)) throw new SweepSpecException($"{path}: the upper bound '{highText}' is not a number");
        if (!(high > low)) throw new SweepSpecException($"{path}: the range {lowText}..{highText} is empty; expected lo < hi");
        bool integer = IsInteger(lowText) && IsInteger(highText);
        var levels = new string[steps];
        for (int k = 0; k < steps; k++) levels[k] = Format(low + ((high - low) * k / (steps - 1)), integer: false);
        return new VariedInput(path, levels, low, high, integer);
    }

    /// <summary>The value at <paramref name="u"/> in [0,1]: a point of the range, or a list item by stratum.</summary>
    public string At(double u)
    {
        if (IsRange) return Format(Low + ((High - Low) * Math.Clamp(u, 0, 1)), Integer);
        int k = Math.Min((int)(Math.Clamp(u, 0, 1) * Values.Count), Values.Count - 1);
        return Values[k];
    }

    /// <summary>Formats a value as override text (invariant culture, 15 significant digits, so 0.01..0.03:3 gives 0.02; rounded when integer).</summary>
    public static string Format(double value, bool integer) =>
        integer ? Math.Round(value, MidpointRounding.ToEven).ToString("0", CultureInfo.InvariantCulture) : value.ToString("G15", CultureInfo.InvariantCulture);

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>True for text such as <c>300-900</c>: two numbers joined by a dash, a range written the wrong way.</summary>
    private static bool LooksLikeDashRange(string text)
    {
        int dash = text.IndexOf('-', 1);
        return dash > 0 && TryNumber(text[..dash], out _) && TryNumber(text[(dash + 1)..], out _) && !TryNumber(text, out _);
    }

    private static bool IsInteger(string text) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}

/// <summary>One point of a sweep: a value (override text) for each varied input, in input order.</summary>
public sealed record SweepPoint(int Index, IReadOnlyList<string> Values)
{
    /// <summary>The overrides <c>path=value</c> of this point.</summary>
    public IEnumerable<string> Overrides(IReadOnlyList<VariedInput> inputs) => inputs.Select((v, i) => $"{v.Path}={Values[i]}");
}

/// <summary>Sweep designs: a full factorial over every input's levels, or a Latin hypercube.</summary>
public static class SweepDesign
{
    /// <summary>Largest number of points a design may have.</summary>
    public const int MaxPoints = 100_000;

    /// <summary>Every combination of the inputs' levels; the last input varies fastest.</summary>
    public static IReadOnlyList<SweepPoint> FullFactorial(IReadOnlyList<VariedInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0) throw new SweepSpecException("nothing to vary: give at least one --vary path=a,b,c or path=lo..hi:steps");
        CheckDistinct(inputs);
        long total = 1;
        foreach (var v in inputs)
        {
            if (v.Values.Count == 0) throw new SweepSpecException($"{v.Path}: a range needs a number of steps for a factorial design, e.g. {v.Path}=lo..hi:3");
            total *= v.Values.Count;
            if (total > MaxPoints) throw new SweepSpecException($"the factorial design has more than {MaxPoints:N0} points; use fewer levels or --lhs N");
        }
        var points = new List<SweepPoint>((int)total);
        var index = new int[inputs.Count];
        for (int p = 0; p < total; p++)
        {
            points.Add(new SweepPoint(p, [.. inputs.Select((v, i) => v.Values[index[i]])]));
            for (int i = inputs.Count - 1; i >= 0; i--)
            {
                if (++index[i] < inputs[i].Values.Count) break;
                index[i] = 0;
            }
        }
        return points;
    }

    /// <summary>
    /// A Latin hypercube of <paramref name="samples"/> points: each input's [0,1] range is cut into N equal strata, each
    /// stratum sampled once at a uniform position, and the strata of each input randomly permuted (Philox stream keyed by
    /// the seed). Ranges map linearly; lists take the item of the stratum.
    /// </summary>
    public static IReadOnlyList<SweepPoint> LatinHypercube(IReadOnlyList<VariedInput> inputs, int samples, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0) throw new SweepSpecException("nothing to vary: give at least one --vary path=lo..hi");
        if (samples < 1 || samples > MaxPoints) throw new SweepSpecException($"--lhs must be between 1 and {MaxPoints:N0}, found {samples}");
        CheckDistinct(inputs);
        var unit = LatinHypercubeUnit(inputs.Count, samples, seed);
        return [.. Enumerable.Range(0, samples).Select(p => new SweepPoint(p, [.. inputs.Select((v, i) => v.At(unit[p][i]))]))];
    }

    /// <summary>A Latin hypercube on [0,1)^d: <c>[point][input]</c>.</summary>
    public static double[][] LatinHypercubeUnit(int dimensions, int samples, ulong seed)
    {
        var stream = new RandomStream(seed, 0, StreamIds.LatinHypercube);
        var result = new double[samples][];
        for (int p = 0; p < samples; p++) result[p] = new double[dimensions];
        var perm = new int[samples];
        for (int i = 0; i < dimensions; i++)
        {
            for (int k = 0; k < samples; k++) perm[k] = k;
            for (int k = samples - 1; k > 0; k--)
            {
                int j = stream.NextInt(k + 1);
                (perm[k], perm[j]) = (perm[j], perm[k]);
            }
            for (int p = 0; p < samples; p++) result[p][i] = (perm[p] + stream.NextDouble()) / samples;
        }
        return result;
    }

    private static void CheckDistinct(IReadOnlyList<VariedInput> inputs)
    {
        var dup = inputs.GroupBy(v => v.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new SweepSpecException($"{dup.Key}: varied more than once");
    }
}
