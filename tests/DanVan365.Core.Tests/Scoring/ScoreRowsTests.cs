using DanVan365.Core.Integrity;
using DanVan365.Core.Scoring;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;

namespace DanVan365.Core.Tests.Scoring;

/// <summary>Chấm điểm rows: written sealed, read back, and untrusted once a value is typed in SharePoint.</summary>
public class ScoreRowsTests
{
    private static readonly RecordSeal Seal = new(new byte[32]);

    private static readonly ScoreRecord Record = new(new ScoreReview(2026, "VP", ScoreReviewState.Appraised,
        new ScoreStep(92.5, "Hoàn thành toàn bộ nhiệm vụ", "tran.thi.lan@haian.example.vn", new(2026, 12, 10, 9, 0, 0, WardTime.Offset)),
        new ScoreStep(90, "Nhiệm vụ 2.3 quá hạn", "vhxh.truong@haian.example.vn", new(2026, 12, 12, 14, 30, 0, WardTime.Offset)), null))
    {
        ProposedById = "c664e2bc-8dc2-5dd9-ad1c-bc34ec8490a8",
        AppraisedById = "39bf89d8-f4a4-551c-9ff8-c6f1f6c5973d",
        RequestId = "req-1",
    };

    private static CurrentRow Row(IReadOnlyDictionary<string, string?> fields) => new("1", Record.Key, "\"1\"", fields);

    [Fact]
    public void SealedValues_ReadBack_SameRecord()
    {
        var fields = ScoreRows.SealedValues(Record, Seal);
        Assert.Equal("Đã thẩm định", fields[ScoreColumns.State]);
        Assert.Equal("09:00 ngày 10/12/2026", fields[ScoreColumns.ProposedAt]);
        Assert.Equal(SealCheck.Valid, ScoreRows.Check(Row(fields), Seal));
        Assert.True(ScoreRows.TryRead(Row(fields), out var read, out var problem), problem);
        Assert.Equal(Record, read);
    }

    [Theory]
    [InlineData(ScoreColumns.AppraisedPoints, "100")]
    [InlineData(ScoreColumns.State, "Đã phê duyệt")]
    [InlineData(ScoreColumns.ApprovedBy, "ubnd.pct.ngan@haian.example.vn")]
    [InlineData(ScoreColumns.ProposedById, "39bf89d8-f4a4-551c-9ff8-c6f1f6c5973d")]
    public void Check_ValueTypedInSharePoint_Broken(string column, string value)
    {
        var fields = ScoreRows.SealedValues(Record, Seal);
        fields[column] = value;
        Assert.Equal(SealCheck.Broken, ScoreRows.Check(Row(fields), Seal));
    }

    [Fact]
    public void Check_RowWithoutSeal_Broken()
    {
        var fields = ScoreRows.Values(Record);
        Assert.Equal(SealCheck.Broken, ScoreRows.Check(Row(fields), Seal));
    }

    [Fact]
    public void IgnoredScore_Intervention_NamesListRowAndState()
    {
        var intervention = new IgnoredScore("2026|VP", "Đã phê duyệt", null, null).ToIntervention();
        Assert.Equal(("Chấm điểm", "2026|VP", "Trạng thái", "Đã phê duyệt", InterventionAction.Ignored),
            (intervention.List, intervention.RowKey, intervention.Column, intervention.Found, intervention.Action));
    }
}
