using System.Globalization;
using System.Text;
using Salient.Scenario.Model;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>docs/errors.md and docs/scenario-format.md stay in step with the catalogues they describe.</summary>
public class DocsTests
{
    private static string Doc(string name) => File.ReadAllText(Path.Combine(RepoRoot, "docs", name)).ReplaceLineEndings("\n");

    /// <summary>The parameter table of docs/scenario-format.md, rendered from <see cref="ParameterCatalogue.Definitions"/>.</summary>
    public static string RenderParameterTable()
    {
        var sb = new StringBuilder();
        sb.Append("| Parameter | Default | Range | Unit | Meaning |\n");
        sb.Append("|---|---|---|---|---|\n");
        var expanded = ParameterCatalogue.Expand(["{side}"]).ToList();
        foreach (var d in ParameterCatalogue.Definitions)
        {
            string dflt = d.Name.Contains("{posture}", StringComparison.Ordinal)
                ? string.Join(", ", expanded.Where(e => e.Definition == d).Select(e => $"{e.Name[(e.Name.LastIndexOf('.') + 1)..]} {F(e.Default)}"))
                : F(d.Default);
            sb.Append(CultureInfo.InvariantCulture, $"| `{d.Name}` | {dflt} | [{F(d.Min)}, {F(d.Max)}] | {Cell(d.Unit)} | {Cell(d.Meaning)} |\n");
        }
        return sb.ToString();

        static string F(double v) => v.ToString("G", CultureInfo.InvariantCulture);
        static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
    }

    [Fact]
    public void FormatDoc_HoldsTheParameterTable_GeneratedFromTheCatalogue()
    {
        string table = RenderParameterTable();
        Assert.True(Doc("scenario-format.md").Contains(table, StringComparison.Ordinal),
            "docs/scenario-format.md must contain this table verbatim (regenerate it from ParameterCatalogue):\n\n" + table);
    }

    [Fact]
    public void ErrorsDoc_DescribesEveryCatalogueCode_InOrder()
    {
        string doc = Doc("errors.md");
        var headings = doc.Split('\n').Where(l => l.StartsWith("## SAL", StringComparison.Ordinal)).Select(l => l[3..9]).ToList();
        Assert.Equal(CatalogueCodes.Order(StringComparer.Ordinal), headings);
    }

    [Fact]
    public void FormatDoc_NamesEveryTopLevelKey()
    {
        string doc = Doc("scenario-format.md");
        foreach (var key in SchemaTests.BinderSections()["the scenario"])
            Assert.Contains($"`{key}`", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDoc_HoldsNoControlCharacters()
    {
        // A formula written through an escaping layer once turned \rho, \frac, \varphi, \big and \text into line breaks,
        // form feeds, vertical tabs, backspaces and tabs that render as broken LaTeX; only line ends belong in a doc.
        var docs = Directory.GetFiles(Path.Combine(RepoRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Concat(new[] { "README.md", "ARCHITECTURE.md" }.Select(f => Path.Combine(RepoRoot, f)).Where(File.Exists));
        var found = new List<string>();
        foreach (string file in docs)
        {
            string[] lines = File.ReadAllText(file).Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                int col = lines[i].TrimEnd('\r').IndexOfAny([.. Enumerable.Range(0, 32).Where(c => c != '\n').Select(c => (char)c)]);
                if (col >= 0) found.Add(string.Create(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(RepoRoot, file)}:{i + 1}:{col + 1}: U+{(int)lines[i][col]:X4}"));
            }
        }
        Assert.True(found.Count == 0, "control characters in the docs:\n" + string.Join("\n", found));
    }
}
