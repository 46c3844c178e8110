using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;
using DanVan365.Core.Units;

namespace DanVan365.Core.Escalation;

/// <summary>What a run needs besides the ports: the ladder, the people, the calendar and the decision's rounds.</summary>
/// <param name="Options">The ladder and subject prefix.</param>
/// <param name="Directory">Who gets mail.</param>
/// <param name="Calendar">Working days.</param>
/// <param name="Rounds">The decision's reporting rounds.</param>
/// <param name="ExpectedUnits">Units expected to report each round.</param>
public sealed record EscalationSetup(
    EscalationOptions Options,
    RecipientDirectory Directory,
    WorkingCalendar Calendar,
    IReadOnlyList<ReportRound> Rounds,
    IReadOnlyList<string> ExpectedUnits)
{
    /// <summary>
    /// Notifications planned elsewhere that ride in the same digests and ledger (adjustment proposals waiting too long,
    /// <see cref="Proposals.ProposalReminders"/>): sent only on a working day, each at most once by its idempotency key.
    /// </summary>
    public IReadOnlyList<EscalationNotification> ExtraNotifications { get; init; } = [];

    /// <summary>Problems found while planning <see cref="ExtraNotifications"/> (Vietnamese).</summary>
    public IReadOnlyList<string> ExtraProblems { get; init; } = [];

    /// <summary>Edits found around DanVan365 by the caller (e.g. proposals whose seal fails), recorded by the run.</summary>
    public IReadOnlyList<Integrity.Intervention> Interventions { get; init; } = [];

    /// <summary>
    /// The setup for a decision: aggregating unit and signer name from the decision unless configured; the signer's
    /// address from options or else the directory's person with role "signer"; display names from the directory's people;
    /// the calendar as loaded at the edge (null: the embedded Hải An 2026 file).
    /// </summary>
    public static EscalationSetup For(TaskCatalogue catalogue, UnitDirectory units, EscalationOptions? options = null,
        WorkingCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(units);
        options ??= new EscalationOptions();
        options.Validate();
        var decision = catalogue.Decision;
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in units.People)
        {
            names.TryAdd(person.Email.Trim(), person.DisplayName);
        }

        var signerAddress = string.IsNullOrWhiteSpace(options.SignerEmail)
            ? units.People.FirstOrDefault(p => PersonRoles.Is(p.Role, PersonRoles.Signer))?.Email
            : options.SignerEmail;
        var signerName = options.SignerDisplayName ?? (signerAddress is null ? null : names.GetValueOrDefault(signerAddress.Trim()))
            ?? decision.Signer;
        Recipient.TryCreate(signerAddress, signerName, out var signer);
        var aggregating = string.IsNullOrWhiteSpace(options.AggregatingUnitCode)
            ? (string.IsNullOrWhiteSpace(decision.AggregatingUnit) ? null : decision.AggregatingUnit)
            : options.AggregatingUnitCode;
        return new EscalationSetup(
            options,
            new RecipientDirectory(units, aggregating, signer, names),
            calendar ?? HolidayCalendarFile.LoadDefault(),
            ReportRound.FromDecision(decision),
            ReportPlanner.ExpectedUnits(catalogue));
    }
}

/// <summary>What happened to one digest.</summary>
public enum DigestStatus
{
    /// <summary>Dry run: would be sent.</summary>
    Planned,

    /// <summary>Sent and recorded.</summary>
    Sent,

    /// <summary>Every key was claimed by another run first: not sent by this one.</summary>
    Taken,

    /// <summary>Graph refused the mail; the claims were released so a later run sends it.</summary>
    Rejected,

    /// <summary>The send failed without a clear answer: the mail may have left. The claims stay pending (never re-sent).</summary>
    Unconfirmed,

    /// <summary>Not attempted: the run stopped at an earlier failure (nothing claimed; a later run sends it).</summary>
    NotAttempted,
}

/// <summary>One digest and its fate. <see cref="Digest"/> holds what was (or would be) sent: claimed notifications only.</summary>
public sealed record DigestOutcome(EscalationDigest Digest, DigestStatus Status, string? Error = null);

/// <summary>The result of one escalation run.</summary>
/// <param name="Today">The day (ICT).</param>
/// <param name="IsWorkingDay">False: nothing is sent on a day off.</param>
/// <param name="DryRun">Nothing was written.</param>
/// <param name="Digests">Per recipient, in recipient order.</param>
/// <param name="Skipped">Notifications left out: already in Nhật ký thông báo, or claimed by a concurrent run.</param>
/// <param name="Problems">Directory problems an operator should fix (Vietnamese).</param>
/// <param name="StalePending">Log rows left pending longer than the grace period (a send that may or may not have left).</param>
/// <param name="Failures">Log rows that could not be written.</param>
public sealed record EscalationRunReport(
    DateOnly Today,
    bool IsWorkingDay,
    bool DryRun,
    IReadOnlyList<DigestOutcome> Digests,
    int Skipped,
    IReadOnlyList<string> Problems,
    IReadOnlyList<NotificationLogEntry> StalePending,
    IReadOnlyList<RowFailure> Failures)
{
    private IEnumerable<DigestOutcome> Delivered => Digests.Where(d => d.Status is DigestStatus.Sent or DigestStatus.Planned);

    /// <summary>Recipients who got (dry run: would get) a digest.</summary>
    public int Recipients => Delivered.Select(d => d.Digest.Recipient.Key).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Messages sent (dry run: that would be sent).</summary>
    public int Messages => Delivered.Count();

    /// <summary>(recipient, item, level) notifications carried by those messages.</summary>
    public int Items => Delivered.Sum(d => d.Digest.Notifications.Count);

    /// <summary>True when every digest went out (or would) and every log row was written.</summary>
    public bool Succeeded => Failures.Count == 0
        && Digests.All(d => d.Status is DigestStatus.Sent or DigestStatus.Planned or DigestStatus.Taken);
}

/// <summary>
/// The escalation use case (issue 7): read open assignments and missing round reports from the lists, read Nhật ký thông
/// báo, plan (<see cref="EscalationPolicy"/>), compose one digest per recipient, then per digest: claim (create the log
/// rows pending; the unique key makes a concurrent run's claim fail, and that run drops those notifications), send,
/// mark sent. At most once: a crash between claim and mark leaves rows pending, which count as sent (ESCALATION.md).
/// A log row whose seal fails counts as absent (its notification goes out) and is recorded in Nhật ký can thiệp; the edits
/// recorded there and not yet reported go to the head of the aggregating unit in the same digests
/// (<see cref="Integrity.InterventionDigest"/>) and are marked reported once their digest went out.
/// A run that may stop early (<see cref="Wards.WardRunDeadline"/>) stops between digests once its deadline has passed, after
/// marking what went out: every digest it sent is in the log, so the next run plans only the ones it did not reach.
/// </summary>
public sealed class EscalationRun(IListStore lists, INotificationLogStore log, IEscalationMailSender mail, TimeProvider clock,
    SendPacer pacer, Integrity.IInterventionLog interventions, Reporting.SubmissionReturns returns, Wards.WardRunDeadline deadline)
{
    /// <summary>A pending row older than this is shown to the operator.</summary>
    public static readonly TimeSpan PendingGrace = TimeSpan.FromHours(1);

    /// <summary>True when Graph's answer means the mail certainly did not leave (4xx other than 408 timeout and 429 throttling).</summary>
    public static bool IsDefinitiveRejection(RemoteServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Status is >= 400 and < 500 and not 408 and not 429;
    }

    public async Task<EscalationRunReport> RunAsync(EscalationSetup setup, EscalationLinks? links, bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var now = clock.GetUtcNow();
        var today = WardTime.ToWardDate(now);

        var assignmentRows = await lists.ReadAsync(SiteSchema.Assignments, cancellationToken).ConfigureAwait(false);
        var reportRows = await lists.ReadAsync(SiteSchema.Reports, cancellationToken).ConfigureAwait(false);
        var returned = await returns.OpenAsync(cancellationToken).ConfigureAwait(false);
        var items = EscalationItems.FromAssignments(assignmentRows, links)
            .Concat(EscalationItems.FromReports(reportRows, setup.Rounds, setup.ExpectedUnits, links, returned))
            .ToList();
        var read = await log.ReadAsync(cancellationToken).ConfigureAwait(false);
        var logged = read.Where(e => e.Forged is null).ToList();
        var stored = logged.Select(e => e.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        var stale = logged.Where(e => e.IsStale(now, PendingGrace)).ToList();
        var failures = new List<RowFailure>();
        if (!dryRun)
        {
            var found = read.Select(e => e.Forged).OfType<Integrity.Intervention>();
            failures.AddRange(await interventions.RecordAsync([.. setup.Interventions, .. found], today, cancellationToken)
                .ConfigureAwait(false));
        }

        var unreported = await interventions.UnreportedAsync(cancellationToken).ConfigureAwait(false);
        var (told, toldProblems) = Integrity.InterventionDigest.Plan(unreported, setup.Directory, today);
        setup = setup with
        {
            ExtraNotifications = [.. setup.ExtraNotifications, .. told],
            ExtraProblems = [.. setup.ExtraProblems, .. toldProblems],
        };

        // Keys are stored in column form (hashed when longer than the column): compare in that form.
        var all = WithExtras(EscalationPolicy.Plan(items, setup.Directory, setup.Calendar, setup.Options, today,
            new HashSet<string>(StringComparer.Ordinal)), setup);
        var fresh = all.Notifications.Where(n => !stored.Contains(EscalationKeys.ForColumn(n.IdempotencyKey))).ToList();
        var skipped = all.Notifications.Count - fresh.Count;
        var plan = all with { Notifications = fresh };
        var digests = EscalationDigestComposer.ComposeAll(plan, setup.Options.SubjectPrefix);

        if (dryRun)
        {
            return new EscalationRunReport(today, plan.IsWorkingDay, true, [.. digests.Select(d => new DigestOutcome(d,
                DigestStatus.Planned))], skipped, plan.Problems, stale, []);
        }

        var outcomes = new List<DigestOutcome>();
        var stopped = false;
        var continued = false;
        foreach (var digest in digests)
        {
            // A safe point: every digest before this one is sent and marked (or released, or left pending as unconfirmed).
            continued = continued || (!stopped && deadline.ShouldStop);
            if (stopped || continued)
            {
                outcomes.Add(new DigestOutcome(digest, DigestStatus.NotAttempted));
                continue;
            }

            deadline.Done();
            var claim = await log.ClaimAsync(digest.Notifications, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            skipped += claim.Taken.Count;
            failures.AddRange(claim.Failures);
            if (claim.Claimed.Count == 0)
            {
                outcomes.Add(new DigestOutcome(digest, claim.Failures.Count > 0 ? DigestStatus.NotAttempted : DigestStatus.Taken));
                continue;
            }

            // Send only what this run holds: a concurrent run may have claimed part of the same digest.
            var toSend = claim.Claimed.Count == digest.Notifications.Count
                ? digest
                : EscalationDigestComposer.Compose(digest.Recipient, claim.Claimed.Select(c => c.Notification), today,
                    setup.Options.SubjectPrefix);
            await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await mail.SendAsync(toSend, cancellationToken).ConfigureAwait(false);
            }
            catch (RemoteServiceException ex) when (IsDefinitiveRejection(ex))
            {
                failures.AddRange(await log.ReleaseAsync(claim.Claimed, cancellationToken).ConfigureAwait(false));
                outcomes.Add(new DigestOutcome(toSend, DigestStatus.Rejected, ex.Message));
                stopped = true;
                continue;
            }
            catch (RemoteServiceException ex)
            {
                outcomes.Add(new DigestOutcome(toSend, DigestStatus.Unconfirmed, ex.Message));
                stopped = true;
                continue;
            }

            failures.AddRange(await log.MarkSentAsync(claim.Claimed, today, cancellationToken).ConfigureAwait(false));
            outcomes.Add(new DigestOutcome(toSend, DigestStatus.Sent));
        }

        // Reported = told in a digest that went out; marked after the mail, never before.
        var sent = outcomes.Where(o => o.Status == DigestStatus.Sent).SelectMany(o => o.Digest.Notifications)
            .Select(n => n.Item.Key).ToHashSet(StringComparer.Ordinal);
        var reported = unreported.Where(u => sent.Contains(Integrity.InterventionDigest.ItemKey(u))).ToList();
        if (reported.Count > 0)
        {
            failures.AddRange(await interventions.MarkReportedAsync(reported, today, cancellationToken).ConfigureAwait(false));
        }

        if (continued)
        {
            deadline.StopIfDue("escalate");
        }

        return new EscalationRunReport(today, plan.IsWorkingDay, false, outcomes, skipped, plan.Problems, stale, failures);
    }

    private static EscalationPlan WithExtras(EscalationPlan plan, EscalationSetup setup)
    {
        if (!plan.IsWorkingDay || (setup.ExtraNotifications.Count == 0 && setup.ExtraProblems.Count == 0))
        {
            return plan;
        }

        var notifications = plan.Notifications.Concat(setup.ExtraNotifications)
            .OrderBy(n => n.Recipient.Key, StringComparer.Ordinal)
            .ThenBy(n => n.Item.LastDay)
            .ThenBy(n => n.Item.Key, StringComparer.Ordinal)
            .ToList();
        return plan with
        {
            Notifications = notifications,
            Problems = [.. plan.Problems.Concat(setup.ExtraProblems).Distinct(StringComparer.Ordinal)],
        };
    }
}
