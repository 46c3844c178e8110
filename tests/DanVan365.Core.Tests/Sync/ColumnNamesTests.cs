using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Sync;

/// <summary>Internal column names are a public contract (views, flows, the web part): these lists are the contract.</summary>
public class ColumnNamesTests
{
    public static TheoryData<string, string[]> Lists => new()
    {
        { "tasks", ["TaskCode", "SectionCode", "ParentCode", "TaskText", "LeadText", "LeadUnits", "CoordinatingText",
            "CoordinatingUnits", "TimeFrameText", "TimeFrameKind", "LastDay", "IsHeading", "LegalBasis", "DecisionNumber", "Archived",
            "ArchivedOn", "ContentHash", "Notes"] },
        { "assignments", ["AssignmentKey", "TaskCode", "UnitCode", "UnitName", "FollowUpFor", "TaskText", "TimeFrameText", "TimeFrameKind",
            "LastDay",
            "Archived", "ArchivedOn", "ContentHash", "Status", "PercentComplete", "CompletedOn", "Notes", "PlannerTaskId", "PlannerHash",
            "ExtendedLastDay", "Seal"] },
        { "reports", ["ReportKey", "Round", "TaskCode", "UnitCode", "Role", "Result", "Completion", "Difficulties", "Proposals",
            "SourceFile", "SubmittedOn"] },
        { "notifications", ["NotificationKey", "Recipient", "ItemKey", "Level", "State", "SentOn", "ClaimedAt", "Seal"] },
        { "state", ["StateKey", "StateValue", "Archived", "ArchivedOn", "ContentHash", "Seal"] },
        { "proposals", ["ProposalId", "UnitCode", "TaskCode", "Kind", "ProposedText", "ProposedLastDay", "Reason", "ProposedBy",
            "ProposedOn", "State", "ReviewNote", "ReviewedBy", "ReviewedOn", "DecisionNote", "DecidedBy", "DecidedOn", "WithdrawnBy",
            "WithdrawnOn", "ClosedByDecision", "ClosedOn", "ClientRequestId", "Seal"] },
        { "library", ["Rejection", "IngestedHash"] },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Schema_ColumnNames_Unchanged(string list, string[] names)
    {
        var definition = SiteSchema.All.Single(l => l.Key == list);

        Assert.Equal(names, definition.Columns.Select(c => c.Name));
    }

    [Fact]
    public void ColumnConstants_EachNamesASchemaColumn()
    {
        AssertConstants(typeof(TaskColumns), SiteSchema.Tasks);
        AssertConstants(typeof(AssignmentColumns), SiteSchema.Assignments);
        AssertConstants(typeof(ReportColumns), SiteSchema.Reports);
        AssertConstants(typeof(NotificationColumns), SiteSchema.Notifications, "StatePending", "StateSent");
        AssertConstants(typeof(StateColumns), SiteSchema.State);
        AssertConstants(typeof(ProposalColumns), SiteSchema.Proposals);
        Assert.Equal(TaskColumns.Code, SiteSchema.Tasks.KeyColumn);
        Assert.Equal(AssignmentColumns.Key, SiteSchema.Assignments.KeyColumn);
        Assert.Equal(ReportColumns.Key, SiteSchema.Reports.KeyColumn);
        Assert.Equal(NotificationColumns.Key, SiteSchema.Notifications.KeyColumn);
        Assert.Equal(StateColumns.Key, SiteSchema.State.KeyColumn);
        Assert.Equal(ProposalColumns.Id, SiteSchema.Proposals.KeyColumn);
    }

    [Fact]
    public void LibraryFolders_DefinedOnce_MatchSchemaFolders()
    {
        Assert.Equal("2026/Đợt 3", SiteSchema.RoundFolder(2026, 3));
        Assert.Equal(["Mẫu", "Nộp", "Tổng hợp"], SiteSchema.RoundSubfolders);
        Assert.Equal("Quyết định", SiteSchema.DecisionFolder);
    }

    private static void AssertConstants(Type type, ListDefinition list, params string[] notColumns)
    {
        var constants = type.GetFields().Where(f => f.IsLiteral && !notColumns.Contains(f.Name)).ToList();
        Assert.NotEmpty(constants);
        Assert.All(constants, f => Assert.NotNull(list.OwnerOf((string)f.GetRawConstantValue()!)));
    }
}
