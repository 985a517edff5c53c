using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Salient.Scenario.Model;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>
/// docs/scenario.schema.json must list exactly the keys the binder accepts, section by section, and every parameter of
/// the catalogue with its range. The binder's keys are read from its source (every <c>MapView.Of(ctx, node, what, keys)</c>),
/// so a key added to the binder without the schema, or the other way round, fails here.
/// </summary>
public partial class SchemaTests
{
    /// <summary>Where each binder section (its "what", with interpolations as '*') lives in the schema ('|' separates several places).</summary>
    private static readonly Dictionary<string, string> SectionToSchema = new(StringComparer.Ordinal)
    {
        ["the scenario"] = "",
        ["calendar"] = "/properties/calendar",
        ["a side"] = "/$defs/side",
        ["doctrine of side '*'"] = "/$defs/doctrine",
        ["theatre"] = "/$defs/theatre",
        ["theatre terrain"] = "/$defs/terrain",
        ["a region"] = "/$defs/region",
        ["theatre grid"] = "/$defs/grid",
        ["a node"] = "/$defs/node",
        ["a node override"] = "/$defs/nodeOverride",
        ["an edge"] = "/$defs/edge",
        ["a depot"] = "/$defs/depot",
        ["a system type"] = "/$defs/systemType",
        ["fires of system '*'"] = "/$defs/fires",
        ["isr of system '*'"] = "/$defs/isr",
        ["ew of system '*'"] = "/$defs/ew",
        ["ew effect of system '*'"] = "/$defs/ewEffect",
        ["air_defence of system '*'"] = "/$defs/airDefence",
        ["path"] = "/$defs/classMap|/$defs/killMap",
        ["a unit"] = "/$defs/unit",
        ["a plan"] = "/$defs/plan",
        ["a plan phase"] = "/$defs/planPhase",
        ["a reinforcement"] = "/$defs/reinforcement",
        ["a stock"] = "/$defs/stock",
        ["a supply route"] = "/$defs/supplyRoute",
        ["a variant"] = "/$defs/variant",
        ["the calibration file"] = "/$defs/calibrationFile",
        ["quantity '*'"] = "/$defs/parameterQuantityObject",
        ["schedule point of '*'"] = "/$defs/schedulePoint",
        ["an infiltration route"] = "/$defs/infiltrationRoute",
        ["season"] = "/$defs/season",
        ["season foliage"] = "/$defs/seasonFoliage",
        ["season foliage *"] = "/$defs/seasonPhase",
        ["a season ground window"] = "/$defs/seasonGroundWindow",
        ["season weather"] = "/$defs/seasonWeather",
        ["season system '*'"] = "/$defs/seasonSystem",
        ["chance"] = "/properties/chance",
    };

    private static readonly Lazy<JsonDocument> Schema = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot, "docs", "scenario.schema.json"))));

    [GeneratedRegex(@"MapView\.Of\(ctx,\s*[^,]+,\s*(?<what>\$?""[^""]*""|[A-Za-z_.]+),\s*(?<keys>\[[^\]]*\]|[A-Za-z_.]+)\s*\)")]
    private static partial Regex MapViewCall();

    [GeneratedRegex(@"(?<name>\w+Keys)\s*=\s*(?<keys>\[[^\]]*\])")]
    private static partial Regex KeyArray();

    [GeneratedRegex(@"\.\.\s*([A-Za-z_.]+)")]
    private static partial Regex Spread();

    [GeneratedRegex(@"""([^""]*)""")]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Interpolation();

    /// <summary>Every section the binder checks keys for, with its keys (sections that accept any key are left out).</summary>
    public static IReadOnlyDictionary<string, SortedSet<string>> BinderSections()
    {
        var sources = Directory.GetFiles(Path.Combine(RepoRoot, "src", "Salient.Scenario", "Parsing"), "*.cs").Select(File.ReadAllText).ToList();
        var named = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal)
        {
            ["TargetClasses.Names"] = new(TargetClasses.Names, StringComparer.Ordinal),
        };
        foreach (var source in sources)
            foreach (Match m in KeyArray().Matches(source))
                named[m.Groups["name"].Value] = Keys(m.Groups["keys"].Value);

        var sections = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var source in sources)
            foreach (Match m in MapViewCall().Matches(source))
            {
                string keys = m.Groups["keys"].Value;
                if (keys == "null") continue;
                string what = Interpolation().Replace(m.Groups["what"].Value.TrimStart('$').Trim('"'), "*");
                var set = keys.StartsWith('[') ? Keys(keys)
                    : named.TryGetValue(keys, out var n) ? n
                    : throw new InvalidOperationException($"cannot resolve the key list '{keys}' of section '{what}'");
                if (sections.TryGetValue(what, out var existing)) existing.UnionWith(set);
                else sections[what] = new SortedSet<string>(set, StringComparer.Ordinal);
            }
        return sections;

        // A key list: quoted keys, and spreads of named lists ([.. TargetClasses.Names, "source"]).
        SortedSet<string> Keys(string list)
        {
            var keys = new SortedSet<string>(QuotedString().Matches(list).Select(q => q.Groups[1].Value), StringComparer.Ordinal);
            foreach (Match spread in Spread().Matches(list))
                keys.UnionWith(named.TryGetValue(spread.Groups[1].Value, out var n) ? n
                    : throw new InvalidOperationException($"cannot resolve the spread '{spread.Value}'"));
            return keys;
        }
    }

    [Fact]
    public void SourceScan_FindsTheKnownSections()
    {
        var sections = BinderSections();
        Assert.Contains("start", sections["calendar"]);
        Assert.Contains("parameters", sections["the scenario"]);
        Assert.Contains("snap_km", sections["theatre"]);
        Assert.Contains("dist", sections["quantity '*'"]);
        Assert.True(sections.Count >= 20, $"only {sections.Count} sections found");
    }

    [Fact]
    public void EveryBinderSection_IsMappedToTheSchema()
    {
        var unmapped = BinderSections().Keys.Where(k => !SectionToSchema.ContainsKey(k)).ToList();
        Assert.True(unmapped.Count == 0, "binder sections without a place in the schema (add them to the schema and to SectionToSchema): " + string.Join(", ", unmapped));
    }

    public static TheoryData<string> Sections() => [.. SectionToSchema.Keys];

    [Theory]
    [MemberData(nameof(Sections))]
    public void SchemaSection_HasExactlyTheKeysTheBinderAccepts(string section)
    {
        var sections = BinderSections();
        Assert.True(sections.TryGetValue(section, out var binderKeys), $"the binder has no section '{section}' any more; remove it from SectionToSchema");
        foreach (var pointer in SectionToSchema[section].Split('|'))
            Assert.Equal(binderKeys, PropertyNames(Resolve(pointer)));
    }

    [Fact]
    public void EveryParameter_IsInTheSchema_WithItsRange()
    {
        var parameters = Resolve("/properties/parameters");
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var d in ParameterCatalogue.Definitions)
        {
            var node = parameters;
            var segments = d.Name.Split('.');
            foreach (var seg in segments)
            {
                if (seg == "{side}")
                    node = node.GetProperty("additionalProperties");
                else if (seg == "{posture}")
                    node = node.GetProperty("properties").GetProperty("attack");
                else
                {
                    JsonElement next = default;
                    Assert.True(node.TryGetProperty("properties", out var props) && props.TryGetProperty(seg, out next),
                        $"parameter '{d.Name}' is not in the schema (no '{seg}')");
                    node = next;
                }
            }
            var number = node.GetProperty("anyOf").EnumerateArray().Single(a => a.TryGetProperty("type", out var t) && t.GetString() == "number");
            Assert.Equal(d.Min, number.GetProperty("minimum").GetDouble());
            Assert.Equal(d.Max, number.GetProperty("maximum").GetDouble());
            Assert.Equal("#/$defs/parameterQuantityObject", node.GetProperty("anyOf").EnumerateArray().Single(a => a.TryGetProperty("$ref", out _)).GetProperty("$ref").GetString());
            expected.Add(string.Join('.', segments.Select(s => s is "{side}" or "{posture}" ? "*" : s)));
        }
        Assert.Equal(expected, SchemaParameterLeaves(parameters, ""));
    }

    [Fact]
    public void PosturedParameters_ListEveryPosture_WithItsDefault()
    {
        var parameters = ParameterCatalogue.Expand(["blue", "red"]).ToList();
        foreach (var d in ParameterCatalogue.Definitions.Where(d => d.Name.Contains("{posture}", StringComparison.Ordinal)))
        {
            var node = Resolve("/properties/parameters");
            foreach (var seg in d.Name.Split('.')[..^1]) node = node.GetProperty("properties").GetProperty(seg);
            var postures = node.GetProperty("properties");
            foreach (var posture in new[] { "attack", "defend", "withdraw" })
            {
                string name = d.Name.Replace("{posture}", posture, StringComparison.Ordinal);
                Assert.Equal(parameters.Single(p => p.Name == name).Default, postures.GetProperty(posture).GetProperty("default").GetDouble());
            }
        }
    }

    [Fact]
    public void Schema_IsDraft2020_12_AndEveryReferenceResolves()
    {
        var root = Schema.Value.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        var refs = new List<string>();
        Collect(root);
        Assert.NotEmpty(refs);
        foreach (var r in refs)
        {
            Assert.StartsWith("#/", r, StringComparison.Ordinal);
            Resolve(r[1..]);
        }

        void Collect(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "$ref") refs.Add(p.Value.GetString()!);
                    else Collect(p.Value);
                }
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) Collect(item);
        }
    }

    [Fact]
    public void EveryDefinedProperty_HasADescription()
    {
        var missing = new List<string>();
        Walk(Schema.Value.RootElement, "");
        Assert.True(missing.Count == 0, "properties without a description: " + string.Join(", ", missing));

        void Walk(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Object) return;
            if (e.TryGetProperty("properties", out var props))
                foreach (var p in props.EnumerateObject())
                {
                    bool described = p.Value.TryGetProperty("description", out _) ||
                        (p.Value.TryGetProperty("$ref", out var r) && Resolve(r.GetString()![1..]).TryGetProperty("description", out _));
                    if (!described) missing.Add(path + "/" + p.Name);
                    Walk(p.Value, path + "/" + p.Name);
                }
            if (e.TryGetProperty("$defs", out var defs))
                foreach (var d in defs.EnumerateObject()) Walk(d.Value, "#/$defs/" + d.Name);
            if (e.TryGetProperty("additionalProperties", out var ap)) Walk(ap, path + "/*");
        }
    }

    [Fact]
    public void BundledScenarios_PointEditorsAtTheSchema()
    {
        const string Prefix = "# yaml-language-server: $schema=";
        foreach (var dir in new[] { LineOfTownsDir, KurskDir })
        {
            string first = File.ReadLines(Path.Combine(dir, "scenario.yaml")).First();
            Assert.StartsWith(Prefix, first, StringComparison.Ordinal);
            string schemaPath = Path.GetFullPath(Path.Combine(dir, first[Prefix.Length..]));
            Assert.Equal(Path.Combine(RepoRoot, "docs", "scenario.schema.json"), schemaPath);
        }
    }

    /// <summary>Resolves a JSON pointer ("" for the root) in the schema.</summary>
    private static JsonElement Resolve(string pointer)
    {
        var e = Schema.Value.RootElement;
        foreach (var seg in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(e.TryGetProperty(seg.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal), out var next),
                $"the schema has no '{pointer}'");
            e = next;
        }
        return e;
    }

    /// <summary>The property names of an object schema, following allOf and $ref.</summary>
    private static SortedSet<string> PropertyNames(JsonElement schema)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("properties", out var props))
            foreach (var p in props.EnumerateObject()) names.Add(p.Name);
        if (schema.TryGetProperty("$ref", out var r)) names.UnionWith(PropertyNames(Resolve(r.GetString()![1..])));
        if (schema.TryGetProperty("allOf", out var all))
            foreach (var s in all.EnumerateArray()) names.UnionWith(PropertyNames(s));
        return names;
    }

    /// <summary>Dotted names of the parameter leaves in the schema ('*' for per-side maps).</summary>
    private static SortedSet<string> SchemaParameterLeaves(JsonElement node, string prefix)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        bool isLeaf = node.TryGetProperty("anyOf", out _);
        if (isLeaf)
        {
            result.Add(prefix);
            return result;
        }
        if (node.TryGetProperty("properties", out var props))
        {
            var names = props.EnumerateObject().Select(p => p.Name).ToList();
            bool postures = names.Order(StringComparer.Ordinal).SequenceEqual(["attack", "defend", "withdraw"]) && props.GetProperty("attack").TryGetProperty("anyOf", out _);
            if (postures) result.Add(prefix + ".*");
            else
                foreach (var p in props.EnumerateObject())
                    result.UnionWith(SchemaParameterLeaves(p.Value, prefix.Length == 0 ? p.Name : prefix + "." + p.Name));
        }
        if (node.TryGetProperty("additionalProperties", out var ap) && ap.ValueKind == JsonValueKind.Object)
            result.Add(prefix + ".*");
        return result;
    }

    [Fact]
    public void ParameterDefaults_InTheSchema_MatchTheCatalogue()
    {
        foreach (var d in ParameterCatalogue.Definitions.Where(d => !d.Name.Contains('{', StringComparison.Ordinal)))
        {
            var node = Resolve("/properties/parameters");
            foreach (var seg in d.Name.Split('.')) node = node.GetProperty("properties").GetProperty(seg);
            Assert.Equal(d.Default, node.GetProperty("default").GetDouble());
            Assert.Contains(d.Min.ToString("G", CultureInfo.InvariantCulture), node.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }
}
