using System.Numerics;

namespace Salient.Analysis.Attribution;

/// <summary>
/// Exact Shapley values of a cooperative game over k players given by its value on every coalition: a coalition is a
/// bit mask over the players (bit i set = player i present), so <c>v[mask]</c> for mask 0 to 2^k - 1.
/// </summary>
/// <remarks>
/// phi_i = sum over S not containing i of |S|! (k - |S| - 1)! / k! [v(S + i) - v(S)] (Shapley 1953). The values add up
/// to v(all) - v(none) (efficiency); a player that adds the same to every coalition gets exactly that (additivity of
/// an additive game). Cost O(k 2^k).
/// </remarks>
public static class Shapley
{
    /// <summary>The largest number of players computed exactly (2^10 = 1,024 coalitions, each a run).</summary>
    public const int MaxPlayers = 10;

    /// <summary>The Shapley weight of a coalition of <paramref name="size"/> players in a game of <paramref name="players"/>: |S|! (k - |S| - 1)! / k!.</summary>
    public static double Weight(int size, int players)
    {
        if (players < 1 || size < 0 || size >= players) throw new ArgumentOutOfRangeException(nameof(size));
        // |S|! (k-|S|-1)! / k! = 1 / (k * C(k-1, |S|)), exact for k <= 10.
        return 1.0 / (players * Binomial(players - 1, size));
    }

    /// <summary>The Shapley value of each of <paramref name="players"/> players from the game's value on every coalition.</summary>
    /// <param name="values">v(S) for every coalition mask S, 0 to 2^k - 1.</param>
    /// <param name="players">k, 1 to <see cref="MaxPlayers"/>.</param>
    public static double[] Values(IReadOnlyList<double> values, int players)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (players < 1 || players > MaxPlayers) throw new ArgumentOutOfRangeException(nameof(players), $"1 to {MaxPlayers} players");
        int coalitions = 1 << players;
        if (values.Count != coalitions) throw new ArgumentException($"expected {coalitions} coalition values, got {values.Count}", nameof(values));
        // Integer weights |S|! (k-|S|-1)! (exact in a double for k <= 10), divided by k! once at the end.
        var weights = new double[players];
        for (int s = 0; s < players; s++) weights[s] = Factorial(s) * Factorial(players - s - 1);
        double total = Factorial(players);
        var phi = new double[players];
        for (int i = 0; i < players; i++)
        {
            int bit = 1 << i;
            double sum = 0;
            for (int mask = 0; mask < coalitions; mask++)
            {
                if ((mask & bit) != 0) continue;
                sum += weights[BitOperations.PopCount((uint)mask)] * (values[mask | bit] - values[mask]);
            }
            phi[i] = sum / total;
        }
        return phi;
    }

    private static double Factorial(int n)
    {
        double r = 1;
        for (int j = 2; j <= n; j++) r *= j;
        return r;
    }

    private static double Binomial(int n, int k)
    {
        double r = 1;
        for (int j = 1; j <= k; j++) r = r * (n - k + j) / j;
        return Math.Round(r);
    }
}
