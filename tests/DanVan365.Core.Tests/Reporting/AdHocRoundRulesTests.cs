using DanVan365.Core.Reporting;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Reporting;

/// <summary>Who may create an ad hoc round and what a valid one is, against the bundled Hải An directory and decision.</summary>
public class AdHocRoundRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static AdHocRoundRequest Request(string? title = "Báo cáo đột xuất về nhà ở xã hội", string lastDay = "2026-06-20",
        string[]? units = null, string[]? tasks = null) =>
        new(title, DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), units ?? ["KTHTDT"], tasks ?? ["2.2"]);

    private static IReadOnlyList<RoundProblem> Problems(AdHocRoundRequest request) =>
        AdHocRoundRules.Validate(Bundled.Catalogue, Bundled.Units, request, Today).Problems;

    [Fact]
    public void Validate_ChosenUnitLeadsAChosenTask_TheRoundWithItsUnitsAndTasks()
    {
        var (round, problems) = AdHocRoundRules.Validate(Bundled.Catalogue, Bundled.Units,
            Request(units: ["KTHTDT", "KTHTDT"], tasks: ["2.2", "1.1"]), Today);

        Assert.Empty(problems);
        Assert.Equal(["KTHTDT"], round!.Units);
        Assert.Equal(["1.1", "2.2"], round.Tasks);
        Assert.True(round.AdHoc);
        Assert.Equal(new DateOnly(2026, 6, 20), round.LastDay);
    }

    [Theory]
    [InlineData("  ", "2026-06-20", "title")]
    [InlineData("Đợt đột xuất", "2026-05-31", "lastDay")]
    public void Validate_BlankTitleOrPastLastDay_RefusedOnThatField(string title, string lastDay, string field)
    {
        var problem = Assert.Single(Problems(Request(title, lastDay)));

        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void Validate_LastDayToday_Accepted() => Assert.Empty(Problems(Request(lastDay: "2026-06-01")));

    [Fact]
    public void Validate_UnknownUnitAndTask_EachNamed()
    {
        var problems = Problems(Request(units: ["XYZ"], tasks: ["9.9"]));

        Assert.Contains(problems, p => p.Field == "units" && p.Message.Contains("\"XYZ\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "tasks" && p.Message.Contains("\"9.9\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoUnitsNoTasks_BothRefused()
    {
        var problems = Problems(new AdHocRoundRequest("Đợt đột xuất", Today, [], null));

        Assert.Equal(["units", "tasks"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Validate_HeadingChosen_RefusedAsNotAWorkItem()
    {
        var problems = Problems(Request(units: ["VHXH"], tasks: ["3.5"]));

        Assert.Contains(problems, p => p.Field == "tasks" && p.Message.Contains("tiêu đề", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnitWithNoChosenTask_RefusedNamingTheUnit()
    {
        var problem = Assert.Single(Problems(Request(units: ["KTHTDT", "MTTQ"], tasks: ["2.2"])));

        Assert.Equal("units", problem.Field);
        Assert.StartsWith(Bundled.Units.Get("MTTQ").Name, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HaiAnPeople.VhxhHead, true)]
    [InlineData("vhxh.chuyenvien1@haian.example.vn", true)]
    [InlineData(HaiAnPeople.VpAssignee, false)]
    [InlineData(HaiAnPeople.Signer, false)]
    public void MayCreate_PersonByObjectId_OnlyTheAggregatingUnitsPeople(string email, bool may)
    {
        var objectId = Bundled.Units.FindPerson(email)!.ObjectId;

        Assert.Equal(may, AdHocRoundRules.MayCreate(Bundled.Units, Bundled.Catalogue.Decision.AggregatingUnit, objectId));
    }

    [Fact]
    public void MayCreate_NoObjectId_Nobody() =>
        Assert.False(AdHocRoundRules.MayCreate(Bundled.Units, Bundled.Catalogue.Decision.AggregatingUnit, null));
}
