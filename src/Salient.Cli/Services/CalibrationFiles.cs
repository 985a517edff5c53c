using System.Globalization;
using System.Text;
using System.Text.Json;
using Salient.Analysis.Calibration;
using Salient.Analysis.Plots;
using Salient.Cli.Settings;
using Salient.Experiments.Claims;
using Salient.Experiments.Statistics;
using Salient.Output.Csv;
using Salient.Output.Files;
using Salient.Scenario.Model;
using Salient.Scenario.Parsing;
using Spectre.Console;

namespace Salient.Cli.Services;

/// <summary>
/// The files of <c>salient calibrate</c>: posterior.csv and .parquet, diagnostics.json, calibration.yaml and the plots,
/// and the installed calibration file beside the scenario. (They describe Analysis types, which Output does not
/// reference, so they live with the command's services rather than in Output.)
/// </summary>
internal static class CalibrationFiles
{
    /// <summary>Name of the calibration file (in the output folder, and beside the scenario with --install).</summary>
    public const string CalibrationFileName = "calibration.yaml";

    /// <summary>The first words of every calibration file Salient writes: an existing file without them is not Salient's to replace.</summary>
    private const string CalibrationMark = "# Written by `salient calibrate`";

    /// <summary>Writes every output of a finished fit into <paramref name="dir"/>.</summary>
    public static void Write(string dir, string calibration, ScenarioModel model, ScenarioCalibration fit, IReadOnlyList<Generation> generations, Generation final,
        IReadOnlyList<PosteriorSummary> summaries, IReadOnlyList<ResolvedClaim> resolved, CalibrateSettings settings, double seconds)
    {
        WritePosterior(dir, fit, generations);
        File.WriteAllText(Path.Combine(dir, "diagnostics.json"), Diagnostics(model, fit, generations, final, summaries, resolved, settings, seconds), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(dir, CalibrationFileName), calibration, new UTF8Encoding(false));
        WritePlots(dir, fit, generations, final);
    }

    /// <summary>Four significant figures, as the tables and the calibration file show posterior figures.</summary>
    internal static string G(double x) => x.ToString("G4", CultureInfo.InvariantCulture);

    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A prior as the tables, diagnostics.json and calibration.yaml describe it.</summary>
    internal static string Describe(Prior p)
    {
        var d = p.Distribution;
        string family = d.Kind switch
        {
            DistributionKind.Triangular => $"triangular({G(d.A)}, {G(d.B)}, {G(d.C)})",
            DistributionKind.Uniform => $"uniform({G(d.A)}, {G(d.B)})",
            DistributionKind.LogNormal => $"lognormal(median {G(d.A)}, sigma {G(d.B)})",
            DistributionKind.Beta => $"beta({G(d.A)}, {G(d.B)})",
            _ => $"normal({G(d.A)}, {G(d.B)})",
        };
        return $"{family} on [{G(p.Lower)}, {G(p.Upper)}]";
    }

    /// <summary>The calibration file: the final generation's weighted particles, so runs draw the fitted inputs jointly
    /// (one particle a replication; the posterior's correlations are kept).</summary>
    internal static string CalibrationYaml(ScenarioModel model, ScenarioCalibration fit, Generation final, IReadOnlyList<PosteriorSummary> summaries,
        CalibrateSettings settings, IReadOnlyList<Generation> generations)
    {
        var sb = new StringBuilder();
        sb.Append(CalibrationMark).Append(" (ABC-SMC). Do not edit by hand: rerun the calibration instead.\n");
        sb.Append("# Each calibrated parameter is set to the final generation's weighted particles (dist: particles). The\n");
        sb.Append("# weights are the same for every parameter, so a replication takes one whole particle: the inputs are drawn\n");
        sb.Append("# jointly and the posterior's correlations (diagnostics.json) are kept.\n");
        sb.Append("salient_calibration: 1\n");
        sb.Append("method: abc-smc\n");
        sb.Append(CultureInfo.InvariantCulture, $"scenario_hash: \"{model.Hash}\"\n");
        sb.Append(CultureInfo.InvariantCulture, $"seed: {settings.Seed}\n");
        sb.Append("fit:\n");
        sb.Append(CultureInfo.InvariantCulture, $"  particles: {settings.Particles}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  replications_per_particle: {fit.Replications}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  generations: {generations.Count}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  final_generation: {final.Index}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  epsilon: {N(final.Epsilon)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  effective_sample_size: {N(Math.Round(final.EffectiveSampleSize, 1))}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  proposals: {generations.Sum(g => g.Proposals)}\n");
        sb.Append("set:\n");
        for (int i = 0; i < summaries.Count; i++)
        {
            var s = summaries[i];
            string source = string.Create(CultureInfo.InvariantCulture,
                $"calibrated: ABC-SMC posterior (generation {final.Index}, epsilon {G(final.Epsilon)}, {final.Particles.Length} particles; median {G(s.P50)}, 90% [{G(s.P05)}, {G(s.P95)}]) of prior {Describe(s.Prior)}");
            sb.Append(CultureInfo.InvariantCulture, $"  {s.Path}: {Particles(final, i, source)}\n");
        }
        return sb.ToString();
    }

    /// <summary>Input <paramref name="i"/> as a calibrated particles quantity: <c>{ dist: particles, values: [...], weights: [...], calibrate: true, source: "..." }</c>.</summary>
    private static string Particles(Generation final, int i, string source) =>
        $"{{ dist: particles, values: [{string.Join(", ", final.Particles.Select(p => N(p.Theta[i])))}], weights: [{string.Join(", ", final.Particles.Select(p => N(p.Weight)))}], calibrate: true, source: \"{source}\" }}";

    /// <summary>
    /// The calibrated values as <c>path=value</c> overrides of the uncalibrated scenario (the calibration file's <c>set:</c>
    /// entries), so a model calibrated in this process can be run before any file is installed (the backtest).
    /// </summary>
    internal static List<string> Overrides(Generation final, IReadOnlyList<PosteriorSummary> summaries, DateOnly until)
    {
        string source = string.Create(CultureInfo.InvariantCulture, $"calibrated on the claims up to {until:yyyy-MM-dd} (backtest)");
        return [.. summaries.Select((s, i) => $"{s.Path}={Particles(final, i, source)}")];
    }

    private static void WritePosterior(string dir, ScenarioCalibration fit, IReadOnlyList<Generation> generations)
    {
        var paths = fit.Priors.Select(p => p.Path).ToArray();
        var sb = new StringBuilder("generation,particle,proposal,weight,distance");
        foreach (string p in ColumnNames.Of(paths)) sb.Append(',').Append(p); // docs/outputs.md's column rule
        sb.Append('\n');
        var rows = generations.SelectMany(g => g.Particles.Select((p, i) => (G: g.Index, I: i, P: p))).ToList();
        foreach (var (g, i, p) in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{g},{i},{p.Proposal},{CsvFormat.Number(p.Weight)},{CsvFormat.Number(p.Distance)}");
            foreach (double x in p.Theta) sb.Append(',').Append(CsvFormat.Number(x));
            sb.Append('\n');
        }
        File.WriteAllText(Path.Combine(dir, "posterior.csv"), sb.ToString(), new UTF8Encoding(false));

        var columns = new List<ParquetSharp.Column>
        {
            new ParquetSharp.Column<int>("generation"), new ParquetSharp.Column<int>("particle"), new ParquetSharp.Column<long>("proposal"),
            new ParquetSharp.Column<double>("weight"), new ParquetSharp.Column<double>("distance"),
        };
        columns.AddRange(ColumnNames.Of(paths).Select(p => new ParquetSharp.Column<double>(p)));
        using var file = new ParquetSharp.ParquetFileWriter(Path.Combine(dir, "posterior.parquet"), [.. columns], ParquetSharp.Compression.Snappy);
        using (var group = file.AppendRowGroup())
        {
            using (var w = group.NextColumn().LogicalWriter<int>()) w.WriteBatch([.. rows.Select(r => r.G)]);
            using (var w = group.NextColumn().LogicalWriter<int>()) w.WriteBatch([.. rows.Select(r => r.I)]);
            using (var w = group.NextColumn().LogicalWriter<long>()) w.WriteBatch([.. rows.Select(r => r.P.Proposal)]);
            using (var w = group.NextColumn().LogicalWriter<double>()) w.WriteBatch([.. rows.Select(r => r.P.Weight)]);
            using (var w = group.NextColumn().LogicalWriter<double>()) w.WriteBatch([.. rows.Select(r => r.P.Distance)]);
            for (int k = 0; k < paths.Length; k++)
            {
                using var w = group.NextColumn().LogicalWriter<double>();
                w.WriteBatch([.. rows.Select(r => r.P.Theta[k])]);
            }
        }
        file.Close();
    }

    private static string Diagnostics(ScenarioModel model, ScenarioCalibration fit, IReadOnlyList<Generation> generations, Generation final,
        IReadOnlyList<PosteriorSummary> summaries, IReadOnlyList<ResolvedClaim> resolved, CalibrateSettings settings, double seconds)
    {
        var corr = ScenarioCalibration.Correlation(final, fit.Priors.Length);
        static double? F(double x) => double.IsFinite(x) ? x : null;
        var doc = new
        {
            scenario = new { name = model.Name, hash = model.Hash },
            method = "abc-smc (Beaumont et al. 2009 population Monte Carlo; adaptive tolerance, Del Moral et al. 2012)",
            settings = new { particles = settings.Particles, generations = settings.Generations, replications_per_particle = settings.Replications, quantile = settings.Quantile, seed = settings.Seed },
            seconds = Math.Round(seconds, 1),
            final_generation = final.Index,
            generation_table = generations.Select(g => new
            {
                index = g.Index, epsilon = F(g.Epsilon), proposals = g.Proposals, accepted = g.Particles.Length,
                acceptance_rate = g.AcceptanceRate, effective_sample_size = g.EffectiveSampleSize,
                distance_median = Quantiles.R7OfUnsorted(g.Particles.Select(p => p.Distance), 0.5),
            }),
            parameters = summaries.Select(s => new
            {
                path = s.Path, prior = Describe(s.Prior), lower = s.Prior.Lower, upper = s.Prior.Upper,
                posterior = new { mean = s.Mean, sd = s.Sd, p05 = s.P05, p50 = s.P50, p95 = s.P95 },
            }),
            correlation = Enumerable.Range(0, fit.Priors.Length).Select(i => Enumerable.Range(0, fit.Priors.Length).Select(j => Math.Round(corr[i, j], 4)).ToArray()),
            claims = resolved.Select(r => new
            {
                id = r.Entry.Id, metric = r.Entry.Metric, grade = r.Entry.Reliability, weight = r.Claim?.Weight,
                used = r.Claim is { Weight: > 0 }, note = r.Note,
            }),
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static void WritePlots(string dir, ScenarioCalibration fit, IReadOnlyList<Generation> generations, Generation final)
    {
        for (int i = 0; i < fit.Priors.Length; i++)
        {
            var prior = fit.Priors[i];
            byte[] png = AnalysisPlots.Posterior($"{prior.Path}: posterior (generation {final.Index}) and prior", prior.Path,
                [.. final.Particles.Select(p => p.Theta[i])], [.. final.Particles.Select(p => p.Weight)], prior.Lower, prior.Upper, prior.Density);
            File.WriteAllBytes(Path.Combine(dir, FileNames.Safe($"posterior-{prior.Path}.png")), png);
        }
        var later = generations.Skip(1).ToList();
        if (later.Count > 0)
            File.WriteAllBytes(Path.Combine(dir, "tolerance.png"), AnalysisPlots.Tolerances("ABC-SMC tolerance and acceptance by generation", later[0].Index,
                [.. later.Select(g => g.Epsilon)], [.. later.Select(g => g.AcceptanceRate)]));
    }

    /// <summary>Writes the calibration file beside the scenario (atomically, <see cref="AtomicFile"/>); notes go to <paramref name="note"/> as markup.</summary>
    public static string Install(string scenarioPath, string text, Action<string> note)
    {
        string folder = Directory.Exists(scenarioPath) ? scenarioPath : Path.GetDirectoryName(Path.GetFullPath(scenarioPath))!;
        string target = Path.Combine(folder, CalibrationFileName);
        AtomicFile.WriteAllText(target, text, ownMark: CalibrationMark);
        string scenarioFile = Directory.Exists(scenarioPath) ? Path.Combine(scenarioPath, ScenarioLoader.ScenarioFileName) : scenarioPath;
        if (!File.ReadAllText(scenarioFile).Split('\n').Any(l => l.StartsWith("calibration:", StringComparison.Ordinal)))
            note($"[yellow]note:[/] {Markup.Escape(scenarioFile)} has no 'calibration: {CalibrationFileName}' line, so the file is not applied until you add it.");
        return target;
    }
}
