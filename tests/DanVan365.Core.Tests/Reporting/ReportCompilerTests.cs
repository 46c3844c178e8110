using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.TestUtilities.Builders;

namespace DanVan365.Core.Tests.Reporting;

public class ReportCompilerTests
{
    private static readonly TaskCatalogue Catalogue = ReportCatalogueBuilder.Sample();
    private static readonly ReportRound Round1 = ReportRound.FromDecision(Catalogue.Decision)[0];
    private static readonly DateOnly Date = new(2026, 9, 5);

    private static CompiledReport Compile(IEnumerable<Submission> submissions, IReadOnlyDictionary<string, StatusCategory>? statuses = null,
        DateOnly? date = null) =>
        ReportCompiler.Compile(Catalogue, statuses ?? new Dictionary<string, StatusCategory>(), submissions,
            ReportCatalogueBuilder.SampleUnits(), Round1, date ?? Date);

    private static ReportTaskEntry Entry(CompiledReport report,
        string code) => report.Sections.SelectMany(s => s.Tasks).Single(t => t.Code == code);

    [Fact]
    public void Compile_Sample_SectionsAndTasksInCatalogueOrder()
    {
        var report = Compile([]);
        Assert.Equal(["1", "2", "3"], report.Sections.Select(s => s.Code));
        Assert.Equal(Catalogue.Tasks.Select(t => t.Code), report.Sections.SelectMany(s => s.Tasks).Select(t => t.Code));
        Assert.True(Entry(report, "3.5").IsHeading);
        Assert.Equal(1, Entry(report, "3.5.a").Depth);
        Assert.Equal(Catalogue.Tasks.Count, report.Appendix.Count);
        Assert.Contains("(lần 1)", report.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_LeadAndCoordinatingReports_LeadFirst()
    {
        var subs = new[] { "VP", "KTHTDT", "VHXH" }.Select(u => ReportCatalogueBuilder.SampleSubmission(Catalogue, u)).ToList();
        var entry = Entry(Compile(subs), "2.3");
        Assert.Equal(["VHXH", "VP", "KTHTDT"], entry.Contributions.Select(c => c.UnitCode));
        Assert.Equal(TaskRole.Lead, entry.Contributions[0].Role);
        Assert.Equal("Phòng Văn hóa - Xã hội", entry.Contributions[0].UnitName);
        Assert.Equal(["Phòng Văn hóa - Xã hội"], entry.LeadUnits);
    }

    [Fact]
    public void Compile_Figures_CountsRateAndMissingUnitsNamed()
    {
        var subs = new[] { "VHXH", "KTHTDT" }.Select(u => ReportCatalogueBuilder.SampleSubmission(Catalogue, u)).ToList();
        var statuses = new Dictionary<string, StatusCategory>
        {
            ["1.2"] = StatusCategory.CompletedOnTime,
            ["2.4"] = StatusCategory.CompletedLate,
            ["3.5.a"] = StatusCategory.CompletedOnTime,
            ["3.5.b"] = StatusCategory.InProgressOverdue,
            ["2.2"] = StatusCategory.InProgressOnTime,
            ["2.3"] = StatusCategory.InProgressOnTime,
        };
        var f = Compile(subs, statuses).Figures;
        Assert.Equal(9, f.WorkItems);
        Assert.Equal(2, f.Count(StatusCategory.CompletedOnTime));
        Assert.Equal(1, f.Count(StatusCategory.CompletedLate));
        Assert.Equal(2, f.Count(StatusCategory.InProgressOnTime));
        Assert.Equal(1, f.Count(StatusCategory.InProgressOverdue));
        Assert.Equal(3, f.OngoingReported + f.OngoingNotReported);
        Assert.Equal(4, f.OnTime);
        Assert.Equal(6, f.WithDeadline);
        Assert.Equal(4.0 / 6, f.OnTimeRate!.Value, 6);
        Assert.Equal(["VHXH", "KTHTDT"], f.ReportedUnits.Select(u => u.Code));
        Assert.Equal(["Văn phòng HĐND và UBND phường", "Trung tâm dịch vụ sự nghiệp công"], f.MissingUnits.Select(u => u.Name));
    }

    [Fact]
    public void Compile_NoGivenStatus_UsesLeadsReportedWordWorstFirst()
    {
        var vhxh = new Submission("VHXH", 1, "v", [new SubmissionRow("1.2", "Xong", StatusCategory.CompletedOnTime, "", "")]);
        var vp = new Submission("VP", 1, "v", [new SubmissionRow("1.2", "Đang làm", StatusCategory.CompletedLate, "", "")]);
        Assert.Equal(StatusCategory.CompletedLate, Entry(Compile([vhxh, vp]), "1.2").Status.Category);
    }

    [Fact]
    public void Compile_NoStatusAnywhere_FromDate()
    {
        var report = Compile([], date: new DateOnly(2026, 3, 1));
        Assert.Equal(StatusCategory.InProgressOverdue, Entry(report, "3.5.b").Status.Category); // last day 27/02
        Assert.Equal(StatusCategory.InProgressOnTime, Entry(report, "2.4").Status.Category);     // last day 31/03
        Assert.Null(Entry(report, "1.1").Status.Category);
        Assert.True(Entry(report, "1.1").Status.Ongoing);
        Assert.Equal("Thường xuyên - chưa báo cáo", Entry(report, "1.1").Status.Label);
    }

    [Fact]
    public void Compile_InProgressPastLastDay_CountsOverdue()
    {
        var statuses = new Dictionary<string, StatusCategory> { ["2.4"] = StatusCategory.InProgressOnTime };
        Assert.Equal(StatusCategory.InProgressOverdue, Entry(Compile([], statuses), "2.4").Status.Category);
    }

    [Fact]
    public void Compile_LeadsInProgressWordPastLastDay_OverdueByStatusRules()
    {
        var vhxh = new Submission("VHXH", 1, "v", [new SubmissionRow("2.4", "Đang làm", StatusCategory.InProgressOnTime, "", "")]);

        Assert.Equal(StatusCategory.InProgressOverdue, Entry(Compile([vhxh]), "2.4").Status.Category); // last day 31/03
        Assert.Equal(StatusRules.Categorise(new DateOnly(2026, 3, 31), null, Date), Entry(Compile([vhxh]), "2.4").Status.Category);
    }

    [Fact]
    public void Compile_OverdueKnownBeforeTheTasksLastDay_StaysOverdue()
    {
        var vhxh = new Submission("VHXH", 1, "v", [new SubmissionRow("2.4", "Đang làm", StatusCategory.InProgressOverdue, "", "")]);
        var statuses = new Dictionary<string, StatusCategory> { ["2.4"] = StatusCategory.InProgressOverdue };
        var onLastDay = new DateOnly(2026, 3, 31);

        Assert.Equal(StatusCategory.InProgressOverdue, Entry(Compile([vhxh], date: onLastDay), "2.4").Status.Category);
        Assert.Equal(StatusCategory.InProgressOverdue, Entry(Compile([], statuses, onLastDay), "2.4").Status.Category);
        Assert.Equal(StatusCategory.InProgressOnTime, Entry(Compile([], date: onLastDay), "2.4").Status.Category);
    }

    [Fact]
    public void Compile_CompletedStatusPastLastDay_Stands()
    {
        var statuses = new Dictionary<string, StatusCategory> { ["2.4"] = StatusCategory.CompletedLate };
        var vhxh = new Submission("VHXH", 1, "v", [new SubmissionRow("3.5.b", "Xong", StatusCategory.CompletedOnTime, "", "")]);

        Assert.Equal(StatusCategory.CompletedLate, Entry(Compile([], statuses), "2.4").Status.Category);
        Assert.Equal(StatusCategory.CompletedOnTime, Entry(Compile([vhxh]), "3.5.b").Status.Category);
    }

    [Fact]
    public void Compile_EmptyRowsOnly_UnitNotReported()
    {
        var empty = new Submission("VP", 1, "v", [new SubmissionRow("1.1", "", null, " ", "")]);

        var figures = Compile([empty]).Figures;

        Assert.DoesNotContain("VP", figures.ReportedUnits.Select(u => u.Code));
        Assert.Contains("VP", figures.MissingUnits.Select(u => u.Code));
    }

    [Fact]
    public void Compile_OtherRoundAndLaterResubmission_LastOfRoundCounts()
    {
        var old = new Submission("VHXH", 1, "v", [new SubmissionRow("2.3", "Bản cũ", null, "", "")]);
        var latest = new Submission("VHXH", 1, "v", [new SubmissionRow("2.3", "Bản mới", null, "", "")]);
        var round2 = new Submission("VHXH", 2, "v", [new SubmissionRow("2.3", "Đợt 2", null, "", "")]);
        var entry = Entry(Compile([old, latest, round2]), "2.3");
        Assert.Equal("Bản mới", Assert.Single(entry.Contributions).Result);
    }

    [Fact]
    public void Compile_Remarks_AttributedToUnitsInUnitOrder()
    {
        var subs = new[] { "KTHTDT", "VHXH" }.Select(u => ReportCatalogueBuilder.SampleSubmission(Catalogue, u)).ToList();
        var report = Compile(subs);
        Assert.NotEmpty(report.Difficulties);
        Assert.NotEmpty(report.Proposals);
        Assert.Equal("VHXH", report.Difficulties[0].Sources[0].UnitCode);
        Assert.All(report.Difficulties, d => Assert.Contains($"({Assert.Single(d.Sources).UnitCode})", d.Text, StringComparison.Ordinal));
        Assert.All(report.Proposals, p => Assert.Contains(Assert.Single(Assert.Single(p.Sources).TaskCodes), p.Text,
            StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_Appendix_ReportedFlagFollowsLeadUnits()
    {
        var coordOnly = new Submission("VP", 1, "v", [new SubmissionRow("2.3", "Phối hợp", null, "", "")]);
        var lead = new Submission("VHXH", 1, "v", [new SubmissionRow("2.4", "Chủ trì", null, "", "")]);
        var report = Compile([coordOnly, lead]);
        Assert.False(report.Appendix.Single(r => r.Code == "2.3").Reported);
        Assert.True(report.Appendix.Single(r => r.Code == "2.4").Reported);
        Assert.Equal("Phòng Văn hóa - Xã hội", report.Appendix.Single(r => r.Code == "2.4").Lead);
    }

    [Fact]
    public void Compile_SameInputs_EqualModels()
    {
        var subs = ReportCatalogueBuilder.SampleSubmission(Catalogue, "VHXH");
        var a = Compile([subs]);
        var b = Compile([subs]);
        Assert.Equal(a.Subject, b.Subject);
        Assert.Equal(a.Appendix, b.Appendix);
        Assert.Equal(Describe(a.Difficulties), Describe(b.Difficulties));
    }

    private static IEnumerable<string> Describe(IReadOnlyList<ReportRemark> remarks) =>
        remarks.Select(r => r.Text + " | " + string.Join("; ", r.Sources.Select(s => s.UnitCode + ": " + string.Join(",", s.TaskCodes))));
}
