using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient attribute</c>.</summary>
public sealed class AttributeSettings : ExecutionSettings
{
    /// <summary><c>--mechanisms</c>: the mechanisms, comma-separated, each <c>variant</c> or <c>name=variant</c> (a scenario variant that removes it); 1 to 10.</summary>
    [CommandOption("--mechanisms <M1,M2>")]
    [Description("Mechanisms to attribute, comma-separated, each a scenario variant that removes it: VARIANT or NAME=VARIANT (1 to 10; all 2^k combinations are run).")]
    public string? Mechanisms { get; init; }

    /// <summary><c>--outcomes</c>: the outcomes, comma-separated metric selectors (as compare's --metrics) or <c>event-metric&lt;=yyyy-MM-dd</c>; null for casualties and area of each side.</summary>
    [CommandOption("--outcomes <O1,O2>")]
    [Description("Outcomes: final metrics, series@YYYY-MM-DD, or EVENT<=YYYY-MM-DD for the probability of an event by a date, e.g. control.area_km2.blue@2024-01-31,capture.e1.blue<=2024-02-15 (default: casualties.total and control.area_km2 of each side).")]
    public string? Outcomes { get; init; }

    /// <summary><c>--bootstrap</c>: bootstrap draws for the Shapley intervals.</summary>
    /// <remarks>Default 1,000; 0 to 100,000 (0: no interval).</remarks>
    [CommandOption("--bootstrap <B>")]
    [Description("Paired bootstrap draws over replications for the Shapley values' 95% intervals (default 1000; seeded by --seed).")]
    public int Bootstrap { get; init; } = 1000;

    /// <summary><c>-n|--replications</c>: replications per run; replication r of every run shares every random stream.</summary>
    /// <remarks>Default 200; 2 to <see cref="Salient.Experiments.Runner.RunOptions.MaxReplications"/>.</remarks>
    [CommandOption("-n|--replications <N>")]
    [Description("Replications per run (default 200). Every run shares every random stream (common random numbers).")]
    public override int Replications { get; init; } = 200;

    /// <summary><c>--seed</c>: the experiment seed shared by every run and the bootstrap.</summary>
    /// <remarks>Default 1.</remarks>
    [CommandOption("--seed <S>")]
    [Description("Experiment seed (default 1).")]
    public override ulong Seed { get; init; } = 1;

    /// <summary><c>--threads</c>: worker threads; null for one per core.</summary>
    /// <remarks>1 to 1,024. Results do not depend on it.</remarks>
    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores).")]
    public override int? Threads { get; init; }

    /// <summary><c>-o|--out</c>: the output folder; null for <c>out/&lt;scenario&gt;-attribute-&lt;seed&gt;</c>.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (default out/<scenario>-attribute-<seed>): attribution.csv, attribution.json, attribution.html, attribution-section.html and a chart per outcome.")]
    public string? Out { get; init; }

    /// <summary><c>--force</c>: write into an <c>--out</c> folder that holds files Salient did not write, beside them.</summary>
    [CommandOption("--force")]
    [Description("Write into an --out folder that holds other files, beside them: Salient never deletes or replaces a file it did not write.")]
    public bool Force { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (OptionChecks.Replications(Replications, min: 2) is { } replications) return replications;
        if (OptionChecks.Threads(Threads) is { } threads) return threads;
        if (Bootstrap is < 0 or > 100_000) return ValidationResult.Error("--bootstrap must be 0 to 100,000");
        if (Variant is not null)
            return ValidationResult.Error("attribute takes --mechanisms (the variants that remove each mechanism), not --variant");
        return ValidationResult.Success();
    }
}
