using DanVan365.Core.Catalogue;

namespace DanVan365.Core.Sync;

/// <summary>
/// The lists and library of docs/architecture.md "The store of record is Microsoft 365", with their columns.
/// Bump <see cref="Version"/> whenever a column or folder is added or a display name changes: provisioning compares it
/// with the version stamped on each list and upgrades (adds what is missing, gives existing columns the display names
/// below) when it is older. Internal names never change; nothing matches a column by its display name.
/// </summary>
public static class SiteSchema
{
    /// <summary>
    /// Schema version stamped into each list's description (3: plain display names, Phân công "FollowUpFor", list Trả lại
    /// báo cáo; 4: list Chấm điểm).
    /// </summary>
    public const int Version = 4;

    /// <summary>Choice values of a time frame's kind (as in the catalogue JSON).</summary>
    public static readonly IReadOnlyList<string> TimeFrameKinds = [.. Enum.GetValues<TimeFrameKind>().Select(k => k.ToCode())];

    /// <summary>Status words (docs/architecture.md "Status") plus the per-round words for ongoing tasks.</summary>
    public static readonly IReadOnlyList<string> StatusChoices = Status.RoundReportStatusLabels.AllStatusWords;

    // Shared column names.
    public const string Title = "Title";
    public const string ContentHash = "ContentHash";
    public const string Archived = "Archived";
    public const string ArchivedOn = "ArchivedOn";

    /// <summary>
    /// Column of a row's proof of authorship (<see cref="Integrity.RecordSeal"/>) over the values DanVan365 owns in it.
    /// </summary>
    public const string Seal = "Seal";

    /// <summary>Nhiệm vụ dân vận: one row per catalogue entry, keyed by task code.</summary>
    public static readonly ListDefinition Tasks = new(
        "tasks",
        "Nhiệm vụ dân vận",
        TaskColumns.Code,
        [
            new(TaskColumns.Code, "Mã nhiệm vụ", ColumnType.Text, Indexed: true, Unique: true),
            new(TaskColumns.SectionCode, "Mục", ColumnType.Text),
            new(TaskColumns.ParentCode, "Thuộc nhiệm vụ", ColumnType.Text),
            new(TaskColumns.TaskText, "Nội dung nhiệm vụ", ColumnType.MultiLineText),
            new(TaskColumns.LeadText, "Cơ quan chủ trì", ColumnType.MultiLineText),
            new(TaskColumns.LeadUnits, "Mã đơn vị chủ trì", ColumnType.Text),
            new(TaskColumns.CoordinatingText, "Cơ quan phối hợp", ColumnType.MultiLineText),
            new(TaskColumns.CoordinatingUnits, "Mã đơn vị phối hợp", ColumnType.Text),
            new(TaskColumns.TimeFrameText, "Thời gian thực hiện", ColumnType.Text),
            new(TaskColumns.TimeFrameKind, "Loại thời hạn", ColumnType.Choice, Choices: TimeFrameKinds),
            new(TaskColumns.LastDay, "Hạn cuối", ColumnType.DateOnly),
            new(TaskColumns.IsHeading, "Là tiêu đề mục", ColumnType.Boolean),
            new(TaskColumns.LegalBasis, "Căn cứ", ColumnType.MultiLineText),
            new(TaskColumns.DecisionNumber, "Số quyết định", ColumnType.Text),
            new(Archived, "Đã bãi bỏ", ColumnType.Boolean),
            new(ArchivedOn, "Ngày bãi bỏ", ColumnType.DateOnly),
            new(ContentHash, "Mã kiểm tra nội dung", ColumnType.Text, Hidden: true),
            new(TaskColumns.Notes, "Ghi chú", ColumnType.MultiLineText, ColumnOwner.People),
        ]);

    /// <summary>Phân công: one row per (task × lead unit), keyed "code|unitCode".</summary>
    public static readonly ListDefinition Assignments = new(
        "assignments",
        "Phân công",
        AssignmentColumns.Key,
        [
            new(AssignmentColumns.Key, "Khóa phân công", ColumnType.Text, Indexed: true, Unique: true),
            new(AssignmentColumns.TaskCode, "Mã nhiệm vụ", ColumnType.Text, Indexed: true),
            new(AssignmentColumns.UnitCode, "Mã đơn vị", ColumnType.Text, Indexed: true),
            new(AssignmentColumns.UnitName, "Đơn vị chủ trì", ColumnType.Text),
            new(AssignmentColumns.FollowUpFor, "Vai trò theo dõi chung", ColumnType.MultiLineText),
            new(AssignmentColumns.TaskText, "Nội dung nhiệm vụ", ColumnType.MultiLineText),
            new(AssignmentColumns.TimeFrameText, "Thời gian thực hiện", ColumnType.Text),
            new(AssignmentColumns.TimeFrameKind, "Loại thời hạn", ColumnType.Choice, Choices: TimeFrameKinds),
            new(AssignmentColumns.LastDay, "Hạn cuối", ColumnType.DateOnly),
            new(Archived, "Đã bãi bỏ", ColumnType.Boolean),
            new(ArchivedOn, "Ngày bãi bỏ", ColumnType.DateOnly),
            new(ContentHash, "Mã kiểm tra nội dung", ColumnType.Text, Hidden: true),
            new(AssignmentColumns.Status, "Tình trạng", ColumnType.Choice, ColumnOwner.Planner, Choices: StatusChoices),
            new(AssignmentColumns.PercentComplete, "Tiến độ (%)", ColumnType.Number, ColumnOwner.Planner),
            new(AssignmentColumns.CompletedOn, "Ngày hoàn thành", ColumnType.DateOnly, ColumnOwner.Planner),
            new(AssignmentColumns.Notes, "Ghi chú", ColumnType.MultiLineText, ColumnOwner.People),
            new(AssignmentColumns.PlannerTaskId, "Mã công việc Planner", ColumnType.Text, ColumnOwner.System, Indexed: true),
            new(AssignmentColumns.PlannerHash, "Mã kiểm tra Planner", ColumnType.Text, ColumnOwner.System, Hidden: true),
            new(AssignmentColumns.ExtendedLastDay, "Hạn sau gia hạn", ColumnType.DateOnly, ColumnOwner.Proposals),
            new(Seal, "Chứng thực hạn gia hạn", ColumnType.Text, ColumnOwner.Proposals, Hidden: true),
        ]);

    /// <summary>Báo cáo kết quả: one row per (round × task × unit), keyed "round|code|unitCode".</summary>
    public static readonly ListDefinition Reports = new(
        "reports",
        "Báo cáo kết quả",
        ReportColumns.Key,
        [
            new(ReportColumns.Key, "Khóa báo cáo", ColumnType.Text, Indexed: true, Unique: true),
            new(ReportColumns.Round, "Đợt", ColumnType.Number, Indexed: true),
            new(ReportColumns.TaskCode, "Mã nhiệm vụ", ColumnType.Text),
            new(ReportColumns.UnitCode, "Mã đơn vị", ColumnType.Text, Indexed: true),
            new(ReportColumns.Role, "Vai trò", ColumnType.Choice, Choices: ["chủ trì", "phối hợp"]),
            new(ReportColumns.Result, "Kết quả thực hiện", ColumnType.MultiLineText),
            new(ReportColumns.Completion, "Mức độ hoàn thành", ColumnType.Text),
            new(ReportColumns.Difficulties, "Khó khăn, vướng mắc", ColumnType.MultiLineText),
            new(ReportColumns.Proposals, "Đề xuất, kiến nghị", ColumnType.MultiLineText),
            new(ReportColumns.SourceFile, "Tệp nộp", ColumnType.Text),
            new(ReportColumns.SubmittedOn, "Ngày nộp", ColumnType.DateOnly),
        ]);

    /// <summary>
    /// Trả lại báo cáo: one row per return of a unit's submission for additions ("Trả lại, đề nghị bổ sung"), keyed
    /// "round|unitCode|n"; never deleted (the history). Every column is DanVan365's and sealed (<see cref="Reporting.ReturnRow"/>).
    /// </summary>
    public static readonly ListDefinition Returns = new(
        "returns",
        "Trả lại báo cáo",
        ReturnColumns.Key,
        [
            new(ReturnColumns.Key, "Khóa trả lại", ColumnType.Text, ColumnOwner.System, Indexed: true, Unique: true),
            new(ReturnColumns.Round, "Đợt", ColumnType.Number, ColumnOwner.System, Indexed: true),
            new(ReturnColumns.UnitCode, "Mã đơn vị", ColumnType.Text, ColumnOwner.System, Indexed: true),
            new(ReturnColumns.State, "Trạng thái", ColumnType.Choice, ColumnOwner.System, Choices: Reporting.ReturnRow.StateWords),
            new(ReturnColumns.Reason, "Lý do trả lại", ColumnType.MultiLineText, ColumnOwner.System),
            new(ReturnColumns.ReturnedBy, "Người trả lại", ColumnType.Text, ColumnOwner.System),
            new(ReturnColumns.ReturnedById, "Mã người trả lại", ColumnType.Text, ColumnOwner.System, Hidden: true),
            new(ReturnColumns.ReturnedAt, "Thời gian trả lại", ColumnType.Text, ColumnOwner.System),
            new(ReturnColumns.ReturnedContent, "Nội dung bị trả lại", ColumnType.MultiLineText, ColumnOwner.System),
            new(ReturnColumns.ResubmittedOn, "Ngày nộp lại", ColumnType.DateOnly, ColumnOwner.System),
            new(Seal, "Chứng thực", ColumnType.Text, ColumnOwner.System, Hidden: true),
        ]);

    /// <summary>Nhật ký thông báo (hidden): one row per notification, keyed by idempotency key.</summary>
    public static readonly ListDefinition Notifications = new(
        "notifications",
        "Nhật ký thông báo",
        NotificationColumns.Key,
        [
            new(NotificationColumns.Key, "Khóa thông báo", ColumnType.Text, Indexed: true, Unique: true),
            new(NotificationColumns.Recipient, "Người nhận", ColumnType.Text),
            new(NotificationColumns.ItemKey, "Nội dung được nhắc", ColumnType.Text),
            new(NotificationColumns.Level, "Mốc nhắc", ColumnType.Text),
            new(NotificationColumns.State, "Trạng thái", ColumnType.Choice,
                Choices: [NotificationColumns.StatePending, NotificationColumns.StateSent]),
            new(NotificationColumns.SentOn, "Ngày gửi", ColumnType.DateOnly),
            new(NotificationColumns.ClaimedAt, "Thời điểm bắt đầu gửi", ColumnType.Text, ColumnOwner.System),
            new(Seal, "Chứng thực", ColumnType.Text, ColumnOwner.System, Hidden: true),
        ],
        Hidden: true);

    /// <summary>Trạng thái đồng bộ (hidden): DanVan365's own bookkeeping between runs, e.g. the library's delta token.</summary>
    public static readonly ListDefinition State = new(
        "state",
        "Trạng thái đồng bộ",
        StateColumns.Key,
        [
            new(StateColumns.Key, "Khóa", ColumnType.Text, Indexed: true, Unique: true),
            new(StateColumns.Value, "Giá trị", ColumnType.MultiLineText),
            new(Archived, "Đã bãi bỏ", ColumnType.Boolean, Hidden: true),
            new(ArchivedOn, "Ngày bãi bỏ", ColumnType.DateOnly, Hidden: true),
            new(ContentHash, "Mã kiểm tra nội dung", ColumnType.Text, Hidden: true),
            new(Seal, "Chứng thực", ColumnType.Text, Hidden: true),
        ],
        Hidden: true);

    /// <summary>Đề xuất điều chỉnh: one row per unit's proposal (decision part II.3), keyed by proposal id (Core/Proposals).</summary>
    public static readonly ListDefinition Proposals = new(
        "proposals",
        "Đề xuất điều chỉnh",
        ProposalColumns.Id,
        [
            new(ProposalColumns.Id, "Mã đề xuất", ColumnType.Text, ColumnOwner.System, Indexed: true, Unique: true),
            new(ProposalColumns.UnitCode, "Mã đơn vị", ColumnType.Text, ColumnOwner.System, Indexed: true),
            new(ProposalColumns.TaskCode, "Mã nhiệm vụ", ColumnType.Text, ColumnOwner.System, Indexed: true),
            new(ProposalColumns.Kind, "Loại đề xuất", ColumnType.Choice, ColumnOwner.System,
                Choices: Core.Proposals.ProposalCodes.KindWords),
            new(ProposalColumns.ProposedText, "Nội dung đề xuất", ColumnType.MultiLineText, ColumnOwner.System),
            new(ProposalColumns.ProposedLastDay, "Hạn đề xuất", ColumnType.DateOnly, ColumnOwner.System),
            new(ProposalColumns.Reason, "Lý do", ColumnType.MultiLineText, ColumnOwner.System),
            new(ProposalColumns.ProposedBy, "Người đề xuất", ColumnType.Text, ColumnOwner.System),
            new(ProposalColumns.ProposedOn, "Ngày đề xuất", ColumnType.DateOnly, ColumnOwner.System),
            new(ProposalColumns.State, "Trạng thái", ColumnType.Choice, ColumnOwner.System, Indexed: true,
                Choices: Core.Proposals.ProposalCodes.StateWords),
            new(ProposalColumns.ReviewNote, "Ý kiến xem xét", ColumnType.MultiLineText, ColumnOwner.System),
            new(ProposalColumns.ReviewedBy, "Người xem xét", ColumnType.Text, ColumnOwner.System),
            new(ProposalColumns.ReviewedOn, "Ngày xem xét", ColumnType.DateOnly, ColumnOwner.System),
            new(ProposalColumns.DecisionNote, "Ý kiến quyết định", ColumnType.MultiLineText, ColumnOwner.System),
            new(ProposalColumns.DecidedBy, "Người quyết định", ColumnType.Text, ColumnOwner.System),
            new(ProposalColumns.DecidedOn, "Ngày quyết định", ColumnType.DateOnly, ColumnOwner.System),
            new(ProposalColumns.WithdrawnBy, "Người rút đề xuất", ColumnType.Text, ColumnOwner.System),
            new(ProposalColumns.WithdrawnOn, "Ngày rút đề xuất", ColumnType.DateOnly, ColumnOwner.System),
            new(ProposalColumns.ClosedByDecision, "Đã thực hiện theo Quyết định", ColumnType.Text, ColumnOwner.System),
            new(ProposalColumns.ClosedOn, "Ngày thực hiện", ColumnType.DateOnly, ColumnOwner.System),
            new(ProposalColumns.RequestId, "Mã yêu cầu", ColumnType.Text, ColumnOwner.System, Indexed: true, Unique: true),
            new(Seal, "Chứng thực", ColumnType.Text, ColumnOwner.System, Hidden: true),
        ]);

    /// <summary>
    /// Chấm điểm: one row per year and unit (issue 24), keyed "year|unitCode": the unit's proposed score, Phòng Văn hóa - Xã
    /// hội's appraisal and the signer's approval. Every column is DanVan365's and sealed (<see cref="Scoring.ScoreRows"/>).
    /// </summary>
    public static readonly ListDefinition Scores = new(
        "scores",
        "Chấm điểm",
        ScoreColumns.Key,
        [
            new(ScoreColumns.Key, "Khóa chấm điểm", ColumnType.Text, ColumnOwner.System, Indexed: true, Unique: true),
            new(ScoreColumns.Year, "Năm", ColumnType.Number, ColumnOwner.System, Indexed: true),
            new(ScoreColumns.UnitCode, "Mã đơn vị", ColumnType.Text, ColumnOwner.System, Indexed: true),
            new(ScoreColumns.State, "Trạng thái", ColumnType.Choice, ColumnOwner.System, Choices: Scoring.ScoreRows.StateWords),
            new(ScoreColumns.ProposedPoints, "Điểm tự chấm", ColumnType.Number, ColumnOwner.System),
            new(ScoreColumns.ProposedNote, "Giải trình tự chấm", ColumnType.MultiLineText, ColumnOwner.System),
            new(ScoreColumns.ProposedBy, "Người tự chấm", ColumnType.Text, ColumnOwner.System),
            new(ScoreColumns.ProposedById, "Mã người tự chấm", ColumnType.Text, ColumnOwner.System, Hidden: true),
            new(ScoreColumns.ProposedAt, "Thời gian tự chấm", ColumnType.Text, ColumnOwner.System),
            new(ScoreColumns.RequestId, "Mã yêu cầu", ColumnType.Text, ColumnOwner.System, Hidden: true),
            new(ScoreColumns.AppraisedPoints, "Điểm thẩm định", ColumnType.Number, ColumnOwner.System),
            new(ScoreColumns.AppraisedReason, "Lý do điều chỉnh", ColumnType.MultiLineText, ColumnOwner.System),
            new(ScoreColumns.AppraisedBy, "Người thẩm định", ColumnType.Text, ColumnOwner.System),
            new(ScoreColumns.AppraisedById, "Mã người thẩm định", ColumnType.Text, ColumnOwner.System, Hidden: true),
            new(ScoreColumns.AppraisedAt, "Thời gian thẩm định", ColumnType.Text, ColumnOwner.System),
            new(ScoreColumns.ApprovedBy, "Người phê duyệt", ColumnType.Text, ColumnOwner.System),
            new(ScoreColumns.ApprovedById, "Mã người phê duyệt", ColumnType.Text, ColumnOwner.System, Hidden: true),
            new(ScoreColumns.ApprovedAt, "Thời gian phê duyệt", ColumnType.Text, ColumnOwner.System),
            new(Seal, "Chứng thực", ColumnType.Text, ColumnOwner.System, Hidden: true),
        ]);

    /// <summary>
    /// Nhật ký can thiệp: one row per edit made around DanVan365 and what it did about it (docs/architecture.md "Records
    /// people can trust"), keyed by <see cref="Integrity.Intervention.Key"/>. Every column is DanVan365's.
    /// </summary>
    public static readonly ListDefinition Interventions = new(
        "interventions",
        "Nhật ký can thiệp",
        InterventionColumns.Key,
        [
            new(InterventionColumns.Key, "Khóa ghi nhận", ColumnType.Text, ColumnOwner.System, Indexed: true, Unique: true),
            new(InterventionColumns.ListName, "Danh sách", ColumnType.Text, ColumnOwner.System),
            new(InterventionColumns.RowKey, "Dòng", ColumnType.Text, ColumnOwner.System),
            new(InterventionColumns.Column, "Cột", ColumnType.Text, ColumnOwner.System),
            new(InterventionColumns.Found, "Giá trị bị sửa", ColumnType.MultiLineText, ColumnOwner.System),
            new(InterventionColumns.Restored, "Giá trị khôi phục", ColumnType.MultiLineText, ColumnOwner.System),
            new(InterventionColumns.Action, "Xử lý", ColumnType.Choice, ColumnOwner.System,
                Choices: Integrity.InterventionWords.All),
            new(InterventionColumns.Reason, "Lý do", ColumnType.MultiLineText, ColumnOwner.System),
            new(InterventionColumns.ChangedBy, "Người sửa", ColumnType.Text, ColumnOwner.System),
            new(InterventionColumns.ChangedById, "Mã người sửa", ColumnType.Text, ColumnOwner.System, Hidden: true),
            new(InterventionColumns.ChangedAt, "Thời gian sửa", ColumnType.Text, ColumnOwner.System),
            new(InterventionColumns.RecordedOn, "Ngày ghi nhận", ColumnType.DateOnly, ColumnOwner.System),
            new(InterventionColumns.ReportedOn, "Ngày báo cáo lãnh đạo", ColumnType.DateOnly, ColumnOwner.System),
            new(Seal, "Chứng thực", ColumnType.Text, ColumnOwner.System, Hidden: true),
        ]);

    /// <summary>Báo cáo dân vận: the document library (templates, submissions, compiled reports, decisions).</summary>
    public static readonly ListDefinition Library = new(
        "library",
        "Báo cáo dân vận",
        null,
        [
            new(LibraryNames.Rejection, "Lý do từ chối", ColumnType.MultiLineText, ColumnOwner.System),
            new(LibraryNames.IngestedHash, "Đã xử lý", ColumnType.Text, ColumnOwner.System, Hidden: true),
        ],
        IsLibrary: true);

    /// <summary>Every list of the site, in provisioning order.</summary>
    public static readonly IReadOnlyList<ListDefinition> All =
        [Tasks, Assignments, Reports, Returns, Notifications, State, Proposals, Scores, Interventions, Library];

    /// <summary>Folder of the decisions in the library.</summary>
    public const string DecisionFolder = LibraryNames.DecisionFolder;

    /// <summary>Library folder of a round, e.g. "2026/Đợt 1".</summary>
    public static string RoundFolder(int year, int round) =>
        year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + LibraryNames.RoundFolderName(round);

    /// <summary>Sub-folders of each round.</summary>
    public static readonly IReadOnlyList<string> RoundSubfolders =
        [LibraryNames.TemplatesFolder, LibraryNames.SubmissionsFolder, LibraryNames.CompiledFolder];

    /// <summary>All folders the library needs for a decision, parents before children.</summary>
    public static IReadOnlyList<string> Folders(Decision decision)
    {
        var year = decision.Date.Year;
        var folders = new List<string> { year.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var round in decision.ReportingRounds)
        {
            var roundFolder = RoundFolder(year, round.Round);
            folders.Add(roundFolder);
            folders.AddRange(RoundSubfolders.Select(s => roundFolder + "/" + s));
        }

        folders.Add(DecisionFolder);
        return folders;
    }

    /// <summary>
    /// The description stamped on a provisioned list; carries the schema version and optionally a stamp of what else
    /// was provisioned with it (the library's folder set; the Planner plan's shape on Phân công), so a run can tell
    /// from the one "GET lists" it makes anyway whether anything needs provisioning.
    /// </summary>
    public static string Description(ListDefinition list, string? stamp = null) =>
        $"DanVan365 ({list.Key}) schema " +
            $"v{Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}" + (stamp is null ? string.Empty : " stamp " + stamp);

    /// <summary>The stamp written into a description by <see cref="Description"/>, or null.</summary>
    public static string? StampOf(string? description)
    {
        var at = description?.LastIndexOf(" stamp ", StringComparison.Ordinal) ?? -1;
        return at >= 0 ? description![(at + 7)..] : null;
    }

    /// <summary>A short stable stamp of a set of strings (folders, plan shape).</summary>
    public static string Stamp(IEnumerable<string> parts) =>
        SyncPlanner.ContentHash(parts.Select((p, i) => (p, i)).ToDictionary(x => x.i.ToString("D4",
            System.Globalization.CultureInfo.InvariantCulture), x => (string?)x.p, StringComparer.Ordinal))[..12];

    /// <summary>Reads the schema version from a list description, or 0.</summary>
    public static int VersionOf(string? description)
    {
        if (description is null)
        {
            return 0;
        }

        var at = description.LastIndexOf(" schema v", StringComparison.Ordinal);
        if (at < 0)
        {
            return 0;
        }

        var digits = description.AsSpan(at + 9);
        var end = 0;
        while (end < digits.Length && char.IsAsciiDigit(digits[end]))
        {
            end++;
        }

        return int.TryParse(digits[..end], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
            out var v) ? v : 0;
    }
}
