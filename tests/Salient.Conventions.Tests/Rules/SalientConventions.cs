using System.Collections.Immutable;

namespace Salient.Conventions.Tests.Rules;

/// <summary>The src project names (folder and csproj name).</summary>
internal static class Project
{
    public const string Scenario = "Salient.Scenario";
    public const string Engine = "Salient.Engine";
    public const string Experiments = "Salient.Experiments";
    public const string Analysis = "Salient.Analysis";
    public const string Output = "Salient.Output";
    public const string Viewer = "Salient.Viewer";
    public const string Cli = "Salient.Cli";
}

/// <summary>
/// Salient's layering and I/O conventions as data (STYLE.md section 4, issue 12): the allowed references between src
/// projects, where third-party families may be used, and the APIs each project must not touch. The tests in this
/// project check the built assemblies against these tables.
/// </summary>
internal static class SalientConventions
{
    private const string Scenario = Project.Scenario, Engine = Project.Engine, Experiments = Project.Experiments,
        Analysis = Project.Analysis, Output = Project.Output, Viewer = Project.Viewer, Cli = Project.Cli;

    /// <summary>
    /// Every allowed src-to-src reference (direct, as the compiler records it in the assembly; a project may use a
    /// lower layer's types directly even when its csproj reaches that layer transitively). Scenario &lt;- Engine &lt;-
    /// Experiments &lt;- Analysis/Output &lt;- Cli/Viewer: Analysis and Output never reference each other; the one edge
    /// inside a layer is Cli -> Viewer. Edges marked "(unused today)" are allowed by the layering but no code uses them.
    /// </summary>
    public static ImmutableArray<LayerEdge> AllowedEdges { get; } =
    [
        new(Engine, Scenario, "the kernel compiles the immutable scenario model into its state arrays"),
        new(Experiments, Engine, "the runner plays replications of the kernel"),
        new(Experiments, Scenario, "runs and validation cases load and override scenarios"),
        new(Analysis, Experiments, "sweeps, sensitivity and calibration drive the Monte Carlo runner"),
        new(Analysis, Engine, "random streams (StreamIds) and the compiled scenario's metric layout"),
        new(Analysis, Scenario, "the parameter paths and overrides of the inputs it varies"),
        new(Output, Experiments, "exports run results (summaries, replication blocks, claims)"),
        new(Output, Engine, "the metric layout and compiled geometry of the files it writes"),
        new(Output, Scenario, "scenario name, hash, theatre cells and evidence for the outputs"),
        new(Viewer, Output, "reads run folders through Output's readers"),
        new(Viewer, Analysis, "the top layer may use the analysis layer (unused today)"),
        new(Viewer, Experiments, "the top layer may use the experiments layer (unused today)"),
        new(Viewer, Engine, "the top layer may use the engine layer (unused today)"),
        new(Viewer, Scenario, "the top layer may use the scenario layer (unused today)"),
        new(Cli, Viewer, "`salient serve` hosts the viewer: the one edge inside the top layer"),
        new(Cli, Analysis, "sweep, sensitivity and calibrate commands"),
        new(Cli, Output, "every command that writes or reads a run folder"),
        new(Cli, Experiments, "run, compare and validation commands drive the runner"),
        new(Cli, Engine, "compiles scenarios and reads metric names for the summary table"),
        new(Cli, Scenario, "loads and validates scenarios, renders positioned diagnostics"),
    ];

    /// <summary>Third-party assembly families that belong to one layer.</summary>
    public static ImmutableArray<PackageBoundary> Packages { get; } =
    [
        new("Spectre.Console", [Cli], "the console UI is the CLI's job"),
        new("Microsoft.AspNetCore", [Viewer], "only the viewer serves the web"),
        new("DuckDB", [Output], "SQL over run folders (salient query) is a reader of output files"),
        new("ParquetSharp", [Output, Cli], "Parquet is an output format; Cli is a known deviation: CalibrateCommand.WritePosterior and SweepCommand.WriteParquet write Parquet inside the commands (issue 12 moves exporters to Output, then drop Cli here)"),
    ];

    private static readonly ImmutableArray<ApiBan> NoConsoleOrUi =
    [
        new("System.Console", "only the CLI writes to the console (through IAnsiConsole)"),
        new("Spectre.Console.*", "Spectre.Console belongs to the CLI"),
    ];

    private static readonly ImmutableArray<ApiBan> NoWeb =
    [
        new("System.Net.*", "no network access outside Cli/Viewer/Output"),
        new("Microsoft.AspNetCore.*", "only the viewer serves the web"),
    ];

    private static readonly ImmutableArray<ApiBan> NoProcesses =
    [
        new("System.Diagnostics.Process", "starting or inspecting processes is host I/O"),
    ];

    /// <summary>The whole file system: no reads, no writes (Engine, Experiments, Analysis).</summary>
    private static readonly ImmutableArray<ApiBan> NoFileSystem =
    [
        .. new[]
        {
            "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.DirectoryInfo",
            "System.IO.FileSystemInfo", "System.IO.StreamWriter", "System.IO.StreamReader", "System.IO.FileSystemWatcher",
            "System.IO.RandomAccess", "System.IO.DriveInfo", "System.IO.MemoryMappedFiles.*", "System.IO.Pipes.*",
            "System.IO.Path::GetTempFileName", "System.IO.Path::GetTempPath", "System.Environment::get_CurrentDirectory",
        }.Select(p => new ApiBan(p, "the file system is touched only by Scenario (reading), Output, Viewer and Cli")),
    ];

    /// <summary>Writes to the file system (Scenario reads its files but never writes, deletes or moves one).</summary>
    private static readonly ImmutableArray<ApiBan> NoFileWrites =
    [
        .. new[]
        {
            "System.IO.File::WriteAll*", "System.IO.File::AppendAll*", "System.IO.File::AppendText", "System.IO.File::Create",
            "System.IO.File::CreateText", "System.IO.File::CreateSymbolicLink", "System.IO.File::Open", "System.IO.File::OpenWrite",
            "System.IO.File::OpenHandle", "System.IO.File::Delete", "System.IO.File::Move", "System.IO.File::Copy",
            "System.IO.File::Replace", "System.IO.File::Encrypt", "System.IO.File::Decrypt", "System.IO.File::Set*",
            "System.IO.Directory::CreateDirectory", "System.IO.Directory::CreateSymbolicLink", "System.IO.Directory::CreateTempSubdirectory",
            "System.IO.Directory::Delete", "System.IO.Directory::Move", "System.IO.Directory::Set*",
            "System.IO.FileInfo::Create", "System.IO.FileInfo::CreateText", "System.IO.FileInfo::AppendText", "System.IO.FileInfo::Open",
            "System.IO.FileInfo::OpenWrite", "System.IO.FileInfo::Delete", "System.IO.FileInfo::MoveTo", "System.IO.FileInfo::CopyTo",
            "System.IO.FileInfo::Replace", "System.IO.FileInfo::Encrypt", "System.IO.FileInfo::Decrypt", "System.IO.FileInfo::set_*",
            "System.IO.DirectoryInfo::Create", "System.IO.DirectoryInfo::CreateSubdirectory", "System.IO.DirectoryInfo::Delete",
            "System.IO.DirectoryInfo::MoveTo", "System.IO.FileSystemInfo::Delete", "System.IO.FileSystemInfo::set_*",
            "System.IO.FileSystemInfo::CreateAsSymbolicLink",
            "System.IO.FileStream", "System.IO.StreamWriter", "System.IO.RandomAccess::Write*", "System.IO.Path::GetTempFileName",
        }.Select(p => new ApiBan(p, "Scenario reads scenario files (File.ReadAllBytes, FileInfo.Length, Directory.Exists) but never writes, moves or deletes; FileStream and StreamWriter are banned whole because they can write"))
    ];

    /// <summary>The APIs each src project must not use.</summary>
    public static ImmutableDictionary<string, ImmutableArray<ApiBan>> Bans { get; } = new Dictionary<string, ImmutableArray<ApiBan>>
    {
        [Scenario] = [.. NoConsoleOrUi, .. NoWeb, .. NoProcesses, .. NoFileWrites],
        [Engine] = [.. NoConsoleOrUi, .. NoWeb, .. NoProcesses, .. NoFileSystem],
        [Experiments] = [.. NoConsoleOrUi, .. NoWeb, .. NoProcesses, .. NoFileSystem],
        // Analysis today does no I/O at all: its plots come back as PNG bytes (ScottPlot GetImageBytes), written by Cli/Output.
        [Analysis] = [.. NoConsoleOrUi, .. NoWeb, .. NoProcesses, .. NoFileSystem],
        // Output writes files and HTML (System.Net.WebUtility.HtmlEncode; it checks stale writers with Process.GetProcessById).
        [Output] = [.. NoConsoleOrUi, new("Microsoft.AspNetCore.*", "only the viewer serves the web")],
        [Viewer] = [.. NoConsoleOrUi],
        [Cli] = [],
    }.ToImmutableDictionary();

    /// <summary>
    /// Current violations accepted on purpose, each with its reason (none today). Add one only with a reason and a
    /// plan; the check fails when an entry no longer matches anything.
    /// </summary>
    public static ImmutableArray<KnownViolation> KnownViolations { get; } = [];
}
