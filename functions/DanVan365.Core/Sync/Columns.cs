namespace DanVan365.Core.Sync;

/// <summary>Internal column names of Nhiệm vụ dân vận (<see cref="SiteSchema.Tasks"/>); a public contract.</summary>
public static class TaskColumns
{
    public const string Code = "TaskCode";
    public const string SectionCode = "SectionCode";
    public const string ParentCode = "ParentCode";
    public const string TaskText = "TaskText";
    public const string LeadText = "LeadText";
    public const string LeadUnits = "LeadUnits";
    public const string CoordinatingText = "CoordinatingText";
    public const string CoordinatingUnits = "CoordinatingUnits";
    public const string TimeFrameText = "TimeFrameText";
    public const string TimeFrameKind = "TimeFrameKind";
    public const string LastDay = "LastDay";
    public const string IsHeading = "IsHeading";
    public const string LegalBasis = "LegalBasis";
    public const string DecisionNumber = "DecisionNumber";
    public const string Notes = "Notes";
}

/// <summary>
/// Internal column names of Phân công (<see cref="SiteSchema.Assignments"/>). A public contract: views, flows and the
/// web part use them, so they never change.
/// </summary>
public static class AssignmentColumns
{
    public const string Key = "AssignmentKey";
    public const string TaskCode = "TaskCode";
    public const string UnitCode = "UnitCode";
    public const string UnitName = "UnitName";
    public const string TaskText = "TaskText";
    public const string TimeFrameText = "TimeFrameText";
    public const string TimeFrameKind = "TimeFrameKind";
    public const string LastDay = "LastDay";
    public const string Status = "Status";
    public const string PercentComplete = "PercentComplete";
    public const string CompletedOn = "CompletedOn";
    public const string Notes = "Notes";
    public const string PlannerTaskId = "PlannerTaskId";
    public const string PlannerHash = "PlannerHash";

    /// <summary>
    /// On whose behalf the row's unit holds the task when it follows up a lead the committee does not assign
    /// (<see cref="Catalogue.TaskOwners.OnBehalfText"/>); empty when the unit leads the task itself. Sync's (schema v3).
    /// </summary>
    public const string FollowUpFor = "FollowUpFor";

    /// <summary>
    /// The last day an approved extension (issue 17) sets, beside the decision's <see cref="LastDay"/>; empty when not
    /// extended. Owned by the proposals use case (<see cref="ColumnOwner.Proposals"/>): sync never corrects it back.
    /// </summary>
    public const string ExtendedLastDay = "ExtendedLastDay";
}

/// <summary>Internal column names of Báo cáo kết quả (<see cref="SiteSchema.Reports"/>); a public contract.</summary>
public static class ReportColumns
{
    public const string Key = "ReportKey";
    public const string Round = "Round";
    public const string TaskCode = "TaskCode";
    public const string UnitCode = "UnitCode";
    public const string Role = "Role";
    public const string Result = "Result";
    public const string Completion = "Completion";
    public const string Difficulties = "Difficulties";
    public const string Proposals = "Proposals";
    public const string SourceFile = "SourceFile";
    public const string SubmittedOn = "SubmittedOn";
}

/// <summary>
/// Internal column names of Trả lại báo cáo (<see cref="SiteSchema.Returns"/>): one row per return of a unit's submission for
/// additions (issue 23), kept as history; a public contract. Every column is DanVan365's and sealed.
/// </summary>
public static class ReturnColumns
{
    public const string Key = "ReturnKey";
    public const string Round = "Round";
    public const string UnitCode = "UnitCode";
    public const string State = "ReturnState";
    public const string Reason = "Reason";
    public const string ReturnedBy = "ReturnedBy";
    public const string ReturnedById = "ReturnedById";
    public const string ReturnedAt = "ReturnedAt";
    public const string ReturnedContent = "ReturnedContent";
    public const string ResubmittedOn = "ResubmittedOn";
}

/// <summary>Internal column names of Nhật ký thông báo (<see cref="SiteSchema.Notifications"/>); a public contract.</summary>
public static class NotificationColumns
{
    public const string Key = "NotificationKey";
    public const string Recipient = "Recipient";
    public const string ItemKey = "ItemKey";
    public const string Level = "Level";
    public const string State = "State";
    public const string SentOn = "SentOn";
    public const string ClaimedAt = "ClaimedAt";

    /// <summary>Choice values of <see cref="State"/>.</summary>
    public const string StatePending = "pending";

    /// <summary>Choice value of <see cref="State"/> once the mail went out.</summary>
    public const string StateSent = "sent";
}

/// <summary>Library column names and folder names of Báo cáo dân vận (<see cref="SiteSchema.Library"/>), defined once.</summary>
public static class LibraryNames
{
    /// <summary>Column: why a submitted file was refused.</summary>
    public const string Rejection = "Rejection";

    /// <summary>Column: hash of the content already ingested.</summary>
    public const string IngestedHash = "IngestedHash";

    /// <summary>Folder of the decisions.</summary>
    public const string DecisionFolder = "Quyết định";

    /// <summary>Round sub-folder of the per-unit templates.</summary>
    public const string TemplatesFolder = "Mẫu";

    /// <summary>Round sub-folder where units put what they return.</summary>
    public const string SubmissionsFolder = "Nộp";

    /// <summary>Round sub-folder of the compiled report.</summary>
    public const string CompiledFolder = "Tổng hợp";

    /// <summary>Name of a round's folder, "Đợt N".</summary>
    public static string RoundFolderName(int round) =>
        "Đợt " + round.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Internal column names of Đề xuất điều chỉnh (<see cref="SiteSchema.Proposals"/>); a public contract (the web part's
/// proposals view reads them). Every column is DanVan365's: people act through the API, the CLI and the web part.
/// </summary>
public static class ProposalColumns
{
    public const string Id = "ProposalId";
    public const string UnitCode = "UnitCode";
    public const string TaskCode = "TaskCode";
    public const string Kind = "Kind";
    public const string ProposedText = "ProposedText";
    public const string ProposedLastDay = "ProposedLastDay";
    public const string Reason = "Reason";
    public const string ProposedBy = "ProposedBy";
    public const string ProposedOn = "ProposedOn";
    public const string State = "State";
    public const string ReviewNote = "ReviewNote";
    public const string ReviewedBy = "ReviewedBy";
    public const string ReviewedOn = "ReviewedOn";
    public const string DecisionNote = "DecisionNote";
    public const string DecidedBy = "DecidedBy";
    public const string DecidedOn = "DecidedOn";
    public const string WithdrawnBy = "WithdrawnBy";
    public const string WithdrawnOn = "WithdrawnOn";
    public const string ClosedByDecision = "ClosedByDecision";
    public const string ClosedOn = "ClosedOn";
    public const string RequestId = "ClientRequestId";
}

/// <summary>Internal column names of Trạng thái đồng bộ (<see cref="SiteSchema.State"/>); a public contract.</summary>
public static class StateColumns
{
    public const string Key = "StateKey";
    public const string Value = "StateValue";
}

/// <summary>Internal column names of Nhật ký can thiệp (<see cref="SiteSchema.Interventions"/>); a public contract.</summary>
public static class InterventionColumns
{
    public const string Key = "InterventionKey";
    public const string ListName = "ListName";
    public const string RowKey = "RowKey";
    public const string Column = "ColumnName";
    public const string Found = "FoundValue";
    public const string Restored = "RestoredValue";
    public const string Action = "Action";
    public const string Reason = "Reason";
    public const string ChangedBy = "ChangedBy";
    public const string ChangedById = "ChangedById";
    public const string ChangedAt = "ChangedAt";
    public const string RecordedOn = "RecordedOn";
    public const string ReportedOn = "ReportedOn";
}

/// <summary>
/// Internal column names of Chấm điểm (<see cref="SiteSchema.Scores"/>): one row per year and unit, keyed "year|unitCode"
/// (issue 24); a public contract. Every column is DanVan365's and sealed (<see cref="Scoring.ScoreRows"/>).
/// </summary>
public static class ScoreColumns
{
    public const string Key = "ScoreKey";
    public const string Year = "ScoreYear";
    public const string UnitCode = "UnitCode";
    public const string State = "ScoreState";
    public const string ProposedPoints = "ProposedPoints";
    public const string ProposedNote = "ProposedNote";
    public const string ProposedBy = "ProposedBy";
    public const string ProposedById = "ProposedById";
    public const string ProposedAt = "ProposedAt";
    public const string RequestId = "ClientRequestId";
    public const string AppraisedPoints = "AppraisedPoints";
    public const string AppraisedReason = "AppraisedReason";
    public const string AppraisedBy = "AppraisedBy";
    public const string AppraisedById = "AppraisedById";
    public const string AppraisedAt = "AppraisedAt";
    public const string ApprovedBy = "ApprovedBy";
    public const string ApprovedById = "ApprovedById";
    public const string ApprovedAt = "ApprovedAt";
}
