namespace Salient.Scenario.Diagnostics;

/// <summary>"Did you mean" hints from edit distance, as BenchmarkDotNet's CorrectionsSuggester does for options.</summary>
public static class Suggestions
{
    /// <summary>Up to <paramref name="max"/> candidates close to <paramref name="input"/>, nearest first, ties by name.</summary>
    public static IReadOnlyList<string> Nearest(string input, IEnumerable<string> candidates, int max = 3)
    {
        int limit = Math.Max(2, input.Length / 3);
        return [.. candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (c, d: Levenshtein(input.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(t => t.d <= limit || t.c.StartsWith(input, StringComparison.OrdinalIgnoreCase) || input.StartsWith(t.c, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.d).ThenBy(t => t.c, StringComparer.Ordinal).Take(max).Select(t => t.c)];
    }

    /// <summary>Renders a hint suffix such as <c>; did you mean 'start'?</c>, or an empty string.</summary>
    public static string Hint(string input, IEnumerable<string> candidates)
    {
        var near = Nearest(input, candidates);
        return near.Count == 0 ? "" : "; did you mean " + string.Join(" or ", near.Select(n => $"'{n}'")) + "?";
    }

    /// <summary>Classic Levenshtein distance (insert, delete, substitute all cost 1).</summary>
    public static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
