using DanVan365.Core.Escalation;
using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Reporting;

/// <summary>Trả lại báo cáo rows: sealed, read back, a forged row ignored; the notice a unit receives.</summary>
public class ReturnRowTests
{
    private static readonly RecordSeal Seal = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private static readonly SubmissionReturn Value = new("1|VP|1", 1, "VP", "Bổ sung số liệu hội nghị.", "Đỗ Văn Nam",
        "39970e27-323a-536f-89a4-2638099632b7", new DateTimeOffset(2026, 9, 7, 9, 5, 0, TimeSpan.FromHours(7)),
        "Nhiệm vụ 1.1: Kết quả thực hiện: Đã tổ chức hội nghị.", null);

    private static CurrentRow Row(IReadOnlyDictionary<string, string?> fields) => new("7", "1|VP|1", "\"e\"", fields);

    [Fact]
    public void Read_RowTheAppSealed_SameReturnOpen()
    {
        var read = ReturnRow.Read(Row(ReturnRow.SealedValues(Value, Seal)), Seal);

        Assert.Equal(Value, read?.Return);
        Assert.True(read!.Return.IsOpen);
        Assert.Equal(ReturnRow.ReturnedWord, ReturnRow.Values(Value)[ReturnColumns.State]);
    }

    [Theory]
    [InlineData(ReturnColumns.ResubmittedOn, "2026-09-08")]
    [InlineData(ReturnColumns.UnitCode, "VHXH")]
    [InlineData(ReturnColumns.Reason, "Lý do khác")]
    public void Read_ValueEditedInTheList_Ignored(string column, string value)
    {
        var fields = ReturnRow.SealedValues(Value, Seal);
        fields[column] = value;

        Assert.Null(ReturnRow.Read(Row(fields), Seal));
    }

    [Fact]
    public void ReturnedSubmissions_OpenAndClosedReturns_OnlyTheOpenOneReturned()
    {
        var closed = Value with { Key = "1|VHXH|1", UnitCode = "VHXH", ResubmittedOn = new(2026, 9, 8) };
        var returned = new ReturnedSubmissions([Value, closed]);

        Assert.True(returned.IsReturned(1, "VP"));
        Assert.False(returned.IsReturned(1, "VHXH"));
        Assert.False(returned.IsReturned(2, "VP"));
        Assert.Equal(Value, returned.Of(1, "VP"));
    }

    [Fact]
    public void Compose_ReturnToAnAssignee_ClerkWordingWithReasonRoundAndLink()
    {
        Assert.True(Recipient.TryCreate("lan@x.vn", "Trần Thị Lan", out var to));
        var round = new ReportRound(1, "lần 1 trước ngày 15/9/2026", new DateOnly(2026, 9, 14), AdHoc: false);

        var mail = ReturnNotice.Compose(to!, Value, "Văn phòng HĐND và UBND phường", round, "Phòng Văn hóa - Xã hội",
            "https://haian.sharepoint.com/sites/danvan/SitePages/Bao-cao.aspx?round=1&unit=VP", "[Dân vận]");

        Assert.Equal("[Dân vận] Đề nghị bổ sung báo cáo lần 1 (hạn 14/09/2026)", mail.Subject);
        Assert.StartsWith("Kính gửi đồng chí Trần Thị Lan,\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Phòng Văn hóa - Xã hội trả lại báo cáo lần 1 (hạn 14/09/2026) của Văn phòng HĐND và UBND phường",
            mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Lý do: Bổ sung số liệu hội nghị.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://haian.sharepoint.com/sites/danvan/SitePages/Bao-cao.aspx?round=1&amp;unit=VP\"", mail.HtmlBody,
            StringComparison.Ordinal);
        Assert.Empty(mail.Notifications);
    }
}
