using System.Globalization;
using DanVan365.Core.Text;

namespace DanVan365.Core.Reporting;

/// <summary>The general part of a year-end report as read from a template or a form, before checking (any normalisation).</summary>
public sealed record RawYearEndReview(string Strengths, string Weaknesses, string Causes, string NextYear, string Points, string Note);

/// <summary>
/// The general part of a year-end report (tổng kết, docs/architecture.md "The year-end review"): its labels, as the template and
/// the form show them, and the one check both pass.
/// </summary>
public static class YearEndReviews
{
    /// <summary>The first header cell of the template's general part (how the parser finds it).</summary>
    public const string Heading = "Nội dung tổng kết";

    /// <summary>The second header cell.</summary>
    public const string AnswerHeading = "Ý kiến của đơn vị";

    public const string StrengthsLabel = "Ưu điểm";

    public const string WeaknessesLabel = "Hạn chế";

    public const string CausesLabel = "Nguyên nhân";

    /// <summary>The start of the next year's label ("Phương hướng, nhiệm vụ năm 2027").</summary>
    public const string NextYearPrefix = "Phương hướng, nhiệm vụ năm";

    public const string SelfScoreLabel = "Tự chấm điểm (số điểm, từ 0 đến 100)";

    public const string SelfScoreNoteLabel = "Ghi chú tự chấm điểm";

    /// <summary>Highest self score.</summary>
    public const double MaxPoints = 100;

    /// <summary>"Phương hướng, nhiệm vụ năm 2027" for the programme year 2026.</summary>
    public static string NextYearLabel(int year) => string.Create(CultureInfo.InvariantCulture, $"{NextYearPrefix} {year + 1}");

    /// <summary>
    /// Checks a general part: each text at most <see cref="SubmissionRules.MaxCellLength"/> characters; the self score a number
    /// from 0 to 100 ("85" or "85,5"), given with or without a note, and only by a <paramref name="graded"/> unit (a requested
    /// unit is not graded). Returns null and no problem when everything is blank.
    /// </summary>
    public static (YearEndReview? Review, IReadOnlyList<SubmissionRejection> Problems) Validate(RawYearEndReview raw, bool graded)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var problems = new List<SubmissionRejection>();
        var texts = new[]
        {
            (StrengthsLabel, "strengths", SubmissionRules.Clean(raw.Strengths)),
            (WeaknessesLabel, "weaknesses", SubmissionRules.Clean(raw.Weaknesses)),
            (CausesLabel, "causes", SubmissionRules.Clean(raw.Causes)),
            (NextYearPrefix + " sau", "nextYear", SubmissionRules.Clean(raw.NextYear)),
            (SelfScoreNoteLabel, "selfScoreNote", SubmissionRules.Clean(raw.Note)),
        };
        foreach (var (label, field, text) in texts)
        {
            if (text.Length > SubmissionRules.MaxCellLength)
            {
                problems.Add(new(RejectionKind.TextTooLong, string.Create(CultureInfo.InvariantCulture,
                    $"Mục \"{label}\" dài {text.Length} ký tự, quá giới hạn {SubmissionRules.MaxCellLength} ký tự."), null, field));
            }
        }

        var points = SubmissionRules.Clean(raw.Points);
        var note = texts[4].Item3;
        SelfScore? self = null;
        if (points.Length > 0 || note.Length > 0)
        {
            if (!graded)
            {
                problems.Add(new(RejectionKind.BadSelfScore,
                    "Đơn vị được đề nghị phối hợp không tự chấm điểm; để trống mục tự chấm điểm.", null, "selfScore"));
            }
            else if (ParsePoints(points) is { } value)
            {
                self = new SelfScore(value, note);
            }
            else
            {
                problems.Add(new(RejectionKind.BadSelfScore, points.Length == 0
                    ? "Có ghi chú tự chấm điểm nhưng chưa ghi số điểm."
                    : $"Số điểm tự chấm \"{Shorten(points)}\" không hợp lệ: ghi một số từ 0 đến 100, ví dụ 85 hoặc 85,5.",
                    null, "selfScore"));
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var review = new YearEndReview(texts[0].Item3, texts[1].Item3, texts[2].Item3, texts[3].Item3, self);
        var blank = review.Strengths.Length == 0 && review.Weaknesses.Length == 0 && review.Causes.Length == 0
            && review.NextYear.Length == 0 && self is null;
        return (blank ? null : review, []);
    }

    /// <summary>"85", "85,5" or "85.5" (optionally followed by "điểm") → 85.5; null when not a number from 0 to 100.</summary>
    public static double? ParsePoints(string? text)
    {
        var value = VietnameseText.Nfc(text ?? string.Empty).Trim();
        if (value.EndsWith("điểm", StringComparison.OrdinalIgnoreCase))
        {
            value = value[..^"điểm".Length].TrimEnd();
        }

        value = value.Replace(',', '.');
        return value.Length is > 0 and <= 8
            && double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var points)
            && points is >= 0 and <= MaxPoints
            ? Math.Round(points, 2)
            : null;
    }

    /// <summary>Points as the template, the form and the report write them: "85", "85,5".</summary>
    public static string FormatPoints(double points) =>
        points.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
