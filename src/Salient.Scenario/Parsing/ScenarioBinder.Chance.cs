using Salient.Scenario.Diagnostics;
using Salient.Scenario.Model;
using YamlDotNet.RepresentationModel;

namespace Salient.Scenario.Parsing;

internal sealed partial class ScenarioBinder
{
    /// <summary>
    /// <c>chance:</c> which sources of chance are held common to every replication (docs/model.md 3.4): either
    /// <c>common: [sources]</c> or its complement <c>vary: [sources]</c> (every other source is held). Absent: none.
    /// </summary>
    private ChanceSource BindChance(YamlNode? node)
    {
        var m = MapView.Of(ctx, node, "chance", ["common", "vary"]);
        if (m is null) return ChanceSource.None;
        if (m["common"] is not null && m["vary"] is not null)
        {
            ctx.Error(ScenarioErrors.OutOfRange, m["vary"], "chance", "either common or vary, not both", "both");
            return ChanceSource.None;
        }
        bool vary = m["vary"] is not null;
        var seq = Read.Sequence(ctx, vary ? m["vary"] : m["common"], vary ? "chance vary" : "chance common");
        if (seq is null) return ChanceSource.None;
        var listed = ChanceSource.None;
        foreach (var item in seq.Children)
            if (Read.Enum(ctx, item, "a source of chance", ChanceSourceNames.ByName) is { } source) listed |= source;
        return vary ? ChanceSource.All & ~listed : listed;
    }
}
