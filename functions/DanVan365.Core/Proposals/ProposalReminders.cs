using DanVan365.Core.Escalation;

namespace DanVan365.Core.Proposals;

/// <summary>The waiting step a reminder is about.</summary>
public enum ProposalWaitStep
{
    /// <summary>Chờ xem xét: waiting for the aggregating unit's head since it was proposed.</summary>
    Review,

    /// <summary>Đã trình: waiting for the decider since it was forwarded.</summary>
    Decision,
}

/// <summary>
/// One reminder for the escalation digest, shaped like <see cref="EscalationNotification"/>: a <see cref="Recipient"/>,
/// a stable item key ("DX:{id}"), a level key ("review+5" / "decision+5") and the idempotency key
/// "recipient|DX:{id}|level" recorded in Nhật ký thông báo (so each step is reminded once).
/// </summary>
public sealed record ProposalReminder(
    Recipient Recipient,
    RecipientRole Role,
    Proposal Proposal,
    ProposalWaitStep Step,
    DateOnly WaitingSince,
    int WorkingDaysWaiting,
    string UnitName,
    DateOnly Today)
{
    /// <summary>"DX:{id}".</summary>
    public string ItemKey => "DX:" + Proposal.Id;

    /// <summary>"review+N" or "decision+N" (N = the working days allowed).</summary>
    public string LevelKey { get; init; } = string.Empty;

    public string IdempotencyKey => EscalationKeys.Make(Recipient.Key, ItemKey, LevelKey);

    /// <summary>
    /// The reminder as a notification of the daily digest (group "đề xuất chờ xem xét" / "đề xuất chờ quyết định"), with the
    /// same idempotency key, so Nhật ký thông báo records it like any rung of the ladder (at most once).
    /// </summary>
    public EscalationNotification ToNotification()
    {
        var kind = Step == ProposalWaitStep.Review ? EscalationKind.ProposalReview : EscalationKind.ProposalDecision;
        var allowed = int.Parse(LevelKey.AsSpan(LevelKey.IndexOf('+', StringComparison.Ordinal) + 1),
            System.Globalization.CultureInfo.InvariantCulture);
        var item = EscalationItem.ForProposal(Proposal.Id, Text, Proposal.UnitCode, WaitingSince, WorkingDaysWaiting);
        return new EscalationNotification(Recipient, item, new EscalationLevel(kind, allowed), UnitName, [Role], Today);
    }

    /// <summary>Vietnamese line for the digest, e.g. "Đề xuất DX-2026-0001 (Gia hạn, nhiệm vụ 1.2) của Văn phòng chờ xem xét 6 ngày làm
    /// việc".</summary>
    public string Text
    {
        get
        {
            var task = Proposal.TaskCode is null ? "nhiệm vụ mới" : "nhiệm vụ " + Proposal.TaskCode;
            var what = Step == ProposalWaitStep.Review ? "chờ xem xét" : "chờ quyết định";
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Đề xuất {Proposal.Id} ({Proposal.Kind.ToWord()}, {task}) của {UnitName} {what} {WorkingDaysWaiting} ngày làm việc");
        }
    }
}

/// <summary>The reminders due today and what an operator should fix (no reviewer, no decider, bad address), in Vietnamese.</summary>
public sealed record ProposalReminderPlan(DateOnly Today, bool IsWorkingDay, IReadOnlyList<ProposalReminder> Reminders,
    IReadOnlyList<string> Problems)
{
    /// <summary>Rows of the proposals' list whose seal fails: no reminder for them; the run records and reports them.</summary>
    public IReadOnlyList<IgnoredProposal> Ignored { get; init; } = [];
}

/// <summary>
/// Reminders for proposals that wait too long (pure). A proposal waiting for review (since it was proposed) or for a
/// decision (since it was forwarded) more than <see cref="ProposalOptions.ReminderWorkingDays"/> working days — counted
/// on the ward's <see cref="WorkingCalendar"/>, the waiting day itself excluded — reminds the reviewer or every decider,
/// once per step: a reminder whose idempotency key is in <c>alreadySent</c> is not planned again. Nothing on a day off.
/// </summary>
public static class ProposalReminders
{
    public static ProposalReminderPlan Plan(IEnumerable<Proposal> proposals, ProposalAuthority authority, WorkingCalendar calendar,
        ProposalOptions options, DateOnly today, IReadOnlySet<string> alreadySent)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(alreadySent);
        if (!calendar.IsWorkingDay(today))
        {
            return new ProposalReminderPlan(today, false, [], []);
        }

        var reminders = new List<ProposalReminder>();
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var p in proposals.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var (step, since) = p.State switch
            {
                ProposalState.Pending => (ProposalWaitStep.Review, (DateOnly?)p.ProposedOn),
                ProposalState.Submitted => (ProposalWaitStep.Decision, p.ReviewedOn ?? p.ProposedOn),
                _ => (ProposalWaitStep.Review, null),
            };
            if (since is null)
            {
                continue;
            }

            var waited = since.Value >= today ? 0 : calendar.WorkingDaysBetween(since.Value.AddDays(1), today).Count();
            if (waited <= options.ReminderWorkingDays)
            {
                continue;
            }

            var level = (step == ProposalWaitStep.Review ? "review+" : "decision+")
                + options.ReminderWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var unitName = authority.Units.Find(p.UnitCode)?.Name ?? p.UnitCode;
            foreach (var (address, role) in Targets(step, p, authority, problems))
            {
                if (!Recipient.TryCreate(address, authority.Describe(address), out var recipient))
                {
                    problems.Add($"Địa chỉ e-mail không hợp lệ: '{MailText.HeaderSafe(address)}'.");
                    continue;
                }

                var reminder = new ProposalReminder(recipient!, role, p, step, since.Value, waited, unitName, today) { LevelKey = level };
                if (!alreadySent.Contains(reminder.IdempotencyKey))
                {
                    reminders.Add(reminder);
                }
            }
        }

        return new ProposalReminderPlan(today, true, reminders, [.. problems]);
    }

    private static IEnumerable<(string Address, RecipientRole Role)> Targets(ProposalWaitStep step, Proposal proposal,
        ProposalAuthority authority, SortedSet<string> problems)
    {
        if (step == ProposalWaitStep.Review)
        {
            if (authority.ReviewerEmail is null)
            {
                problems.Add($"Chưa có thủ trưởng đơn vị tổng hợp ({authority.AggregatingUnitName}) để nhắc xem xét đề xuất.");
                return [];
            }

            return [(authority.ReviewerEmail, RecipientRole.AggregatingUnitHead)];
        }

        if (authority.DeciderEmails.Count == 0)
        {
            problems.Add($"Chưa cấu hình e-mail của người ký quyết định ({ProposalOptions.SectionName}:SignerEmail) để nhắc quyết định " +
                $"đề xuất.");
        }

        // Separation of duties: only the deciders who may decide it (neither its proposer nor its reviewer) are reminded.
        var deciders = authority.IndependentDeciders(proposal);
        if (authority.DeciderEmails.Count > 0 && deciders.Count == 0)
        {
            problems.Add($"Đề xuất {proposal.Id}: người quyết định đã đề xuất hoặc đã trình đề xuất này và chưa có người được ủy quyền " +
                "quyết định thay.");
        }

        return deciders.Select(a => (a, RecipientRole.Signer));
    }
}
