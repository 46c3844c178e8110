using DanVan365.Core.Catalogue;
using DanVan365.Core.NextYear;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Builders;

namespace DanVan365.Core.Tests.NextYear;

/// <summary>
/// Next year's draft from the bundled decision (QĐ 673/QĐ-UBND) and chosen final states, as of 20/12/2026: the recurring
/// tasks always, the finished one-off tasks never, the unfinished ones with their reason, dates in 2027.
/// </summary>
public class NextYearDraftBuilderTests
{
    private static readonly DateOnly December20 = new(2026, 12, 20);
    private static readonly TaskCatalogue Catalogue = Bundled.Catalogue;

    private static readonly string[] Recurring = [.. Catalogue.WorkItems
        .Where(t => t.TimeFrame!.Kind == TimeFrameKind.Ongoing || TimeFrames.Recurs(t.TimeFrame.Kind)).Select(t => t.Code)];

    private static NextYearDraft Build(AssignmentRowsBuilder rows, DateOnly? today = null) =>
        NextYearDraftBuilder.Build(Catalogue, rows.Build(), Bundled.Units, today ?? December20);

    private static NextYearRow Row(NextYearDraft draft, string code) => draft.Rows.Single(r => r.Code == code);

    [Fact]
    public void Build_EverythingFinished_EveryRecurringTaskAndNothingElse()
    {
        var draft = Build(AssignmentRowsBuilder.HaiAn().AllCompletedOnTheirLastDay());

        Assert.Equal(8, Recurring.Length);
        Assert.Equal(Recurring, draft.WorkItems.Select(r => r.Code));
        Assert.All(draft.WorkItems, r => Assert.Equal(
            Catalogue.Tasks.Single(t => t.Code == r.Code).TimeFrame!.Kind == TimeFrameKind.Ongoing ? "Thường xuyên" : "Lặp lại hằng năm",
            r.Notes[0]));
        Assert.Equal((8, 0), (draft.RecurringCount, draft.UnfinishedCount));
    }

    [Fact]
    public void Build_NothingFinished_EveryTaskIn()
    {
        var draft = Build(AssignmentRowsBuilder.HaiAn());

        Assert.Equal(Catalogue.Tasks.Select(t => t.Code), draft.Rows.Select(r => r.Code));
        Assert.Equal(Catalogue.WorkItems.Count() - 8, draft.UnfinishedCount);
    }

    [Fact]
    public void Build_FinishedOneOffTasks_LeftOutRecurringKeptEvenWhenCompleted()
    {
        var draft = Build(AssignmentRowsBuilder.HaiAn().Completed(new DateOnly(2026, 2, 10), "1.2", "2.4", "2.2", "1.1"));

        Assert.DoesNotContain(draft.Rows, r => r.Code is "1.2" or "2.4");
        Assert.Equal(NextYearReason.Recurring, Row(draft, "2.2").Reason);
        Assert.Equal(NextYearReason.Ongoing, Row(draft, "1.1").Reason);
    }

    [Fact]
    public void Build_OneOwnerOpen_UnfinishedNamingTheStatusAndTheOpenUnit()
    {
        var rows = AssignmentRowsBuilder.HaiAn();
        foreach (var unit in new[] { "VHXH", "KTHTDT", "TTPVHCC", "TTDVSNC", "BQLDA" })
        {
            rows.CompletedBy(new DateOnly(2026, 2, 12), "1.2", unit);
        }

        var row = Row(Build(rows), "1.2");

        Assert.Equal(NextYearReason.Unfinished, row.Reason);
        Assert.Equal(["Chưa hoàn thành năm 2026 (Đang thực hiện quá hạn)",
            "Đơn vị chưa hoàn thành: " + Bundled.Units.Find("VP")!.Name,
            "Nội dung nhiệm vụ có nêu năm 2026: đề nghị rà soát, cập nhật"], row.Notes);
    }

    [Fact]
    public void Build_OpenWithinItsTime_InProgressOnTime()
    {
        var row = Row(Build(AssignmentRowsBuilder.HaiAn(), new DateOnly(2026, 6, 1)), "4.7");

        Assert.Equal(
            ["Chưa hoàn thành năm 2026 (Đang thực hiện trong hạn)", "Nội dung nhiệm vụ có nêu năm 2026: đề nghị rà soát, cập nhật"],
            row.Notes);
    }

    [Fact]
    public void Build_NoRows_OwnersWithoutRowsHaveNotFinished()
    {
        var draft = NextYearDraftBuilder.Build(Catalogue, [], Bundled.Units, December20);

        Assert.Equal(["Chưa hoàn thành năm 2026 (Đang thực hiện quá hạn)"], Row(draft, "2.4").Notes);
        Assert.Equal(["Chưa hoàn thành năm 2026 (Đang thực hiện trong hạn)"], Row(draft, "4.2").Notes);
    }

    [Fact]
    public void Build_ArchivedCompletedRow_DoesNotFinishTheTask()
    {
        var draft = Build(AssignmentRowsBuilder.HaiAn().Completed(new DateOnly(2026, 3, 1), "4.2").Archived("4.2"));

        Assert.Equal(NextYearReason.Unfinished, Row(draft, "4.2").Reason);
    }

    [Fact]
    public void Build_Dates_MovedTo2027()
    {
        var draft = Build(AssignmentRowsBuilder.HaiAn());

        Assert.Equal("Quý IV/2027", Row(draft, "2.5").TimeFrame);
        Assert.Equal("Hoàn thành trước ngày 28/02/2027", Row(draft, "3.5.b").TimeFrame);
        Assert.Equal("Năm 2027 và các năm tiếp theo", Row(draft, "2.2").TimeFrame);
        Assert.Equal("Tháng 8/2027", Row(draft, "4.7").TimeFrame);
        Assert.Equal("Cả năm 2027", Row(draft, "5.2").TimeFrame);
        Assert.Equal(["lần 1 trước ngày 15/9/2027", "lần 2 trước ngày 20/11/2027"], draft.ReportingRounds);
        Assert.Equal(2027, draft.Year);
        Assert.All(draft.WorkItems, r =>
        {
            var before = Catalogue.Tasks.Single(t => t.Code == r.Code).TimeFrame!;
            var after = TimeFrameParser.Parse(r.TimeFrame!, "draft", 1);
            Assert.Equal((before.Kind, before.LastDay?.AddYears(1)), (after.Kind, after.LastDay));
        });
    }

    [Fact]
    public void Build_CellsAsWritten_LeadAndCoordinatingKept()
    {
        var draft = Build(AssignmentRowsBuilder.HaiAn());

        Assert.All(draft.WorkItems, r =>
        {
            var task = Catalogue.Tasks.Single(t => t.Code == r.Code);
            Assert.Equal((task.Title, task.Lead.Text, task.Coordinating.Text, string.Join(",", task.Footnotes)),
                (r.Title, r.Lead, r.Coordinating, string.Join(",", r.Footnotes)));
        });
        Assert.Equal(["1"], draft.Footnotes.Select(f => f.Mark));
        Assert.Equal("Phòng Văn hóa - Xã hội", draft.AggregatingUnitName);
    }

    [Fact]
    public void Build_SubItems_HeadingKeptOnlyWithThemAndSubItemsByLetter()
    {
        var some = Build(AssignmentRowsBuilder.HaiAn().Completed(new DateOnly(2026, 2, 1), "3.5.a", "3.5.b"));
        var none = Build(AssignmentRowsBuilder.HaiAn().Completed(new DateOnly(2026, 2, 1), "3.5.a", "3.5.b", "3.5.c", "3.5.d"));

        Assert.Equal(["3.5", "3.5.c", "3.5.d"],
            some.Rows.Where(r => r.Code.StartsWith("3.5", StringComparison.Ordinal)).Select(r => r.Code));
        Assert.True(Row(some, "3.5").IsHeading);
        Assert.Null(Row(some, "3.5").Reason);
        Assert.Equal("c", Row(some, "3.5.c").Number);
        Assert.DoesNotContain(none.Rows, r => r.Code.StartsWith("3.5", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_LastSectionAllFinished_Dropped()
    {
        var draft = Build(AssignmentRowsBuilder.HaiAn().Completed(new DateOnly(2026, 11, 1), "5.1", "5.2"));

        Assert.Equal(["1", "2", "3", "4"], draft.Sections.Select(s => s.Code));
        Assert.DoesNotContain(draft.Rows, r => r.Section == "5");
    }
}
