using System.Globalization;
using Salient.Analysis.Calibration;
using Salient.Cli.CommandLine;
using Salient.Cli.Rendering;
using Salient.Cli.Services;
using Salient.Cli.Settings;
using Salient.Engine.Compilation;
using Salient.Experiments.Claims;
using Salient.Experiments.Runner;
using Salient.Output.Claims;
using Salient.Output.Files;
using Salient.Output.Html;
using Salient.Scenario.Parsing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient calibrate</c>: fits the parameters marked <c>calibrate: true</c> to the evidence ledger by ABC-SMC and writes
/// the posterior, diagnostics, plots and a calibration file the other commands apply as the baseline.
/// </summary>
public sealed class CalibrateCommand(IAnsiConsole console, TableWriter tables) : Command<CalibrateSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, CalibrateSettings settings, CancellationToken cancellationToken)
    {
        string scenarioPath = ScenarioInput.Resolve(settings.Scenario);
        var model = ScenarioInput.Require(console, scenarioPath, new LoadOptions(Uncalibrated: true) { Limits = settings.Limits() });
        ScenarioCalibration.PriorsOf(model);
        string evidencePath = settings.Evidence ?? ViewerOutputs.FindEvidence(scenarioPath)
            ?? throw new UserInputException($"no evidence to fit: put an evidence.yaml beside the scenario or pass --evidence FILE");
        if (!File.Exists(evidencePath)) throw new UserInputException($"--evidence: no such file '{evidencePath}'");
        var ledger = ScenarioInput.ReadEvidence(console, evidencePath);
        var compiled = new CompiledScenario(model);
        var resolved = EvidenceClaims.Resolve(ledger, compiled);
        IReadOnlyList<ResolvedClaim> later = [];
        if (settings.Until is { } until)
        {
            (resolved, later) = Backtest.Split(resolved, until);
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Out-of-time backtest: fitting the {EvidenceClaims.Comparable(resolved).Count} comparable claims dated up to {until:yyyy-MM-dd}; {EvidenceClaims.Comparable(later).Count} later ones are held out."));
            if (EvidenceClaims.Comparable(resolved).Count(c => c.Weight > 0) == 0)
                throw new UserInputException($"--evidence-until {until:yyyy-MM-dd}: no weighted claim is dated on or before it, so there is nothing to fit");
        }
        var claims = EvidenceClaims.Comparable(resolved);

        var fit = new ScenarioCalibration(model, claims, settings.Replications, settings.Seed);

        int threads = settings.Threads ?? Environment.ProcessorCount;
        var options = new AbcOptions(settings.Particles, settings.Generations, settings.Quantile, settings.Seed, threads);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(model.Title)}[/]: ABC-SMC over {fit.Priors.Length} input(s) ({Markup.Escape(string.Join(", ", fit.Priors.Select(p => p.Path)))})"));
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{claims.Count(c => c.Weight > 0)} weighted claims from {Markup.Escape(evidencePath)} ({resolved.Count - claims.Count} entries not comparable); {settings.Particles} particles x {settings.Replications} replications, up to {settings.Generations} generations, seed {settings.Seed}, {threads} thread(s)"));

        IReadOnlyList<Generation> generations = [];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // A fit runs for minutes to hours: a log (nohup, Slurm) gets one line per finished generation instead of a bar.
        if (!ConsoleSetup.ShowsProgress(console)) generations = fit.Fit(options, (g, accepted, proposals) =>
        {
            if (accepted == settings.Particles)
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"generation {g}: {accepted} accepted of {proposals:N0} proposals, {clock.Elapsed.TotalSeconds:F0} s"));
        }, cancellationToken);
        else console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<int, ProgressTask>();
                generations = fit.Fit(options, (g, accepted, proposals) =>
                {
                    if (!tasks.TryGetValue(g, out var task))
                        tasks[g] = task = ctx.AddTask($"generation {g}", maxValue: settings.Particles);
                    task.Value = accepted;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"generation {g}: {accepted}/{settings.Particles} from {proposals:N0} proposals");
                }, cancellationToken);
            });
        double seconds = clock.Elapsed.TotalSeconds;

        var final = generations[^1].Complete(settings.Particles) || generations.Count == 1 ? generations[^1] : generations[^2];
        var summaries = fit.Summarise(final);
        string outDir = settings.Out ?? Path.Combine("out", $"{model.Name}-calibration-{settings.Seed}");
        string calibration = CalibrationFiles.CalibrationYaml(model, fit, final, summaries, settings, generations);
        IReadOnlyList<BacktestRow>? backtest = settings.Until is { } cut ? RunBacktest(scenarioPath, final, summaries, later, cut, settings, threads, cancellationToken) : null;
        AtomicDirectory.Write(outDir, dir =>
        {
            CalibrationFiles.Write(dir, calibration, model, fit, generations, final, summaries, resolved, settings, seconds);
            if (backtest is not null) BacktestExporter.Write(dir, model.Calendar.Start, backtest);
        }, settings.Force);
        string? installed = settings.Install ? CalibrationFiles.Install(scenarioPath, calibration, console.MarkupLine) : null;

        var table = new PrintedTable("posterior", $"Posterior after generation {final.Index} (epsilon {final.Epsilon:G4}, ESS {final.EffectiveSampleSize:F0})");
        foreach (var c in new[] { "input", "prior", "posterior mean", "sd", "p05", "p50", "p95" }) table.AddColumn(c);
        foreach (var s in summaries)
            table.AddRow(Markup.Escape(s.Path), Markup.Escape(CalibrationFiles.Describe(s.Prior)), G(s.Mean), G(s.Sd), G(s.P05), G(s.P50), G(s.P95));
        tables.Write(table);
        var gens = new PrintedTable("generations", "Generations");
        foreach (var c in new[] { "generation", "epsilon", "proposals", "accepted", "acceptance", "ESS" }) gens.AddColumn(c);
        foreach (var g in generations)
            gens.AddRow(g.Index.ToString(CultureInfo.InvariantCulture), double.IsFinite(g.Epsilon) ? G(g.Epsilon) : "inf", g.Proposals.ToString("N0", CultureInfo.InvariantCulture),
                g.Particles.Length.ToString(CultureInfo.InvariantCulture), g.AcceptanceRate.ToString("P1", CultureInfo.InvariantCulture), g.EffectiveSampleSize.ToString("F0", CultureInfo.InvariantCulture));
        tables.Write(gens);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{generations.Sum(g => g.Proposals):N0} proposals ({generations.Sum(g => g.Proposals) * settings.Replications:N0} replications) in {seconds:F0} s. Outputs: [bold]{Markup.Escape(outDir)}[/] (posterior.csv, posterior.parquet, diagnostics.json, calibration.yaml, plots)"));
        if (backtest is not null) RenderBacktest(backtest, model.Calendar.Start, settings);
        if (installed is not null) console.MarkupLine($"Installed [bold]{Markup.Escape(installed)}[/]: runs of this scenario now start from the calibrated values (--uncalibrated for the priors).");
        else console.MarkupLine($"To make it the scenario's baseline: salient calibrate ... --install (or copy {CalibrationFiles.CalibrationFileName} beside scenario.yaml, which names it with 'calibration: {CalibrationFiles.CalibrationFileName}').");
        return 0;
    }

    private static string G(double x) => CalibrationFiles.G(x);

    /// <summary>Runs the model calibrated on the earlier claims and sets the later claims against its replications.</summary>
    private IReadOnlyList<BacktestRow> RunBacktest(string scenarioPath, Generation final, IReadOnlyList<PosteriorSummary> summaries,
        IReadOnlyList<ResolvedClaim> later, DateOnly until, CalibrateSettings settings, int threads, CancellationToken cancel)
    {
        var calibrated = ScenarioInput.Require(console, scenarioPath, new LoadOptions(null, CalibrationFiles.Overrides(final, summaries, until), Uncalibrated: true));
        var compiled = new CompiledScenario(calibrated);
        var options = new RunOptions(settings.BacktestReplications, settings.Seed, threads);
        var result = ProgressDisplay.Transient(console, "backtest", options.Replications, (progress, c) => RunOrchestrator.InMemory(compiled, options, progress, c), cancel);
        var claims = EvidenceClaims.Comparable(later);
        var outcomes = ClaimEvaluation.Evaluate(claims, result.Source, result.Layout);
        return Backtest.Rows(later, outcomes);
    }

    private void RenderBacktest(IReadOnlyList<BacktestRow> rows, DateOnly start, CalibrateSettings settings)
    {
        var table = new PrintedTable("backtest", $"Out-of-time backtest: claims after {settings.EvidenceUntil} against the model calibrated up to it ({settings.BacktestReplications:N0} replications)");
        foreach (var c in new[] { "claim", "grade", "as of", "claimed", "median [[90% interval]]", "inside", "width", "sharp" }) table.AddColumn(c);
        foreach (var r in rows)
        {
            var o = r.Outcome;
            bool ev = o.Claim.Kind == ClaimKind.Event;
            string V(double x) => ev ? (double.IsFinite(x) ? start.AddDays((int)Math.Round(x)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never") : x.ToString("#,0.##", CultureInfo.InvariantCulture);
            double w = CoverageScoring.Width(o);
            table.AddRow(Markup.Escape(r.Entry.Id), Markup.Escape(r.Entry.Reliability), Markup.Escape(r.Entry.AsOfText),
                Markup.Escape(o.Claim.Low == o.Claim.High ? V(o.Claim.Low) : $"{V(o.Claim.Low)}..{V(o.Claim.High)}"),
                Markup.Escape($"{V(o.P50)} [{V(o.P05)}, {V(o.P95)}]"),
                o.WithinNinety ? "[green]yes[/]" : "[yellow]no[/]",
                double.IsFinite(w) ? w.ToString("#,0.#", CultureInfo.InvariantCulture) + (ev ? " d" : "") : "unbounded",
                r.Sharp ? "yes" : "no");
        }
        tables.Write(table);
        var all = CoverageScoring.Score(rows.Select(r => (r.Entry, r.Outcome)))[0];
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Later A-C graded claims: {all.Inside}/{all.Claims} inside the 90% interval, {all.InsideAndSharp}/{all.Claims} inside a sharp one. Written to {BacktestExporter.CsvFileName}."));
    }
}
