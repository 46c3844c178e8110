namespace DanVan365.Core.Scoring;

/// <summary>Where a unit's score stands in the workflow (docs/architecture.md "Scoring").</summary>
public enum ScoreReviewState
{
    /// <summary>Chưa tự chấm: the unit has not proposed its score.</summary>
    NotProposed,

    /// <summary>Đã tự chấm: proposed by the unit, waiting for Phòng Văn hóa - Xã hội's appraisal.</summary>
    Proposed,

    /// <summary>Đã thẩm định: appraised, waiting for the signer's approval.</summary>
    Appraised,

    /// <summary>Đã phê duyệt: approved by the signer (final).</summary>
    Approved,
}

/// <summary>A step of the workflow as recorded: who, when, how many points and why.</summary>
/// <param name="Points">The points given at this step (null for the approval, which approves the appraised points).</param>
/// <param name="Text">The unit's note (proposal) or the reason for a change (appraisal); empty when none.</param>
/// <param name="By">The person's address as the unit directory records it.</param>
/// <param name="At">When (ward time).</param>
public sealed record ScoreStep(double? Points, string Text, string By, DateTimeOffset At);

/// <summary>
/// A unit's row of list "Chấm điểm": its proposal, the appraisal and the approval. Read from the list and trusted only
/// when its seal verifies (docs/architecture.md "Records people can trust").
/// </summary>
/// <param name="Year">The programme year.</param>
/// <param name="UnitCode">The unit.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Proposed">The unit's own score and note, or null.</param>
/// <param name="Appraised">Phòng Văn hóa - Xã hội's points and reason, or null.</param>
/// <param name="Approved">The signer's approval, or null.</param>
public sealed record ScoreReview(
    int Year,
    string UnitCode,
    ScoreReviewState State,
    ScoreStep? Proposed,
    ScoreStep? Appraised,
    ScoreStep? Approved);

/// <summary>
/// One unit of the scoring table, as the dashboard, `danvan365 score` and the year-end report's appendix show it: the
/// computed score beside the proposed and appraised ones, and the grade of the points that count (approved, else
/// appraised, else proposed, else computed: <see cref="FinalPoints"/>).
/// </summary>
/// <param name="Computed">The computed score with its lines.</param>
/// <param name="Review">The workflow's row, or null when nothing was recorded.</param>
/// <param name="FinalPoints">The points that count now, null for a unit not graded.</param>
/// <param name="FinalGrade">Their grade, null for a unit not graded.</param>
public sealed record ScoreBoardRow(UnitScore Computed, ScoreReview? Review, double? FinalPoints, ScoreGrade? FinalGrade);
