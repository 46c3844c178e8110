using System.Globalization;
using System.Text.Json;
using DanVan365.Core.Defaults;
using DanVan365.Core.Errors;

namespace DanVan365.Core.Escalation;

/// <summary>
/// Loads the holiday file (JSON): <c>{"holidays":[{"date":"2026-01-01","name":"…"}], "workingDays":[…]}</c>.
/// Other top-level properties (description, sources, notes, year) are documentation and ignored.
/// The Hải An default for 2026 ships embedded as <see cref="DefaultFileName"/>; a ward overrides it with its own file.
/// </summary>
public static class HolidayCalendarFile
{
    /// <summary>Embedded default, relative to the defaults root.</summary>
    public const string DefaultFileName = "HaiAn/holidays-2026.json";

    /// <summary>The embedded Hải An 2026 calendar.</summary>
    public static WorkingCalendar LoadDefault() => Parse(DefaultResources.ReadText(DefaultFileName), DefaultFileName);

    /// <summary>
    /// The calendar from the given files (merged; e.g. one per year), or the embedded default when none is given.
    /// Throws <see cref="InvalidInputException"/> (file:line) on a malformed file, <see cref="FileNotFoundException"/> on a missing one.
    /// </summary>
    public static WorkingCalendar Load(params string[]? overridePaths)
    {
        if (overridePaths is null || overridePaths.Length == 0)
        {
            return LoadDefault();
        }

        var holidays = new List<CalendarDay>();
        var working = new List<CalendarDay>();
        foreach (var path in overridePaths)
        {
            var (h, w) = ParseDays(File.ReadAllText(path), path);
            holidays.AddRange(h);
            working.AddRange(w);
        }

        return Build(holidays, working, string.Join(", ", overridePaths));
    }

    /// <summary>The calendar for these options: <see cref="EscalationOptions.HolidayFiles"/>, or the embedded default.</summary>
    public static WorkingCalendar Load(EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Load([.. options.HolidayFiles]);
    }

    /// <summary>Parses one file's text; <paramref name="sourceName"/> names it in errors.</summary>
    public static WorkingCalendar Parse(string json, string sourceName)
    {
        var (holidays, working) = ParseDays(json, sourceName);
        return Build(holidays, working, sourceName);
    }

    private static WorkingCalendar Build(List<CalendarDay> holidays, List<CalendarDay> working, string sourceName)
    {
        var clash = holidays.Select(h => h.Date).Intersect(working.Select(w => w.Date)).Order().ToList();
        if (clash.Count > 0)
        {
            throw new InvalidInputException(sourceName, 0, $"{clash[0]:dd/MM/yyyy} is listed both as a holiday and as a working day.");
        }

        return new WorkingCalendar(holidays, working);
    }

    private static (List<CalendarDay> Holidays, List<CalendarDay> WorkingDays) ParseDays(string json, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(sourceName, (int)(ex.LineNumber ?? -1) + 1, "not valid JSON: " + ex.Message, ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInputException(sourceName, 1, "expected a JSON object with a \"holidays\" array.");
            }

            if (!document.RootElement.TryGetProperty("holidays", out var holidaysElement))
            {
                throw new InvalidInputException(sourceName, 0, "missing the \"holidays\" array.");
            }

            var holidays = ReadDays(holidaysElement, "holidays", json, sourceName);
            var working = document.RootElement.TryGetProperty("workingDays", out var workingElement)
                ? ReadDays(workingElement, "workingDays", json, sourceName)
                : [];
            return (holidays, working);
        }
    }

    private static List<CalendarDay> ReadDays(JsonElement array, string property, string json, string sourceName)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException(sourceName, LineOf(json, "\"" + property + "\""), $"\"{property}\" must be an array.");
        }

        var days = new List<CalendarDay>();
        foreach (var entry in array.EnumerateArray())
        {
            string? dateText;
            var name = string.Empty;
            if (entry.ValueKind == JsonValueKind.String)
            {
                dateText = entry.GetString();
            }
            else if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("date", out var dateElement) && dateElement.ValueKind == JsonValueKind.String)
            {
                dateText = dateElement.GetString();
                if (entry.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String)
                {
                    name = nameElement.GetString() ?? string.Empty;
                }
            }
            else
            {
                throw new InvalidInputException(sourceName, LineOf(json, "\"" + property + "\""), $"each entry of \"{property}\" must be \"yyyy-MM-dd\" or {{\"date\": \"yyyy-MM-dd\", \"name\": \"…\"}}.");
            }

            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InvalidInputException(sourceName, LineOf(json, dateText ?? string.Empty), $"\"{dateText}\" in \"{property}\" is not a date (yyyy-MM-dd).");
            }

            days.Add(new CalendarDay(date, name));
        }

        return days;
    }

    /// <summary>1-based line of the first occurrence of <paramref name="needle"/>, or 0 when not found.</summary>
    private static int LineOf(string text, string needle)
    {
        if (needle.Length == 0)
        {
            return 0;
        }

        var index = text.IndexOf(needle, StringComparison.Ordinal);
        return index < 0 ? 0 : text.AsSpan(0, index).Count('\n') + 1;
    }
}
