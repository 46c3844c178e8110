using System.Text;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.TestUtilities.Builders;

namespace DanVan365.Core.Tests.Reporting;

/// <summary>What a clerk would write: a repeated remark once, required and optional units apart, the data cut-off date.</summary>
public class ReportRemarksTests
{
    private const string Funding = "Kinh phí và nhân lực còn hạn chế.";

    private static readonly TaskCatalogue Catalogue = ReportCatalogueBuilder.Sample();
    private static readonly ReportRound Round1 = ReportRound.FromDecision(Catalogue.Decision)[0];

    private static CompiledReport Compile(IEnumerable<Submission> submissions, DateOnly? date = null) =>
        ReportCompiler.Compile(Catalogue, new Dictionary<string, StatusCategory>(), submissions, ReportCatalogueBuilder.SampleUnits(),
            Round1, date ?? new DateOnly(2026, 9, 5));

    private static SubmissionRow Row(string code, string difficulties, string proposals = "") =>
        new(code, "Đã thực hiện.", null, difficulties, proposals);

    [Fact]
    public void Compile_RepeatedDifficulty_StatedOnceNamingItsUnitsAndTasks()
    {
        var vhxh = new Submission("VHXH", 1, "v",
            [Row("1.1", Funding), Row("2.3", Funding), Row("2.4", "Thiếu địa điểm sinh hoạt."), Row("3.5.a", Funding)]);
        // Same words, other spacing, case, final punctuation and Unicode form (decomposed, old tone placement).
        var other = "  kinh phí và  nhân lực\ncòn hạn chế ".Normalize(NormalizationForm.FormD);
        var kthtdt = new Submission("KTHTDT", 1, "v", [Row("2.2", other), Row("1.1", Funding)]);

        var report = Compile([kthtdt, vhxh]);

        Assert.Equal([Funding, "Thiếu địa điểm sinh hoạt."], report.Difficulties.Select(d => d.Text));
        var funding = report.Difficulties[0];
        Assert.Equal(["VHXH", "KTHTDT"], funding.Sources.Select(s => s.UnitCode));
        Assert.Equal(["Phòng Văn hóa - Xã hội", "Phòng Kinh tế, Hạ tầng và Đô thị"], funding.Sources.Select(s => s.UnitName));
        Assert.Equal(["1.1", "2.3", "3.5.a"], funding.Sources[0].TaskCodes);
        Assert.Equal(["1.1", "2.2"], funding.Sources[1].TaskCodes);
    }

    [Fact]
    public void Compile_DifferentWords_EachStatedOnItsOwn()
    {
        var vhxh = new Submission("VHXH", 1, "v", [Row("1.1", "", "Đề nghị bổ sung kinh phí."), Row("2.3", "", "Đề nghị tập huấn.")]);
        var report = Compile([vhxh]);
        Assert.Equal(["Đề nghị bổ sung kinh phí.", "Đề nghị tập huấn."], report.Proposals.Select(p => p.Text));
        Assert.Empty(report.Difficulties);
    }

    [Theory]
    [InlineData("Kinh phí còn hạn chế", "kinh phí còn hạn chế!")]
    [InlineData("Kinh phí còn hạn chế.", "KINH PHÍ CÒN HẠN CHẾ;")]
    [InlineData("Thủ tục rườm rà", "Thủ tục   rườm rà.")]
    public void Key_SameWordsOtherCaseSpaceOrEndPunctuation_Equal(string a, string b) =>
        Assert.Equal(ReportRemarks.Key(a), ReportRemarks.Key(b));

    [Fact]
    public void Key_OtherWords_Differ() =>
        Assert.NotEqual(ReportRemarks.Key("Kinh phí còn hạn chế"), ReportRemarks.Key("Kinh phí còn thiếu"));

    [Fact]
    public void Compile_RequestedUnitReports_CountedApartFromRequiredUnits()
    {
        var report = Compile([
            ReportCatalogueBuilder.SampleSubmission(Catalogue, "VHXH"),
            ReportCatalogueBuilder.SampleSubmission(Catalogue, "BXDD"),
        ]);
        var f = report.Figures;
        Assert.Equal(["VP", "VHXH", "KTHTDT", "TTDVSNC"], f.ExpectedUnits.Select(u => u.Code));
        Assert.Equal(["VHXH"], f.ReportedUnits.Select(u => u.Code));
        Assert.Equal(["VP", "KTHTDT", "TTDVSNC"], f.MissingUnits.Select(u => u.Code));
        Assert.Equal(["BXDD", "MTTQ"], f.OptionalUnits.Select(u => u.Code));
        Assert.Equal(["Ban Xây dựng Đảng"], f.OptionalReported.Select(u => u.Name));
    }

    [Fact]
    public void Compile_RequestedUnitsResult_ShownApartNotAmongTheTasksContributions()
    {
        var bxdd = new Submission("BXDD", 1, "v", [new SubmissionRow("1.2", "Ban đã phối hợp xây dựng kế hoạch.",
            StatusCategory.CompletedOnTime, "", "")]);
        var report = Compile([bxdd, ReportCatalogueBuilder.SampleSubmission(Catalogue, "VP")]);

        var entry = report.Sections.SelectMany(s => s.Tasks).Single(t => t.Code == "1.2");
        Assert.DoesNotContain(entry.Contributions, c => c.UnitCode == "BXDD");
        Assert.Contains(entry.Contributions, c => c.UnitCode == "VP");
        Assert.Equal(["Ban Xây dựng Đảng"], entry.PartnerUnits);
        var partner = Assert.Single(report.Partners);
        Assert.Equal(("BXDD", "Ban Xây dựng Đảng"), (partner.UnitCode, partner.UnitName));
        var result = Assert.Single(partner.Results);
        Assert.Equal(("1.2", TaskRole.Coordinating, "Ban đã phối hợp xây dựng kế hoạch.", (StatusCategory?)StatusCategory.CompletedOnTime),
            (result.TaskCode, result.Role, result.Result, result.ReportedStatus));
    }

    [Fact]
    public void Compile_NoRequestedUnitReported_NoPartners() =>
        Assert.Empty(Compile([ReportCatalogueBuilder.SampleSubmission(Catalogue, "VHXH")]).Partners);

    [Fact]
    public void CutOff_CompiledBeforeTheRoundsLastDay_TheCompileDay() =>
        Assert.Equal(new DateOnly(2026, 9, 5), Compile([], new DateOnly(2026, 9, 5)).CutOff);

    [Fact]
    public void CutOff_CompiledAfterTheRoundsLastDay_TheLastDay() =>
        Assert.Equal(new DateOnly(2026, 9, 14), Compile([], new DateOnly(2026, 9, 15)).CutOff);

    [Fact]
    public void CutOff_CompiledOnTheLastDay_ThatDay() =>
        Assert.Equal(new DateOnly(2026, 9, 14), Compile([], new DateOnly(2026, 9, 14)).CutOff);
}
