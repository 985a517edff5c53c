using System.Globalization;

namespace Salient.Scenario.Diagnostics;

/// <summary>
/// The catalogue of scenario diagnostics: one stable code per kind of problem, and its message template.
/// docs/errors.md lists the same codes.
/// </summary>
public static class ScenarioErrors
{
    /// <summary>A code, its severity and its message template (composite format, arguments in order).</summary>
    public sealed record Entry(string Code, Severity Severity, string Template);

    public static readonly Entry YamlSyntax = new("SAL100", Severity.Error, "YAML syntax error: {0}");
    public static readonly Entry UnknownKey = new("SAL101", Severity.Error, "unknown key '{0}' in {1}{2}");
    public static readonly Entry MissingKey = new("SAL102", Severity.Error, "missing required key '{0}' in {1}");
    public static readonly Entry WrongType = new("SAL103", Severity.Error, "expected {0}, found {1}");
    public static readonly Entry OutOfRange = new("SAL104", Severity.Error, "{0} must be {1}, found {2}");
    public static readonly Entry UnknownReference = new("SAL105", Severity.Error, "unknown {0} '{1}'{2}");
    public static readonly Entry DuplicateId = new("SAL106", Severity.Error, "duplicate {0} id '{1}' (first defined at {2})");
    public static readonly Entry DateOutsideCalendar = new("SAL107", Severity.Error, "date {0} is outside the calendar {1} .. {2}");
    public static readonly Entry DisconnectedTheatre = new("SAL108", Severity.Error, "the theatre graph is not connected: {0} cells (e.g. '{1}') cannot be reached from '{2}'");
    public static readonly Entry FileUnreadable = new("SAL109", Severity.Error, "cannot read file '{0}': {1}");
    public static readonly Entry CsvError = new("SAL110", Severity.Error, "CSV: {0}");
    public static readonly Entry GeoJsonError = new("SAL111", Severity.Error, "GeoJSON: {0}");
    public static readonly Entry InvalidGeometry = new("SAL112", Severity.Error, "invalid geometry in region '{0}': {1}");
    public static readonly Entry BadDistribution = new("SAL113", Severity.Error, "distribution '{0}': {1}");
    public static readonly Entry BadOverride = new("SAL114", Severity.Error, "override '{0}': {1}");
    public static readonly Entry UnsupportedVersion = new("SAL115", Severity.Error, "unsupported format version {0}; this Salient reads version {1}");
    public static readonly Entry DocumentTooLarge = new("SAL116", Severity.Error, "document too large: more than {0} nodes after alias expansion (an alias bomb?)");
    public static readonly Entry SideCount = new("SAL117", Severity.Error, "a scenario needs exactly two sides, found {0}");
    public static readonly Entry ScheduleNotAllowed = new("SAL118", Severity.Error, "a schedule is not allowed here: only parameters and stock production may vary over time");
    public static readonly Entry ScheduleOrder = new("SAL119", Severity.Error, "schedule dates must increase: {0} does not come after {1}");
    public static readonly Entry UnknownVariant = new("SAL120", Severity.Error, "unknown variant '{0}'{1}");
    public static readonly Entry EmptyPlanPhase = new("SAL121", Severity.Error, "plan phase '{0}' ends ({1}) before it starts ({2})");
    public static readonly Entry TheatreBuild = new("SAL122", Severity.Error, "cannot build the theatre: {0}");
    public static readonly Entry NoSource = new("SAL200", Severity.Warning, "{0} has no 'source'; cite one or write source: assumption");
    public static readonly Entry TheatreWarning = new("SAL201", Severity.Warning, "{0}");
    public static readonly Entry EmptyCell = new("SAL202", Severity.Warning, "{0}");
    public static readonly Entry EvidenceNotAList = new("SAL203", Severity.Warning, "an evidence ledger is a list of entries, found {0}; nothing read");
    public static readonly Entry EvidenceEntrySkipped = new("SAL204", Severity.Warning, "evidence entry skipped: {0}");

    /// <summary>Makes a diagnostic from a catalogue entry, formatting the template with invariant culture.</summary>
    public static Diagnostic Make(Entry entry, SourceSpan span, params string[] args) =>
        new(entry.Severity, entry.Code, span, string.Format(CultureInfo.InvariantCulture, entry.Template, args), args);
}
