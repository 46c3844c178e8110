using DanVan365.Core.Escalation;
using DanVan365.Core.Units;

namespace DanVan365.Core.Scoring;

/// <summary>The scoring's reminders due today and what an operator should fix, in Vietnamese.</summary>
public sealed record ScoreReminderPlan(IReadOnlyList<EscalationNotification> Notifications, IReadOnlyList<string> Problems)
{
    public static ScoreReminderPlan None { get; } = new([], []);
}

/// <summary>
/// Reminders of the units' scoring for the daily digest (pure), from <see cref="ScoringOptions.OpensFor"/> on, on working days,
/// until the table is approved; each rides Nhật ký thông báo like any rung (at most once per recipient and step):
/// <list type="bullet">
/// <item>a graded unit that has not proposed its score: its head and assignees (<see cref="EscalationKind.ScoreProposal"/>);</item>
/// <item>a proposed score not yet appraised: the people of the aggregating unit who may appraise it, its proposer never
/// (<see cref="EscalationKind.ScoreAppraisal"/>);</item>
/// <item>once every graded unit is appraised: the deciders who may approve the table (<see cref="EscalationKind.ScoreApproval"/>).</item>
/// </list>
/// </summary>
public static class ScoreReminders
{
    public static ScoreReminderPlan Plan(int year, IReadOnlyList<ScoreBoardRow> rows, IReadOnlyDictionary<string, ScoreRecord> records,
        ScoreReviewRules rules, ScoringOptions options, WorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        var opens = options.OpensFor(year);
        var graded = rows.Where(r => r.Computed.Graded).ToList();
        if (today < opens || !calendar.IsWorkingDay(today) || graded.Count == 0
            || graded.All(r => r.Review?.State == ScoreReviewState.Approved))
        {
            return ScoreReminderPlan.None;
        }

        var units = rules.Authority.Units;
        var notifications = new List<EscalationNotification>();
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        void Add(string address, EscalationItem item, EscalationKind kind, string unitName, RecipientRole role)
        {
            if (Recipient.TryCreate(address, rules.Authority.Describe(address), out var recipient))
            {
                notifications.Add(new EscalationNotification(recipient!, item, new EscalationLevel(kind, 0), unitName, [role], today));
            }
            else
            {
                problems.Add($"Địa chỉ e-mail không hợp lệ: '{MailText.HeaderSafe(address)}'.");
            }
        }

        foreach (var row in graded)
        {
            var code = row.Computed.UnitCode;
            var state = row.Review?.State ?? ScoreReviewState.NotProposed;
            if (state == ScoreReviewState.NotProposed)
            {
                var item = EscalationItem.ForScore(year, code, DigestText.ScoreProposeTitle(year), code, opens);
                foreach (var person in PeopleOf(units, code))
                {
                    Add(person.Email, item, EscalationKind.ScoreProposal, row.Computed.UnitName,
                        PersonRoles.Is(person.Role, PersonRoles.Head) ? RecipientRole.UnitHead : RecipientRole.UnitAssignees);
                }
            }
            else if (state == ScoreReviewState.Proposed && rules.Authority.AggregatingUnitCode is { } aggregating)
            {
                var points = ScoreReviewRules.Points(row.Review!.Proposed?.Points ?? 0);
                var item = EscalationItem.ForScore(year, code, DigestText.ScoreAppraiseTitle(points), code, opens);
                var appraisers = PeopleOf(units, aggregating)
                    .Where(p => rules.AppraiseRight(code, p.Email, records.GetValueOrDefault(code)) is null).ToList();
                if (appraisers.Count == 0)
                {
                    problems.Add($"Không có người của {rules.Authority.AggregatingUnitName} được thẩm định điểm của " +
                        $"{row.Computed.UnitName}.");
                }

                foreach (var person in appraisers)
                {
                    Add(person.Email, item, EscalationKind.ScoreAppraisal, row.Computed.UnitName, RecipientRole.AggregatingUnitHead);
                }
            }
        }

        if (graded.All(r => r.Review?.State is ScoreReviewState.Appraised or ScoreReviewState.Approved))
        {
            var codes = graded.Select(r => r.Computed.UnitCode).ToList();
            var deciders = rules.Authority.DeciderEmails.Where(d => rules.ApproveRight(codes, records, d) is null).ToList();
            if (deciders.Count == 0)
            {
                problems.Add("Chưa có người có thẩm quyền phê duyệt bảng điểm (người ký quyết định hoặc người được ủy quyền không tự " +
                    "chấm, không thẩm định điểm nào): đề nghị bổ sung người được ủy quyền trong cấu hình đề xuất.");
            }

            var item = EscalationItem.ForScore(year, null, DigestText.ScoreApproveTitle(year, codes.Count),
                rules.Authority.AggregatingUnitCode ?? codes[0], opens);
            foreach (var decider in deciders)
            {
                Add(decider, item, EscalationKind.ScoreApproval, DigestText.ScoreTableUnits, RecipientRole.Signer);
            }
        }

        return new ScoreReminderPlan(notifications, [.. problems]);
    }

    private static IEnumerable<Person> PeopleOf(UnitDirectory units, string unitCode) => units.People
        .Where(p => string.Equals(p.Unit, unitCode, StringComparison.Ordinal) && PersonRoles.IsUnitPerson(p.Role)
            && !string.IsNullOrWhiteSpace(p.Email))
        .DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase);
}
