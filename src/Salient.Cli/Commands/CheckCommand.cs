using System.Globalization;
using System.Text.Json;
using System.Text;
using Salient.Analysis.Calibration;
using Salient.Cli.Settings;
using Salient.Engine.Compilation;
using Salient.Experiments.Claims;
using Salient.Experiments.Runner;
using Salient.Output.Evidence;
using Salient.Output.Html;
using Salient.Output.Manifest;
using Salient.Output.Parquet;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient check OUT</c>: every evidence claim against the run's replications: the model's median and 90% interval at
/// the claim's date, the claim's percentile, and for casualty and loss claims the opposing side's ground lethality the
/// model would need for its median to equal the claim. Plausibility under the model's assumptions, never truth.
/// Writes check.csv and check.json into the run folder.
/// </summary>
public sealed class CheckCommand(IAnsiConsole console) : Command<CheckSettings>
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
        var ledger = EvidenceReader.Read(evidencePath);

        var (model, _) = ScenarioInput.LoadRecorded(console, manifest.Scenario, settings.Scenario, dir);

        var compiled = new CompiledScenario(model);
        var resolved = EvidenceClaims.Resolve(ledger, compiled);
        var claims = EvidenceClaims.Comparable(resolved);
        var reader = new ReplicationParquetReader(parquet, compiled.Layout);
        var observed = ClaimEvaluation.Observe(claims, reader, compiled.Layout);
        var outcomes = claims.Select((c, i) => ClaimEvaluation.Evaluate(c, observed[i])).ToList();

        var implied = new Dictionary<Claim, ImpliedValue>();
        if (settings.ImpliedReplications > 0)
            implied = Implied(model, claims, manifest.Seed, settings, cancellationToken);

        Render(model.Calendar.Start, resolved, outcomes, implied, reader.Count);
        WriteFiles(dir, model.Calendar.Start, resolved, outcomes, implied);
        console.MarkupLine($"Plausibility under the model's assumptions, not truth. Wrote [bold]{Markup.Escape(Path.Combine(dir, "check.csv"))}[/] and check.json.");
        return 0;
    }

    /// <summary>The opposing side's ground lethality each casualty or loss claim implies.</summary>
    private Dictionary<Claim, ImpliedValue> Implied(Scenario.Model.ScenarioModel model, IReadOnlyList<Claim> claims, ulong seed, CheckSettings settings, CancellationToken cancel)
    {
        var result = new Dictionary<Claim, ImpliedValue>();
        var sides = model.Sides.Select(s => s.Id).ToList();
        var options = new RunOptions(settings.ImpliedReplications, seed, settings.Threads ?? Environment.ProcessorCount);
        foreach (string side in sides)
        {
            var mine = claims.Where(c => c.Kind != ClaimKind.Event && (c.Metric.StartsWith("casualties.", StringComparison.Ordinal) || c.Metric.StartsWith("losses.", StringComparison.Ordinal))
                && c.Metric.EndsWith("." + side, StringComparison.Ordinal)).ToList();
            if (mine.Count == 0) continue;
            string opponent = sides.First(s => s != side);
            string path = $"parameters.ground.lethality.{opponent}";
            double baseline = model.Parameters[$"ground.lethality.{opponent}"] is var q && q.Distribution is { } d ? d.Mean : q.Value;
            double[][] medians = [];
            console.Status().Start($"implied {path}: {ImpliedParameter.Grid.Length} runs of {options.Replications} replications for {mine.Count} claim(s) about {side}",
                _ => medians = ImpliedParameter.Medians(model, path, mine, options, cancel));
            for (int i = 0; i < mine.Count; i++) result[mine[i]] = ImpliedParameter.Solve(mine[i], path, baseline, medians[i]);
        }
        return result;
    }

    private void Render(DateOnly start, IReadOnlyList<ResolvedClaim> resolved, IReadOnlyList<ClaimOutcome> outcomes, Dictionary<Claim, ImpliedValue> implied, int replications)
    {
        var table = new Table().Title($"Claims against the model ({replications:N0} replications): median [[90% interval]], claim percentile");
        foreach (var c in new[] { "claim", "grade", "as of", "claimed", "model", "pct", "verdict", "implied" }) table.AddColumn(c);
        foreach (var o in outcomes)
        {
            var entry = resolved.First(r => r.Claim == o.Claim).Entry;
            table.AddRow(Markup.Escape(entry.Id), Markup.Escape(entry.Reliability), Markup.Escape(entry.AsOfText),
                Markup.Escape(Claimed(o.Claim, start)), Markup.Escape(Model(o, start)), o.Percentile.ToString("F1", CultureInfo.InvariantCulture),
                Verdict(o), Markup.Escape(implied.TryGetValue(o.Claim, out var v) ? ImpliedText(v) : ""));
        }
        console.Write(table);
        int skipped = resolved.Count(r => r.Claim is null);
        if (skipped > 0) console.MarkupLine($"{skipped} ledger entries are not outcomes the model reports (forces, system specifications, statements); check.json lists them with the reason.");
    }

    private static string Verdict(ClaimOutcome o) =>
        o.Claim.Kind == ClaimKind.Event && o.Happened == 0 ? "[red]never in the model[/]"
        : o.WithinNinety ? "[green]plausible[/]"
        : o.Percentile < 5 ? "[yellow]below the 90% interval[/]" : "[yellow]above the 90% interval[/]";

    private static string Claimed(Claim c, DateOnly start) => c.Kind == ClaimKind.Event
        ? (c.Low == c.High ? Day(c.Low, start) : $"{Day(c.Low, start)}..{Day(c.High, start)}")
        : c.Low == c.High ? c.Low.ToString("#,0.##", CultureInfo.InvariantCulture) : $"{c.Low.ToString("#,0.##", CultureInfo.InvariantCulture)}..{c.High.ToString("#,0.##", CultureInfo.InvariantCulture)}";

    private static string Model(ClaimOutcome o, DateOnly start) => o.Claim.Kind == ClaimKind.Event
        ? $"{Day(o.P50, start)} [{Day(o.P05, start)}, {Day(o.P95, start)}] ({o.Happened:P0} happen)"
        : string.Create(CultureInfo.InvariantCulture, $"{o.P50:#,0} [{o.P05:#,0}, {o.P95:#,0}]");

    private static string Day(double day, DateOnly start) => double.IsFinite(day) ? start.AddDays((int)Math.Round(day)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never";

    private static string ImpliedText(ImpliedValue v) => v.Multiplier is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"{v.Path.Replace("parameters.", "", StringComparison.Ordinal)} = {v.Value:G3} ({m:0.##}x)")
        : string.Create(CultureInfo.InvariantCulture, $"{v.Path.Replace("parameters.", "", StringComparison.Ordinal)} {(v.Bound < 0 ? "<" : ">")} {v.Baseline * (v.Bound < 0 ? ImpliedParameter.Grid[0] : ImpliedParameter.Grid[^1]):G3} ({(v.Bound < 0 ? "< " + ImpliedParameter.Grid[0] : "> " + ImpliedParameter.Grid[^1])}x; median there {v.Reached:#,0})");

    private static void WriteFiles(string dir, DateOnly start, IReadOnlyList<ResolvedClaim> resolved, IReadOnlyList<ClaimOutcome> outcomes, Dictionary<Claim, ImpliedValue> implied)
    {
        static string N(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";
        var csv = new StringBuilder("id,grade,weight,metric,as_of,claim_low,claim_high,model_p05,model_p50,model_p95,happened,percentile,within_90,implied_parameter,implied_multiplier,implied_value,implied_beyond_grid,implied_closest_median\n");
        var rows = new List<object>();
        foreach (var r in resolved)
        {
            var o = outcomes.FirstOrDefault(x => x.Claim == r.Claim);
            ImpliedValue? v = r.Claim is not null && implied.TryGetValue(r.Claim, out var found) ? found : null;
            if (o is not null)
                csv.Append(CultureInfo.InvariantCulture, $"{r.Entry.Id},{r.Entry.Reliability},{N(o.Claim.Weight)},{r.Entry.Metric},\"{r.Entry.AsOfText}\",{N(o.Claim.Low)},{N(o.Claim.High)},{N(o.P05)},{N(o.P50)},{N(o.P95)},{N(o.Happened)},{N(o.Percentile)},{(o.WithinNinety ? "true" : "false")},{v?.Path},{(v?.Multiplier is { } m ? N(m) : "")},{(v?.Value is { } val ? N(val) : "")},{(v is null ? "" : v.Bound.ToString(CultureInfo.InvariantCulture))},{(v is null ? "" : N(v.Reached))}\n");
            rows.Add(new
            {
                id = r.Entry.Id, grade = r.Entry.Reliability, metric = r.Entry.Metric, as_of = r.Entry.AsOfText, value = r.Entry.ValueText,
                compared = o is not null, note = r.Note,
                model = o is null ? null : new
                {
                    kind = o.Claim.Kind.ToString().ToLowerInvariant(),
                    p05 = Json(o.P05, o.Claim.Kind, start), p50 = Json(o.P50, o.Claim.Kind, start), p95 = Json(o.P95, o.Claim.Kind, start),
                    happened = o.Happened, percentile = Math.Round(o.Percentile, 2), within_90 = o.WithinNinety,
                },
                implied = v is null ? null : new { parameter = v.Path, baseline = v.Baseline, multiplier = v.Multiplier, value = v.Value, beyond_grid = v.Bound, closest_median = v.Reached },
            });
        }
        AtomicFile(Path.Combine(dir, "check.csv"), csv.ToString());
        AtomicFile(Path.Combine(dir, "check.json"), JsonSerializer.Serialize(new
        {
            note = "Each claim against the model's replications: plausibility under the model's assumptions, not truth. Series claims compare the series' largest value over the claim's as_of window; event claims the event's day.",
            claims = rows,
        }, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static object? Json(double x, ClaimKind kind, DateOnly start) =>
        kind == ClaimKind.Event ? (double.IsFinite(x) ? start.AddDays((int)Math.Round(x)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null) : (double.IsFinite(x) ? x : null);

    private static void AtomicFile(string path, string text)
    {
        string temp = path + $".tmp-{Environment.ProcessId}";
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temp)) File.Delete(temp);
            throw new UserInputException($"cannot write {path}: {ex.Message}");
        }
    }
}
