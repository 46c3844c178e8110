using System.Globalization;
using System.Text.RegularExpressions;
using DanVan365.Core.Catalogue;

namespace DanVan365.Core.NextYear;

/// <summary>
/// Moves a time-frame cell or a reporting round one year later, as written (docs/architecture.md "Next year's draft"):
/// "Quý IV/2026" → "Quý IV/2027", "Tháng 8/2026" → "Tháng 8/2027", "Năm 2026 và các năm tiếp theo" → "Năm 2027 và các
/// năm tiếp theo", "Hoàn thành trước 30/11/2026" → "Hoàn thành trước 30/11/2027" (the day and month keep their written
/// width: "15/02" stays padded, "15/2" not). Every year in the cell moves, whatever it is; the rest of the wording is kept.
/// A written 29/02, which the next year lacks, becomes 01/03: "trước 29/02" allowed the work through 28/02, and "trước
/// 01/03" keeps that last day. "Thường xuyên" has no date and stays as it is.
/// </summary>
public static partial class NextYearDates
{
    /// <summary>The written date one year later (29/02 → 01/03 of a year without it).</summary>
    public static DateOnly Move(DateOnly written) =>
        written is { Month: 2, Day: 29 } ? new DateOnly(written.Year + 1, 3, 1) : written.AddYears(1);

    /// <summary>
    /// The cell of <paramref name="frame"/> one year later; re-read by <see cref="TimeFrameParser"/> it is of the same kind
    /// (checked: anything else is a bug, not bad input).
    /// </summary>
    public static string Move(TimeFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var moved = frame.Kind switch
        {
            TimeFrameKind.Ongoing => frame.Text,
            TimeFrameKind.Before => MoveDates(frame.Text),
            _ => YearRegex().Replace(frame.Text, m => Year(m.Value)),
        };
        var check = TimeFrameParser.TryParse(moved);
        if (check.Status != TimeFrameParseStatus.Ok || check.TimeFrame!.Kind != frame.Kind)
        {
            throw new InvalidOperationException($"\"{frame.Text}\" moved to \"{moved}\", which no longer reads as {frame.Kind}.");
        }

        return moved;
    }

    /// <summary>A reporting round's words one year later: "lần 1 trước ngày 15/9/2026" → "lần 1 trước ngày 15/9/2027".</summary>
    public static string Move(ReportingRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return MoveDates(round.Text);
    }

    /// <summary>True when <paramref name="text"/> names <paramref name="year"/> (e.g. "chủ đề năm 2026"): worth a second look.</summary>
    public static bool Mentions(string? text, int year) =>
        text is not null && YearRegex().Matches(text).Any(m => m.Value == year.ToString(CultureInfo.InvariantCulture));

    private static string MoveDates(string text) => DateRegex().Replace(text, m =>
    {
        var (d, mo) = (m.Groups["d"].Value, m.Groups["m"].Value);
        if (!TimeFrameParser.ParseDate(d, mo, m.Groups["y"].Value, out var date, out _))
        {
            return m.Value;
        }

        var next = Move(date);
        // Written with a leading zero ("15/02", "01/3"): padded; else as the decision usually writes dates ("15/2", "30/11").
        var format = d.StartsWith('0') || mo.StartsWith('0') ? "00" : "0";
        return next.Day.ToString(format, CultureInfo.InvariantCulture) + m.Groups["s1"].Value
            + next.Month.ToString(format, CultureInfo.InvariantCulture) + m.Groups["s2"].Value
            + next.Year.ToString(CultureInfo.InvariantCulture);
    });

    private static string Year(string year) =>
        (int.Parse(year, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<d>\d{1,2})(?<s1> ?/ ?)(?<m>\d{1,2})(?<s2> ?/ ?)(?<y>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearRegex();
}
