namespace Salient.Scenario.Diagnostics;

/// <summary>How serious a diagnostic is: errors stop a run, warnings do not.</summary>
public enum Severity
{
    /// <summary>The scenario cannot run.</summary>
    Error,
    /// <summary>The scenario runs, but something is probably not what the author meant.</summary>
    Warning,
}
