using DanVan365.Core.Catalogue;
using DanVan365.Core.Integrity;
using DanVan365.Core.Proposals;
using DanVan365.Core.Scoring;
using DanVan365.Core.Time;

namespace DanVan365.Core.Wards;

/// <summary>
/// The scoring table of a year: every unit's computed score beside its row of Chấm điểm (<see cref="ScoreBoardRow"/>), in the
/// sheet's order (assigned units first), the model's grade thresholds, and the rows not trusted (their seal fails) or not read.
/// </summary>
public sealed record ScoreBoard(int Year, DateOnly AsOf, IReadOnlyList<ScoreBoardRow> Rows, GradeThresholds Grades,
    IReadOnlyList<IgnoredScore> Ignored, IReadOnlyList<string> Problems)
{
    /// <summary>The row of <paramref name="unitCode"/>, or null.</summary>
    public ScoreBoardRow? Find(string unitCode) => Rows.FirstOrDefault(r => r.Computed.UnitCode == unitCode?.Trim());

    /// <summary>The trusted rows of the year by unit code (with the object ids the rules compare).</summary>
    public IReadOnlyDictionary<string, ScoreRecord> Records { get; init; } = new Dictionary<string, ScoreRecord>();

    /// <summary>Codes of the graded units.</summary>
    public IReadOnlyList<string> Graded => [.. Rows.Where(r => r.Computed.Graded).Select(r => r.Computed.UnitCode)];
}

/// <summary>What a scoring action did: the table as it now stands, or the refusal (nothing written).</summary>
public sealed record ScoringResult(ScoreBoard? Board, ProposalRefusal? Refusal, bool IsRepeated = false)
{
    public bool IsAccepted => Refusal is null;
}

/// <summary>
/// Use case (issue 24): the units' scores through the year's close — the board (<see cref="ScoreBoard"/>: the computed score of
/// <see cref="WardScores"/> beside the proposed, appraised and approved ones of list Chấm điểm), and the workflow's steps
/// (propose, appraise, approve) under <see cref="ScoreReviewRules"/>. Every write holds the ward's lease and carries the row's
/// eTag as read (a change made meanwhile: <see cref="ScoreRuleCodes.ChangedMeanwhile"/>, nothing written); a refusal writes
/// nothing. Rows whose seal fails are used by nothing and reported (<see cref="ScoreBoard.Ignored"/>); a unit's new proposal is
/// written over such a row once it is recorded in Nhật ký can thiệp.
/// </summary>
public sealed class WardScoring(WardContext ward, WardScores scores, IScoreReviewStore store, ProposalOptions options,
    ScoringOptions scoring, TimeProvider clock, WardRunLease lease, IInterventionLog interventions)
    : ISelfScoreRecorder, IScoreBoardSource
{
    /// <summary>The rules for <paramref name="catalogue"/>'s decision (its year, signer and aggregating unit).</summary>
    public ScoreReviewRules Rules(TaskCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return new ScoreReviewRules(new ProposalAuthority(ward.Units, catalogue.Decision, options), catalogue.Decision.Date.Year);
    }

    /// <summary>The table as of today.</summary>
    public async Task<ScoreBoard> BoardAsync(TaskCatalogue catalogue, CancellationToken cancellationToken)
    {
        var sheet = await SheetAsync(catalogue, cancellationToken).ConfigureAwait(false);
        var listing = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
        return Board(sheet, listing);
    }

    /// <summary>The computed scores of <paramref name="catalogue"/>, the decision the caller holds (<see cref="WardScores"/>).</summary>
    private Task<ScoreSheet> SheetAsync(TaskCatalogue catalogue, CancellationToken cancellationToken) =>
        scores.ComputeAsync(catalogue, cancellationToken);

    /// <summary>The year-end report's scoring appendix: the table's rows as of today.</summary>
    async Task<IReadOnlyList<ScoreBoardRow>> IScoreBoardSource.ReadAsync(TaskCatalogue catalogue, CancellationToken cancellationToken) =>
        (await BoardAsync(catalogue, cancellationToken).ConfigureAwait(false)).Rows;

    /// <summary>A unit's person proposes its score (replacing a proposal not yet appraised); idempotent by client request id.</summary>
    public Task<ScoringResult> ProposeAsync(TaskCatalogue catalogue, string unitCode, double? points, string? note, string? requestId,
        string actor, CancellationToken cancellationToken) =>
        ActAsync("score-propose", catalogue, (rules, board, listing) =>
            rules.Propose(unitCode, points, note, requestId, actor, listing.Find(rules.Year, Code(unitCode))?.Record,
                WardTime.Now(clock)), cancellationToken);

    /// <summary>A person of the aggregating unit appraises a unit's proposed score.</summary>
    public Task<ScoringResult> AppraiseAsync(TaskCatalogue catalogue, string unitCode, double? points, string? reason, string actor,
        CancellationToken cancellationToken) =>
        ActAsync("score-appraise", catalogue, (rules, board, listing) =>
            rules.Appraise(unitCode, points, reason, actor, listing.Find(rules.Year, Code(unitCode))?.Record, WardTime.Now(clock)),
            cancellationToken);

    /// <summary>The signer (or a deputy) approves the whole appraised table.</summary>
    public Task<ScoringResult> ApproveAsync(TaskCatalogue catalogue, string actor, CancellationToken cancellationToken) =>
        ActAsync("score-approve", catalogue, (rules, board, listing) =>
            rules.Approve(board.Graded, Records(listing), actor, WardTime.Now(clock)), cancellationToken);

    /// <summary>
    /// A year-end submission's self score becomes the unit's proposal, by the person who made the submission (found by object id
    /// in the directory). Never throws for the score's sake: whatever stops it is told in the answer, and the submission stands.
    /// </summary>
    public async Task<string?> RecordAsync(TaskCatalogue catalogue, Reporting.Submission submission, string maker,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.Review?.SelfScore is not { } self)
        {
            return null;
        }

        var person = maker is { Length: > 2 } m && m.StartsWith("u:", StringComparison.Ordinal)
            ? ward.Units.People.FirstOrDefault(p => Reporting.ReportSubmitters.SameId(p.ObjectId, m[2..]))
            : null;
        const string NotRecorded = "Chưa ghi điểm tự chấm trong báo cáo: ";
        if (person is null)
        {
            return NotRecorded + "không xác định được người lập báo cáo trong danh bạ đơn vị; đơn vị hãy tự chấm điểm qua DanVan365.";
        }

        try
        {
            var result = await ProposeAsync(catalogue, submission.UnitCode, self.Points, self.Note, null, person.Email,
                cancellationToken).ConfigureAwait(false);
            return result.Refusal is { } refusal
                ? NotRecorded + refusal.Message
                : $"Đã ghi điểm tự chấm {ScoreReviewRules.Points(self.Points)} điểm của đơn vị (người tự chấm: {person.DisplayName}).";
        }
        catch (NoDecisionException)
        {
            return NotRecorded + "thư viện chưa có quyết định để chấm điểm.";
        }
        catch (Errors.RemoteServiceException)
        {
            return NotRecorded + "danh sách Chấm điểm đang bận hoặc chưa sẵn sàng; đơn vị hãy tự chấm điểm lại qua DanVan365.";
        }
    }

    /// <summary>
    /// Today's reminders of the scoring (<see cref="ScoreReminders"/>) and the rows whose seal fails (for the run to record);
    /// nothing before <see cref="ScoringOptions.OpensFor"/> (the table is not even computed then) or without a library decision.
    /// </summary>
    public async Task<(ScoreReminderPlan Plan, IReadOnlyList<IgnoredScore> Ignored)> RemindersAsync(TaskCatalogue catalogue,
        Escalation.WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var rules = Rules(catalogue);
        var today = WardTime.Today(clock);
        if (today < scoring.OpensFor(rules.Year))
        {
            return (ScoreReminderPlan.None, []);
        }

        ScoreBoard board;
        try
        {
            board = await BoardAsync(catalogue, cancellationToken).ConfigureAwait(false);
        }
        catch (NoDecisionException)
        {
            return (ScoreReminderPlan.None, []);
        }

        return (ScoreReminders.Plan(board.Year, board.Rows, board.Records, rules, scoring, calendar, today), board.Ignored);
    }

    /// <summary>The trusted rows of the year by unit code.</summary>
    public static IReadOnlyDictionary<string, ScoreRecord> Records(ScoreListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return listing.Items.GroupBy(i => i.Record.Review.UnitCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Record, StringComparer.Ordinal);
    }

    private async Task<ScoringResult> ActAsync(string purpose, TaskCatalogue catalogue,
        Func<ScoreReviewRules, ScoreBoard, ScoreListing, ScoreChange> act, CancellationToken cancellationToken)
    {
        var rules = Rules(catalogue);
        return await lease.RunAsync(purpose, async token =>
        {
            var sheet = await SheetAsync(catalogue, token).ConfigureAwait(false);
            var listing = Of(await store.ReadAsync(token).ConfigureAwait(false), sheet.Year);
            var board = Board(sheet, listing);
            var change = act(rules, board, listing);
            if (change.Refusal is { } refusal)
            {
                return new ScoringResult(null, refusal);
            }

            if (!change.IsRepeated && !await WriteAsync(change.Records, listing, token).ConfigureAwait(false))
            {
                return new ScoringResult(null, new ProposalRefusal(ScoreRuleCodes.ChangedMeanwhile, RefusalKind.Conflict,
                    "Bảng điểm vừa được người khác cập nhật trong lúc anh/chị thao tác; chưa ghi gì, hãy tải lại và thử lại."));
            }

            var written = change.Records.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            var items = listing.Items.Where(i => !written.Contains(i.Record.Key))
                .Concat(change.Records.Select(r => new StoredScore(r, string.Empty, null))).ToList();
            var ignored = listing.Ignored.Where(i => !written.Contains(i.RowKey)).ToList();
            return new ScoringResult(Board(sheet, listing with { Items = items, Ignored = ignored }), null, change.IsRepeated);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the rows (each with If-Match); when one changed meanwhile, the rows this call already wrote are put back as they
    /// were and false is returned.
    /// </summary>
    private async Task<bool> WriteAsync(IReadOnlyList<ScoreRecord> records, ScoreListing listing, CancellationToken cancellationToken)
    {
        var done = new List<(StoredScore Before, ScoreRecord After)>();
        foreach (var record in records)
        {
            var year = record.Review.Year;
            var unit = record.Review.UnitCode;
            bool ok;
            if (listing.Find(year, unit) is { } current)
            {
                ok = await store.UpdateAsync(current, record, cancellationToken).ConfigureAwait(false);
                if (ok)
                {
                    done.Add((current, record));
                }
            }
            else if (listing.Ignored.FirstOrDefault(i => i.RowKey == record.Key) is { } forged)
            {
                await RecordIgnoredAsync([forged], cancellationToken).ConfigureAwait(false);
                ok = await store.UpdateAsync(new StoredScore(record, forged.ItemId, forged.ETag), record, cancellationToken)
                    .ConfigureAwait(false);
            }
            else
            {
                ok = await store.CreateAsync(record, cancellationToken).ConfigureAwait(false);
            }

            if (!ok)
            {
                foreach (var (before, _) in done)
                {
                    // Under the lease nobody else writes through DanVan365: put back what this call wrote.
                    await store.UpdateAsync(before with { ETag = null }, before.Record, cancellationToken).ConfigureAwait(false);
                }

                return false;
            }
        }

        return true;
    }

    /// <summary>Records rows whose seal fails in Nhật ký can thiệp (once: the log's key holds the row, the value and the time).</summary>
    public async Task RecordIgnoredAsync(IReadOnlyList<IgnoredScore> ignored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ignored);
        if (ignored.Count == 0)
        {
            return;
        }

        var failures = await interventions.RecordAsync([.. ignored.Select(i => i.ToIntervention())], WardTime.Today(clock),
            cancellationToken).ConfigureAwait(false);
        if (failures.Count > 0)
        {
            throw new Errors.RemoteServiceException("record interventions", 500, "interventionNotSaved", null,
                string.Join("; ", failures.Select(f => f.Key + ": " + f.Reason)));
        }
    }

    private ScoreBoard Board(ScoreSheet sheet, ScoreListing listing)
    {
        var grades = ward.Scoring.Grades;
        var records = Records(Of(listing, sheet.Year));
        var rows = sheet.Units.Select(unit =>
        {
            var review = records.GetValueOrDefault(unit.UnitCode)?.Review;
            double? final = !unit.Graded ? null
                : review?.Appraised is { Points: { } a } && review.State is ScoreReviewState.Appraised or ScoreReviewState.Approved ? a
                : review?.Proposed is { Points: { } p } ? p
                : unit.Points;
            return new ScoreBoardRow(unit, review, final, final is { } f ? grades.GradeOf(f) : null);
        }).ToList();
        return new ScoreBoard(sheet.Year, sheet.AsOf, rows, grades, listing.Ignored, listing.Problems) { Records = records };
    }

    /// <summary>Only the rows of <paramref name="year"/> (rows of other years stay in the list, as history).</summary>
    private static ScoreListing Of(ScoreListing listing, int year) =>
        listing with { Items = [.. listing.Items.Where(i => i.Record.Review.Year == year)] };

    private static string Code(string? unitCode) => (unitCode ?? string.Empty).Trim();
}
