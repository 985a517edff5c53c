using ParquetSharp;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests;

/// <summary><c>salient history</c> on a handful of battles: the tables as CSV and Parquet, the plots, and the generated YAML.</summary>
public sealed class HistoryCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-history-" + Guid.NewGuid().ToString("N"));

    public HistoryCommandTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_few_battles_write_every_table_as_csv_and_parquet_and_both_plots()
    {
        string table = Path.Combine(Repo, "data", "history", "cdb90_all.csv");
        string outDir = Path.Combine(_root, "out");
        var (code, output) = Run("history", table, "--only", "494,496,497,2,3", "--fit-battles", "0", "-r", "4", "--threads", "2", "--out", outDir);
        Assert.True(code == 0, output);
        foreach (string name in new[] { "battles", "excluded", "summary", "relations", "kursk1943", "fit" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, name + ".csv")), name);
            using var file = new ParquetFileReader(Path.Combine(outDir, name + ".parquet"));
            int csvRows = File.ReadAllLines(Path.Combine(outDir, name + ".csv")).Length - 1;
            Assert.Equal(csvRows, file.FileMetaData.NumRows); // no cell holds a line break, so CSV lines = rows
        }
        Assert.True(new FileInfo(Path.Combine(outDir, "calibration.png")).Length > 1000);
        Assert.True(new FileInfo(Path.Combine(outDir, "casualties.png")).Length > 1000);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(outDir, "kursk1943.csv")).Length - 1); // 494, 496, 497
    }

    [Fact]
    public void Emit_yaml_prints_a_loadable_engagement()
    {
        string table = Path.Combine(Repo, "data", "history", "cdb90_all.csv");
        var (code, output) = Run("history", table, "--emit-yaml", "497");
        Assert.True(code == 0, output);
        Assert.Contains("name: cdb90-497", output, StringComparison.Ordinal);
        string dir = Path.Combine(_root, "s");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "scenario.yaml"), output);
        var (vcode, voutput) = Run("validate", dir);
        Assert.True(vcode == 0, voutput);
    }

    [Fact]
    public void A_missing_table_or_a_folder_is_a_user_error_that_names_it()
    {
        Directory.CreateDirectory(_root);
        var (code, output) = Run("history", _root, "--emit-yaml", "497");
        Assert.Equal(2, code);
        Assert.Contains($"the history table '{_root}' is a folder; give the CDB90 CSV file", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        string missing = Path.Combine(_root, "nope.csv");
        (code, output) = Run("history", missing, "--emit-yaml", "497");
        Assert.Equal(2, code);
        Assert.Contains($"cannot read the history table '{missing}'", output, StringComparison.Ordinal);
    }
}
