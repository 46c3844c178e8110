using System.Globalization;
using DanVan365.Core.Errors;

namespace DanVan365.Core.Reporting;

/// <summary>
/// The year-end round (tổng kết, docs/architecture.md "The year-end review"): its last day and data cut-off as day/month of
/// the decision's year (section "YearEnd" of a ward: <c>Ward:YearEnd</c> in the CLI's settings, <c>Wards:N:YearEnd</c> in the
/// Functions'), bound and validated where the ward is assembled at start-up. Defaults: last day 15/12, data to 14/12.
/// </summary>
public sealed class YearEndOptions
{
    /// <summary>The section's name inside a ward's settings.</summary>
    public const string SectionName = "YearEnd";

    /// <summary>The last day units report, "dd/MM" of the decision's year (default "15/12").</summary>
    public string LastDay { get; set; } = "15/12";

    /// <summary>The day the report's facts are taken on, "dd/MM" of the decision's year (default "14/12"); not after
    /// <see cref="LastDay"/>.</summary>
    public string DataCutOff { get; set; } = "14/12";

    /// <summary>
    /// Checks the values; a bad one throws <see cref="ConfigurationException"/> naming "<paramref name="section"/>:Setting".
    /// </summary>
    /// <param name="section">Where the section sits, e.g. "Wards:0:YearEnd" or "Ward:YearEnd".</param>
    public void Validate(string section)
    {
        var last = Parse($"{section}:{nameof(LastDay)}", LastDay);
        var cutOff = Parse($"{section}:{nameof(DataCutOff)}", DataCutOff);
        if (cutOff > last)
        {
            throw new ConfigurationException($"{section}:{nameof(DataCutOff)}",
                $"({DataCutOff}) is after {section}:{nameof(LastDay)} ({LastDay}): the data are cut off on or before the last day.");
        }
    }

    /// <summary>The last day in <paramref name="year"/>.</summary>
    public DateOnly LastDayIn(int year) => In(year, Parse(nameof(LastDay), LastDay));

    /// <summary>The data cut-off in <paramref name="year"/>.</summary>
    public DateOnly DataCutOffIn(int year) => In(year, Parse(nameof(DataCutOff), DataCutOff));

    private static DateOnly In(int year, DateOnly dayMonth) => new(year, dayMonth.Month, dayMonth.Day);

    // A non-leap year: 29/02 is refused, since it does not exist every year.
    private static DateOnly Parse(string setting, string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new ConfigurationException(setting, "is blank: give a day and month, e.g. \"15/12\".");
        }

        if (text.Count(c => c == '/') != 1 || !DateOnly.TryParseExact(text + "/2001", "d/M/yyyy", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var parsed))
        {
            throw new ConfigurationException(setting, $"(\"{text}\") is not a day and month (dd/MM, e.g. \"15/12\").");
        }

        return parsed;
    }
}
