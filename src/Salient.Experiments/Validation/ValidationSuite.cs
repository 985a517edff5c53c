namespace Salient.Experiments.Validation;

/// <summary>
/// The analytic validation suite: every case under scenarios/validation that has a closed form, run with fixed seeds
/// and replication counts, so the same code gives the same report in the tests and in docs/validation.md.
/// </summary>
public static class ValidationSuite
{
    /// <summary>The folder holding the cases' scenarios, relative to the repository root.</summary>
    public const string Folder = "scenarios/validation";

    /// <summary>The cases, in report order.</summary>
    public static IReadOnlyList<ValidationCase> Cases { get; } =
        [new LanchesterSquareCase(), new LanchesterLinearCase(), new MarkovDuelCase(), new AirDefenceSaturationCase(), new EwJammingCase(), new HughesSalvoCase()];

    /// <summary>Classic laws the engine has no mechanic for, with the reason (docs/validation.md lists them instead of a case).</summary>
    public static IReadOnlyList<(string Law, string Why)> NotModelled { get; } =
    [
        ("Hughes salvo model, simultaneous exchange (Delta A and Delta B from the same pre-salvo state)",
            "Kill chains fire unit by unit within a tick (docs/model.md 4.5), so when both sides hold launchers the first unit's " +
            "salvo lands, and its losses count, before the second unit fires: a sequential exchange, not Hughes' simultaneous " +
            "one. The one-sided salvo is validated above (hughes-salvo)."),
    ];

    /// <summary>
    /// Runs every case against its folder under <paramref name="validationFolder"/> (the repository's
    /// scenarios/validation), calling <paramref name="finished"/> after each.
    /// </summary>
    public static ValidationReport Run(string validationFolder, int threads, Action<ValidationCaseResult>? finished = null)
    {
        var results = new List<ValidationCaseResult>();
        foreach (var c in Cases)
        {
            var result = c.Run(Path.Combine(validationFolder, c.Id), threads);
            finished?.Invoke(result);
            results.Add(result);
        }
        return new ValidationReport(results);
    }
}
