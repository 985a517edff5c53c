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

    /// <summary>SAL100 (error): the text is not valid YAML, or is YAML the loader refuses to build: a second document, nesting deeper than 256 levels, an alias to no earlier anchor or to a node containing it, a key written twice in one mapping.</summary>
    /// <remarks>Argument: the YAML parser's message.</remarks>
    public static readonly Entry YamlSyntax = new("SAL100", Severity.Error, "YAML syntax error: {0}");
    /// <summary>SAL101 (error): a mapping has a key the format does not define, including an unknown parameter name.</summary>
    /// <remarks>Arguments: the key; the mapping it was found in (for example <c>calendar</c>); a "; did you mean ..." hint, or empty.</remarks>
    public static readonly Entry UnknownKey = new("SAL101", Severity.Error, "unknown key '{0}' in {1}{2}");
    /// <summary>SAL102 (error): a mapping lacks a required key; reported at the mapping.</summary>
    /// <remarks>Arguments: the missing key; a description of the mapping (for example <c>a unit</c>).</remarks>
    public static readonly Entry MissingKey = new("SAL102", Severity.Error, "missing required key '{0}' in {1}");
    /// <summary>SAL103 (error): a value has the wrong shape: text for a number, a list for a mapping, a malformed date, a non-finite number, an empty string, or a mutually exclusive pair of keys given both or neither.</summary>
    /// <remarks>Arguments: what was expected; what was found.</remarks>
    public static readonly Entry WrongType = new("SAL103", Severity.Error, "expected {0}, found {1}");
    /// <summary>SAL104 (error): a value outside its allowed range or enumeration, an id that is not a slug, or a rule-level violation such as a unit starting on a cell its side does not hold.</summary>
    /// <remarks>Arguments: the value's name or path; the allowed range in words (for example <c>in [0, 1]</c>); the value found.</remarks>
    public static readonly Entry OutOfRange = new("SAL104", Severity.Error, "{0} must be {1}, found {2}");
    /// <summary>SAL105 (error): a reference to a side, cell or settlement, region, unit or system type that is not defined.</summary>
    /// <remarks>Arguments: the kind of thing referred to; the id; a "; did you mean ..." hint, or empty.</remarks>
    public static readonly Entry UnknownReference = new("SAL105", Severity.Error, "unknown {0} '{1}'{2}");
    /// <summary>SAL106 (error): an id defined twice in one list; reported at the second definition.</summary>
    /// <remarks>Arguments: the kind of thing; the id; where the first definition is (a position, or a phrase such as <c>earlier in this list</c>).</remarks>
    public static readonly Entry DuplicateId = new("SAL106", Severity.Error, "duplicate {0} id '{1}' (first defined at {2})");
    /// <summary>SAL107 (error): a unit's arrival, a plan phase's or a reinforcement's date lies outside the scenario calendar.</summary>
    /// <remarks>Schedule dates are exempt: they may lie outside the calendar. Arguments: the date; the calendar start; the calendar end (all yyyy-MM-dd).</remarks>
    public static readonly Entry DateOutsideCalendar = new("SAL107", Severity.Error, "date {0} is outside the calendar {1} .. {2}");
    /// <summary>SAL108 (error): some cells cannot be reached from the first cell along edges; reported at the <c>theatre</c> mapping.</summary>
    /// <remarks>Arguments: the number of unreached cells; one unreached cell id; the first cell's id.</remarks>
    public static readonly Entry DisconnectedTheatre = new("SAL108", Severity.Error, "the theatre graph is not connected: {0} cells (e.g. '{1}') cannot be reached from '{2}'");
    /// <summary>SAL109 (error): the scenario file or folder, or a side file (CSV, GeoJSON, evidence ledger), does not exist, is larger than 16 MiB, or cannot be read.</summary>
    /// <remarks>Arguments: the file name as written; the reason.</remarks>
    public static readonly Entry FileUnreadable = new("SAL109", Severity.Error, "cannot read file '{0}': {1}");
    /// <summary>SAL110 (error): a problem in a settlements or points CSV file, reported at that file's own line and column.</summary>
    /// <remarks>Argument: the problem (wrong field count, unparseable or out-of-range number, missing column, and so on).</remarks>
    public static readonly Entry CsvError = new("SAL110", Severity.Error, "CSV: {0}");
    /// <summary>SAL111 (error): a region file is not valid JSON, is not a FeatureCollection, Feature, Polygon or MultiPolygon, or holds no polygons.</summary>
    /// <remarks>Argument: the problem, or the JSON parser's message.</remarks>
    public static readonly Entry GeoJsonError = new("SAL111", Severity.Error, "GeoJSON: {0}");
    /// <summary>SAL112 (error): a region's polygons are invalid (for example a self-intersecting ring); reported at the region's <c>file</c>.</summary>
    /// <remarks>Arguments: the region id; the geometry checker's description, with the position in degrees.</remarks>
    public static readonly Entry InvalidGeometry = new("SAL112", Severity.Error, "invalid geometry in region '{0}': {1}");
    /// <summary>SAL113 (error): distribution parameters that define no distribution, a parameter that belongs to another distribution, or a support that leaves the quantity's allowed range.</summary>
    /// <remarks>Arguments: the distribution name (for example <c>uniform</c>); the problem.</remarks>
    public static readonly Entry BadDistribution = new("SAL113", Severity.Error, "distribution '{0}': {1}");
    /// <summary>SAL114 (error): a malformed <c>--set path=value</c> override: no <c>=</c>, an empty path segment, a list item that does not exist, a path through a single value, or a value that is not YAML.</summary>
    /// <remarks>A value that is valid YAML but wrong for its place gets the ordinary code instead. Arguments: the override path; the problem.</remarks>
    public static readonly Entry BadOverride = new("SAL114", Severity.Error, "override '{0}': {1}");
    /// <summary>SAL115 (error): the scenario's <c>salient:</c> format version is not one this build reads.</summary>
    /// <remarks>Arguments: the version found; the version supported (<see cref="Parsing.ScenarioLoader.FormatVersion"/>).</remarks>
    public static readonly Entry UnsupportedVersion = new("SAL115", Severity.Error, "unsupported format version {0}; this Salient reads version {1}");
    /// <summary>SAL116 (error): the YAML document expands to more nodes than the loader's budget once aliases are expanded.</summary>
    /// <remarks>Stops alias bombs before the document is built; reported at the alias that crosses the limit. Argument: the node budget (2,000,000).</remarks>
    public static readonly Entry DocumentTooLarge = new("SAL116", Severity.Error, "document too large: more than {0} nodes after alias expansion (an alias bomb?)");
    /// <summary>SAL117 (error): the scenario does not define exactly two sides.</summary>
    /// <remarks>Argument: the number of sides found.</remarks>
    public static readonly Entry SideCount = new("SAL117", Severity.Error, "a scenario needs exactly two sides, found {0}");
    /// <summary>SAL118 (error): a <c>schedule:</c> on a quantity that may not vary over time (only parameters and a stock's production may); reported at the <c>schedule</c> key.</summary>
    /// <remarks>No arguments.</remarks>
    public static readonly Entry ScheduleNotAllowed = new("SAL118", Severity.Error, "a schedule is not allowed here: only parameters and stock production may vary over time");
    /// <summary>SAL119 (error): a schedule point's date does not come strictly after the previous point's.</summary>
    /// <remarks>Arguments: the offending date; the previous date.</remarks>
    public static readonly Entry ScheduleOrder = new("SAL119", Severity.Error, "schedule dates must increase: {0} does not come after {1}");
    /// <summary>SAL120 (error): <c>--variant NAME</c> names no variant of the scenario; has no position.</summary>
    /// <remarks>Arguments: the variant name; a hint with the nearest variant and the list of variants.</remarks>
    public static readonly Entry UnknownVariant = new("SAL120", Severity.Error, "unknown variant '{0}'{1}");
    /// <summary>SAL121 (error): a plan phase ends before it starts.</summary>
    /// <remarks>Arguments: the phase name; its end; its start (both yyyy-MM-dd).</remarks>
    public static readonly Entry EmptyPlanPhase = new("SAL121", Severity.Error, "plan phase '{0}' ends ({1}) before it starts ({2})");
    /// <summary>SAL122 (error): the theatre cannot be built: the geometry builder failed on the regions and grid, or the theatre has no cells.</summary>
    /// <remarks>Argument: the builder's reason.</remarks>
    public static readonly Entry TheatreBuild = new("SAL122", Severity.Error, "cannot build the theatre: {0}");
    /// <summary>SAL123 (error): the scenario exceeds a size limit (region vertices, cells, units); the message names the limit and the <c>--limit</c> setting that raises it.</summary>
    public static readonly Entry LimitExceeded = new("SAL123", Severity.Error, "{0} exceeds the limit of {1}; if this is intended, raise it with --limit {2}=N");
    /// <summary>SAL124 (error): a key that would have no effect where it is given, so it is refused rather than ignored: <c>grid</c>, <c>snap_km</c> or <c>settlements</c> in a theatre that lists its <c>nodes</c> (they shape a theatre built from <c>regions</c>), or a variant that sets <c>calibration</c> (the calibration is applied before variants).</summary>
    /// <remarks>Arguments: the key; why it would have no effect and what to do instead.</remarks>
    public static readonly Entry NoEffect = new("SAL124", Severity.Error, "'{0}' would have no effect here: {1}");
    /// <summary>SAL129 (error): a composition of variants (<c>--variant A+B</c>) names one twice or none, or two of its variants set the same key to different values; reported at the second variant's key.</summary>
    /// <remarks>Arguments: the composition (or the two variants); the reason.</remarks>
    public static readonly Entry VariantConflict = new("SAL129", Severity.Error, "variants '{0}' cannot be combined: {1}");
    /// <summary>SAL200 (warning): a number written in the scenario has no <c>source</c>, on itself or on the entry it belongs to.</summary>
    /// <remarks>Argument: the quantity's path (for example <c>units.red-bn.personnel</c>).</remarks>
    public static readonly Entry NoSource = new("SAL200", Severity.Warning, "{0} has no 'source'; cite one or write source: assumption");
    /// <summary>SAL201 (warning): a warning about the theatre, from the geometry builder (overlapping regions, an unmerged fragment, a settlement outside every cell, a reused cell id) or from the depots rule.</summary>
    /// <remarks>Argument: the whole message; reported at <c>theatre</c>.</remarks>
    public static readonly Entry TheatreWarning = new("SAL201", Severity.Warning, "{0}");
    /// <summary>SAL202 (warning): an empty cell. Reserved in the catalogue so the code stays stable; this version of the loader never reports it.</summary>
    /// <remarks>Argument: the whole message.</remarks>
    public static readonly Entry EmptyCell = new("SAL202", Severity.Warning, "{0}");
    /// <summary>SAL203 (warning): an evidence ledger whose top node is not a list; it is read as an empty ledger.</summary>
    /// <remarks>Argument: a description of what was found (for example <c>a mapping</c>).</remarks>
    public static readonly Entry EvidenceNotAList = new("SAL203", Severity.Warning, "an evidence ledger is a list of entries, found {0}; nothing read");
    /// <summary>SAL204 (warning): an evidence entry that is not a mapping, or has no <c>id</c> or no <c>metric</c>, is skipped; the rest of the ledger is read.</summary>
    /// <remarks>Argument: why the entry was skipped.</remarks>
    public static readonly Entry EvidenceEntrySkipped = new("SAL204", Severity.Warning, "evidence entry skipped: {0}");

    /// <summary>SAL205 (warning): the applied calibration file records a <c>scenario_hash</c> that is not the hash of the scenario as written now (uncalibrated, no variant or <c>--set</c>), so it was fitted to other inputs; its values still apply. Reported at the file's <c>scenario_hash</c>.</summary>
    /// <remarks>Arguments: the calibration file; the recorded hash and the current one, shortened; the scenario's folder.</remarks>
    public static readonly Entry CalibrationStale = new("SAL205", Severity.Warning,
        "{0} was fitted to the scenario as written with hash {1}, but it now has hash {2} (the scenario or a side file changed since): its values still apply, fitted to other inputs; rerun `salient calibrate {3} --install` to refit them");

    /// <summary>Makes a diagnostic from a catalogue entry, formatting the template with invariant culture.</summary>
    public static Diagnostic Make(Entry entry, SourceSpan span, params string[] args) =>
        new(entry.Severity, entry.Code, span, string.Format(CultureInfo.InvariantCulture, entry.Template, args), args);
}
