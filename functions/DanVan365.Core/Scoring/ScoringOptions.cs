using System.Globalization;
using DanVan365.Core.Errors;

namespace DanVan365.Core.Scoring;

/// <summary>
/// Scoring workflow settings (section <see cref="SectionName"/>): from <see cref="OpensOn"/> the digest reminds units that have
/// not proposed their score, Phòng Văn hóa - Xã hội of proposals not appraised, and the deciders once everything is
/// appraised (<see cref="ScoreReminders"/>).
/// </summary>
public sealed class ScoringOptions
{
    public const string SectionName = "Scoring";

    /// <summary>
    /// The day the scoring opens: "MM-dd" (in the decision's year) or "yyyy-MM-dd"; null: 1 December of the decision's year.
    /// </summary>
    public string? OpensOn { get; set; }

    /// <summary>The day scoring opens for the programme year <paramref name="year"/>.</summary>
    public DateOnly OpensFor(int year)
    {
        var value = OpensOn?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return new DateOnly(year, 12, 1);
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        return DateOnly.TryParseExact(string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{value}"), "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var inYear) ? inYear : new DateOnly(year, 3, 1);
    }

    /// <summary>Throws <see cref="ConfigurationException"/> when <see cref="OpensOn"/> is neither form.</summary>
    public void Validate()
    {
        var value = OpensOn?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var full = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        // 2024 is a leap year, so "02-29" is accepted as a month-day (in a year without it the reminders open on 1 March).
        var monthDay = DateOnly.TryParseExact("2024-" + value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        if (!full && !monthDay)
        {
            throw new ConfigurationException($"{SectionName}:OpensOn", $"'{value}' is neither MM-dd nor yyyy-MM-dd.");
        }
    }
}
