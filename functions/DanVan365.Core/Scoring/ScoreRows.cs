using System.Globalization;
using DanVan365.Core.Integrity;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;

namespace DanVan365.Core.Scoring;

/// <summary>
/// A unit's row of Chấm điểm as DanVan365 keeps it: the <see cref="ScoreReview"/> the rules read, and beside it the hidden
/// values of the row (the Entra object ids of the people at each step, as Trả lại báo cáo keeps its returner's, and the client
/// request id of the latest proposal, which makes a repeated proposal a no-op).
/// </summary>
public sealed record ScoreRecord(ScoreReview Review)
{
    public string? ProposedById { get; init; }

    public string? AppraisedById { get; init; }

    public string? ApprovedById { get; init; }

    public string? RequestId { get; init; }

    /// <summary>The row's key, "year|unitCode".</summary>
    public string Key => ScoreRows.KeyOf(Review.Year, Review.UnitCode);
}

/// <summary>
/// A Chấm điểm row (<see cref="SiteSchema.Scores"/>) ↔ <see cref="ScoreRecord"/>, sealed like every row DanVan365 owns
/// (docs/architecture.md "Records people can trust"): the seal covers every column but Title and the seal itself, so a
/// score, a state, a name or a time typed in SharePoint makes the row untrusted (<see cref="IgnoredScore"/>).
/// </summary>
public static class ScoreRows
{
    /// <summary>"Chưa tự chấm".</summary>
    public const string NotProposedWord = "Chưa tự chấm";

    /// <summary>"Đã tự chấm".</summary>
    public const string ProposedWord = "Đã tự chấm";

    /// <summary>"Đã thẩm định".</summary>
    public const string AppraisedWord = "Đã thẩm định";

    /// <summary>"Đã phê duyệt".</summary>
    public const string ApprovedWord = "Đã phê duyệt";

    /// <summary>Choice values of <see cref="ScoreColumns.State"/>, in workflow order.</summary>
    public static readonly IReadOnlyList<string> StateWords = [NotProposedWord, ProposedWord, AppraisedWord, ApprovedWord];

    private const string AtFormat = "HH:mm 'ngày' dd/MM/yyyy";

    private static ListDefinition List => SiteSchema.Scores;

    /// <summary>The Vietnamese word of a state.</summary>
    public static string Word(this ScoreReviewState state) => StateWords[(int)state];

    /// <summary>The key of (year, unit): "2026|VHXH".</summary>
    public static string KeyOf(int year, string unitCode) => string.Create(CultureInfo.InvariantCulture, $"{year}|{unitCode}");

    /// <summary>The row's owned values (Title included; without the seal).</summary>
    public static Dictionary<string, string?> Values(ScoreRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var r = record.Review;
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [SiteSchema.Title] = FieldValues.Text(record.Key),
            [ScoreColumns.Key] = FieldValues.Text(record.Key),
            [ScoreColumns.Year] = FieldValues.Number(r.Year),
            [ScoreColumns.UnitCode] = FieldValues.Text(r.UnitCode),
            [ScoreColumns.State] = r.State.Word(),
            [ScoreColumns.ProposedPoints] = FieldValues.Number(r.Proposed?.Points),
            [ScoreColumns.ProposedNote] = FieldValues.Text(r.Proposed?.Text),
            [ScoreColumns.ProposedBy] = FieldValues.Text(r.Proposed?.By),
            [ScoreColumns.ProposedById] = FieldValues.Text(record.ProposedById),
            [ScoreColumns.ProposedAt] = At(r.Proposed),
            [ScoreColumns.RequestId] = FieldValues.Text(record.RequestId),
            [ScoreColumns.AppraisedPoints] = FieldValues.Number(r.Appraised?.Points),
            [ScoreColumns.AppraisedReason] = FieldValues.Text(r.Appraised?.Text),
            [ScoreColumns.AppraisedBy] = FieldValues.Text(r.Appraised?.By),
            [ScoreColumns.AppraisedById] = FieldValues.Text(record.AppraisedById),
            [ScoreColumns.AppraisedAt] = At(r.Appraised),
            [ScoreColumns.ApprovedBy] = FieldValues.Text(r.Approved?.By),
            [ScoreColumns.ApprovedById] = FieldValues.Text(record.ApprovedById),
            [ScoreColumns.ApprovedAt] = At(r.Approved),
        };
    }

    /// <summary>The values to write, with their seal.</summary>
    public static Dictionary<string, string?> SealedValues(ScoreRecord record, RecordSeal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var values = Values(record);
        values[SiteSchema.Seal] = seal.Seal(List.Key, record.Key, Covered(values));
        return values;
    }

    /// <summary>Whether DanVan365 wrote the row as it is.</summary>
    public static SealCheck Check(CurrentRow row, RecordSeal seal)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(seal);
        return seal.Verify(List.Key, row.Key, Covered(row.Fields), row.Fields.GetValueOrDefault(SiteSchema.Seal));
    }

    /// <summary>
    /// Reads a row whose seal verified. False with a Vietnamese <paramref name="problem"/> when a value cannot be read (never
    /// guessed).
    /// </summary>
    public static bool TryRead(CurrentRow row, out ScoreRecord? record, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(row);
        record = null;
        problem = null;
        string? Get(string name) => FieldValues.Text(row.Fields.GetValueOrDefault(name)?.Trim());
        var label = Get(ScoreColumns.Key) ?? row.Key;
        var stateAt = StateWords.ToList().IndexOf(Get(ScoreColumns.State) ?? string.Empty);
        if (!double.TryParse(Get(ScoreColumns.Year), NumberStyles.Float, CultureInfo.InvariantCulture, out var year)
            || Get(ScoreColumns.UnitCode) is not { } unit || stateAt < 0)
        {
            problem = $"Dòng chấm điểm {label}: thiếu năm, mã đơn vị hoặc trạng thái không hợp lệ.";
            return false;
        }

        if (!TryStep(Get(ScoreColumns.ProposedPoints), Get(ScoreColumns.ProposedNote), Get(ScoreColumns.ProposedBy),
                Get(ScoreColumns.ProposedAt), out var proposed)
            || !TryStep(Get(ScoreColumns.AppraisedPoints), Get(ScoreColumns.AppraisedReason), Get(ScoreColumns.AppraisedBy),
                Get(ScoreColumns.AppraisedAt), out var appraised)
            || !TryStep(null, null, Get(ScoreColumns.ApprovedBy), Get(ScoreColumns.ApprovedAt), out var approved))
        {
            problem = $"Dòng chấm điểm {label}: điểm hoặc thời gian không đọc được.";
            return false;
        }

        var review = new ScoreReview((int)year, unit, (ScoreReviewState)stateAt, proposed, appraised, approved);
        record = new ScoreRecord(review)
        {
            ProposedById = Get(ScoreColumns.ProposedById),
            AppraisedById = Get(ScoreColumns.AppraisedById),
            ApprovedById = Get(ScoreColumns.ApprovedById),
            RequestId = Get(ScoreColumns.RequestId),
        };
        return true;
    }

    /// <summary>"09:00 ngày 10/12/2026" (ward time), or null.</summary>
    private static string? At(ScoreStep? step) =>
        step?.At.ToOffset(WardTime.Offset).ToString(AtFormat, CultureInfo.InvariantCulture);

    private static bool TryStep(string? points, string? text, string? by, string? at, out ScoreStep? step)
    {
        step = null;
        if (by is null && at is null)
        {
            return points is null;
        }

        double? value = null;
        if (points is not null)
        {
            if (!double.TryParse(points, NumberStyles.Float, CultureInfo.InvariantCulture, out var p))
            {
                return false;
            }

            value = p;
        }

        if (by is null || !DateTime.TryParseExact(at, AtFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var when))
        {
            return false;
        }

        step = new ScoreStep(value, text ?? string.Empty, by, new DateTimeOffset(when, WardTime.Offset));
        return true;
    }

    /// <summary>The values the seal covers: every column but Title and the seal, canonical.</summary>
    private static Dictionary<string, string?> Covered(IReadOnlyDictionary<string, string?> fields) =>
        List.Columns.Where(c => c.Name != SiteSchema.Seal)
            .ToDictionary(c => c.Name, c => FieldValues.Text(fields.GetValueOrDefault(c.Name)), StringComparer.Ordinal);
}
