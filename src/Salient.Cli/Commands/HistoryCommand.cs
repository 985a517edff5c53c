using System.Diagnostics;
using System.Globalization;
using Salient.Analysis.History;
using Salient.Analysis.Plots;
using Salient.Cli.Rendering;
using Salient.Cli.Settings;
using Salient.Output.Files;
using Salient.Output.History;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient history</c>: replays the CDB90 battles as engagements, fits the global ground-combat parameters on the
/// odd-isqno half and judges the even half against the record and two baselines (docs/history.md); writes the tables
/// (CSV and Parquet) and the plots.
/// </summary>
public sealed class HistoryCommand(IAnsiConsole console, TableWriter tables) : Command<HistorySettings>
{
    /// <summary>The table's path under the repository.</summary>
    public const string DefaultTable = "data/history/cdb90_all.csv";

    /// <inheritdoc/>
    public override int Execute(CommandContext context, HistorySettings settings, CancellationToken cancellationToken)
    {
        string path = settings.Table ?? DefaultPath();
        var battles = Read(path);
        if (settings.EmitYaml is { } one)
        {
            var b = battles.FirstOrDefault(x => x.Isqno == one) ?? throw new UserInputException($"no battle {one} in {path}");
            if (EngagementAdapter.ExclusionReason(b) is { } why) console.MarkupLine($"[yellow]note:[/] {Markup.Escape($"battle {one} is excluded from the study: {why}")}");
            console.Profile.Out.Writer.Write(EngagementAdapter.ToYaml(b, EngagementAdapter.Map(b)));
            return 0;
        }
        HashSet<int>? only = null;
        if (settings.Only is { } list)
        {
            only = [];
            foreach (string s in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                only.Add(int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw new UserInputException($"--only: '{s}' is not an isqno"));
        }
        HashSet<string>? hold = settings.Hold is { } h ? [.. h.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : null;
        if (hold?.FirstOrDefault(x => !GroundParameters.Paths.Contains(x)) is { } unknown)
            throw new UserInputException($"--hold: '{unknown}' is not a fitted parameter ({string.Join(", ", GroundParameters.Paths)})");
        HashSet<string>? also = settings.AlsoFit is { } a ? [.. a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : null;
        if (also?.FirstOrDefault(x => !HistoryStudy.TriedPriors.Any(q => q.Path == x)) is { } untried)
            throw new UserInputException($"--also-fit: '{untried}' is not a tried mechanism ({string.Join(", ", HistoryStudy.TriedPriors.Select(q => q.Path))})");
        var options = new HistoryOptions(settings.Replications, settings.FitReplications, settings.FitBattles, settings.Particles, settings.Generations,
            settings.Seed, settings.Threads ?? Environment.ProcessorCount, only, hold, settings.JudgeTraining, also, settings.FitOnPosition);
        var clock = Stopwatch.StartNew();
        var result = HistoryStudy.Run(battles, options, m => console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,6:F1} s] {m}"))), cancellationToken);

        string outDir = settings.Out ?? Path.Combine("out", string.Create(CultureInfo.InvariantCulture, $"history-{settings.Seed}"));
        var plots = new List<(string, byte[])>
        {
            ("calibration.png", HistoryPlots.Calibration(result.Calibration)),
            ("casualties.png", HistoryPlots.Casualties(result.CasualtyPairs)),
        };
        AtomicDirectory.Write(outDir, dir => TableFiles.Write(dir, result.Tables.Select(t => (t.Name, t.Columns, t.Rows)), plots), settings.Force);

        var summary = new PrintedTable("history", settings.JudgeTraining ? "History: TRAINING half (odd isqno), in-sample diagnosis" : "History: held-out half (even isqno)");
        summary.AddColumn("metric");
        summary.AddColumn("at fit", true);
        summary.AddColumn("at defaults", true);
        foreach (var row in result.Table("summary").Rows)
            summary.AddRow(Markup.Escape((string)row[0]), F((double)row[1]), F((double)row[2]));
        tables.Write(summary);
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Wrote {outDir} ({clock.Elapsed.TotalSeconds:F1} s).")));
        return 0;

        static string F(double x) => double.IsFinite(x) ? x.ToString("G4", CultureInfo.InvariantCulture) : "";
    }

    /// <summary>Reads the CDB90 table; a missing or malformed file is a user error.</summary>
    public static IReadOnlyList<CdbBattle> Read(string path)
    {
        // A folder would surface as "access denied" from the file API, which misleads.
        if (Directory.Exists(path)) throw new UserInputException($"the history table '{path}' is a folder; give the CDB90 CSV file (default: data/history/cdb90_all.csv)");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot read the history table '{path}': {ex.Message}");
        }
        var diag = new DiagnosticBag();
        var table = CsvText.Parse(text, path, diag);
        if (table is null || diag.HasErrors) throw new UserInputException($"'{path}' is not a readable CSV table: " + string.Join("; ", diag.Sorted().Select(d => d.ToString())));
        try
        {
            return CdbBattle.FromTable(table.Header, table.Rows);
        }
        catch (FormatException ex)
        {
            throw new UserInputException($"{path}: {ex.Message}");
        }
    }

    /// <summary>data/history/cdb90_all.csv under $SALIENT_HOME (set by ./salient), or under the current folder.</summary>
    private static string DefaultPath()
    {
        string home = Environment.GetEnvironmentVariable("SALIENT_HOME") is { Length: > 0 } h ? h : Environment.CurrentDirectory;
        string candidate = Path.Combine(home, DefaultTable);
        return File.Exists(candidate) ? Path.GetRelativePath(Environment.CurrentDirectory, candidate) : DefaultTable;
    }
}
