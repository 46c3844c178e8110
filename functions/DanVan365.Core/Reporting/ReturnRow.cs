using System.Globalization;
using DanVan365.Core.Integrity;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;

namespace DanVan365.Core.Reporting;

/// <summary>
/// One return of a unit's submission for a round (issue 23): who returned it, when, why, and what was returned (the archived
/// values). <see cref="ResubmittedOn"/> is null while the return is open ("Trả lại, đề nghị bổ sung"): the unit's new
/// submission closes it.
/// </summary>
public sealed record SubmissionReturn(string Key, int Round, string UnitCode, string Reason, string ReturnedBy, string? ReturnedById,
    DateTimeOffset ReturnedAt, string ReturnedContent, DateOnly? ResubmittedOn)
{
    /// <summary>True while the unit has not submitted again.</summary>
    public bool IsOpen => ResubmittedOn is null;
}

/// <summary>A return as read from the list: its item and eTag (to close it with If-Match).</summary>
public sealed record RecordedReturn(string ItemId, string? ETag, SubmissionReturn Return);

/// <summary>
/// The (round, unit) submissions that are returned and not yet submitted again, from the sealed rows of Trả lại báo cáo only:
/// what <see cref="RoundReports"/> leaves out of "reported". A row a person added or edited in the list does not verify and
/// returns nothing.
/// </summary>
public sealed class ReturnedSubmissions
{
    private readonly Dictionary<(int Round, string Unit), SubmissionReturn> _open;

    public ReturnedSubmissions(IEnumerable<SubmissionReturn> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        _open = returns.Where(r => r.IsOpen)
            .GroupBy(r => (r.Round, r.UnitCode))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.ReturnedAt).Last());
    }

    /// <summary>No submission is returned.</summary>
    public static ReturnedSubmissions None { get; } = new([]);

    /// <summary>True when the submission of <paramref name="unitCode"/> for <paramref name="round"/> is returned.</summary>
    public bool IsReturned(int round, string unitCode) => _open.ContainsKey((round, unitCode));

    /// <summary>The open return of (round, unit), or null.</summary>
    public SubmissionReturn? Of(int round, string unitCode) => _open.GetValueOrDefault((round, unitCode));
}

/// <summary>
/// A Trả lại báo cáo row (<see cref="SiteSchema.Returns"/>) ↔ <see cref="SubmissionReturn"/>, sealed like every row DanVan365
/// owns (docs/architecture.md "Records people can trust"): the seal covers every column but itself.
/// </summary>
public static class ReturnRow
{
    /// <summary>The state word of an open return, as the unit and the dashboard read it.</summary>
    public const string ReturnedWord = "Trả lại, đề nghị bổ sung";

    /// <summary>The state word of a return the unit answered with a new submission.</summary>
    public const string ResubmittedWord = "Đã nộp lại";

    /// <summary>Choice values of <see cref="ReturnColumns.State"/>.</summary>
    public static readonly IReadOnlyList<string> StateWords = [ReturnedWord, ResubmittedWord];

    private const string AtFormat = "HH:mm 'ngày' dd/MM/yyyy";

    /// <summary>The key of the <paramref name="number"/>-th return of (round, unit): "round|unitCode|n".</summary>
    public static string KeyOf(int round, string unitCode, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{round}|{unitCode}|{number}");

    /// <summary>The owned values of a return (Title included; without the seal).</summary>
    public static Dictionary<string, string?> Values(SubmissionReturn value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [SiteSchema.Title] = value.Key,
            [ReturnColumns.Key] = value.Key,
            [ReturnColumns.Round] = FieldValues.Number(value.Round),
            [ReturnColumns.UnitCode] = value.UnitCode,
            [ReturnColumns.State] = value.IsOpen ? ReturnedWord : ResubmittedWord,
            [ReturnColumns.Reason] = value.Reason,
            [ReturnColumns.ReturnedBy] = value.ReturnedBy,
            [ReturnColumns.ReturnedById] = value.ReturnedById,
            [ReturnColumns.ReturnedAt] = value.ReturnedAt.ToOffset(WardTime.Offset).ToString(AtFormat, CultureInfo.InvariantCulture),
            [ReturnColumns.ReturnedContent] = FieldValues.Text(value.ReturnedContent),
            [ReturnColumns.ResubmittedOn] = FieldValues.Date(value.ResubmittedOn),
        };
    }

    /// <summary>The values the seal covers: every column of the list but the seal.</summary>
    public static IReadOnlyDictionary<string, string?> Sealed(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return SiteSchema.Returns.Columns.Where(c => c.Name != SiteSchema.Seal)
            .ToDictionary(c => c.Name, c => fields.GetValueOrDefault(c.Name), StringComparer.Ordinal);
    }

    /// <summary>The values to write, with their seal.</summary>
    public static Dictionary<string, string?> SealedValues(SubmissionReturn value, RecordSeal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var values = Values(value);
        values[SiteSchema.Seal] = seal.Seal(SiteSchema.Returns.Key, value.Key, Sealed(values));
        return values;
    }

    /// <summary>Reads a row back; null when DanVan365 did not write it (the seal does not verify) or it is unreadable.</summary>
    public static RecordedReturn? Read(CurrentRow row, RecordSeal seal)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(seal);
        var f = row.Fields;
        if (seal.Verify(SiteSchema.Returns.Key, row.Key, Sealed(f), f.GetValueOrDefault(SiteSchema.Seal)) == SealCheck.Broken
            || !double.TryParse(f.GetValueOrDefault(ReturnColumns.Round), NumberStyles.Float, CultureInfo.InvariantCulture, out var round)
            || f.GetValueOrDefault(ReturnColumns.UnitCode) is not { Length: > 0 } unit
            || !DateTime.TryParseExact(f.GetValueOrDefault(ReturnColumns.ReturnedAt), AtFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var at))
        {
            return null;
        }

        var value = new SubmissionReturn(row.Key, (int)round, unit, f.GetValueOrDefault(ReturnColumns.Reason) ?? string.Empty,
            f.GetValueOrDefault(ReturnColumns.ReturnedBy) ?? string.Empty, f.GetValueOrDefault(ReturnColumns.ReturnedById),
            new DateTimeOffset(at, WardTime.Offset), f.GetValueOrDefault(ReturnColumns.ReturnedContent) ?? string.Empty,
            FieldValues.ParseDate(f.GetValueOrDefault(ReturnColumns.ResubmittedOn)));
        return new RecordedReturn(row.ItemId, row.ETag, value);
    }

    /// <summary>
    /// What was returned, as a clerk reads it: one paragraph per task with the four cells the unit filled and the day they were
    /// recorded (the archive copy of the returned rows: the resubmission overwrites the rows, this keeps them).
    /// </summary>
    public static string Archive(IEnumerable<ReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return string.Join("\n", rows.OrderBy(r => r.TaskCode, StringComparer.Ordinal).Select(r =>
            $"Nhiệm vụ {r.TaskCode}"
            + (r.SubmittedOn is { } on ? " (ghi nhận ngày " + on.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + ")" : "")
            + $": Kết quả thực hiện: {Shown(r.Result)}; Mức độ hoàn thành: {Shown(r.Completion)}; "
            + $"Khó khăn, vướng mắc: {Shown(r.Difficulties)}; Đề xuất, kiến nghị: {Shown(r.Proposals)}."));
    }

    private static string Shown(string? value) => FieldValues.Text(value) ?? "(trống)";
}
