namespace DanVan365.Core.Reporting;

/// <summary>A unit's own score as its year-end template or the web form proposes it (docs/architecture.md "Scoring").</summary>
/// <param name="Points">Points on the scoring model's scale (0–100).</param>
/// <param name="Note">The unit's note on why.</param>
public sealed record SelfScore(double Points, string Note);

/// <summary>
/// The general part of a unit's year-end report (tổng kết, docs/architecture.md "The year-end review"): what went well,
/// what fell short and why, and what the unit proposes for next year; with its own score when it gives one.
/// </summary>
/// <param name="Strengths">Ưu điểm.</param>
/// <param name="Weaknesses">Hạn chế.</param>
/// <param name="Causes">Nguyên nhân.</param>
/// <param name="NextYear">Phương hướng, nhiệm vụ năm sau.</param>
/// <param name="SelfScore">Tự chấm điểm, or null when left blank.</param>
public sealed record YearEndReview(string Strengths, string Weaknesses, string Causes, string NextYear, SelfScore? SelfScore);
