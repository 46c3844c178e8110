using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Sync;

/// <summary>Display names in plain administrative words (schema v3); internal names unchanged.</summary>
public class SiteSchemaDisplayNamesTests
{
    [Theory]
    [InlineData("tasks", TaskColumns.ParentCode, "Thuộc nhiệm vụ")]
    [InlineData("tasks", TaskColumns.DecisionNumber, "Số quyết định")]
    [InlineData("notifications", NotificationColumns.ClaimedAt, "Thời điểm bắt đầu gửi")]
    [InlineData("notifications", NotificationColumns.Level, "Mốc nhắc")]
    [InlineData("reports", ReportColumns.Difficulties, "Khó khăn, vướng mắc")]
    [InlineData("reports", ReportColumns.Proposals, "Đề xuất, kiến nghị")]
    [InlineData("assignments", AssignmentColumns.FollowUpFor, "Vai trò theo dõi chung")]
    public void Column_RenamedInVersion3_PlainDisplayName(string list, string column, string displayName)
    {
        Assert.Equal(displayName, SiteSchema.All.Single(l => l.Key == list).Column(column).DisplayName);
        Assert.True(SiteSchema.Version >= 3); // 4 added list Chấm điểm (issue 24)
    }

    [Fact]
    public void Scores_Version4_ListChamDiem()
    {
        Assert.Equal(4, SiteSchema.Version);
        Assert.Equal(("Chấm điểm", ScoreColumns.Key), (SiteSchema.Scores.DisplayName, SiteSchema.Scores.KeyColumn));
        Assert.Equal(["Chưa tự chấm", "Đã tự chấm", "Đã thẩm định", "Đã phê duyệt"],
            SiteSchema.Scores.Column(ScoreColumns.State).Choices);
        Assert.All(SiteSchema.Scores.Columns.Where(c => c.Name.EndsWith("ById", StringComparison.Ordinal) || c.Name == SiteSchema.Seal),
            c => Assert.True(c.Hidden));
    }

    [Fact]
    public void All_DisplayNames_NoneRepeatedInAList()
    {
        Assert.All(SiteSchema.All, l => Assert.Equal(l.Columns.Count, l.Columns.Select(c => c.DisplayName).Distinct().Count()));
    }
}
