using Salient.Experiments.Errors;

namespace Salient.Cli;

/// <summary>A user error found by a command (bad option value, missing scenario): reported without a stack trace.</summary>
public sealed class UserInputException(string message) : UserErrorException(message);

/// <summary>The scenario has errors, already printed as diagnostics (file:line:col): the top level adds nothing and exits with 2.</summary>
public sealed class ScenarioErrorsException() : UserErrorException("the scenario has errors (reported above)")
{
    /// <inheritdoc/>
    public override bool AlreadyReported => true;
}
