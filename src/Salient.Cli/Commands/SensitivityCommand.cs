using System.ComponentModel;
using System.Globalization;
using System.Text;
using Salient.Analysis.Plots;
using Salient.Analysis.Sensitivity;
using Salient.Analysis.Sweeps;
using Salient.Experiments.Runner;
using Salient.Output.Files;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>Options of <c>salient sensitivity</c>.</summary>
public sealed class SensitivitySettings : ScenarioSettings
{
    [CommandOption("--method <METHOD>")]
    [Description("morris (elementary effects: mu*, mu, sigma) or sobol (first-order and total indices with bootstrap CIs). Default morris.")]
    public string Method { get; init; } = "morris";

    [CommandOption("--inputs <PATH=LO..HI,...>")]
    [Description("Inputs and their ranges, e.g. parameters.ground.lethality.red=0.01..0.03,units.red-bn.personnel=300..900 (repeatable).")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("--outputs <M1,M2>")]
    [Description("Output metrics, e.g. casualties.total.blue,control.area_km2.blue.")]
    public string? Outputs { get; init; }

    [CommandOption("-n|--replications <N>")]
    [Description("Replications per design point (default 20); the model output at a point is the metric's mean over them.")]
    public int Replications { get; init; } = 20;

    [CommandOption("--samples <N>")]
    [Description("Morris: trajectories r (default 10). Sobol: base samples N, for N(d + 2) points (default 64).")]
    public int? Samples { get; init; }

    [CommandOption("--levels <P>")]
    [Description("Morris grid levels p (even, default 4).")]
    public int Levels { get; init; } = 4;

    [CommandOption("--bootstrap <B>")]
    [Description("Sobol bootstrap resamples for the 95% intervals (default 500).")]
    public int Bootstrap { get; init; } = 500;

    [CommandOption("--seed <S>")]
    [Description("Experiment seed (default 1): every point runs with it (common random numbers); it also seeds the design.")]
    public ulong Seed { get; init; } = 1;

    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores).")]
    public int? Threads { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (default out/<scenario>-sensitivity-<method>-<seed>): sensitivity.csv, points.csv and a bar plot per output.")]
    public string? Out { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Method is not ("morris" or "sobol"))
            return ValidationResult.Error($"--method must be morris or sobol, found '{Method}'");
        if (Replications < 1 || Replications > RunOptions.MaxReplications)
            return ValidationResult.Error($"--replications must be between 1 and {RunOptions.MaxReplications:N0}, found {Replications}");
        if (Samples is < 2 or > 100_000)
            return ValidationResult.Error($"--samples must be between 2 and 100,000, found {Samples}");
        if (Levels < 2 || Levels % 2 != 0)
            return ValidationResult.Error($"--levels must be even and at least 2, found {Levels}");
        if (Bootstrap is < 0 or > 100_000)
            return ValidationResult.Error($"--bootstrap must be between 0 and 100,000, found {Bootstrap}");
        if (Threads is < 1 or > 1024)
            return ValidationResult.Error($"--threads must be between 1 and 1024, found {Threads}");
        if (Inputs.Length == 0)
            return ValidationResult.Error("give the inputs to study: --inputs path=lo..hi,path=lo..hi");
        if (Outputs is null)
            return ValidationResult.Error("give the output metrics: --outputs metric,metric");
        return ValidationResult.Success();
    }
}

/// <summary>
/// <c>salient sensitivity</c>: Morris screening or Sobol indices of output metrics with respect to input ranges. The
/// model at one input vector is the mean of the output metric over REPS replications with the inputs applied as
/// overrides, every point with the same seed (common random numbers).
/// </summary>
public sealed class SensitivityCommand(IAnsiConsole console) : Command<SensitivitySettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, SensitivitySettings settings, CancellationToken cancellationToken)
    {
        List<VariedInput> inputs;
        try
        {
            inputs = [.. settings.Inputs
                .SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(s => VariedInput.Parse(s, stepsRequired: false, allowList: false))];
            var dup = inputs.GroupBy(v => v.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null) throw new SweepSpecException($"{dup.Key}: given more than once");
        }
        catch (SweepSpecException ex)
        {
            throw new UserInputException("--inputs " + ex.Message);
        }

        var (baseModel, _) = ScenarioInput.Load(console, settings, showWarnings: false);
        if (baseModel is null) return SalientApp.UserError;
        var runner = new PointRunner(console, settings, settings.Replications, settings.Seed, settings.Threads);
        var outputs = runner.ResolveMetrics(baseModel, settings.Outputs);
        bool morris = settings.Method == "morris";
        int d = inputs.Count;
        int samples = settings.Samples ?? (morris ? 10 : 64);

        var morrisDesign = morris ? MorrisDesign.Create(d, samples, settings.Levels, settings.Seed) : null;
        var sobolDesign = morris ? null : SaltelliDesign.Create(samples, d, settings.Seed);
        IReadOnlyList<double[]> unit = morrisDesign?.Rows ?? sobolDesign!.Rows;

        // y[output][point]: the mean of the output over the replications at that point.
        var y = outputs.Select(_ => new double[unit.Count]).ToArray();
        var values = new string[unit.Count][];
        runner.ForEach(unit.Count, settings.Method, p =>
        {
            values[p] = [.. inputs.Select((v, i) => v.At(unit[p][i]))];
            var result = runner.Run(inputs.Select((v, i) => $"{v.Path}={values[p][i]}"), cancellationToken);
            for (int o = 0; o < outputs.Count; o++)
            {
                var column = result.MetricColumn(result.Layout.MetricIndex(outputs[o])).Where(double.IsFinite).ToArray();
                y[o][p] = column.Length == 0 ? double.NaN : column.Average();
            }
        });

        var csv = new StringBuilder(morris ? "output,input,low,high,mu_star,mu,sigma\n" : "output,input,low,high,s1,s1_low,s1_high,st,st_low,st_high\n");
        var plots = new List<(string Name, byte[] Png)>();
        for (int o = 0; o < outputs.Count; o++)
        {
            var table = new Table().Title(Markup.Escape(morris
                ? $"Morris screening of {outputs[o]}: r = {samples}, p = {settings.Levels}, {unit.Count:N0} points x {settings.Replications:N0} replications (effects per full input range)"
                : $"Sobol indices of {outputs[o]}: N = {samples}, {unit.Count:N0} points x {settings.Replications:N0} replications, 95% bootstrap intervals"));
            table.AddColumn("input").AddColumn("range");
            string title;
            List<(string, double[], double[]?, double[]?)> series;
            if (morris)
            {
                table.AddColumn(new TableColumn("mu*").RightAligned()).AddColumn(new TableColumn("mu").RightAligned()).AddColumn(new TableColumn("sigma").RightAligned());
                var effects = MorrisScreening.Analyze(morrisDesign!, y[o]);
                for (int i = 0; i < d; i++)
                {
                    var e = effects[i];
                    table.AddRow(Markup.Escape(inputs[i].Path), Range(inputs[i]), F(e.MuStar), F(e.Mu), F(e.Sigma));
                    csv.Append(CultureInfo.InvariantCulture, $"{outputs[o]},{inputs[i].Path},{PointRunner.N(inputs[i].Low)},{PointRunner.N(inputs[i].High)},{PointRunner.N(e.MuStar)},{PointRunner.N(e.Mu)},{PointRunner.N(e.Sigma)}\n");
                }
                title = $"Morris mu* and sigma of {outputs[o]}";
                series = [("mu*", [.. effects.Select(e => e.MuStar)], null, null), ("sigma", [.. effects.Select(e => e.Sigma)], null, null)];
            }
            else
            {
                table.AddColumn(new TableColumn("S1 [[95% CI]]").RightAligned()).AddColumn(new TableColumn("ST [[95% CI]]").RightAligned());
                var r = SobolIndices.Analyze(sobolDesign!, y[o], settings.Seed, settings.Bootstrap);
                for (int i = 0; i < d; i++)
                {
                    table.AddRow(Markup.Escape(inputs[i].Path), Range(inputs[i]),
                        Markup.Escape($"{F(r.FirstOrder[i])} [{F(r.FirstLow[i])}, {F(r.FirstHigh[i])}]"),
                        Markup.Escape($"{F(r.Total[i])} [{F(r.TotalLow[i])}, {F(r.TotalHigh[i])}]"));
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{outputs[o]},{inputs[i].Path},{PointRunner.N(inputs[i].Low)},{PointRunner.N(inputs[i].High)},{PointRunner.N(r.FirstOrder[i])},{PointRunner.N(r.FirstLow[i])},{PointRunner.N(r.FirstHigh[i])},{PointRunner.N(r.Total[i])},{PointRunner.N(r.TotalLow[i])},{PointRunner.N(r.TotalHigh[i])}\n");
                }
                title = $"Sobol indices of {outputs[o]} (95% bootstrap intervals)";
                series = [("S1", r.FirstOrder, r.FirstLow, r.FirstHigh), ("ST", r.Total, r.TotalLow, r.TotalHigh)];
            }
            console.Write(table);
            plots.Add(($"sensitivity-{outputs[o]}.png", AnalysisPlots.Bars(title, [.. inputs.Select(v => v.Path)], series, morris ? "effect per full input range" : "share of variance")));
        }

        var points = new StringBuilder("point," + string.Join(",", inputs.Select(v => v.Path)) + "," + string.Join(",", outputs) + "\n");
        for (int p = 0; p < unit.Count; p++)
            points.Append(CultureInfo.InvariantCulture, $"{p},{string.Join(",", values[p])},{string.Join(",", y.Select(col => PointRunner.N(col[p])))}\n");

        string outDir = settings.Out ?? Path.Combine("out", $"{baseModel.Name}-sensitivity-{settings.Method}-{settings.Seed}");
        AtomicDirectory.Write(outDir, dir =>
        {
            File.WriteAllText(Path.Combine(dir, "sensitivity.csv"), csv.ToString(), new UTF8Encoding(false));
            File.WriteAllText(Path.Combine(dir, "points.csv"), points.ToString(), new UTF8Encoding(false));
            foreach (var (name, png) in plots) File.WriteAllBytes(Path.Combine(dir, PointRunner.SafeFileName(name)), png);
        });
        console.MarkupLine($"Seed {settings.Seed} at every point (common random numbers). Outputs: [bold]{Markup.Escape(outDir)}[/] (sensitivity.csv, points.csv, {plots.Count} plot(s))");
        return 0;
    }

    private static string Range(VariedInput v) => Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{v.Low:G6}..{v.High:G6}"));

    private static string F(double x) => double.IsFinite(x) ? x.ToString(Math.Abs(x) >= 100 ? "#,0" : "0.###", CultureInfo.InvariantCulture) : "-";
}
