using System.Globalization;
using System.Text.RegularExpressions;
using DanVan365.Core.Text;

namespace DanVan365.Core.Catalogue;

/// <summary>Outcome of reading a time-frame expression.</summary>
public enum TimeFrameParseStatus
{
    /// <summary>Understood.</summary>
    Ok,

    /// <summary>Not a time-frame expression at all.</summary>
    NotRecognised,

    /// <summary>Shaped like a time frame but impossible (e.g. "30/02/2026", "Tháng 13/2026").</summary>
    Invalid,
}

/// <summary>Result of <see cref="TimeFrameParser.TryParse"/>.</summary>
public sealed record TimeFrameParseResult(TimeFrameParseStatus Status, TimeFrame? TimeFrame, string? Error);

/// <summary>
/// The rules of docs/architecture.md "Time frames", exactly:
/// "Thường xuyên" → ongoing (no last day); "Hoàn thành trước [ngày] D" → before, D − 1 day;
/// "Quý I…IV/Y" → quarter, its last day; "Tháng M/Y" → month, its last day; "Năm Y" / "Cả năm Y" → year, 31/12/Y;
/// "Năm Y và các năm tiếp theo" → year-onward, 31/12/Y. Case and whitespace are free; trailing punctuation
/// (",", ".", ";", ":") is tolerated. Anything else is not understood — never guessed.
/// </summary>
public static partial class TimeFrameParser
{
    /// <summary>Reads a time-frame cell. <paramref name="text"/> is kept (normalised) as the frame's text.</summary>
    public static TimeFrameParseResult TryParse(string text)
    {
        var written = VietnameseText.Normalize(text);
        var s = written.TrimEnd(',', '.', ';', ':', ' ').ToLower(CultureInfo.InvariantCulture);
        if (s.Length == 0)
        {
            return NotRecognised();
        }

        if (s == "thường xuyên")
        {
            return new(TimeFrameParseStatus.Ok, new TimeFrame(written, TimeFrameKind.Ongoing, null), null);
        }

        var m = BeforeRegex().Match(s);
        if (m.Success)
        {
            return ParseDate(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value, out var date, out var error)
                ? new(TimeFrameParseStatus.Ok, new TimeFrame(written, TimeFrameKind.Before, date.AddDays(-1)), null)
                : Invalid(error);
        }

        m = QuarterRegex().Match(s);
        if (m.Success)
        {
            if (!TryYear(m.Groups["y"].Value, out var year, out var error))
            {
                return Invalid(error);
            }

            var quarter = m.Groups["q"].Value switch { "i" => 1, "ii" => 2, "iii" => 3, _ => 4 };
            var lastMonth = quarter * 3;
            return new(TimeFrameParseStatus.Ok, new TimeFrame(written, TimeFrameKind.Quarter, new DateOnly(year, lastMonth,
                DateTime.DaysInMonth(year, lastMonth))), null);
        }

        m = MonthRegex().Match(s);
        if (m.Success)
        {
            if (!TryYear(m.Groups["y"].Value, out var year, out var error))
            {
                return Invalid(error);
            }

            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return Invalid($"there is no month {month.ToString(CultureInfo.InvariantCulture)} in \"{written}\"");
            }

            return new(TimeFrameParseStatus.Ok, new TimeFrame(written, TimeFrameKind.Month, new DateOnly(year, month,
                DateTime.DaysInMonth(year, month))), null);
        }

        m = YearRegex().Match(s);
        if (m.Success)
        {
            if (!TryYear(m.Groups["y"].Value, out var year, out var error))
            {
                return Invalid(error);
            }

            var kind = m.Groups["onward"].Success ? TimeFrameKind.YearOnward : TimeFrameKind.Year;
            if (kind == TimeFrameKind.YearOnward && m.Groups["ca"].Success)
            {
                return NotRecognised();
            }

            return new(TimeFrameParseStatus.Ok, new TimeFrame(written, kind, new DateOnly(year, 12, 31)), null);
        }

        return NotRecognised();

        static TimeFrameParseResult NotRecognised() => new(TimeFrameParseStatus.NotRecognised, null, null);
        static TimeFrameParseResult Invalid(string error) => new(TimeFrameParseStatus.Invalid, null, error);
    }

    /// <summary>Reads a time-frame cell or throws <see cref="Errors.InvalidInputException"/> naming the file and line.</summary>
    public static TimeFrame Parse(string text, string file, int line)
    {
        var result = TryParse(text);
        return result.Status switch
        {
            TimeFrameParseStatus.Ok => result.TimeFrame!,
            TimeFrameParseStatus.Invalid => throw new Errors.InvalidInputException(file, line,
                $"impossible time frame \"{VietnameseText.Normalize(text)}\": {result.Error} (thời gian thực hiện không có thật)"),
            _ => throw new Errors.InvalidInputException(file, line,
                $"time frame not understood: \"{VietnameseText.Normalize(text)}\" (expected Thường xuyên, Hoàn thành trước [ngày] " +
                $"D/M/YYYY, Quý I–IV/YYYY, Tháng M/YYYY, [Cả] Năm YYYY or Năm YYYY và các năm tiếp theo) (không hiểu thời gian thực " +
                $"hiện)"),
        };
    }

    /// <summary>
    /// Reads the reporting rounds of a decision's part II: every "lần N trước ngày D" gives round N with last day D − 1
    /// (the same rule as "Hoàn thành trước"). Returns rounds in order; an impossible date throws (file:line).
    /// </summary>
    public static IReadOnlyList<ReportingRound> ParseReportingRounds(string text, string file, int line)
    {
        var rounds = new List<ReportingRound>();
        foreach (Match m in RoundRegex().Matches(VietnameseText.Normalize(text)))
        {
            if (!ParseDate(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value, out var date, out var error))
            {
                throw new Errors.InvalidInputException(file, line, $"impossible reporting date in \"{m.Value}\": {error}");
            }

            rounds.Add(new ReportingRound(int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture), date.AddDays(-1), m.Value));
        }

        return rounds;
    }

    /// <summary>Parses d/m/yyyy strictly (no roll-over: "30/02/2026" is an error).</summary>
    public static bool ParseDate(string day, string month, string year, out DateOnly date, out string error)
    {
        date = default;
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        var mo = int.Parse(month, CultureInfo.InvariantCulture);
        if (!TryYear(year, out var y, out error))
        {
            return false;
        }

        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{day}/{month}/{year} is not a date");
            return false;
        }

        date = new DateOnly(y, mo, d);
        error = string.Empty;
        return true;
    }

    private static bool TryYear(string text, out int year, out string error)
    {
        year = int.Parse(text, CultureInfo.InvariantCulture);
        error = string.Empty;
        if (year is < 1900 or > 9998)
        {
            error = $"year {text} is out of range";
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^hoàn thành trước (?:ngày )?(?<d>\d{1,2}) ?/ ?(?<m>\d{1,2}) ?/ ?(?<y>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex BeforeRegex();

    [GeneratedRegex(@"^quý (?<q>i|ii|iii|iv) ?/ ?(?<y>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex QuarterRegex();

    [GeneratedRegex(@"^tháng (?<m>\d{1,2}) ?/ ?(?<y>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthRegex();

    [GeneratedRegex(@"^(?<ca>cả )?năm (?<y>\d{4})(?<onward> và các năm tiếp theo)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"lần (?<n>\d+) trước ngày (?<d>\d{1,2}) ?/ ?(?<m>\d{1,2}) ?/ ?(?<y>\d{4})",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RoundRegex();
}
