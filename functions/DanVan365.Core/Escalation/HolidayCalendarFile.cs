using System.Globalization;
using System.Text.Json;
using DanVan365.Core.Defaults;
using DanVan365.Core.Errors;

namespace DanVan365.Core.Escalation;

/// <summary>
/// Loads the holiday file (JSON): <c>{"holidays":[{"date":"2026-01-01","name":"…"}], "workingDays":[…]}</c>.
/// Other top-level properties (description, sources, notes, year) are documentation and ignored.
/// The Hải An default for 2026 ships embedded as <see cref="DefaultFileName"/>; a ward gives one file per year instead.
/// Files are read at the edges (the CLI, the Functions): this class parses text only.
/// </summary>
public static class HolidayCalendarFile
{
    /// <summary>Embedded default, relative to the defaults root.</summary>
    public const string DefaultFileName = "HaiAn/holidays-2026.json";

    /// <summary>The embedded Hải An 2026 calendar.</summary>
    public static WorkingCalendar LoadDefault() => Parse(DefaultResources.ReadText(DefaultFileName), DefaultFileName);

    /// <summary>The embedded default as a ward calendar (it covers 2026 only).</summary>
    public static WardCalendar Default() => Combine([new HolidayFileText(DefaultResources.ReadText(DefaultFileName), DefaultFileName)]);

    /// <summary>
    /// The ward calendar from per-year files (read at the edge: this class does no file I/O). Each file holds one year
    /// (its "year" property, or the year of its dates); two files for one year, or a file spanning two years, are refused.
    /// </summary>
    public static WardCalendar Combine(IReadOnlyList<HolidayFileText> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var holidays = new List<CalendarDay>();
        var working = new List<CalendarDay>();
        var years = new Dictionary<int, string>();
        foreach (var file in files)
        {
            var (h, w) = ParseDays(file.Json, file.SourceName);
            var year = YearOf(file, h, w);
            if (!years.TryAdd(year, file.SourceName))
            {
                throw new InvalidInputException(file.SourceName, 0, $"a second holiday file for {year} (the first is {years[year]}).");
            }

            holidays.AddRange(h);
            working.AddRange(w);
        }

        var calendar = Build(holidays, working, string.Join(", ", files.Select(f => f.SourceName)));
        return new WardCalendar(calendar, new SortedSet<int>(years.Keys), [.. files.Select(f => f.SourceName)]);
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
            document = JsonDocument.Parse(json,
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
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
            else if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("date",
                out var dateElement) && dateElement.ValueKind == JsonValueKind.String)
            {
                dateText = dateElement.GetString();
                if (entry.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String)
                {
                    name = nameElement.GetString() ?? string.Empty;
                }
            }
            else
            {
                throw new InvalidInputException(sourceName, LineOf(json, "\"" + property + "\""),
                    $"each entry of \"{property}\" must be \"yyyy-MM-dd\" or {{\"date\": \"yyyy-MM-dd\", \"name\": \"…\"}}.");
            }

            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InvalidInputException(sourceName, LineOf(json, dateText ?? string.Empty),
                    $"\"{dateText}\" in \"{property}\" is not a date (yyyy-MM-dd).");
            }

            days.Add(new CalendarDay(date, name));
        }

        return days;
    }

    private static int YearOf(HolidayFileText file, List<CalendarDay> holidays, List<CalendarDay> working)
    {
        var years = holidays.Concat(working).Select(d => d.Date.Year).Distinct().Order().ToList();
        int? declared = null;
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using (var document = JsonDocument.Parse(file.Json, options))
        {
            var root = document.RootElement;
            if (root.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var value))
            {
                declared = value;
            }
        }

        if (years.Count > 1)
        {
            var listed = string.Join(", ", years);
            throw new InvalidInputException(file.SourceName, 0, $"a holiday file covers one year; this one has days of {listed}.");
        }

        if (declared is { } d && years.Count == 1 && years[0] != d)
        {
            throw new InvalidInputException(file.SourceName, LineOf(file.Json, "\"year\""),
                $"\"year\" is {d} but the days are in {years[0]}.");
        }

        return declared ?? (years.Count == 1 ? years[0]
            : throw new InvalidInputException(file.SourceName, 0, "an empty holiday file must say its \"year\"."));
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

/// <summary>The text of one holiday file and the name it is reported under (path or resource name).</summary>
public sealed record HolidayFileText(string Json, string SourceName);

/// <summary>A ward's working calendar and the years its holiday files cover (other years: weekends only).</summary>
/// <param name="Calendar">Working days.</param>
/// <param name="Years">Years a holiday file was given for.</param>
/// <param name="Sources">The files, for messages.</param>
public sealed record WardCalendar(WorkingCalendar Calendar, IReadOnlySet<int> Years, IReadOnlyList<string> Sources)
{
    /// <summary>Weekends only, no year covered.</summary>
    public static WardCalendar WeekendsOnly { get; } = new(WorkingCalendar.WeekdaysOnly, new SortedSet<int>(), []);

    /// <summary>True when a holiday file was given for <paramref name="year"/>.</summary>
    public bool Covers(int year) => Years.Contains(year);
}
