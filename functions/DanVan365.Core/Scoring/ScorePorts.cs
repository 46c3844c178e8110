using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Scoring;

/// <summary>
/// A unit's score row as stored: its item id and its eTag as read (a write carries it in If-Match, so a change made
/// meanwhile is never overwritten).
/// </summary>
public sealed record StoredScore(ScoreRecord Record, string ItemId, string? ETag);

/// <summary>A row of Chấm điểm whose seal does not verify: not used by any rule, reported.</summary>
/// <param name="RowKey">The row's key as found.</param>
/// <param name="State">The state word as found.</param>
/// <param name="By">Who changed the row last (Graph's lastModifiedBy).</param>
/// <param name="At">When (Graph's lastModifiedDateTime).</param>
public sealed record IgnoredScore(string RowKey, string? State, FileModifier? By, DateTimeOffset? At)
{
    /// <summary>Why it is not used (Nhật ký can thiệp's reason column).</summary>
    public const string Reason = "Dòng chấm điểm không do DanVan365 ghi hoặc đã bị sửa ngoài hệ thống (chứng thực không khớp): " +
        "không dùng để xếp loại, nhắc việc, báo cáo; việc chấm điểm phải được thực hiện lại qua DanVan365.";

    /// <summary>The row's item id (a new proposal of the unit is written over the row: the key is the unit's).</summary>
    public string ItemId { get; init; } = string.Empty;

    /// <summary>The row's eTag as read.</summary>
    public string? ETag { get; init; }

    /// <summary>The record of it: the state column as found, nothing restored (the workflow's rows have no other source).</summary>
    public Intervention ToIntervention() => new(SiteSchema.Scores.DisplayName, RowKey,
        SiteSchema.Scores.Column(ScoreColumns.State).DisplayName, State, null, InterventionAction.Ignored, Reason, By, At);
}

/// <summary>Every row of Chấm điểm: those trusted, those that could not be read, those whose seal fails.</summary>
public sealed record ScoreListing(IReadOnlyList<StoredScore> Items, IReadOnlyList<string> Problems, IReadOnlyList<IgnoredScore> Ignored)
{
    /// <summary>The trusted row of (year, unit), or null.</summary>
    public StoredScore? Find(int year, string unitCode) => Items.FirstOrDefault(i => i.Record.Key == ScoreRows.KeyOf(year, unitCode));

    /// <summary>True when a row holds the key of (year, unit), trusted or not (the list's unique key refuses a second).</summary>
    public bool Holds(int year, string unitCode) =>
        Find(year, unitCode) is not null || Ignored.Any(i => i.RowKey == ScoreRows.KeyOf(year, unitCode));
}

/// <summary>The list Chấm điểm (<see cref="SiteSchema.Scores"/>). Implemented by the Graph adapter.</summary>
public interface IScoreReviewStore
{
    /// <summary>All rows (paged reads); rows whose seal fails go to <see cref="ScoreListing.Ignored"/> only.</summary>
    Task<ScoreListing> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Creates the row (sealed); false when its key is already taken (another write won the race).</summary>
    Task<bool> CreateAsync(ScoreRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="updated"/> over the row if it is still as read (If-Match <see cref="StoredScore.ETag"/>);
    /// false when it changed meanwhile (nothing written).
    /// </summary>
    Task<bool> UpdateAsync(StoredScore current, ScoreRecord updated, CancellationToken cancellationToken);
}

/// <summary>
/// Records the self score a unit's year-end submission carries (<see cref="Reporting.Submission.Review"/>'s
/// <see cref="Reporting.SelfScore"/>) as the unit's proposal, by the submission's maker. Implemented by
/// <see cref="Wards.WardScoring"/>; <see cref="Reporting.SubmissionIngest"/> calls it once the submission's rows are written.
/// </summary>
public interface ISelfScoreRecorder
{
    /// <summary>
    /// Null when the submission carries no self score; else what happened, in Vietnamese (recorded, or why not: the
    /// submission itself stands either way).
    /// </summary>
    /// <param name="catalogue">The decision the rules read.</param>
    /// <param name="submission">The accepted submission.</param>
    /// <param name="maker">"u:{object id}" of the person who made it, "op" for the app's operator, "-" when unknown.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<string?> RecordAsync(Catalogue.TaskCatalogue catalogue, Reporting.Submission submission, string maker,
        CancellationToken cancellationToken);
}
