using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Text;
using DanVan365.Core.Time;

namespace DanVan365.Core.Proposals;

/// <summary>
/// The proposal state machine (pure): Chờ xem xét → (review) Đã trình | Không chấp thuận → (decision) Chấp thuận |
/// Không chấp thuận; Chờ xem xét or Đã trình → Đã rút (withdrawn by the unit); Chấp thuận → closed by an amending
/// decision. Every action checks input, then the actor's right (<see cref="ProposalAuthority"/>, separation of duties
/// included: nobody reviews or decides their own proposal, the reviewer does not decide it), then the state and dates, and
/// returns either the new proposal or a <see cref="ProposalRefusal"/> naming the rule. A propose carrying a client request
/// id already recorded gives back the recorded proposal (<see cref="ProposalOutcome.IsRepeated"/>). Today is the ward's
/// date from the <see cref="TimeProvider"/>.
/// </summary>
public sealed class ProposalWorkflow
{
    private readonly TaskCatalogue _catalogue;
    private readonly TimeProvider _clock;

    public ProposalWorkflow(TaskCatalogue catalogue, ProposalAuthority authority, TimeProvider clock)
    {
        _catalogue = catalogue ?? throw new ArgumentNullException(nameof(catalogue));
        Authority = authority ?? throw new ArgumentNullException(nameof(authority));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    public ProposalAuthority Authority { get; }

    /// <summary>Today in the ward (ICT).</summary>
    public DateOnly Today => WardTime.Today(_clock);

    /// <summary>
    /// A unit's person proposes. <paramref name="existing"/> are the proposals already recorded (approved extensions
    /// set the current last day an extension must go beyond; their ids give the new id).
    /// </summary>
    public ProposalOutcome Propose(ProposalRequest request, string actor, IReadOnlyList<Proposal> existing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(existing);
        var requestId = request.RequestId?.Trim();
        if (requestId is not null && ProposalRequestIds.Refusal(requestId) is { } badId)
        {
            return Refuse(ProposalRules.InvalidRequestId, RefusalKind.BadInput, badId);
        }

        if (requestId is not null
            && existing.FirstOrDefault(p => string.Equals(p.RequestId, requestId, StringComparison.Ordinal)) is { } first)
        {
            return Authority.IsSamePerson(first.ProposedBy, actor) && ProposalRequestIds.SameAsked(first, request)
                ? ProposalOutcome.Repeated(first)
                : Refuse(ProposalRules.RequestIdReused, RefusalKind.Conflict,
                    $"Mã yêu cầu '{Clip(requestId)}' đã được dùng cho đề xuất {first.Id} với nội dung khác hoặc của người khác: " +
                        "mỗi lần gửi một đề xuất mới phải có một mã yêu cầu mới.");
        }

        if (!ProposalCodes.TryParseKind(request.Kind, out var kind))
        {
            return Refuse(ProposalRules.InvalidKind, RefusalKind.BadInput,
                $"Loại đề xuất '{Clip(request.Kind)}' không hợp lệ: dùng extend (Gia hạn), change (Sửa nội dung), add (Bổ sung) hoặc " +
                    $"remove (Bãi bỏ).");
        }

        var unitCode = (request.UnitCode ?? string.Empty).Trim();
        var taskCode = string.IsNullOrWhiteSpace(request.TaskCode) ? null : request.TaskCode.Trim();
        var text = string.IsNullOrWhiteSpace(request.Text) ? null : VietnameseText.Nfc(request.Text.Trim());
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : VietnameseText.Nfc(request.Reason.Trim());
        if (reason is null)
        {
            return Refuse(ProposalRules.ReasonRequired, RefusalKind.BadInput, "Phải nêu lý do đề xuất.");
        }

        if ((TooLong(text, "Nội dung đề xuất") ?? TooLong(reason, "Lý do")) is { } tooLong)
        {
            return tooLong;
        }

        DateOnly? lastDay = null;
        if (!string.IsNullOrWhiteSpace(request.LastDay))
        {
            if (!DateOnly.TryParseExact(request.LastDay.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return Refuse(ProposalRules.InvalidDate, RefusalKind.BadInput,
                    $"Hạn đề xuất '{Clip(request.LastDay)}' không đúng dạng yyyy-mm-dd (ví dụ 2026-06-30).");
            }

            lastDay = d;
        }

        if (FieldsFor(kind, taskCode, text, lastDay) is { } fieldRefusal)
        {
            return fieldRefusal;
        }

        var unit = Authority.Units.Find(unitCode);
        if (unit is null)
        {
            return Refuse(ProposalRules.UnknownUnit, RefusalKind.BadInput, $"Không có đơn vị mã '{Clip(unitCode)}' trong danh bạ đơn vị.");
        }

        CatalogueTask? task = null;
        if (taskCode is not null)
        {
            task = _catalogue.Tasks.FirstOrDefault(t => t.Code == taskCode);
            if (task is null || task.IsHeading)
            {
                return Refuse(ProposalRules.UnknownTask, RefusalKind.BadInput, task is null
                    ? $"Không có nhiệm vụ mã '{Clip(taskCode)}' trong danh mục của Quyết định số {_catalogue.Decision.Number}."
                    : $"Mục {taskCode} là tiêu đề nhóm nhiệm vụ, không phải một nhiệm vụ: hãy đề xuất cho từng nhiệm vụ con.");
            }
        }

        if (!Authority.IsMemberOf(actor, unit.Code))
        {
            return Refuse(ProposalRules.WrongUnit, RefusalKind.Forbidden,
                $"Chỉ thủ trưởng hoặc người được giao của {unit.Name} mới được đề xuất thay cho đơn vị này.");
        }

        if (task is not null && !task.Holders.Contains(unit.Code) && !task.Coordinating.Units.Contains(unit.Code))
        {
            return Refuse(ProposalRules.TaskNotOfUnit, RefusalKind.Forbidden,
                $"{unit.Name} không chủ trì, không phối hợp nhiệm vụ {task.Code}: đơn vị chỉ đề xuất cho nhiệm vụ của mình hoặc bổ sung " +
                    $"nhiệm vụ mới.");
        }

        if (kind == ProposalKind.Extend && ExtensionDates(task!, unit.Code, lastDay!.Value, existing) is { } dateRefusal)
        {
            return dateRefusal;
        }

        var id = ProposalIds.Next(Today.Year, existing.Select(p => p.Id));
        var proposal = new Proposal(id, unit.Code, taskCode, kind, text, lastDay, reason, actor.Trim(), Today, ProposalState.Pending)
        {
            RequestId = requestId,
        };
        return ProposalOutcome.Accepted(proposal);
    }

    /// <summary>The aggregating unit's head forwards the proposal to the decider, or rejects it.</summary>
    public ProposalOutcome Review(Proposal proposal, string actor, bool forward, string? note)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (TooLong(note, "Ý kiến xem xét") is { } tooLong)
        {
            return tooLong;
        }

        if (!Authority.IsReviewer(actor))
        {
            return Refuse(ProposalRules.WrongRole, RefusalKind.Forbidden,
                $"Chỉ thủ trưởng {Authority.AggregatingUnitName} (đơn vị tổng hợp) mới được xem xét và trình đề xuất.");
        }

        if (!Authority.MayReview(proposal, actor))
        {
            return Refuse(ProposalRules.OwnProposal, RefusalKind.Forbidden,
                $"Theo quy tắc tách bạch nhiệm vụ, người đề xuất không được tự xem xét, trình đề xuất {proposal.Id} của chính mình.");
        }

        if (proposal.State != ProposalState.Pending)
        {
            return Illegal(proposal, forward ? "trình" : "không chấp thuận khi xem xét");
        }

        return ProposalOutcome.Accepted(proposal with
        {
            State = forward ? ProposalState.Submitted : ProposalState.Rejected,
            ReviewNote = Clean(note),
            ReviewedBy = actor.Trim(),
            ReviewedOn = Today,
        });
    }

    /// <summary>The signer (or a configured deputy) approves or rejects a forwarded proposal.</summary>
    public ProposalOutcome Decide(Proposal proposal, string actor, bool approve, string? note)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (TooLong(note, "Ý kiến quyết định") is { } tooLong)
        {
            return tooLong;
        }

        if (!Authority.IsDecider(actor))
        {
            return Refuse(ProposalRules.WrongRole, RefusalKind.Forbidden,
                $"Chỉ người ký Quyết định số {_catalogue.Decision.Number} hoặc người được ủy quyền mới được quyết định đề xuất.");
        }

        if (!Authority.MayDecide(proposal, actor))
        {
            return NotIndependent(proposal, actor);
        }

        if (proposal.State != ProposalState.Submitted)
        {
            return Illegal(proposal, approve ? "chấp thuận" : "không chấp thuận");
        }

        if (approve && proposal.Kind == ProposalKind.Extend && proposal.ProposedLastDay < Today)
        {
            return Refuse(ProposalRules.ExtensionBeforeToday, RefusalKind.Conflict,
                $"Hạn gia hạn {VietnameseText.PaddedDate(proposal.ProposedLastDay.Value)} đã qua (hôm nay " +
                    $"{VietnameseText.PaddedDate(Today)}): không thể chấp thuận.");
        }

        return ProposalOutcome.Accepted(proposal with
        {
            State = approve ? ProposalState.Approved : ProposalState.Rejected,
            DecisionNote = Clean(note),
            DecidedBy = actor.Trim(),
            DecidedOn = Today,
        });
    }

    /// <summary>A person of the proposing unit withdraws a proposal that is still waiting (kept, state Đã rút).</summary>
    public ProposalOutcome Withdraw(Proposal proposal, string actor)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (!Authority.IsMemberOf(actor, proposal.UnitCode))
        {
            return Refuse(ProposalRules.WrongUnit, RefusalKind.Forbidden,
                $"Chỉ thủ trưởng hoặc người được giao của {Authority.Units.Find(proposal.UnitCode)?.Name ?? proposal.UnitCode} mới được " +
                    $"rút đề xuất này.");
        }

        if (!proposal.State.IsOpen())
        {
            return Illegal(proposal, "rút");
        }

        return ProposalOutcome.Accepted(proposal with { State = ProposalState.Withdrawn, WithdrawnBy = actor.Trim(), WithdrawnOn = Today });
    }

    /// <summary>Marks an approved proposal done by the amending decision <paramref name="amendment"/> (see <see
    /// cref="AmendmentCoverage"/>).</summary>
    public ProposalOutcome Close(Proposal proposal, Decision amendment)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(amendment);
        if (proposal.State != ProposalState.Approved || proposal.IsClosed)
        {
            return Illegal(proposal, "đánh dấu đã thực hiện");
        }

        return ProposalOutcome.Accepted(proposal with { ClosedByDecision = amendment.Number, ClosedOn = Today });
    }

    private static ProposalOutcome? FieldsFor(ProposalKind kind, string? taskCode, string? text, DateOnly? lastDay)
    {
        var word = kind.ToWord();
        ProposalOutcome Missing(string what) => Refuse(ProposalRules.MissingField, RefusalKind.BadInput, $"Đề xuất {word} phải có {what}.");
        ProposalOutcome NotAllowed(string what) => Refuse(ProposalRules.FieldNotAllowed, RefusalKind.BadInput,
            $"Đề xuất {word} không có {what}.");
        return kind switch
        {
            ProposalKind.Extend when taskCode is null => Missing("mã nhiệm vụ"),
            ProposalKind.Extend when lastDay is null => Missing("hạn đề xuất (yyyy-mm-dd)"),
            ProposalKind.Extend when text is not null => NotAllowed("nội dung mới (chỉ đề xuất hạn)"),
            ProposalKind.Change when taskCode is null => Missing("mã nhiệm vụ"),
            ProposalKind.Change when text is null => Missing("nội dung mới của nhiệm vụ"),
            ProposalKind.Change when lastDay is not null => NotAllowed("hạn mới (dùng đề xuất Gia hạn)"),
            ProposalKind.Add when taskCode is not null => NotAllowed("mã nhiệm vụ (nhiệm vụ mới chưa có mã)"),
            ProposalKind.Add when text is null => Missing("nội dung nhiệm vụ mới"),
            ProposalKind.Remove when taskCode is null => Missing("mã nhiệm vụ"),
            ProposalKind.Remove when text is not null || lastDay is not null => NotAllowed("nội dung hoặc hạn mới"),
            _ => null,
        };
    }

    private ProposalOutcome? ExtensionDates(CatalogueTask task, string unitCode, DateOnly proposed, IReadOnlyList<Proposal> existing)
    {
        if (task.TimeFrame?.LastDay is null)
        {
            return Refuse(ProposalRules.NoDeadline, RefusalKind.BadInput,
                $"Nhiệm vụ {task.Code} thực hiện thường xuyên, không có hạn để gia hạn.");
        }

        if (proposed < Today)
        {
            return Refuse(ProposalRules.ExtensionBeforeToday, RefusalKind.BadInput,
                $"Hạn đề xuất {VietnameseText.PaddedDate(proposed)} sớm hơn hôm nay ({VietnameseText.PaddedDate(Today)}).");
        }

        var current = EffectiveDeadlines.CurrentLastDay(_catalogue, existing, task.Code, unitCode) ?? task.TimeFrame.LastDay.Value;
        if (proposed <= current)
        {
            return Refuse(ProposalRules.ExtensionNotLater, RefusalKind.BadInput,
                $"Hạn đề xuất {VietnameseText.PaddedDate(proposed)} không muộn hơn hạn hiện tại của nhiệm vụ {task.Code} " +
                    $"({VietnameseText.PaddedDate(current)}).");
        }

        return null;
    }

    private static ProposalOutcome? TooLong(string? text, string what) => text is { Length: > ProposalOptions.MaxTextLength }
        ? Refuse(ProposalRules.TextTooLong, RefusalKind.BadInput,
            string.Create(CultureInfo.InvariantCulture, $"{what} dài {text.Length} ký tự, vượt quá {ProposalOptions.MaxTextLength} ký tự."))
        : null;

    /// <summary>The refusal of a decider who made or reviewed the proposal, naming who may decide it instead.</summary>
    private ProposalOutcome NotIndependent(Proposal proposal, string actor)
    {
        var own = Authority.IsSamePerson(proposal.ProposedBy, actor);
        var rule = own
            ? $"Theo quy tắc tách bạch nhiệm vụ, người đề xuất không được tự quyết định đề xuất {proposal.Id} của chính mình"
            : $"Theo quy tắc tách bạch nhiệm vụ, người đã xem xét, trình đề xuất {proposal.Id} không được đồng thời quyết định đề xuất đó";
        var others = Authority.IndependentDeciders(proposal);
        var instead = others.Count > 0
            ? $"; đề xuất do {string.Join(" hoặc ", others.Select(Authority.Describe))} quyết định."
            : "; hiện chưa có người được ủy quyền quyết định thay: đề nghị quản trị hệ thống bổ sung người được ủy quyền " +
                "trong cấu hình đề xuất.";
        return Refuse(own ? ProposalRules.OwnProposal : ProposalRules.ReviewerDecides, RefusalKind.Forbidden, rule + instead);
    }

    private static ProposalOutcome Illegal(Proposal proposal, string action) => Refuse(ProposalRules.IllegalTransition,
        RefusalKind.Conflict,
        $"Đề xuất {proposal.Id} đang ở trạng thái " +
            $"\"{proposal.State.ToWord()}\"{(proposal.IsClosed ? " (đã thực hiện)" : string.Empty)}: không thể {action}.");

    private static ProposalOutcome Refuse(string code, RefusalKind kind, string message) =>
        ProposalOutcome.Refused(new ProposalRefusal(code, kind, message));

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : VietnameseText.Nfc(note.Trim());

    private static string Clip(string? value)
    {
        var v = (value ?? string.Empty).Trim();
        return v.Length <= 40 ? v : v[..40] + "…";
    }
}
