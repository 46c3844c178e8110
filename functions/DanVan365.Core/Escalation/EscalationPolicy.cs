using DanVan365.Core.Time;

namespace DanVan365.Core.Escalation;

/// <summary>
/// The escalation ladder as a pure function: (items, recipients, calendar, today, already-sent keys) → what to send today.
/// <para>Rules:</para>
/// <list type="bullet">
/// <item>Nothing on a day off (<see cref="WorkingCalendar.IsWorkingDay"/> false): the plan is empty.</item>
/// <item>Archived or completed items (received reports) are never reminded; assignments without a last day (ongoing,
/// "Thường xuyên") are reminded only through their round reports (<see cref="EscalationItemKind.Report"/> items).</item>
/// <item>A step is due on its send day: the first working day on or after (last day + offset). A step falling on a day off
/// therefore goes out on the next working day, once.</item>
/// <item>Collapse: when several steps are due on the same day (e.g. −3, −1, +1 and +3 all pushed past Tết onto one Monday),
/// only the highest is sent; the lower ones are superseded and never sent later. Telling someone "3 days left" on the day
/// the item is already overdue would be wrong, and four mails about one item in one digest is noise; the highest rung
/// also has the widest recipient list, so nobody who should hear about it is missed.</item>
/// <item>Catch-up: the rule is "the highest step whose send day is on or before today", so a day the job did not run
/// (outage) is caught up on the next run with the then-current rung; a step is never sent after a higher one.</item>
/// <item>An upcoming (before-deadline) step is never sent after the last day (only possible with a ladder without overdue steps).</item>
/// <item>Units the committee only requests (<see cref="Units.UnitDirectory.IsAssigned"/> false: Party bodies, the Front,
/// residential groups, outside organisations, and codes the directory does not know) never climb the ladder: their
/// assignments and round reports get at most the courtesy reminder (<see cref="CourtesyStep"/>) to the unit's own contact.</item>
/// <item>Idempotency: a (recipient, item, level) whose key is in <c>alreadySent</c> is skipped. Pass every key recorded in
/// Nhật ký thông báo, pending or sent (at-most-once, see README).</item>
/// </list>
/// </summary>
public static class EscalationPolicy
{
    /// <summary>The day a step at <paramref name="offsetDays"/> goes out for an item with this last day.</summary>
    public static DateOnly SendDay(DateOnly lastDay, int offsetDays, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.NextWorkingDayOnOrAfter(lastDay.AddDays(offsetDays));
    }

    /// <summary>The step (if any) an item stands at on <paramref name="today"/>: the highest step whose send day ≤ today.</summary>
    public static EscalationStep? CurrentStep(EscalationItem item, IReadOnlyList<EscalationStep> steps, WorkingCalendar calendar,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(steps);
        if (item.Archived || item.Completed || item.LastDay is not { } last)
        {
            return null;
        }

        EscalationStep? top = null;
        foreach (var step in steps)
        {
            if (SendDay(last, step.OffsetDays, calendar) <= today && (top is null || step.OffsetDays > top.OffsetDays))
            {
                top = step;
            }
        }

        if (top is not null && top.OffsetDays <= 0 && today > last)
        {
            return null;
        }

        return top;
    }

    /// <summary>
    /// The courtesy reminder an item of a requested unit is due on <paramref name="today"/>, or null: on for the unit's kind
    /// (<see cref="CourtesyReminderOptions.IsOnFor"/>), open, with a last day, from its send day (the first working day on or
    /// after last day + offset) up to and including the last day (a missed day is caught up, never after the last day).
    /// </summary>
    public static EscalationLevel? CourtesyStep(EscalationItem item, Units.Unit unit, CourtesyReminderOptions courtesy,
        WorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(courtesy);
        if (item.Archived || item.Completed || item.LastDay is not { } last || !courtesy.IsOnFor(unit.Kind))
        {
            return null;
        }

        var due = SendDay(last, courtesy.OffsetDays, calendar) <= today && today <= last;
        return due ? EscalationLevel.Courtesy(courtesy.OffsetDays) : null;
    }

    /// <summary>The contact of a requested unit: its head, else its assignees; none (no mail) when it has neither.</summary>
    public static IReadOnlyList<RecipientRole> CourtesyContact(Units.Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return !string.IsNullOrWhiteSpace(unit.Head) ? [RecipientRole.UnitHead]
            : unit.Assignees.Any(a => !string.IsNullOrWhiteSpace(a)) ? [RecipientRole.UnitAssignees] : [];
    }

    /// <summary>What to send on <paramref name="today"/> (ICT date).</summary>
    public static EscalationPlan Plan(
        IEnumerable<EscalationItem> items,
        RecipientDirectory directory,
        WorkingCalendar calendar,
        EscalationOptions options,
        DateOnly today,
        IReadOnlySet<string> alreadySent)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(alreadySent);

        if (!calendar.IsWorkingDay(today))
        {
            return new EscalationPlan(today, false, [], []);
        }

        var steps = options.EffectiveSteps;
        var notifications = new List<EscalationNotification>();
        var problems = new List<string>();
        var seenItems = new HashSet<string>(StringComparer.Ordinal);

        foreach (var item in items)
        {
            if (!seenItems.Add(item.Key))
            {
                problems.Add($"Mục '{item.Key}' xuất hiện hai lần; chỉ xét lần đầu.");
                continue;
            }

            EscalationLevel level;
            IReadOnlyList<RecipientRole> wanted;
            if (item.Kind is EscalationItemKind.Assignment or EscalationItemKind.Report && !directory.Units.IsAssigned(item.UnitCode))
            {
                if (directory.Units.Find(item.UnitCode) is not { } unit)
                {
                    // Told on the days the ladder would have reminded it, not every day.
                    if (CurrentStep(item, steps, calendar, today) is not null)
                    {
                        problems.Add($"{item.Key}: Không tìm thấy đơn vị '{item.UnitCode}' trong danh bạ đơn vị; không gửi thư nhắc.");
                    }

                    continue;
                }

                if (CourtesyStep(item, unit, options.Courtesy, calendar, today) is not { } courtesy)
                {
                    continue;
                }

                (level, wanted) = (courtesy, CourtesyContact(unit));
            }
            else if (CurrentStep(item, steps, calendar, today) is { } step)
            {
                (level, wanted) = (EscalationLevel.For(item.Kind, step.OffsetDays), step.Recipients);
            }
            else
            {
                continue;
            }

            var resolution = directory.Resolve(wanted, item.UnitCode);
            foreach (var problem in resolution.Problems)
            {
                problems.Add($"{item.Key}: {problem}");
            }

            var unitName = directory.UnitName(item.UnitCode);
            foreach (var (recipient, roles) in resolution.Recipients)
            {
                var notification = new EscalationNotification(recipient, item, level, unitName, roles, today);
                if (!alreadySent.Contains(notification.IdempotencyKey))
                {
                    notifications.Add(notification);
                }
            }
        }

        var ordered = notifications
            .OrderBy(n => n.Recipient.Key, StringComparer.Ordinal)
            .ThenBy(n => n.Item.LastDay)
            .ThenBy(n => n.Item.Key, StringComparer.Ordinal)
            .ToList();
        return new EscalationPlan(today, true, ordered, [.. problems.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>As <see cref="Plan(IEnumerable{EscalationItem}, RecipientDirectory, WorkingCalendar, EscalationOptions, DateOnly,
    /// IReadOnlySet{string})"/>, today taken from the clock in ICT.</summary>
    public static EscalationPlan Plan(
        IEnumerable<EscalationItem> items,
        RecipientDirectory directory,
        WorkingCalendar calendar,
        EscalationOptions options,
        TimeProvider clock,
        IReadOnlySet<string> alreadySent)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Plan(items, directory, calendar, options, WardTime.Today(clock), alreadySent);
    }
}
