using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Sync;

/// <summary>One typed Báo cáo kết quả row: the fields a submission writes read back as the same row.</summary>
public class ReportRowTests
{
    private static readonly ReportRow Written = new(string.Empty, new ReportKey(2, "3.5.a", "VHXH"), "chủ trì", "Đã tổ chức 3 buổi.",
        "Hoàn thành đúng hạn", null, "Đề nghị bổ sung kinh phí.", "VHXH.docx", new DateOnly(2026, 9, 10));

    [Fact]
    public void Fields_ThenFrom_SameRow()
    {
        var read = ReportRow.From(new CurrentRow("12", Written.Key.ToString(), null, Written.Fields()));

        Assert.Equal(Written with { ItemId = "12" }, read);
    }

    [Fact]
    public void Fields_CanonicalValuesInReportColumns()
    {
        var fields = Written.Fields();

        Assert.All(fields.Keys, k => Assert.NotNull(SiteSchema.Reports.OwnerOf(k)));
        Assert.Equal("2", fields[ReportColumns.Round]);
        Assert.Equal("2026-09-10", fields[ReportColumns.SubmittedOn]);
        Assert.Null(fields[ReportColumns.Difficulties]);
        Assert.Equal("chủ trì", fields[ReportColumns.Role]);
    }

    [Fact]
    public void Fields_EmptyText_WrittenAsNull()
    {
        var fields = (Written with { Result = string.Empty, SourceFile = string.Empty }).Fields();

        Assert.Null(fields[ReportColumns.Result]);
        Assert.Null(fields[ReportColumns.SourceFile]);
    }
}
