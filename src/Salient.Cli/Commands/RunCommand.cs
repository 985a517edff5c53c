using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Salient.Cli.Rendering;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Statistics;
using Salient.Output.Csv;
using Salient.Output.Files;
using Salient.Output.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>Options of <c>salient run</c>.</summary>
public sealed class RunSettings : ScenarioSettings
{
    [CommandOption("-n|--replications <N>")]
    [Description("Monte Carlo replications (default 200).")]
    public int Replications { get; init; } = 200;

    [CommandOption("--seed <S>")]
    [Description("Experiment seed (default 1). Same scenario + seed = identical outputs.")]
    public ulong Seed { get; init; } = 1;

    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores). Does not change results.")]
    public int? Threads { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (default out/<scenario>-<seed>).")]
    public string? Out { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Replications < 1 || Replications > RunOptions.MaxReplications)
            return ValidationResult.Error($"--replications must be between 1 and {RunOptions.MaxReplications:N0}, found {Replications}");
        if (Threads is < 1 or > 1024)
            return ValidationResult.Error($"--threads must be between 1 and 1024, found {Threads}");
        return ValidationResult.Success();
    }
}

/// <summary><c>salient run</c>: loads, runs, summarises and writes outputs atomically.</summary>
public sealed class RunCommand(IAnsiConsole console) : Command<RunSettings>
{
    /// <summary>Bytes of result memory a run may use before it is refused (a guard against absurd replication counts).</summary>
    public const long MemoryBudgetBytes = 8L * 1024 * 1024 * 1024;

    /// <inheritdoc/>
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var (model, _) = ScenarioInput.Load(console, settings, showWarnings: false);
        if (model is null) return SalientApp.UserError;

        var compiled = new CompiledScenario(model);
        long bytes = (long)settings.Replications * (compiled.Layout.Metrics.Length * 8L + compiled.Layout.DailyLength * 4L);
        if (bytes > MemoryBudgetBytes)
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"{settings.Replications:N0} replications of this scenario would hold {bytes / 1e9:F1} GB of results in memory (limit {MemoryBudgetBytes / 1e9:F0} GB); run fewer"));

        string outDir = settings.Out ?? Path.Combine("out", $"{model.Name}{(model.Variant is null ? "" : "-" + model.Variant)}-{settings.Seed}");
        int threads = settings.Threads ?? Environment.ProcessorCount;
        var options = new RunOptions(settings.Replications, settings.Seed, threads);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(model.Title)}[/]{(model.Variant is null ? "" : $" (variant [bold]{Markup.Escape(model.Variant)}[/])")}: {model.Theatre.Cells.Length} cells, {model.Units.Length} units, {model.Calendar.Start:yyyy-MM-dd} to {model.Calendar.End:yyyy-MM-dd}"));
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{options.Replications:N0} replications, seed {options.Seed}, {threads} thread(s)"));

        var clock = Stopwatch.StartNew();
        MonteCarloResult result = null!;
        int done = 0;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("replications", maxValue: options.Replications);
                var run = Task.Run(() => MonteCarloRunner.Run(compiled, options, d => Volatile.Write(ref done, Math.Max(d, Volatile.Read(ref done))), cancellationToken), cancellationToken);
                while (!run.Wait(100, cancellationToken)) task.Value = Volatile.Read(ref done);
                result = run.Result;
                task.Value = options.Replications;
            });
        double seconds = clock.Elapsed.TotalSeconds;

        var summary = RunSummary.From(result);
        AtomicDirectory.Write(outDir, dir =>
        {
            SummaryJsonWriter.Write(summary, Path.Combine(dir, "summary.json"));
            CsvWriters.WriteReplications(result, Path.Combine(dir, "replications.csv"));
            CsvWriters.WriteDaily(summary, Path.Combine(dir, "daily.csv"));
        });

        SummaryTable.Render(console, model, summary);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Replications:N0} replications in {seconds:F1} s ({options.Replications / Math.Max(seconds, 1e-9):F0}/s). Outputs: [bold]{Markup.Escape(outDir)}[/] (summary.json, replications.csv, daily.csv)"));
        return 0;
    }
}
