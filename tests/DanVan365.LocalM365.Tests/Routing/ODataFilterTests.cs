using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Tests.Routing;

public class ODataFilterTests
{
    /// <summary>An item as the store holds it (values parsed from JSON, as documents are).</summary>
    private static Func<string, JsonNode?> Item(params (string Path, JsonNode? Value)[] values)
    {
        var map = values.ToDictionary(v => v.Path, v => v.Value, StringComparer.Ordinal);
        return path => map.GetValueOrDefault(path);
    }

    [Fact]
    public void Parse_QuotedLiteralWithDoubledQuote_MatchesTheUnquotedText()
    {
        var filter = ODataFilter.Parse("fields/Title eq 'Hội ''Nông dân'''");

        Assert.Equal(["fields/Title"], filter.Paths);
        Assert.True(filter.Matches(Item(("fields/Title", JsonValue.Create("Hội 'Nông dân'")))));
        Assert.False(filter.Matches(Item(("fields/Title", JsonValue.Create("Hội Nông dân")))));
    }

    [Fact]
    public void Matches_AndOrNotWithParentheses_FollowsPrecedence()
    {
        var filter = ODataFilter.Parse("not (fields/Round eq 1) and (fields/UnitCode eq 'VP' or fields/UnitCode eq 'VHXH')");

        Assert.True(filter.Matches(Item(("fields/Round", JsonNode.Parse("2")), ("fields/UnitCode", JsonValue.Create("VHXH")))));
        Assert.False(filter.Matches(Item(("fields/Round", JsonNode.Parse("1")), ("fields/UnitCode", JsonValue.Create("VP")))));
        Assert.False(filter.Matches(Item(("fields/Round", JsonNode.Parse("2")), ("fields/UnitCode", JsonValue.Create("BQLDA")))));
        Assert.Equal(["fields/Round", "fields/UnitCode", "fields/UnitCode"], filter.Paths);
    }

    [Theory]
    [InlineData("fields/Round ge 3", "3", true)]
    [InlineData("fields/Round gt 3", "3", false)]
    [InlineData("fields/Round lt 3.5", "3", true)]
    [InlineData("fields/Round le 2", "3", false)]
    [InlineData("fields/Round ne 3", "3", false)]
    public void Matches_NumberComparisons_CompareNumerically(string text, string value, bool expected)
    {
        Assert.Equal(expected, ODataFilter.Parse(text).Matches(Item(("fields/Round", JsonNode.Parse(value)))));
    }

    [Fact]
    public void Matches_BareIsoDate_ComparesAsAnInstant()
    {
        var filter = ODataFilter.Parse("lastModifiedDateTime ge 2026-03-01T00:00:00Z");

        Assert.True(filter.Matches(Item(("lastModifiedDateTime", JsonValue.Create("2026-03-02T08:00:00Z")))));
        Assert.False(filter.Matches(Item(("lastModifiedDateTime", JsonValue.Create("2026-02-28T23:59:59Z")))));
    }

    [Fact]
    public void Matches_StartsWith_IgnoresCase()
    {
        var filter = ODataFilter.Parse("startswith(fields/TaskCode,'3.5')");

        Assert.True(filter.Matches(Item(("fields/TaskCode", JsonValue.Create("3.5.a")))));
        Assert.False(filter.Matches(Item(("fields/TaskCode", JsonValue.Create("3.4")))));
    }

    [Fact]
    public void Matches_EqNull_TrueOnlyForAMissingValue()
    {
        var filter = ODataFilter.Parse("fields/PlannerTaskId eq null");

        Assert.True(filter.Matches(Item()));
        Assert.False(filter.Matches(Item(("fields/PlannerTaskId", JsonValue.Create("t1")))));
    }

    [Theory]
    [InlineData("fields/Title eq 'open")]
    [InlineData("fields/Title has 'x'")]
    [InlineData("fields/Title eq")]
    [InlineData("(fields/Title eq 'x'")]
    [InlineData("startswith(fields/Title,3)")]
    [InlineData("fields/Title eq 'x' extra")]
    public void Parse_InvalidClause_BadRequest(string text)
    {
        var ex = Assert.Throws<GraphException>(() => ODataFilter.Parse(text));

        Assert.Equal(400, ex.Status);
        Assert.StartsWith("Invalid filter clause", ex.Message, StringComparison.Ordinal);
    }
}
