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
        Assert.Equal(3, SiteSchema.Version);
    }

    [Fact]
    public void All_DisplayNames_NoneRepeatedInAList()
    {
        Assert.All(SiteSchema.All, l => Assert.Equal(l.Columns.Count, l.Columns.Select(c => c.DisplayName).Distinct().Count()));
    }
}
