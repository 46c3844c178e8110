using DanVan365.Core.Catalogue;
using DanVan365.Core.Escalation;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;
using DanVan365.Core.Units;

namespace DanVan365.Core.Wards;

/// <summary>A return refused by <see cref="ReturnAuthority"/> (the API answers 403; nothing is written).</summary>
public sealed class ReturnRefusedException(ReturnRefusal refusal) : Errors.DanVanException(refusal?.Message ?? string.Empty)
{
    public ReturnRefusal Refusal { get; } = refusal ?? throw new ArgumentNullException(nameof(refusal));
}

/// <summary>A return that does not fit the submission's state: nothing submitted, or already returned (the API answers 409).</summary>
public sealed class ReturnConflictException(string message) : Errors.DanVanException(message);

/// <summary>What a return did: the recorded return, and whom the notice reached (addresses are never logged).</summary>
public sealed record ReturnOutcome(SubmissionReturn Return, int Notified, int NotNotified);

/// <summary>
/// Use case (issue 23): Phòng Văn hóa - Xã hội returns a unit's submission for a round with a reason ("Trả lại, đề nghị bổ
/// sung"). Under the ward's lease: the caller's authority (<see cref="ReturnAuthority"/>: the aggregating unit's people, never
/// the submission's maker), the submission's state (reported by the one rule of <see cref="RoundReports"/>, not already
/// returned), the sealed history row in Trả lại báo cáo with an archive copy of the returned rows, then a notice to the unit's
/// head and assignees through the mail port. From then on the unit counts as not reported (reminders resume) until its new
/// submission replaces the rows and closes the return (<see cref="SubmissionIngest.WriteAsync"/>).
/// </summary>
public sealed class WardReturns(WardContext ward, IListStore lists, ReportRounds rounds, SubmissionReturns returns,
    IEscalationMailSender mail, ISiteLinks links, EscalationOptions options, TimeProvider clock, WardRunLease lease)
{
    /// <summary>Longest reason (characters).</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>Returns the submission of <paramref name="unitCode"/> for <paramref name="round"/>; see the class.</summary>
    /// <exception cref="InvalidQueryException">A blank or too long reason, or a unit the directory does not know.</exception>
    /// <exception cref="UnknownRoundException">A round the decision and the library do not have.</exception>
    /// <exception cref="ReturnRefusedException">The caller may not return it.</exception>
    /// <exception cref="ReturnConflictException">Nothing to return, or already returned.</exception>
    public async Task<ReturnOutcome> ReturnAsync(TaskCatalogue catalogue, int round, string unitCode, string? reason,
        string? callerObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(unitCode);
        var aggregating = catalogue.Decision.AggregatingUnit;
        if (ReturnAuthority.Refusal(ward.Units, aggregating, callerObjectId, []) is { } refusal)
        {
            throw new ReturnRefusedException(refusal);
        }

        var why = Text.VietnameseText.Normalize(reason ?? string.Empty).Trim();
        if (why.Length == 0)
        {
            throw new InvalidQueryException("Cần ghi lý do trả lại (nội dung đơn vị cần bổ sung).");
        }

        if (why.Length > MaxReasonLength)
        {
            throw new InvalidQueryException($"Lý do trả lại dài {why.Length} ký tự, vượt giới hạn {MaxReasonLength} ký tự.");
        }

        var unit = ward.Units.Find(unitCode) ?? throw new InvalidQueryException($"Không có đơn vị với mã \"{unitCode}\".");
        var all = await rounds.ListAsync(catalogue.Decision, cancellationToken).ConfigureAwait(false);
        var chosen = all.FirstOrDefault(r => r.Number == round) ?? throw new UnknownRoundException(ward.Id, round);
        var recorded = await lease.RunAsync("return", token => RecordAsync(catalogue, chosen, unit, why, callerObjectId, token),
            cancellationToken).ConfigureAwait(false);
        var (notified, notNotified) = await NotifyAsync(recorded, unit, chosen, aggregating, cancellationToken).ConfigureAwait(false);
        return new ReturnOutcome(recorded, notified, notNotified);
    }

    private async Task<SubmissionReturn> RecordAsync(TaskCatalogue catalogue, ReportRound round, Unit unit, string reason,
        string? callerObjectId, CancellationToken cancellationToken)
    {
        var reports = await lists.ReadAsync(SiteSchema.Reports, cancellationToken).ConfigureAwait(false);
        var history = await returns.ReadAsync(cancellationToken).ConfigureAwait(false);
        var open = new ReturnedSubmissions(history.Select(r => r.Return));
        if (open.IsReturned(round.Number, unit.Code))
        {
            throw new ReturnConflictException($"Báo cáo {ReturnNotice.RoundText(round)} của {unit.Name} đã được trả lại và đang chờ " +
                "đơn vị gửi lại.");
        }

        if (!RoundReports.HasReported(reports, open, round.Number, unit.Code))
        {
            throw new ReturnConflictException($"{unit.Name} chưa có báo cáo {ReturnNotice.RoundText(round)} để trả lại.");
        }

        // Who made the submission: the maker DanVan365 recorded (sealed), and anyone who typed the rows in the list.
        var unitRows = ReportRows.OfUnit(reports, round.Number, unit.Code).Where(RoundReports.HasContent).ToList();
        var maker = await returns.SubmitterAsync(round.Number, unit.Code, cancellationToken).ConfigureAwait(false);
        var recorded = maker is { Length: > 2 } m && m.StartsWith("u:", StringComparison.Ordinal) ? m[2..] : null;
        var makers = unitRows.Select(r => r.ModifiedBy?.UserId).Append(recorded);
        if (ReturnAuthority.Refusal(ward.Units, catalogue.Decision.AggregatingUnit, callerObjectId, makers) is { } refusal)
        {
            throw new ReturnRefusedException(refusal);
        }

        var number = history.Count(r => r.Return.Round == round.Number && r.Return.UnitCode == unit.Code) + 1;
        var caller = ward.Units.People.FirstOrDefault(p => ReportSubmitters.SameId(p.ObjectId, callerObjectId));
        var value = new SubmissionReturn(ReturnRow.KeyOf(round.Number, unit.Code, number), round.Number, unit.Code, reason,
            caller?.DisplayName ?? callerObjectId ?? string.Empty, callerObjectId, WardTime.Now(clock),
            ReturnRow.Archive(unitRows.Select(ReportRow.From).OfType<ReportRow>()), null);
        await returns.AddAsync(value, cancellationToken).ConfigureAwait(false);
        return value;
    }

    private async Task<(int Notified, int NotNotified)> NotifyAsync(SubmissionReturn value, Unit unit, ReportRound round,
        string? aggregating, CancellationToken cancellationToken)
    {
        var settings = options;
        var byUnit = aggregating is null ? "Đơn vị tổng hợp" : ward.Units.Find(aggregating)?.Name ?? aggregating;
        var siteLinks = await links.EscalationLinksAsync(cancellationToken).ConfigureAwait(false);
        var formUrl = settings.ReportFormUrl is { Length: > 0 } page
            ? page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "round=" + value.Round.ToString(
                System.Globalization.CultureInfo.InvariantCulture) + "&unit=" + Uri.EscapeDataString(unit.Code)
            : siteLinks.UnitReports(value.Round, unit.Code);
        var people = ward.Units.People
            .Where(p => string.Equals(p.Unit, unit.Code, StringComparison.Ordinal) && PersonRoles.IsUnitPerson(p.Role))
            .DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var (sent, failed) = (0, 0);
        foreach (var person in people)
        {
            if (!Recipient.TryCreate(person.Email, person.DisplayName, out var recipient))
            {
                failed++;
                continue;
            }

            try
            {
                await mail.SendAsync(ReturnNotice.Compose(recipient!, value, unit.Name, round, byUnit, formUrl, settings.SubjectPrefix),
                    cancellationToken).ConfigureAwait(false);
                sent++;
            }
            catch (Errors.RemoteServiceException)
            {
                failed++; // the return stands; the state shows in the form and the dashboard whatever the mail did.
            }
        }

        return (sent, failed);
    }
}
