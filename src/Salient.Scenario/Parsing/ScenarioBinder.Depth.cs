using Salient.Scenario.Diagnostics;
using Salient.Scenario.Model;

namespace Salient.Scenario.Parsing;

/// <summary>Binding of a unit's role: a line unit (the default) or a rear unit holding a depth behind the front.</summary>
internal sealed partial class ScenarioBinder
{
    private static readonly Dictionary<string, UnitRole> Roles = new() { ["line"] = UnitRole.Line, ["rear"] = UnitRole.Rear };

    /// <summary>
    /// Reads <c>role</c> and <c>depth_km</c>: a rear unit needs its depth (SAL102 when missing), and a line unit has
    /// none (SAL104 when given, since a line unit would ignore it).
    /// </summary>
    private (UnitRole Role, Quantity? DepthKm) BindRole(MapView m, string id)
    {
        var role = m["role"] is { } rn ? Read.Enum(ctx, rn, $"role of unit '{id}'", Roles) ?? UnitRole.Line : UnitRole.Line;
        if (role == UnitRole.Rear)
        {
            var depth = m.Required("depth_km") is { } dn ? Read.Quantity(ctx, dn, $"units.{id}.depth_km", 0, 1000) : null;
            return (role, depth);
        }
        if (m["depth_km"] is { } stray)
            ctx.Error(ScenarioErrors.OutOfRange, stray, $"depth_km of unit '{id}'", "given only with role: rear", "a line unit");
        return (role, null);
    }
}
