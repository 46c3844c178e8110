using System.Globalization;
using DanVan365.Core.Proposals;
using DanVan365.Core.Reporting;
using DanVan365.Core.Text;

namespace DanVan365.Core.Scoring;

/// <summary>Stable codes of the rules a scoring action can break (API errors, CLI messages, tests).</summary>
public static class ScoreRuleCodes
{
    public const string InvalidPoints = "invalid-points";
    public const string NoteRequired = "note-required";
    public const string ReasonRequired = ProposalRules.ReasonRequired;
    public const string TextTooLong = ProposalRules.TextTooLong;
    public const string UnknownUnit = ProposalRules.UnknownUnit;
    public const string WrongUnit = ProposalRules.WrongUnit;
    public const string WrongRole = ProposalRules.WrongRole;
    public const string IllegalTransition = ProposalRules.IllegalTransition;
    public const string ChangedMeanwhile = ProposalRules.ChangedMeanwhile;
    public const string RequestIdReused = ProposalRules.RequestIdReused;
    public const string InvalidRequestId = ProposalRules.InvalidRequestId;

    /// <summary>A unit the committee only requests: listed, not graded, proposes nothing.</summary>
    public const string RequestedUnit = "requested-unit";

    /// <summary>Approval while a graded unit is not yet appraised.</summary>
    public const string NotAppraised = "not-appraised";

    /// <summary>Separation of duties: nobody appraises or approves a score they proposed.</summary>
    public const string OwnScore = "own-score";

    /// <summary>Separation of duties: whoever appraised a score does not approve the table that holds it.</summary>
    public const string AppraiserApproves = "appraiser-approves";
}

/// <summary>What a scoring action gives: the rows to write, or the refusal; or, for a repeated request, nothing to write.</summary>
public sealed record ScoreChange(IReadOnlyList<ScoreRecord> Records, ProposalRefusal? Refusal, bool IsRepeated = false)
{
    public bool IsAccepted => Refusal is null;

    public static ScoreChange Refused(string code, RefusalKind kind, string message) => new([], new ProposalRefusal(code, kind, message));
}

/// <summary>
/// Who may do what in the scoring workflow (issue 24), and its state machine, pure. Deny by default.
/// <list type="bullet">
/// <item>Propose: the head or an assignee of an assigned unit (matched by object id, <see cref="ReportSubmitters.IsPersonOf"/>),
/// while the score is not appraised (a new proposal replaces the previous one).</item>
/// <item>Appraise: a person (head or assignee) of the decision's aggregating unit, on a proposed or appraised score
/// (re-appraising replaces the appraisal), never on a score they proposed (<see cref="ScoreRuleCodes.OwnScore"/>); a reason
/// whenever the points differ from the proposal.</item>
/// <item>Approve: a decider of <see cref="ProposalAuthority"/> (the signer or a configured deputy), when every graded unit is
/// appraised, and who proposed or appraised none of them (<see cref="ScoreRuleCodes.AppraiserApproves"/>): the whole table at
/// once.</item>
/// </list>
/// People are the same as <see cref="ProposalAuthority.IsSamePerson"/> says, or when the object id recorded at a step is theirs.
/// </summary>
public sealed class ScoreReviewRules(ProposalAuthority authority, int year)
{
    /// <summary>Longest note or reason (characters).</summary>
    public const int MaxTextLength = 2000;

    public ProposalAuthority Authority { get; } = authority ?? throw new ArgumentNullException(nameof(authority));

    public int Year { get; } = year;

    /// <summary>The directory's object id of the person with address <paramref name="actor"/>, or null.</summary>
    public string? ObjectIdOf(string? actor) => string.IsNullOrWhiteSpace(actor)
        ? null
        : Authority.Units.People.FirstOrDefault(p => string.Equals(p.Email?.Trim(), actor.Trim(), StringComparison.OrdinalIgnoreCase)
            && !string.IsNullOrWhiteSpace(p.ObjectId))?.ObjectId;

    /// <summary>True when <paramref name="actor"/> is a person (head or assignee) of the aggregating unit.</summary>
    public bool IsAppraiser(string? actor) => Authority.AggregatingUnitCode is { } code
        && ReportSubmitters.IsPersonOf(Authority.Units, code, ObjectIdOf(actor));

    /// <summary>The unit's person proposes <paramref name="points"/> with <paramref name="note"/>.</summary>
    public ScoreChange Propose(string unitCode, double? points, string? note, string? requestId, string actor, ScoreRecord? current,
        DateTimeOffset now)
    {
        var id = string.IsNullOrWhiteSpace(requestId) ? null : requestId.Trim();
        var text = Clean(note);
        if (id is not null && ProposalRequestIds.Refusal(id) is { } badId)
        {
            return ScoreChange.Refused(ScoreRuleCodes.InvalidRequestId, RefusalKind.BadInput, badId);
        }

        var noteRefusal = text is null
            ? ScoreChange.Refused(ScoreRuleCodes.NoteRequired, RefusalKind.BadInput, "Phải ghi giải trình điểm tự chấm.")
            : TooLong(text, "Giải trình điểm tự chấm");
        if ((PointsRefusal(points) ?? noteRefusal) is { } bad)
        {
            return bad;
        }

        if (id is not null && current?.RequestId == id)
        {
            var same = IsSame(current.Review.Proposed, current.ProposedById, actor) && current.Review.Proposed!.Points == points
                && current.Review.Proposed.Text == text;
            return same
                ? new ScoreChange([current], null, IsRepeated: true)
                : ScoreChange.Refused(ScoreRuleCodes.RequestIdReused, RefusalKind.Conflict, $"Mã yêu cầu '{Clip(id)}' đã được dùng " +
                    "cho một lần tự chấm khác hoặc của người khác: mỗi lần gửi điểm tự chấm phải có một mã yêu cầu mới.");
        }

        if (ProposeRight(unitCode, actor, current) is { } refusal)
        {
            return new ScoreChange([], refusal);
        }

        var code = unitCode.Trim();
        var review = new ScoreReview(Year, code, ScoreReviewState.Proposed, new ScoreStep(points, text!, actor.Trim(), Minute(now)),
            null, null);
        return new ScoreChange([new ScoreRecord(review) { ProposedById = ObjectIdOf(actor), RequestId = id }], null);
    }

    /// <summary>Why <paramref name="actor"/> may not propose for <paramref name="unitCode"/> now, or null when they may.</summary>
    public ProposalRefusal? ProposeRight(string unitCode, string actor, ScoreRecord? current)
    {
        if (UnitRefusal(unitCode) is { } unknown)
        {
            return unknown;
        }

        var unit = Authority.Units.Find(unitCode.Trim())!;
        if (!ReportSubmitters.IsPersonOf(Authority.Units, unit.Code, ObjectIdOf(actor)))
        {
            return new(ScoreRuleCodes.WrongUnit, RefusalKind.Forbidden,
                $"Chỉ thủ trưởng hoặc người được giao của {unit.Name} mới được tự chấm điểm cho đơn vị này.");
        }

        return current?.Review.State is ScoreReviewState.Appraised or ScoreReviewState.Approved
            ? Illegal(current.Review, unit.Name, "tự chấm lại")
            : null;
    }

    /// <summary>A person of the aggregating unit appraises a proposed score.</summary>
    public ScoreChange Appraise(string unitCode, double? points, string? reason, string actor, ScoreRecord? current, DateTimeOffset now)
    {
        var why = Clean(reason);
        if ((PointsRefusal(points) ?? TooLong(why, "Lý do điều chỉnh")) is { } bad)
        {
            return bad;
        }

        if (AppraiseRight(unitCode, actor, current) is { } refusal)
        {
            return new ScoreChange([], refusal);
        }

        if (why is null && current!.Review.Proposed?.Points != points)
        {
            return ScoreChange.Refused(ScoreRuleCodes.ReasonRequired, RefusalKind.BadInput,
                $"Điểm thẩm định {Points(points!.Value)} khác điểm tự chấm {Points(current.Review.Proposed?.Points ?? 0)}: " +
                    "phải nêu lý do điều chỉnh.");
        }

        var review = current!.Review with
        {
            State = ScoreReviewState.Appraised,
            Appraised = new ScoreStep(points, why ?? string.Empty, actor.Trim(), Minute(now)),
        };
        return new ScoreChange([current with { Review = review, AppraisedById = ObjectIdOf(actor) }], null);
    }

    /// <summary>Why <paramref name="actor"/> may not appraise the score of <paramref name="unitCode"/> now, or null.</summary>
    public ProposalRefusal? AppraiseRight(string unitCode, string actor, ScoreRecord? current)
    {
        if (UnitRefusal(unitCode) is { } unknown)
        {
            return unknown;
        }

        var unit = Authority.Units.Find(unitCode.Trim())!;
        if (!IsAppraiser(actor))
        {
            return new(ScoreRuleCodes.WrongRole, RefusalKind.Forbidden,
                $"Chỉ thủ trưởng hoặc người được giao của {Authority.AggregatingUnitName} (đơn vị tổng hợp) mới được thẩm định điểm.");
        }

        if (current is null || current.Review.State == ScoreReviewState.NotProposed)
        {
            return new(ScoreRuleCodes.IllegalTransition, RefusalKind.Conflict, $"{unit.Name} chưa tự chấm điểm: chưa thể thẩm định.");
        }

        if (current.Review.State == ScoreReviewState.Approved)
        {
            return Illegal(current.Review, unit.Name, "thẩm định lại");
        }

        return IsSame(current.Review.Proposed, current.ProposedById, actor)
            ? new(ScoreRuleCodes.OwnScore, RefusalKind.Forbidden, "Theo quy tắc tách bạch nhiệm vụ, người tự chấm điểm không được " +
                $"thẩm định điểm của {unit.Name} do chính mình đề xuất.")
            : null;
    }

    /// <summary>
    /// A decider approves the table: every graded unit (<paramref name="graded"/>, codes) must be appraised; all are approved.
    /// </summary>
    public ScoreChange Approve(IReadOnlyList<string> graded, IReadOnlyDictionary<string, ScoreRecord> records, string actor,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (ApproveRight(graded, records, actor) is { } refusal)
        {
            return new ScoreChange([], refusal);
        }

        var at = Minute(now);
        var id = ObjectIdOf(actor);
        return new ScoreChange([.. graded.Select(code => records[code]).Where(r => r.Review.State == ScoreReviewState.Appraised)
            .Select(r => r with
            {
                Review = r.Review with
                {
                    State = ScoreReviewState.Approved,
                    Approved = new ScoreStep(null, string.Empty, actor.Trim(), at),
                },
                ApprovedById = id,
            })], null);
    }

    /// <summary>Why <paramref name="actor"/> may not approve the table now, or null.</summary>
    public ProposalRefusal? ApproveRight(IReadOnlyList<string> graded, IReadOnlyDictionary<string, ScoreRecord> records, string actor)
    {
        ArgumentNullException.ThrowIfNull(graded);
        ArgumentNullException.ThrowIfNull(records);
        if (!Authority.IsDecider(actor))
        {
            return new(ScoreRuleCodes.WrongRole, RefusalKind.Forbidden,
                "Chỉ người ký quyết định giao nhiệm vụ hoặc người được ủy quyền mới được phê duyệt kết quả chấm điểm.");
        }

        var mine = graded.Select(c => records.GetValueOrDefault(c)).OfType<ScoreRecord>().ToList();
        var proposed = mine.FirstOrDefault(r => IsSame(r.Review.Proposed, r.ProposedById, actor));
        var appraised = mine.FirstOrDefault(r => IsSame(r.Review.Appraised, r.AppraisedById, actor));
        if (proposed is not null || appraised is not null)
        {
            var what = proposed is not null
                ? $"người đã tự chấm điểm của {UnitName(proposed.Review.UnitCode)} không được phê duyệt bảng điểm có điểm đó"
                : $"người đã thẩm định điểm của {UnitName(appraised!.Review.UnitCode)} không được đồng thời phê duyệt bảng điểm";
            var others = Authority.DeciderEmails.Where(d => !mine.Any(r => IsSame(r.Review.Proposed, r.ProposedById, d)
                || IsSame(r.Review.Appraised, r.AppraisedById, d))).ToList();
            var instead = others.Count > 0
                ? $"; bảng điểm do {string.Join(" hoặc ", others.Select(Authority.Describe))} phê duyệt."
                : "; hiện chưa có người được ủy quyền phê duyệt thay: đề nghị quản trị hệ thống bổ sung người được ủy quyền " +
                    "trong cấu hình đề xuất.";
            return new(proposed is not null ? ScoreRuleCodes.OwnScore : ScoreRuleCodes.AppraiserApproves, RefusalKind.Forbidden,
                "Theo quy tắc tách bạch nhiệm vụ, " + what + instead);
        }

        if (graded.Count > 0 && mine.Count == graded.Count && mine.All(r => r.Review.State == ScoreReviewState.Approved))
        {
            return new(ScoreRuleCodes.IllegalTransition, RefusalKind.Conflict, $"Bảng điểm năm {Year} đã được phê duyệt.");
        }

        var waiting = graded.Where(c => records.GetValueOrDefault(c)?.Review.State is not (ScoreReviewState.Appraised
            or ScoreReviewState.Approved)).ToList();
        return waiting.Count > 0 || graded.Count == 0
            ? new(ScoreRuleCodes.NotAppraised, RefusalKind.Conflict,
                $"Chưa thể phê duyệt: điểm của {string.Join(", ", waiting.Select(UnitName))} chưa được thẩm định.")
            : null;
    }

    /// <summary>"92,5" (one decimal at most, Vietnamese comma).</summary>
    public static string Points(double points) => points.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"));

    private ProposalRefusal? UnitRefusal(string? unitCode)
    {
        var unit = Authority.Units.Find((unitCode ?? string.Empty).Trim());
        if (unit is null)
        {
            return new(ScoreRuleCodes.UnknownUnit, RefusalKind.BadInput,
                $"Không có đơn vị mã '{Clip(unitCode)}' trong danh bạ đơn vị.");
        }

        return unit.IsAssigned
            ? null
            : new(ScoreRuleCodes.RequestedUnit, RefusalKind.Forbidden, "Đơn vị được đề nghị phối hợp không tự chấm điểm.");
    }

    private bool IsSame(ScoreStep? step, string? recordedId, string? actor) => step is not null
        && (Authority.IsSamePerson(step.By, actor) || ReportSubmitters.SameId(recordedId, ObjectIdOf(actor)));

    private string UnitName(string code) => Authority.Units.Find(code)?.Name ?? code;

    private static ProposalRefusal Illegal(ScoreReview review, string unitName, string action) => new(ScoreRuleCodes.IllegalTransition,
        RefusalKind.Conflict, $"Điểm của {unitName} đang ở trạng thái \"{review.State.Word()}\": không thể {action}.");

    private static ScoreChange? PointsRefusal(double? points) => points is not { } p || double.IsNaN(p) || p is < 0 or > 100
        || Math.Round(p, 1) != p
        ? ScoreChange.Refused(ScoreRuleCodes.InvalidPoints, RefusalKind.BadInput,
            "Điểm phải là số từ 0 đến 100, nhiều nhất một chữ số thập phân (ví dụ 92,5).")
        : null;

    private static ScoreChange? TooLong(string? text, string what) => text is { Length: > MaxTextLength }
        ? ScoreChange.Refused(ScoreRuleCodes.TextTooLong, RefusalKind.BadInput,
            string.Create(CultureInfo.InvariantCulture, $"{what} dài {text.Length} ký tự, vượt quá {MaxTextLength} ký tự."))
        : null;

    private static DateTimeOffset Minute(DateTimeOffset now) =>
        new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), now.Offset).ToOffset(Time.WardTime.Offset);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Nfc(text.Trim());

    private static string Clip(string? value)
    {
        var v = (value ?? string.Empty).Trim();
        return v.Length <= 40 ? v : v[..40] + "…";
    }
}
