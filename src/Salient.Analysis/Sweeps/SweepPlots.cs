using System.Globalization;
using Salient.Analysis.Plots;

namespace Salient.Analysis.Sweeps;

/// <summary>The plots of a sweep.</summary>
public static class SweepPlots
{
    /// <summary>One PNG per (metric, numeric input): the mean and p05-p95 band against the input, averaged over the other inputs; each with its file name.</summary>
    public static List<(string Name, byte[] Png)> Bands(IReadOnlyList<VariedInput> inputs, IReadOnlyList<string> metrics, IReadOnlyList<(SweepPoint Point, string Metric, ColumnSummary Stats)> rows)
    {
        var files = new List<(string Name, byte[] Png)>();
        for (int i = 0; i < inputs.Count; i++)
        {
            int input = i;
            bool numeric = rows.All(r => double.TryParse(r.Point.Values[input], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            if (!numeric) continue;
            foreach (string m in metrics)
            {
                var groups = rows.Where(r => r.Metric == m && double.IsFinite(r.Stats.Mean))
                    .GroupBy(r => double.Parse(r.Point.Values[input], CultureInfo.InvariantCulture))
                    .OrderBy(g => g.Key).ToList();
                if (groups.Count == 0) continue;
                string marginal = inputs.Count > 1 ? " (averaged over the other inputs)" : "";
                byte[] png = AnalysisPlots.SweepBand($"{m} against {inputs[input].Path}{marginal}", inputs[input].Path, m,
                    [.. groups.Select(g => g.Key)], [.. groups.Select(g => g.Average(r => r.Stats.Mean))],
                    [.. groups.Select(g => g.Average(r => r.Stats.P05))], [.. groups.Select(g => g.Average(r => r.Stats.P95))]);
                files.Add(($"{m}--{inputs[input].Path}.png", png));
            }
        }
        return files;
    }
}
