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
        [new LanchesterSquareCase(), new LanchesterLinearCase(), new MarkovDuelCase(), new AirDefenceSaturationCase(), new EwJammingCase()];

    /// <summary>Classic laws the engine has no mechanic for, with the reason (docs/validation.md lists them instead of a case).</summary>
    public static IReadOnlyList<(string Law, string Why)> NotModelled { get; } =
    [
        ("Lanchester linear law (area fire, dB/dt = -k B R)",
            "No mechanic makes losses scale with the target's numbers or density: assault and positional casualty means are " +
            "linear in the firer's power alone (aimed fire, docs/model.md 4.7), and kill chains are per sortie, their hits set by " +
            "sorties and find and hit probabilities, not by how many targets stand in the area (4.5)."),
        ("Hughes salvo model",
            "There is no salvo exchange: no unit fires volleys that the target's defensive fire thins and whose hits wear down a " +
            "staying power measured in hits. Air defence thins interceptable raids (4.6, validated above), but nothing fires back " +
            "in salvos and units have no staying power other than personnel."),
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
