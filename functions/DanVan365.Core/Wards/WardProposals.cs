using DanVan365.Core.Catalogue;
using DanVan365.Core.Proposals;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;

namespace DanVan365.Core.Wards;

/// <summary>
/// Use case: the ward's adjustment proposals (issue 17, decision part II.3) over the list "Đề xuất điều chỉnh": propose,
/// list, review, decide, withdraw, the draft annex of the amending decision, and closing the proposals an amendment
/// carries out, and the effective last days approved extensions give Phân công (<see cref="ApplyEffectiveDeadlinesAsync"/>).
/// Every change of a proposal carries the eTag it was read with: of two people acting at once, the second is refused
/// (<see cref="ProposalRules.ChangedMeanwhile"/>) and nothing of theirs is written. The rules are <see cref="ProposalWorkflow"/>'s (checked
/// against the catalogue given: the CLI's decision
/// file, or the library's decision); every refusal comes back as a <see cref="ProposalRefusal"/> and nothing is written.
/// </summary>
public sealed class WardProposals(WardContext ward, IProposalStore store, IAmendmentDraftDocuments documents,
    ProposalOptions options, TimeProvider clock, IListStore lists, Integrity.RecordSeal seal,
    Integrity.IInterventionLog interventions)
{
    private const int CreateAttempts = 5;

    /// <summary>Who may do what, for <paramref name="catalogue"/>'s decision.</summary>
    public ProposalAuthority Authority(TaskCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return new ProposalAuthority(ward.Units, catalogue.Decision, options);
    }

    /// <summary>The rules for <paramref name="catalogue"/>, today being the ward's date.</summary>
    public ProposalWorkflow Workflow(TaskCatalogue catalogue) => new(catalogue, Authority(catalogue), clock);

    /// <summary>Every proposal (and the rows that could not be read).</summary>
    public Task<ProposalListing> ReadAsync(CancellationToken cancellationToken) => store.ReadAsync(cancellationToken);

    /// <summary>The proposals, newest first, optionally in one state.</summary>
    public async Task<IReadOnlyList<Proposal>> ListAsync(ProposalState? state, CancellationToken cancellationToken)
    {
        var listing = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
        return [.. listing.Proposals.Where(p => state is null || p.State == state)
            .OrderByDescending(p => p.ProposedOn).ThenByDescending(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A unit's person proposes; the new proposal is written with the next free id. With a client request id it is written
    /// once: a retry (or a second request racing the first) gets back the proposal recorded with that id
    /// (<see cref="ProposalOutcome.IsRepeated"/>), the list's unique request id column refusing a second row.
    /// </summary>
    public async Task<ProposalOutcome> ProposeAsync(TaskCatalogue catalogue, ProposalRequest request, string actor,
        CancellationToken cancellationToken)
    {
        var workflow = Workflow(catalogue);
        for (var attempt = 1; ; attempt++)
        {
            var listing = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
            var outcome = workflow.Propose(request, actor, listing.Proposals);
            if (outcome.IsAccepted && listing.Ignored.Any(i => i.RowKey == outcome.Value.Id))
            {
                // A row the rules ignore (its seal fails) still holds the id in the list's unique key: take the next free one.
                outcome = ProposalOutcome.Accepted(outcome.Value with
                {
                    Id = ProposalIds.Next(outcome.Value.ProposedOn.Year, listing.TakenIds),
                });
            }

            if (!outcome.IsAccepted || outcome.IsRepeated
                || await store.CreateAsync(outcome.Value, cancellationToken).ConfigureAwait(false))
            {
                return outcome;
            }

            if (attempt == CreateAttempts)
            {
                throw new Errors.RemoteServiceException("create proposal", 409, "idTaken", null,
                    $"the id {outcome.Value.Id} stayed taken after {CreateAttempts} attempts");
            }
        }
    }

    /// <summary>The reviewer forwards (<paramref name="forward"/>) or rejects a waiting proposal.</summary>
    public Task<ProposalOutcome> ReviewAsync(TaskCatalogue catalogue, string id, string actor, bool forward, string? note,
        CancellationToken cancellationToken) =>
        ActAsync(id, p => Workflow(catalogue).Review(p, actor, forward, note), cancellationToken);

    /// <summary>
    /// The signer or a deputy approves or rejects a forwarded proposal; an approved extension then gives its assignments
    /// their effective last day on Phân công.
    /// </summary>
    public async Task<ProposalOutcome> DecideAsync(TaskCatalogue catalogue, string id, string actor, bool approve, string? note,
        CancellationToken cancellationToken)
    {
        var outcome = await ActAsync(id, p => Workflow(catalogue).Decide(p, actor, approve, note), cancellationToken)
            .ConfigureAwait(false);
        if (outcome.Proposal is { Kind: ProposalKind.Extend, State: ProposalState.Approved })
        {
            await ApplyEffectiveDeadlinesAsync(catalogue, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>A person of the proposing unit withdraws a waiting proposal (kept, state Đã rút).</summary>
    public Task<ProposalOutcome> WithdrawAsync(TaskCatalogue catalogue, string id, string actor, CancellationToken cancellationToken) =>
        ActAsync(id, p => Workflow(catalogue).Withdraw(p, actor), cancellationToken);

    /// <summary>The draft annex of the amending decision from the approved proposals not yet carried out (.docx), dated today.</summary>
    public async Task<(AmendmentDraft Draft, byte[] Content)> DraftAsync(TaskCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var listing = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
        var draft = AmendmentDraftBuilder.Build(catalogue, listing.Proposals, Authority(catalogue));
        return (draft, documents.Write(draft, WardTime.Today(clock)));
    }

    /// <summary>
    /// Today's reminders for proposals waiting more than <see cref="ProposalOptions.ReminderWorkingDays"/> working days for
    /// review or decision (<see cref="ProposalReminders"/>); the ledger (Nhật ký thông báo) filters what was sent.
    /// </summary>
    public async Task<ProposalReminderPlan> RemindersAsync(TaskCatalogue catalogue, Escalation.WorkingCalendar calendar,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var listing = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
        var plan = ProposalReminders.Plan(listing.Proposals, Authority(catalogue), calendar, options, WardTime.Today(clock),
            new HashSet<string>(StringComparer.Ordinal));
        return plan with { Ignored = listing.Ignored };
    }

    /// <summary>Effective last days of the assignments (approved extensions over the decision's dates).</summary>
    public async Task<IReadOnlyDictionary<string, EffectiveDeadline>> EffectiveDeadlinesAsync(TaskCatalogue catalogue,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var listing = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
        return EffectiveDeadlines.ByAssignment(catalogue, listing.Proposals);
    }

    /// <summary>
    /// Marks done the approved proposals <paramref name="amended"/> (a synced amending decision) carries out; returns them.
    /// </summary>
    public async Task<IReadOnlyList<Proposal>> CloseCoveredAsync(TaskCatalogue amended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(amended);
        var listing = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
        var closed = AmendmentCoverage.Close(amended, listing.Proposals, Workflow(amended));
        foreach (var proposal in closed)
        {
            if (!await store.UpdateAsync(listing.Find(proposal.Id)!, proposal, cancellationToken).ConfigureAwait(false))
            {
                // Someone acted on it meanwhile: fail the run (the intake stamps the decision only after this), the next retries.
                throw new Errors.RemoteServiceException($"close proposal {proposal.Id}", 412, "changedMeanwhile", null,
                    $"proposal {proposal.Id} changed while the amendment was applied");
            }
        }

        if (closed.Count > 0)
        {
            await ApplyEffectiveDeadlinesAsync(amended, cancellationToken).ConfigureAwait(false);
        }

        return closed;
    }

    /// <summary>
    /// Writes each Phân công row's extended last day (<see cref="AssignmentColumns.ExtendedLastDay"/>) as
    /// <see cref="EffectiveDeadlines"/> computes it from the approved extensions (empty when none applies), only where it
    /// differs; returns the rows written. Idempotent: running it again repairs a row an earlier failure left behind.
    /// </summary>
    public async Task<int> ApplyEffectiveDeadlinesAsync(TaskCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var listing = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
        var deadlines = EffectiveDeadlines.ByAssignment(catalogue, listing.Proposals);
        var rows = await lists.ReadAsync(SiteSchema.Assignments, cancellationToken).ConfigureAwait(false);
        // Sealed writes (ExtensionSeals): a date someone typed meanwhile is put right here too, and recorded.
        var repair = ExtensionSeals.Plan(rows, deadlines, seal);
        ColumnOwnership.EnsureWritable(SiteSchema.Assignments, ColumnOwner.Proposals,
            [AssignmentColumns.ExtendedLastDay, SiteSchema.Seal]);
        var result = await lists.PatchAsync(SiteSchema.Assignments, repair.Patches, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new Errors.RemoteServiceException("write effective last days", 500, "assignmentNotSaved", null,
                string.Join("; ", result.Failures.Select(f => f.Key + ": " + f.Reason)));
        }

        var unrecorded = await interventions.RecordAsync(repair.Interventions, WardTime.Today(clock), cancellationToken)
            .ConfigureAwait(false);
        if (unrecorded.Count > 0)
        {
            throw new Errors.RemoteServiceException("record interventions", 500, "interventionNotSaved", null,
                string.Join("; ", unrecorded.Select(f => f.Key + ": " + f.Reason)));
        }

        return result.Written;
    }

    private async Task<ProposalOutcome> ActAsync(string id, Func<Proposal, ProposalOutcome> act, CancellationToken cancellationToken)
    {
        var listing = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (listing.Find(id) is not { } current)
        {
            return ProposalOutcome.Refused(new ProposalRefusal(ProposalRules.UnknownProposal, RefusalKind.NotFound,
                $"Không có đề xuất mã '{(id ?? string.Empty).Trim()}'."));
        }

        var outcome = act(current.Proposal);
        if (outcome.IsAccepted && !await store.UpdateAsync(current, outcome.Value, cancellationToken).ConfigureAwait(false))
        {
            return ProposalOutcome.Refused(new ProposalRefusal(ProposalRules.ChangedMeanwhile, RefusalKind.Conflict,
                $"Đề xuất {current.Proposal.Id} vừa được người khác cập nhật trong lúc anh/chị thao tác; " +
                "hãy tải lại danh sách đề xuất và thử lại."));
        }

        return outcome;
    }
}
