using System.Globalization;
using Salient.Analysis.Calibration;
using Salient.Cli.CommandLine;
using Salient.Cli.Rendering;
using Salient.Cli.Settings;
using Salient.Engine.Compilation;
using Salient.Experiments.Claims;
using Salient.Experiments.Runner;
using Salient.Output.Claims;
using Salient.Output.Html;
using Salient.Output.Manifest;
using Salient.Output.Parquet;
using Salient.Scenario.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient check OUT</c>: every evidence claim against the run's replications: the model's median and 90% interval at
/// the claim's date, the claim's percentile, and for casualty and loss claims the opposing side's ground lethality the
/// model would need for its median to equal the claim. Plausibility under the model's assumptions, never truth.
/// Writes check.csv and check.json into the run folder.
/// </summary>
public sealed class CheckCommand(IAnsiConsole console, TableWriter tables, StandardError stderr) : Command<CheckSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        string dir = settings.Run;
        if (!Directory.Exists(dir)) throw new UserInputException($"no run folder '{dir}'");
        string parquet = Path.Combine(dir, ReplicationParquetWriter.FileName);
        if (!File.Exists(Path.Combine(dir, ShardManifest.FileName)) || !File.Exists(parquet))
            throw new UserInputException($"'{dir}' is not a run folder: it needs {ShardManifest.FileName} and {ReplicationParquetWriter.FileName} (write one with salient run)");
        var manifest = ShardManifest.Read(dir);
        if (manifest.Kind == ShardManifest.ShardKind) throw new UserInputException($"'{dir}' is one shard; merge the shards first (salient merge)");
        string evidencePath = settings.Evidence ?? Path.Combine(dir, RunFolder.EvidenceFileName);
        if (!File.Exists(evidencePath)) throw new UserInputException($"no evidence ledger: '{evidencePath}' does not exist (pass --evidence FILE)");
        var ledger = ScenarioInput.ReadEvidence(console, evidencePath);

        var (model, _) = ScenarioInput.LoadRecorded(console, stderr, manifest.Scenario, settings.Scenario, dir);
        if (model.CommonChance != ChanceSource.None)
            console.MarkupLine($"[yellow]This run held sources of chance common to every replication ({Markup.Escape(string.Join(", ", ChanceSourceNames.Names(model.CommonChance)))}; docs/model.md 3.4): its intervals are a diagnostic, not the model's uncertainty, and so are the coverage and sharpness below.[/]");

        var compiled = new CompiledScenario(model);
        var resolved = EvidenceClaims.Resolve(ledger, compiled);
        var claims = EvidenceClaims.Comparable(resolved);
        var reader = new ReplicationParquetReader(parquet, compiled.Layout);
        var outcomes = ClaimEvaluation.Evaluate(claims, reader, compiled.Layout);

        var implied = new Dictionary<Claim, ImpliedValue>();
        if (settings.ImpliedReplications > 0)
            implied = Implied(model, claims, manifest.Seed, settings, cancellationToken);

        Render(model.Calendar.Start, resolved, outcomes, implied, reader.Count);
        RenderScore(CheckExporter.Score(resolved, outcomes));
        CheckExporter.Write(dir, model.Calendar.Start, resolved, outcomes, implied);
        console.MarkupLine($"Plausibility under the model's assumptions, not truth. Wrote [bold]{Markup.Escape(Path.Combine(dir, CheckExporter.CsvFileName))}[/] and {CheckExporter.JsonFileName}.");
        return 0;
    }

    /// <summary>The opposing side's ground lethality each casualty or loss claim implies.</summary>
    private Dictionary<Claim, ImpliedValue> Implied(Scenario.Model.ScenarioModel model, IReadOnlyList<Claim> claims, ulong seed, CheckSettings settings, CancellationToken cancel)
    {
        var result = new Dictionary<Claim, ImpliedValue>();
        var options = new RunOptions(settings.ImpliedReplications, seed, settings.Threads ?? Environment.ProcessorCount);
        foreach (var search in ImpliedParameter.OpposingLethality(model, claims))
        {
            double[][] medians = [];
            ProgressDisplay.Status(console, $"implied {search.Path}: {ImpliedParameter.Grid.Length} runs of {options.Replications} replications for {search.Claims.Count} claim(s) about {search.Side}",
                () => medians = ImpliedParameter.Medians(model, search.Path, search.Claims, options, cancel));
            for (int i = 0; i < search.Claims.Count; i++) result[search.Claims[i]] = ImpliedParameter.Solve(search.Claims[i], search.Path, search.Baseline, medians[i]);
        }
        return result;
    }

    private void Render(DateOnly start, IReadOnlyList<ResolvedClaim> resolved, IReadOnlyList<ClaimOutcome> outcomes, Dictionary<Claim, ImpliedValue> implied, int replications)
    {
        var table = new PrintedTable("claims", $"Claims against the model ({replications:N0} replications): median [[90% interval]], claim percentile");
        foreach (var c in new[] { "claim", "grade", "as of", "claimed", "model", "pct", "verdict", "implied" }) table.AddColumn(c);
        foreach (var o in outcomes)
        {
            var entry = resolved.First(r => r.Claim == o.Claim).Entry;
            table.AddRow(Markup.Escape(entry.Id), Markup.Escape(entry.Reliability), Markup.Escape(entry.AsOfText),
                Markup.Escape(Claimed(o.Claim, start)), Markup.Escape(Model(o, start)), o.Percentile.ToString("F1", CultureInfo.InvariantCulture),
                Verdict(o), Markup.Escape(implied.TryGetValue(o.Claim, out var v) ? ImpliedText(v) : ""));
        }
        tables.Write(table);
        int skipped = resolved.Count(r => r.Claim is null);
        if (skipped > 0) console.MarkupLine($"{skipped} ledger entries are not outcomes the model reports (forces, system specifications, statements); check.json lists them with the reason.");
    }

    private void RenderScore(IReadOnlyList<CoverageScore> score)
    {
        var table = new PrintedTable("score", $"Coverage and sharpness of the A-C graded claims (sharp: 90% width <= the claimed value; dates <= {CoverageScoring.SharpEventDays:0} days)");
        foreach (var c in new[] { "claims", "n", "inside 90%", "coverage", "sharp", "inside and sharp", "sharp coverage" }) table.AddColumn(c);
        foreach (var g in score)
            table.AddRow(g.Group, I(g.Claims), I(g.Inside), P(g.Coverage), I(g.Sharp), I(g.InsideAndSharp), P(g.SharpCoverage));
        tables.Write(table);
        static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
        static string P(double x) => double.IsFinite(x) ? x.ToString("P0", CultureInfo.InvariantCulture) : "-";
    }

    private static string Verdict(ClaimOutcome o)
    {
        string text = Markup.Escape(ClaimText.Verdict(o));
        return o.Claim.Kind == ClaimKind.Event && o.Happened == 0 ? $"[red]{text}[/]" : o.WithinNinety ? $"[green]{text}[/]" : $"[yellow]{text}[/]";
    }

    private static string Claimed(Claim c, DateOnly start) => ClaimText.Claimed(c, start);

    private static string Model(ClaimOutcome o, DateOnly start) => ClaimText.Model(o, start);

    private static string ImpliedText(ImpliedValue v) => !v.Applicable
        ? string.Create(CultureInfo.InvariantCulture, $"not applicable: {v.Path.Replace("parameters.", "", StringComparison.Ordinal)} does not move it (median {v.Reached:#,0.##} from {ImpliedParameter.Grid[0]}x to {ImpliedParameter.Grid[^1]}x)")
        : v.Multiplier is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"{v.Path.Replace("parameters.", "", StringComparison.Ordinal)} = {v.Value:G3} ({m:0.##}x)")
        : string.Create(CultureInfo.InvariantCulture, $"{v.Path.Replace("parameters.", "", StringComparison.Ordinal)} {(v.Bound < 0 ? "<" : ">")} {v.Baseline * (v.Bound < 0 ? ImpliedParameter.Grid[0] : ImpliedParameter.Grid[^1]):G3} ({(v.Bound < 0 ? "< " + ImpliedParameter.Grid[0] : "> " + ImpliedParameter.Grid[^1])}x; median there {v.Reached:#,0})");
}
