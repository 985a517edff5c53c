using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient history</c>.</summary>
public sealed class HistorySettings : SalientSettings
{
    /// <summary>The <c>[TABLE]</c> argument: the CDB90 table; null for <c>data/history/cdb90_all.csv</c>.</summary>
    [CommandArgument(0, "[TABLE]")]
    [Description("The CDB90 table (default: data/history/cdb90_all.csv).")]
    public string? Table { get; init; }

    /// <summary><c>-r|--replications</c>: replications per held-out battle.</summary>
    /// <remarks>Default 100; 2 to 1,000.</remarks>
    [CommandOption("-r|--replications <R>")]
    [Description("Replications per held-out battle; the 90% interval is their 5-95% quantiles (default 100).")]
    public int Replications { get; init; } = 100;

    /// <summary><c>--fit-replications</c>: replications per training battle per ABC particle.</summary>
    [CommandOption("--fit-replications <R>")]
    [Description("Replications per training battle for each ABC particle (default 2).")]
    public int FitReplications { get; init; } = 2;

    /// <summary><c>--fit-battles</c>: training battles used by the fit (an even spread of the odd-isqno half); 0 skips the fit.</summary>
    [CommandOption("--fit-battles <N>")]
    [Description("Training battles used in the fit, spread evenly over the odd-isqno half; 0 judges at the engine's defaults (default 80).")]
    public int FitBattles { get; init; } = 80;

    /// <summary><c>--particles</c>: ABC-SMC particles per generation.</summary>
    [CommandOption("--particles <N>")]
    [Description("ABC-SMC particles per generation (default 80).")]
    public int Particles { get; init; } = 80;

    /// <summary><c>--generations</c>: ABC-SMC generations, the prior's included.</summary>
    [CommandOption("--generations <T>")]
    [Description("ABC-SMC generations, the prior's included (default 5).")]
    public int Generations { get; init; } = 5;

    /// <summary><c>--only</c>: replay only these isqno (comma-separated); the split still applies.</summary>
    [CommandOption("--only <ISQNOS>")]
    [Description("Replay only these battles (comma-separated isqno); the odd/even split still applies.")]
    public string? Only { get; init; }

    /// <summary><c>--seed</c>: seed of every replay and of the fit.</summary>
    [CommandOption("--seed <S>")]
    [Description("Seed of every replay and of the fit (default 1943).")]
    public ulong Seed { get; init; } = 1943;

    /// <summary><c>--threads</c>: worker threads; null for one per core.</summary>
    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores). Results never depend on it.")]
    public int? Threads { get; init; }

    /// <summary><c>-o|--out</c>: the output folder; null for <c>out/history-&lt;seed&gt;</c>.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (default out/history-<seed>).")]
    public string? Out { get; init; }

    /// <summary><c>--force</c>: write into an <c>--out</c> folder that holds files Salient did not write, beside them.</summary>
    [CommandOption("--force")]
    [Description("Write into an --out folder that holds other files, beside them: Salient never deletes or replaces a file it did not write.")]
    public bool Force { get; init; }

    /// <summary><c>--emit-yaml</c>: write the generated engagement of this isqno to stdout and stop.</summary>
    [CommandOption("--emit-yaml <ISQNO>")]
    [Description("Print the engagement scenario generated for this battle and stop.")]
    public int? EmitYaml { get; init; }

    /// <summary><c>--hold</c>: fitted parameters held at their defaults (comma-separated paths).</summary>
    [CommandOption("--hold <PATHS>")]
    [Description("Hold these fitted parameters at their defaults (comma-separated paths, e.g. engagement.selection): measures what one mechanism adds.")]
    public string? Hold { get; init; }

    /// <summary><c>--also-fit</c>: mechanisms tried and not used by default, fitted as well (comma-separated paths).</summary>
    [CommandOption("--also-fit <PATHS>")]
    [Description("Fit these mechanisms too, tried and not used by default (comma-separated paths: parameters.ground.defence_culmination_loss, engagement.culmination_sigma, engagement.defence_culmination_sigma).")]
    public string? AlsoFit { get; init; }

    /// <summary><c>--judge-training</c>: judge the training half (an in-sample diagnosis).</summary>
    [CommandOption("--judge-training")]
    [Description("Judge the training half instead of the held-out half: an in-sample diagnosis, never a result.")]
    public bool JudgeTraining { get; init; }

    /// <summary><c>--fit-on-position</c>: the fit scores the model's win against the record's advance of at least 1 km, not its winner.</summary>
    [CommandOption("--fit-on-position")]
    [Description("In the fit's distance, score the model's win against the record's advance of at least 1 km (its own event) instead of the record's winner: tried, not used by default.")]
    public bool FitOnPosition { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Replications is < 2 or > 1000) return ValidationResult.Error("--replications must be 2 to 1,000");
        if (FitReplications is < 1 or > 1000) return ValidationResult.Error("--fit-replications must be 1 to 1,000");
        if (FitBattles is < 0 or > 1000) return ValidationResult.Error("--fit-battles must be 0 to 1,000");
        if (Particles is < 2 or > 100_000) return ValidationResult.Error("--particles must be 2 to 100,000");
        if (Generations is < 1 or > 50) return ValidationResult.Error("--generations must be 1 to 50");
        return OptionChecks.Threads(Threads) ?? ValidationResult.Success();
    }
}
