using DanVan365.Core.Escalation;
using DanVan365.Core.Reporting;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Reporting;

/// <summary>An ad hoc round covers its chosen tasks and units only: templates, reminders and the compiled report.</summary>
public class RoundScopeTests
{
    private static readonly ReportRound AdHoc = new(3, "Báo cáo đột xuất về nhà ở xã hội", new DateOnly(2026, 6, 20), true)
    {
        Units = ["KTHTDT", "VHXH"],
        Tasks = ["1.1", "2.2"],
    };

    [Fact]
    public void Templates_AdHocRound_ChosenUnitsWithTheChosenTasksTheyLeadOrCoordinate()
    {
        var specs = ReportPlanner.Templates(Bundled.Catalogue, Bundled.Units, AdHoc);

        Assert.Equal(["KTHTDT", "VHXH"], specs.Select(s => s.UnitCode));
        Assert.Equal(["1.1", "2.2"], specs[0].Rows.Select(r => r.Code));
        Assert.Equal(["1.1"], specs[1].Rows.Select(r => r.Code));
    }

    [Fact]
    public void Templates_DecisionRound_EveryExpectedUnit()
    {
        var round = ReportRound.FromDecision(Bundled.Catalogue.Decision)[0];

        Assert.Equal(ReportPlanner.ExpectedUnits(Bundled.Catalogue), ReportPlanner.Templates(Bundled.Catalogue, Bundled.Units, round)
            .Select(s => s.UnitCode));
    }

    [Fact]
    public void Of_AdHocRound_OnlyItsTasksSectionsAndUnits()
    {
        var scoped = RoundScope.Of(Bundled.Catalogue, AdHoc);

        Assert.Equal(["1.1", "2.2"], scoped.WorkItems.Select(t => t.Code));
        Assert.Equal(["1", "2"], scoped.Sections.Select(s => s.Code));
        Assert.Equal(["KTHTDT", "VHXH"], ReportPlanner.ExpectedUnits(scoped).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_DecisionRound_TheWholeCatalogue()
    {
        var round = ReportRound.FromDecision(Bundled.Catalogue.Decision)[0];

        Assert.Same(Bundled.Catalogue, RoundScope.Of(Bundled.Catalogue, round));
    }

    [Fact]
    public void FromReports_AdHocAndDecisionRound_EachRoundItsOwnUnits()
    {
        var decisionRound = ReportRound.FromDecision(Bundled.Catalogue.Decision)[0];

        var items = EscalationItems.FromReports([], [decisionRound, AdHoc], ["VP", "KTHTDT", "VHXH"]);

        Assert.Equal(["VP", "KTHTDT", "VHXH"], items.Where(i => i.Round == 1).Select(i => i.UnitCode));
        Assert.Equal(["KTHTDT", "VHXH"], items.Where(i => i.Round == 3).Select(i => i.UnitCode));
    }

    [Fact]
    public void OpenRound_AdHocRoundEarlierButNotAskingTheUnit_TheDecisionRoundForIt()
    {
        var decisionRound = ReportRound.FromDecision(Bundled.Catalogue.Decision)[0];
        var today = new DateOnly(2026, 6, 1);

        Assert.Equal(3, UnitWork.OpenRound([decisionRound, AdHoc], today, "KTHTDT")!.Number);
        Assert.Equal(1, UnitWork.OpenRound([decisionRound, AdHoc], today, "MTTQ")!.Number);
    }
}
