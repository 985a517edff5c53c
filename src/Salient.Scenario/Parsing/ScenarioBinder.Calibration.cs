using Salient.Scenario.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Salient.Scenario.Parsing;

internal sealed partial class ScenarioBinder
{
    /// <summary>Keys of a calibration file (written by <c>salient calibrate</c>); only <c>set</c> changes the scenario.</summary>
    private static readonly string[] CalibrationKeys = ["salient_calibration", "method", "scenario_hash", "seed", "fit", "note", "set"];

    /// <summary>
    /// The <c>scenario_hash</c> the applied calibration file records (the hash of the scenario as <c>salient calibrate</c>
    /// loaded it: uncalibrated, no variant or <c>--set</c>) and where it is written; null when no file was applied or it
    /// records none.
    /// </summary>
    public (string Hash, SourceSpan Span)? CalibrationHash { get; private set; }

    /// <summary>The applied calibration file's index in <see cref="SideFiles"/>, or -1.</summary>
    public int CalibrationSideFile { get; private set; } = -1;

    /// <summary>
    /// Applies the calibration file named by the root's <c>calibration</c> key, if any: its <c>set</c> overrides go onto the
    /// tree before the variant and <c>--set</c>, so the calibrated values are the baseline every variant starts from.
    /// The file's bytes join the scenario hash; its errors are reported at their line and column in that file.
    /// Returns the file's relative path when one was applied.
    /// </summary>
    public string? ApplyCalibration(YamlMappingNode root)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(ScenarioLoader.CalibrationKey), out var fileNode)) return null;
        var file = ReadSideFile(fileNode);
        if (file is null) return null;
        var (display, text) = file.Value;
        CalibrationSideFile = _sideFiles.Count - 1;
        YamlNode? doc;
        try
        {
            if (!ScenarioLoader.CheckStructure(Diag, text, m => new SourceSpan(display, (int)m.Line, (int)m.Column))) return null;
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            doc = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            Diag.Add(ScenarioErrors.YamlSyntax, new SourceSpan(display, (int)Math.Max(1, ex.Start.Line), (int)Math.Max(1, ex.Start.Column)), ex.Message);
            return null;
        }
        if (doc is null)
        {
            Diag.Add(ScenarioErrors.WrongType, new SourceSpan(display, 1, 1), "a calibration mapping", "an empty document");
            return null;
        }
        ctx.SetOrigin(doc, display);
        var m = MapView.Of(ctx, doc, "the calibration file", CalibrationKeys);
        if (m is null) return null;
        // Provenance, so not type-checked: a file without a readable hash is applied unchecked.
        if (m["scenario_hash"] is YamlScalarNode { Value: { Length: > 0 } recorded } hashNode)
            CalibrationHash = (recorded, ctx.Span(hashNode));
        var set = MapView.Of(ctx, m.Required("set"), "set of the calibration file", null);
        if (set is null) return null;
        foreach (var (path, keyNode, value) in set.Entries())
        {
            if (!path.StartsWith("parameters.", StringComparison.Ordinal))
            {
                ctx.Error(ScenarioErrors.BadOverride, keyNode, path, "a calibration file may set only parameters.* (the quantities salient calibrate fits)");
                continue;
            }
            Overrides.Apply(ctx, root, path, value, ctx.Span(keyNode));
        }
        return ((YamlScalarNode)fileNode).Value;
    }
}
