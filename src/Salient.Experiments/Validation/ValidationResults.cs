namespace Salient.Experiments.Validation;

/// <summary>
/// One comparison of the engine with a closed form: the expected value, the engine's Monte Carlo estimate and the
/// tolerance the estimate must be within. A check passes when <c>|measured - expected| &lt;= tolerance</c>.
/// </summary>
/// <param name="Quantity">What is compared, in words (e.g. "mean personnel.red, day 12").</param>
/// <param name="Expected">The closed form's value.</param>
/// <param name="Measured">The engine's estimate over <paramref name="Replications"/> replications.</param>
/// <param name="Tolerance">Allowed |measured - expected|: sampling error derived from the replication count, plus any
/// deterministic bias of the closed form the case states (for example the discretisation of a tick).</param>
/// <param name="Replications">Replications the estimate is over.</param>
public sealed record ValidationCheck(string Quantity, double Expected, double Measured, double Tolerance, int Replications)
{
    /// <summary>Whether the estimate lies within the tolerance of the closed form.</summary>
    public bool Passed => Math.Abs(Measured - Expected) <= Tolerance;
}

/// <summary>The outcome of one validation case.</summary>
/// <param name="Id">The case's folder under scenarios/validation.</param>
/// <param name="Title">A short name for the table.</param>
/// <param name="Rows">The checks shown in docs/validation.md.</param>
/// <param name="Checks">Every check the case makes (a superset of <paramref name="Rows"/>; the tests assert them all).</param>
/// <param name="Seed">The fixed experiment seed.</param>
public sealed record ValidationCaseResult(string Id, string Title, IReadOnlyList<ValidationCheck> Rows, IReadOnlyList<ValidationCheck> Checks, ulong Seed)
{
    /// <summary>Whether every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}

/// <summary>The outcome of the whole validation suite, in case order.</summary>
public sealed record ValidationReport(IReadOnlyList<ValidationCaseResult> Cases)
{
    /// <summary>Whether every check of every case passed.</summary>
    public bool Passed => Cases.All(c => c.Passed);

    /// <summary>The result of the case with this id; throws when the suite has none.</summary>
    public ValidationCaseResult this[string id] => Cases.FirstOrDefault(c => c.Id == id)
        ?? throw new KeyNotFoundException($"no validation case '{id}'");
}
