using DanVan365.Core.Reporting;
using DanVan365.TestUtilities.Builders;

namespace DanVan365.Core.Tests.Reporting;

public class ReportPlannerTests
{
    [Fact]
    public void ExpectedUnits_Sample_LeadAndCoordinatingUnitsOfWorkItems()
    {
        var expected = ReportPlanner.ExpectedUnits(ReportCatalogueBuilder.Sample());
        Assert.Equal(["VP", "VHXH", "KTHTDT", "TTDVSNC", "BXDD", "MTTQ"], expected);
    }

    [Fact]
    public void RequiredAndOptionalUnits_Sample_SplitByTheCommitteesAuthority()
    {
        var catalogue = ReportCatalogueBuilder.Sample();
        var units = DanVan365.Core.Units.UnitDirectory.LoadDefault();

        Assert.Equal(["VP", "VHXH", "KTHTDT", "TTDVSNC"], ReportPlanner.RequiredUnits(catalogue, units));
        Assert.Equal(["BXDD", "MTTQ"], ReportPlanner.OptionalUnits(catalogue, units));
    }

    [Fact]
    public void ExpectedUnits_OnlyHeadingMentionsUnit_UnitNotExpected()
    {
        var catalogue = new ReportCatalogueBuilder()
            .Section("1", "MỘT")
            .Heading("1.1", "Đầu mục")
            .Task("1.1.a", "Việc a", ["VHXH"], [], ReportCatalogueBuilder.Ongoing, parent: "1.1")
            .Build();
        Assert.Equal(["VHXH"], ReportPlanner.ExpectedUnits(catalogue));
    }

    [Fact]
    public void TemplateFor_Vhxh_RowsWithRolesInCatalogueOrder()
    {
        var catalogue = ReportCatalogueBuilder.Sample();
        var round = ReportRound.FromDecision(catalogue.Decision)[0];
        var spec = ReportPlanner.TemplateFor(catalogue, ReportCatalogueBuilder.SampleUnits(), round, "VHXH");

        Assert.Equal("Phòng Văn hóa - Xã hội", spec.UnitName);
        Assert.Equal(CatalogueVersion.Compute(catalogue), spec.CatalogueVersion);
        Assert.Equal(["1.1", "1.2", "1.3", "2.3", "2.4", "3.5.a", "3.5.b", "3.5.c"], spec.Rows.Select(r => r.Code));
        Assert.Equal(TaskRole.Coordinating, spec.Rows.Single(r => r.Code == "1.3").Role);
        Assert.Equal(TaskRole.Lead, spec.Rows.Single(r => r.Code == "2.3").Role);
        Assert.DoesNotContain(spec.Rows, r => r.Code == "3.5");
    }

    [Fact]
    public void Templates_Sample_OnePerExpectedUnit()
    {
        var catalogue = ReportCatalogueBuilder.Sample();
        var specs = ReportPlanner.Templates(catalogue, ReportCatalogueBuilder.SampleUnits(),
            ReportRound.FromDecision(catalogue.Decision)[1]);
        Assert.Equal(6, specs.Count);
        Assert.All(specs, s => Assert.Equal(2, s.Round.Number));
        Assert.Equal(["2.4"], specs.Single(s => s.UnitCode == "MTTQ").Rows.Select(r => r.Code));
    }

    [Fact]
    public void FromDecision_Rounds_NumbersAndLastDays()
    {
        var rounds = ReportRound.FromDecision(ReportCatalogueBuilder.HaiAnDecision());
        Assert.Equal(new DateOnly(2026, 9, 14), rounds[0].LastDay);
        Assert.False(rounds[0].AdHoc);
        Assert.Equal("Đợt 2", rounds[1].FolderName);
    }

    [Fact]
    public void UnitName_UnknownCode_FallsBackToCode()
    {
        Assert.Equal("XYZ", ReportPlanner.UnitName(ReportCatalogueBuilder.SampleUnits(), "XYZ"));
    }
}
