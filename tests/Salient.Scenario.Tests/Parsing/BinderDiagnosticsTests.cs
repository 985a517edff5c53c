using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>Errors the binder reports in the scenario file itself: keys, types, ranges, dates, references, ids.</summary>
public class BinderDiagnosticsTests
{
    private static readonly string Text = LineOfTowns;

    [Fact]
    public void UnknownKey_IsReportedAtTheKey_WithTheNearestKeyInTheArguments()
    {
        var text = Text.Edit("  start: 2024-01-01", "  strat: 2024-01-01");
        var result = Load(text);

        var unknown = Single(result, "SAL101");
        AssertAt(unknown, "SAL101", PositionOf(text, "  strat:", "strat"));
        Assert.Equal("strat", unknown.Arguments[0]);
        Assert.Equal("calendar", unknown.Arguments[1]);
        Assert.Equal(["start"], Hinted(unknown.Arguments[2]));

        // The misspelt key leaves 'start' missing, reported at the calendar mapping.
        var missing = Single(result, "SAL102");
        AssertAt(missing, "SAL102", PositionOf(text, "  strat:", "strat"));
        Assert.Equal(["start", "calendar"], missing.Arguments);
        Assert.Equal(2, result.Errors.Count());
    }

    [Fact]
    public void UnknownTopLevelKey_SuggestsTheSectionName()
    {
        var text = Text.Edit("reinforcements:\n", "reinforcement:\n");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL101", PositionOf(text, "reinforcement:"));
        Assert.Equal(["reinforcement", "the scenario"], d.Arguments.Take(2));
        Assert.Equal(["reinforcements"], Hinted(d.Arguments[2]));
    }

    [Fact]
    public void UnknownKeyWithNoNearKey_HasAnEmptyHint()
    {
        var text = Text.Edit("    name: Red\n", "    name: Red\n    zzzzzzzz: 1\n");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL101", PositionOf(text, "zzzzzzzz", "zzzzzzzz"));
        Assert.Equal(["zzzzzzzz", "a side", ""], d.Arguments);
    }

    [Fact]
    public void UnknownParameter_SuggestsTheFullParameterName()
    {
        var text = Text.Edit("    lethality:\n", "    lethalty:\n");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL101", PositionOf(text, "lethalty", "lethalty"));
        Assert.Equal("parameters.ground", d.Arguments[1]);
        Assert.Contains("ground.lethality.red", Hinted(d.Arguments[2]));
    }

    [Fact]
    public void MissingRequiredKey_IsReportedAtTheMappingThatLacksIt()
    {
        var text = Text.Edit("  - id: red-bn\n    side: red\n", "  - id: red-bn\n");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL102", PositionOf(text, "  - id: red-bn", "id"));
        Assert.Equal(["side", "a unit"], d.Arguments);
    }

    [Fact]
    public void MissingTopLevelSections_AreEachReported()
    {
        var result = Load("salient: 1\nname: empty\n");
        var missing = result.Errors.Where(d => d.Code == "SAL102").Select(d => d.Arguments[0]).ToList();
        Assert.Equal(["calendar", "sides"], missing);
        Assert.All(result.Errors, d => Assert.Equal((1, 1), (d.Span.Line, d.Span.Column)));
    }

    [Fact]
    public void WrongType_ListWhereAMappingIsExpected()
    {
        var text = Text.Edit("calendar:\n  start: 2024-01-01\n  end: 2024-02-29\n  tick_hours: 6\n", "calendar: [2024-01-01, 2024-02-29]\n");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL103", PositionOf(text, "calendar: [", "["));
        Assert.Equal(["a mapping for calendar", "a list"], d.Arguments);
    }

    [Fact]
    public void WrongType_TextWhereANumberIsExpected()
    {
        var text = Text.Edit("{ id: w2, lon: 30.07,", "{ id: w2, lon: east,");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL103", PositionOf(text, "id: w2", "east"));
        Assert.Equal(["a finite number for lon", "'east'"], d.Arguments);
    }

    [Theory]
    [InlineData("1e999")]
    [InlineData(".nan")]
    [InlineData(".inf")]
    public void NonFiniteNumbers_AreWrongType(string value)
    {
        var text = Text.Edit("personnel: { value: 600, source: assumption }", $"personnel: {{ value: {value}, source: assumption }}");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL103", PositionOf(text, $"value: {value}", value));
    }

    [Fact]
    public void WrongType_BadDate()
    {
        var text = Text.Edit("  end: 2024-02-29", "  end: 2024-02-30");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL103", PositionOf(text, "  end: 2024-02-30", "2024"));
        Assert.Equal("'2024-02-30'", d.Arguments[1]);
    }

    [Fact]
    public void ProbabilityAboveOne_IsOutOfRange()
    {
        var text = Text.Edit("      red: { value: 0.03, source: assumption }\n",
            "      red: { value: 0.03, source: assumption }\n    killed_fraction:\n      blue: 1.5\n");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL104", PositionOf(text, "      blue: 1.5", "1.5"));
        Assert.Equal(["parameters.ground.killed_fraction.blue", "in [0, 1]", "1.5"], d.Arguments);
    }

    [Fact]
    public void NegativePersonnel_IsOutOfRange()
    {
        var text = Text.Edit("personnel: { value: 600, source: assumption }", "personnel: -5");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL104", PositionOf(text, "personnel: -5", "-5"));
        Assert.Equal(["units.red-bn.personnel", "in [0, 10000000]", "-5"], d.Arguments);
    }

    [Fact]
    public void NegativeInventoryCount_IsOutOfRange_InsideAValueMapping()
    {
        var text = Text.Edit("inventory: { ifv: { value: 10, source: assumption } }", "inventory: { ifv: { value: -10, source: assumption } }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL104", PositionOf(text, "value: -10", "-10"));
        Assert.Equal("units.red-bn.inventory.ifv", d.Arguments[0]);
    }

    [Theory]
    [InlineData("  start: 2024-01-01", "  start: 0099-01-01", "start", "0099-01-01")]
    [InlineData("  end: 2024-02-29", "  end: 9999-02-28", "end", "9999-02-28")]
    public void CalendarDatesOutsideTheYears1000To9000_AreOutOfRange(string line, string edited, string key, string value)
    {
        // Years the report's charts cannot draw used to pass validate and crash run (OverflowException).
        var text = Text.Edit(line, edited);
        var d = Load(text).Errors.First();
        AssertAt(d, "SAL104", PositionOf(text, edited.Trim(), value));
        Assert.Equal([$"calendar {key}", "a date from 1000-01-01 to 9000-12-31", value], d.Arguments);
    }

    [Fact]
    public void NodeWithinADegreeOfAPole_IsOutOfRange()
    {
        // Latitudes the projection refuses used to pass validate and crash run.
        var text = Text.Edit("    - { id: w3, lon: 30.00, lat: 50,", "    - { id: w3, lon: 30.00, lat: 89.5,");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL104", PositionOf(text, "lat: 89.5", "89.5"));
        Assert.Equal("lat", d.Arguments[0]);
    }

    [Fact]
    public void TickHoursThatDoNotDivideTheDay_AreOutOfRange()
    {
        var text = Text.Edit("  tick_hours: 6", "  tick_hours: 5");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL104", PositionOf(text, "tick_hours: 5", "5"));
        Assert.Equal(["tick_hours", "a divisor of 24 (1, 2, 3, 4, 6, 8, 12 or 24)", "5"], d.Arguments);
    }

    [Fact]
    public void UnknownEnumValue_IsOutOfRange_WithTheNearestValue()
    {
        var text = Text.Edit("posture: defend }", "posture: defence }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL104", PositionOf(text, "posture: defence", "defence"));
        Assert.Equal(["defend"], Hinted(d.Arguments[2]).Skip(1));
    }

    [Fact]
    public void IdThatIsNotASlug_IsOutOfRange()
    {
        var text = Text.Edit("  - id: red-reserve", "  - id: Red Reserve");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL104", PositionOf(text, "  - id: Red Reserve", "Red"));
        Assert.Equal("unit id", d.Arguments[0]);
    }

    [Fact]
    public void UnitArrivalBeforeTheCalendar_IsOutsideTheCalendar()
    {
        var text = Text.Edit("arrives: 2024-01-20", "arrives: 2023-12-20");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL107", PositionOf(text, "arrives: 2023-12-20", "2023"));
        Assert.Equal(["2023-12-20", "2024-01-01", "2024-02-29"], d.Arguments);
    }

    [Fact]
    public void PlanPhaseDatesOutsideTheCalendar_AreEachReported()
    {
        var text = Text.Edit("{ name: hold, start: 2024-01-01, end: 2024-02-29,", "{ name: hold, start: 2023-12-31, end: 2024-03-01,");
        var result = Load(text);
        var errors = result.Errors.ToList();
        Assert.Equal(2, errors.Count);
        AssertAt(errors[0], "SAL107", PositionOf(text, "name: hold", "2023-12-31"));
        Assert.Equal(["2023-12-31", "2024-01-01", "2024-02-29"], errors[0].Arguments);
        AssertAt(errors[1], "SAL107", PositionOf(text, "name: hold", "2024-03-01"));
        Assert.Equal("2024-03-01", errors[1].Arguments[0]);
    }

    [Fact]
    public void PlanPhaseEndingBeforeItStarts_IsSal121()
    {
        var text = Text.Edit("{ name: hold, start: 2024-01-01, end: 2024-02-29,", "{ name: hold, start: 2024-02-01, end: 2024-01-15,");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL121", PositionOf(text, "name: hold", "2024-01-15"));
        Assert.Equal(["hold", "2024-01-15", "2024-02-01"], d.Arguments);
    }

    [Fact]
    public void AttackPhaseWithoutObjectives_IsAMissingKey()
    {
        var text = Text.Edit("posture: attack, objectives: [e3] }", "posture: attack }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL102", PositionOf(text, "name: advance", "{"));
        Assert.Equal(["objectives (or objective_regions)", "attack phase 'advance'"], d.Arguments);
    }

    [Fact]
    public void UnknownSide_IsReportedWithTheNearestSide()
    {
        var text = Text.Edit("  - id: red-bn\n    side: red\n", "  - id: red-bn\n    side: redd\n");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL105", PositionOf(text, "side: redd", "redd"));
        Assert.Equal(["side", "redd"], d.Arguments.Take(2));
        Assert.Equal(["red"], Hinted(d.Arguments[2]));
    }

    [Fact]
    public void UnknownCellInAt_IsReportedWithTheNearestCells()
    {
        var text = Text.Edit("    at: mid\n", "    at: mdi\n");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL105", PositionOf(text, "at: mdi", "mdi"));
        Assert.Equal(["cell or settlement", "mdi"], d.Arguments.Take(2));
        Assert.Contains("mid", Hinted(d.Arguments[2]));
    }

    [Fact]
    public void UnknownSystemInAnInventory_IsReportedAtTheKey()
    {
        var text = Text.Edit("inventory: { ifv: { value: 10, source: assumption } }", "inventory: { ifvs: { value: 10, source: assumption } }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL105", PositionOf(text, "ifvs:", "ifvs"));
        Assert.Equal(["system type", "ifvs"], d.Arguments.Take(2));
        Assert.Equal(["ifv"], Hinted(d.Arguments[2]));
    }

    [Fact]
    public void UnknownUnitInReinforcements_IsReportedWithTheNearestUnit()
    {
        var text = Text.Edit("{ unit: red-bn, start:", "{ unit: red-btn, start:");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL105", PositionOf(text, "unit: red-btn", "red-btn"));
        Assert.Equal(["unit", "red-btn"], d.Arguments.Take(2));
        Assert.Equal("red-bn", Hinted(d.Arguments[2])[0]);
    }

    [Fact]
    public void UnknownObjectiveRegion_IsReported()
    {
        var text = Text.Edit("objectives: [e3] }", "objectives: [e3], objective_regions: [east] }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL105", PositionOf(text, "objective_regions", "east"));
        Assert.Equal(["region", "east"], d.Arguments.Take(2));
    }

    [Fact]
    public void UnitInAPlanOfTheOtherSide_IsOutOfRange()
    {
        var text = Text.Edit("posture: defend }", "posture: defend, units: [blue-bde] }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL104", PositionOf(text, "units: [blue-bde]", "blue-bde"));
    }

    [Fact]
    public void DuplicateUnitId_PointsAtTheFirstDefinition()
    {
        var text = Text.Edit("  - id: red-reserve", "  - id: red-bn");
        var d = SingleError(Load(text));
        var first = PositionOf(text, "  - id: red-bn", "red-bn");
        int secondLine = Array.FindLastIndex(text.Split('\n'), l => l == "  - id: red-bn") + 1;
        AssertAt(d, "SAL106", (secondLine, 9));
        Assert.Equal(["unit", "red-bn", $"test.yaml:{first.Line}:{first.Column}"], d.Arguments);
    }

    [Fact]
    public void DuplicateSideId_IsReported_WithoutASpuriousSideCount()
    {
        var text = Text.Edit("  - id: red\n", "  - id: blue\n");
        var d = SingleError(Load(text));
        var first = PositionOf(text, "  - id: blue", "blue");
        int secondLine = Array.FindLastIndex(text.Split('\n'), l => l == "  - id: blue") + 1;
        AssertAt(d, "SAL106", (secondLine, 9));
        Assert.Equal(["side", "blue", $"test.yaml:{first.Line}:{first.Column}"], d.Arguments);
    }

    [Fact]
    public void DuplicateNodeId_IsReported()
    {
        var text = Text.Edit("{ id: e2, lon: 30.35", "{ id: e1, lon: 30.35")
            .Edit("{ from: e1, to: e2 }", "{ from: e1, to: e3 }")
            .Edit("{ from: e2, to: e3 }", "{ from: w3, to: e3 }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL106", PositionOf(text, "lon: 30.35", "e1"));
        Assert.Equal(["node", "e1", $"test.yaml:{PositionOf(text, "lon: 30.28").Line}:13"], d.Arguments);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void NotTwoSides_IsSal117(int count)
    {
        string sides = count == 1 ? "sides:\n  - id: blue\n" : "sides:\n  - id: blue\n  - id: red\n  - id: green\n";
        var text = Text.Edit("sides:\n  - id: blue\n    name: Blue\n    doctrine: { attack_ratio: 1.2 }\n  - id: red\n    name: Red\n", sides);
        var d = SingleError(Load(text));
        AssertAt(d, "SAL117", PositionOf(text, "  - id: blue", "-"));
        Assert.Equal([count.ToString(System.Globalization.CultureInfo.InvariantCulture)], d.Arguments);
    }

    [Fact]
    public void UnsupportedFormatVersion_IsSal115()
    {
        var text = Text.Edit("salient: 1\n", "salient: 2\n");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL115", PositionOf(text, "salient: 2", "2"));
        Assert.Equal(["2", "1"], d.Arguments);
    }

    [Fact]
    public void ReinforcementThatIsBothOneOffAndFlow_IsWrongType()
    {
        var text = Text.Edit("{ unit: red-bn, start: 2024-01-05,", "{ unit: red-bn, date: 2024-01-04, start: 2024-01-05,");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL103", PositionOf(text, "unit: red-bn", "{"));
        Assert.Equal("both", d.Arguments[1]);
    }

    [Fact]
    public void EdgeFromANodeToItself_IsOutOfRange()
    {
        var text = Text.Edit("{ from: w3, to: w2 }", "{ from: w3, to: w3 }");
        var result = Load(text);
        var d = Single(result, "SAL104");
        AssertAt(d, "SAL104", PositionOf(text, "{ from: w3, to: w3 }", "{"));
    }

    [Fact]
    public void SeveralErrorsInOneFile_AreAllReported_InPositionOrder()
    {
        var text = Text
            .Edit("  start: 2024-01-01", "  start: 2024-01-01\n  tick: 6")          // SAL101
            .Edit("    name: Blue\n", "    name: Blue\n    colur: blue\n")          // SAL101
            .Edit("{ id: w1, lon: 30.14,", "{ id: w1, lon: 300,")                   // SAL104
            .Edit("personnel: { value: 600, source: assumption }", "personnel: -1") // SAL104
            .Edit("arrives: 2024-01-20", "arrives: 2025-01-20")                     // SAL107
            .Edit("objectives: [e3] }", "objectives: [e4] }");                      // SAL105
        var result = Load(text);

        var errors = result.Errors.ToList();
        Assert.Equal(6, errors.Count);
        Assert.Equal(["SAL101", "SAL101", "SAL104", "SAL104", "SAL107", "SAL105"], errors.Select(e => e.Code));
        Assert.Equal(errors.OrderBy(e => e.Span.Line).ThenBy(e => e.Span.Column), errors);
        Assert.False(result.Success);
        Assert.Null(result.Scenario);
    }

    [Fact]
    public void InvalidUnit_DoesNotAlsoMakeItsReferencesUnknown()
    {
        // red-bn has a bad personnel count; the reinforcement that names it must not add "unknown unit 'red-bn'".
        var text = Text.Edit("personnel: { value: 600, source: assumption }", "personnel: -600");
        var d = SingleError(Load(text));
        Assert.Equal("SAL104", d.Code);
    }

    [Fact]
    public void InvalidNode_DoesNotAlsoMakeItsReferencesUnknown()
    {
        var text = Text.Edit("{ id: mid, lon: 30.21, lat: 50, area_km2: 40, control: red,", "{ id: mid, lon: 30.21, lat: 50, area_km2: 40, control: green,");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL105", PositionOf(text, "id: mid", "green"));
        Assert.Equal(["side", "green"], d.Arguments.Take(2));
    }

    [Fact]
    public void InvalidSystemType_DoesNotAlsoMakeInventoriesUnknown()
    {
        var text = Text.Edit("class: armour", "class: tank");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL104", PositionOf(text, "class: tank", "tank"));
    }
}
