using Salient.Cli.CommandLine;
using Salient.Cli.Commands;
using Salient.Cli.Rendering;
using Salient.Experiments.Errors;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Salient.Cli;

/// <summary>The command-line application: commands, and the top-level handling of user errors.</summary>
public static class SalientApp
{
    /// <summary>Exit code for bad input (scenario errors, bad options, unwritable output).</summary>
    public const int UserError = UserErrorException.DefaultExitCode;

    /// <summary>
    /// Runs the CLI with <paramref name="args"/>, writing through <paramref name="console"/> and, for warnings (and every
    /// message with <c>--format csv|json</c>), <paramref name="error"/> (standard error when null); returns the exit code.
    /// </summary>
    public static int Run(string[] args, IAnsiConsole console, IAnsiConsole? error = null)
    {
        bool debug = args.Contains("--debug");
        var preflight = ArgumentPreflight.Check([.. args.Where(a => a != "--debug")]);
        if (preflight.Error is not null)
        {
            ReportError(console, preflight.Error, preflight.Command);
            return UserError;
        }
        if (TableWriter.Parse(FormatArgument(preflight.Arguments)) is not { } format)
        {
            ReportError(console, $"--format must be table, csv or json, found '{FormatArgument(preflight.Arguments)}'", preflight.Command);
            return UserError;
        }
        // With CSV or JSON, standard output holds only the tables: every message (headers, progress, errors) goes to
        // standard error through a console of its own.
        var tables = new TableWriter(console, format);
        var stderr = error ?? ConsoleSetup.CreateError();
        var messages = format == TableFormat.Table ? console : stderr;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.Settings.Registrar.RegisterInstance(tables);
            config.Settings.Registrar.RegisterInstance(new StandardError(stderr));
            config.SetApplicationName("salient");
            config.SetApplicationVersion(VersionInfo.Line);
            config.SetHelpProvider(new SalientHelpProvider(config.Settings));
            config.Settings.Console = messages;
            config.Settings.StrictParsing = true;
            config.Settings.PropagateExceptions = debug;
            config.Settings.ExceptionHandler = (ex, _) =>
            {
                // The one place errors are rendered. User errors (the command line's, and every UserErrorException)
                // print without a stack trace; anything else is a bug and shows one (with --debug, everything propagates).
                switch (ex)
                {
                    case CommandParseException or CommandRuntimeException:
                        ReportError(messages, ex.Message, preflight.Command);
                        return UserError;
                    case UserErrorException user:
                        if (!user.AlreadyReported) ReportError(messages, user.Message, preflight.Command);
                        return user.ExitCode;
                    default:
                        messages.WriteException(ex);
                        return 1;
                }
            };
            config.AddCommand<RunCommand>("run")
                .WithDescription("Run Monte Carlo replications of a scenario (default: the bundled Kursk 2024-25 scenario).")
                .WithExample("run")
                .WithExample("run", "scenarios/kursk-2024", "--replications", "1000", "--seed", "7", "--out", "out/k7")
                .WithExample("run", "scenarios/kursk-2024", "--replications", "100000", "--shard", "3/8", "--out", "out/shard-3");
            config.AddCommand<CompareCommand>("compare")
                .WithDescription("Run the baseline and named variants with common random numbers; report paired differences with 95% intervals.")
                .WithExample("compare", "scenarios/kursk-2024", "--variants", "red-ew-off,no-dprk", "-n", "200");
            config.AddCommand<SweepCommand>("sweep")
                .WithDescription("Run a factorial (or Latin hypercube) sweep over overridden inputs with common random numbers; write sweep.csv and plots.")
                .WithExample("sweep", "scenarios/examples/line-of-towns", "--vary", "units.red-bn.personnel=600..3000:4", "-n", "50");
            config.AddCommand<SensitivityCommand>("sensitivity")
                .WithDescription("Morris screening or Sobol indices of output metrics over input ranges; write sensitivity.csv and a bar plot.")
                .WithExample("sensitivity", "scenarios/kursk-2024", "--method", "morris", "--inputs", "parameters.ground.lethality.red=0.01..0.03", "--outputs", "control.area_km2.blue");
            config.AddCommand<AttributeCommand>("attribute")
                .WithDescription("Attribute outcomes to mechanisms (each a variant that removes it): removal effects and an exact Shapley decomposition over all 2^k combinations, common random numbers, 95% intervals.")
                .WithExample("attribute", "scenarios/examples/towns-attribution", "--mechanisms", "no-reserve,no-town-defence", "-n", "100");
            config.AddCommand<CalibrateCommand>("calibrate")
                .WithDescription("Fit the parameters marked calibrate: true to the evidence ledger by ABC-SMC; write the posterior and a calibration file (--install makes it the baseline).")
                .WithExample("calibrate", "scenarios/kursk-2024", "--particles", "200", "--install");
            config.AddCommand<CheckCommand>("check")
                .WithDescription("Set every evidence claim against a run: the model's value and 90% interval, the claim's percentile, and the lethality a casualty claim implies.")
                .WithExample("check", "out/kursk-2024-1");
            config.AddCommand<SensitivityMergeCommand>("sensitivity-merge")
                .WithDescription("Combine the shard folders of salient sensitivity --shard k/N into the study's indices, byte-identical to an unsharded run.")
                .WithExample("sensitivity-merge", "out/sens-1", "out/sens-2", "out/sens-3", "--out", "out/sens");
            config.AddCommand<MergeCommand>("merge")
                .WithDescription("Merge shard folders (salient run --shard k/N) into the outputs of one run, byte-identical to running it in one process.")
                .WithExample("merge", "out/shard-1", "out/shard-2", "out/shard-3", "--out", "out/merged");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check a scenario and report every problem as file:line:col.")
                .WithExample("validate", "scenarios/kursk-2024");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Write OUT/report.html: charts of ground held, casualties, captures and losses, with evidence claims marked.")
                .WithExample("report", "out/kursk-2024-1");
            config.AddCommand<QueryCommand>("query")
                .WithDescription("Run SQL (DuckDB) over run folders: views runs, replications, daily, daily_bands, checks, control_tally, each row with its run, scenario_hash, seed and variant; prints CSV.")
                .WithExample("query", "out/kursk-2024-1", "SELECT count(*), avg(control_area_km2_blue) FROM replications");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Explore a run in the browser: map by day, settlements, charts and claims (read-only, this machine only by default).")
                .WithExample("serve", "out/kursk-2024-1")
                .WithExample("serve", "out/kursk-2024-1", "--port", "8080");
            config.AddCommand<ValidationCommand>("validation")
                .WithDescription("Run the analytic validation suite (scenarios/validation against closed forms); --write regenerates docs/validation.md.")
                .WithExample("validation")
                .WithExample("validation", "--write", "docs/validation.md");
            config.AddCommand<HistoryCommand>("history")
                .WithDescription("Replay the CDB90 battles (data/history): fit ground combat on the odd-isqno half, judge the even half against the record (docs/history.md).")
                .WithExample("history")
                .WithExample("history", "--only", "493,494,495,496,497,498,499", "--fit-battles", "0");
        });
        int code = app.Run(preflight.Arguments);
        if (code == 0) tables.Flush();
        return code < 0 ? UserError : code;
    }

    /// <summary>The value of <c>--format</c> in <paramref name="args"/> (<c>--format csv</c> or <c>--format=csv</c>), or null.</summary>
    private static string? FormatArgument(string[] args)
    {
        string? value = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--") break;
            if (args[i] == "--format" && i + 1 < args.Length) value = args[++i];
            else if (args[i].StartsWith("--format=", StringComparison.Ordinal) || args[i].StartsWith("--format:", StringComparison.Ordinal)) value = args[i]["--format=".Length..];
        }
        return value;
    }

    /// <summary>
    /// Prints a user error in the CLI's one format: <c>error: message</c> (lower-case start, no final period), then
    /// where to read the usage: the command's own help, or the list of commands.
    /// </summary>
    private static void ReportError(IAnsiConsole console, string message, string? command)
    {
        string text = message.Trim().TrimEnd('.');
        if (text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])) text = char.ToLowerInvariant(text[0]) + text[1..];
        console.MarkupLine($"[red]error:[/] {Markup.Escape(text)}");
        console.MarkupLine(command is null ? "Run [bold]salient --help[/] for the commands." : $"Run [bold]salient {command} --help[/] for its options.");
    }
}
