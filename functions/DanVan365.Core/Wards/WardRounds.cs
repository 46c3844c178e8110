using DanVan365.Core.Catalogue;
using DanVan365.Core.Proposals;
using DanVan365.Core.Reporting;
using DanVan365.Core.Time;

namespace DanVan365.Core.Wards;

/// <summary>What creating an ad hoc round did: the round and its templates, or the refusal (kind and problems).</summary>
public sealed record RoundOutcome(ReportRound? Round, IReadOnlyList<IssuedTemplate> Templates, RefusalKind? Refusal,
    IReadOnlyList<RoundProblem> Problems, bool IsRepeated = false)
{
    /// <summary>True when the round exists (created now, or by the first request with the same request id).</summary>
    public bool Succeeded => Refusal is null;

    internal static RoundOutcome Refused(RefusalKind kind, params RoundProblem[] problems) => new(null, [], kind, problems);
}

/// <summary>
/// Use case: ad hoc rounds (báo cáo đột xuất, decision part II.1), the one path of the API (POST /api/rounds), the web part
/// and the CLI (`round add`). Phòng Văn hóa - Xã hội (the decision's aggregating unit: its head or assignees) chooses a title,
/// a last day, units and tasks (<see cref="AdHocRoundRules"/>); the round is stored sealed in the library
/// (<see cref="ReportRounds"/>), its folders made and its templates issued to the chosen units (only the chosen tasks they lead
/// or coordinate), holding the ward's lease. From then on the reminders (<see cref="WardEscalation"/>) and the scheduled
/// compilation (<see cref="RoundCompilation.DueRoundsAsync"/>) treat it like a decision round, for its own units.
/// A repeated create with the same request id by the same person and content gives back the recorded round, nothing written.
/// Entries of the rounds file whose seal fails are recorded (Nhật ký can thiệp) before the file is written again.
/// </summary>
public sealed class WardRounds(WardContext ward, ReportRounds rounds, ReportTemplates templates, TimeProvider clock,
    WardRunLease lease, Integrity.IInterventionLog interventions)
{
    /// <summary>The rounds of the catalogue's year (decision and ad hoc ones in use), by number.</summary>
    public Task<IReadOnlyList<ReportRound>> ListAsync(TaskCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return rounds.ListAsync(catalogue.Decision, cancellationToken);
    }

    /// <summary>
    /// Creates an ad hoc round for <paramref name="actor"/> (the directory person's address, found by the caller from the
    /// token's object id or the CLI's --as): refused <see cref="RefusalKind.Forbidden"/> unless that person is the head or an
    /// assignee of the aggregating unit; <see cref="RefusalKind.BadInput"/> with every problem; <see cref="RefusalKind.Conflict"/>
    /// when the request id was used for another round. Nothing is written when refused.
    /// </summary>
    public async Task<RoundOutcome> CreateAsync(TaskCatalogue catalogue, AdHocRoundRequest request, string actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(request);
        var aggregating = catalogue.Decision.AggregatingUnit;
        var person = string.IsNullOrWhiteSpace(actor) ? null : ward.Units.FindPerson(actor.Trim());
        if (person is null || !AdHocRoundRules.MayCreate(ward.Units, aggregating, person.ObjectId))
        {
            return RoundOutcome.Refused(RefusalKind.Forbidden, new RoundProblem(null, AdHocRoundRules.Forbidden(ward.Units, aggregating)));
        }

        return await lease.RunAsync("round", token => CreateHeldAsync(catalogue, request, person.Email, token), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<RoundOutcome> CreateHeldAsync(TaskCatalogue catalogue, AdHocRoundRequest request, string actor,
        CancellationToken cancellationToken)
    {
        var (draft, problems) = AdHocRoundRules.Validate(catalogue, ward.Units, request, WardTime.Today(clock));
        var requestId = string.IsNullOrWhiteSpace(request.RequestId) ? null : request.RequestId.Trim();
        var listing = await rounds.ReadAsync(catalogue.Decision, cancellationToken).ConfigureAwait(false);
        if (requestId is not null)
        {
            var all = listing.Rounds;
            if (all.FirstOrDefault(r => string.Equals(r.RequestId, requestId, StringComparison.Ordinal)) is { } earlier)
            {
                return string.Equals(earlier.CreatedBy, actor, StringComparison.OrdinalIgnoreCase)
                    && (draft is null || AdHocRoundRules.SameContent(draft, earlier))
                    ? new RoundOutcome(earlier, [], null, [], IsRepeated: true)
                    : RoundOutcome.Refused(RefusalKind.Conflict, new RoundProblem(null,
                        "Mã yêu cầu này đã được dùng cho một đợt báo cáo khác; hãy gửi lại với mã yêu cầu mới."));
            }
        }

        if (draft is null)
        {
            return RoundOutcome.Refused(RefusalKind.BadInput, [.. problems]);
        }

        // Entries a person edited are recorded now, while the file still names who: writing it makes the app its last modifier.
        if (listing.Ignored.Count > 0)
        {
            await interventions.RecordAsync(listing.Ignored, WardTime.Today(clock), cancellationToken).ConfigureAwait(false);
        }

        var now = clock.GetUtcNow();
        var round = await rounds.AddAsync(catalogue.Decision, draft with
        {
            CreatedBy = actor,
            CreatedAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
        }, cancellationToken).ConfigureAwait(false);
        var issued = await templates.IssueAsync(catalogue, ward.Units, round, null, cancellationToken).ConfigureAwait(false);
        return new RoundOutcome(round, issued, null, []);
    }
}
