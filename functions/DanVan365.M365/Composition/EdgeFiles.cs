using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;
using DanVan365.Core.Units;
using DanVan365.Core.Wards;
using DanVan365.Documents.Catalogue;

namespace DanVan365.M365.Composition;

/// <summary>Holiday files read at the edge (one per year) into a <see cref="WardCalendar"/>; Core parses the text.</summary>
public static class HolidayFiles
{
    /// <summary>
    /// The calendar of these files (relative paths against <paramref name="baseDirectory"/>, default the program's folder),
    /// or the embedded Hải An 2026 file when none is given. A missing or malformed file throws
    /// <see cref="ConfigurationException"/> naming <paramref name="setting"/>.
    /// </summary>
    public static WardCalendar Load(IReadOnlyList<string> paths, string setting, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            return HolidayCalendarFile.Default();
        }

        var texts = new List<HolidayFileText>();
        foreach (var given in paths)
        {
            var path = Path.IsPathRooted(given) ? given : Path.Combine(baseDirectory ?? AppContext.BaseDirectory, given);
            if (!File.Exists(path))
            {
                throw new ConfigurationException(setting, $"names a holiday file that does not exist: {path}.");
            }

            texts.Add(new HolidayFileText(File.ReadAllText(path), path));
        }

        try
        {
            return HolidayCalendarFile.Combine(texts);
        }
        catch (InvalidInputException ex)
        {
            throw new ConfigurationException(setting, $"is not a valid holiday file: {ex.Message}");
        }
    }

    /// <summary>Years the ward works in without a holiday file as of <paramref name="today"/> (this year; weekends only there).</summary>
    public static IReadOnlyList<int> MissingYears(WardCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.Covers(today.Year) ? [] : [today.Year];
    }

    /// <summary>The line an administrator reads (Vietnamese, then English) when a year has no holiday file.</summary>
    public static string MissingYearMessage(string wardName, int year, string setting) =>
        $"cảnh báo: {wardName} chưa có tệp ngày nghỉ lễ năm {year} ({setting}): tạm chỉ tính thứ Bảy, Chủ nhật là ngày nghỉ. "
        + $"/ warning: no holiday file for {year} ({setting}); weekends only until one is given.";
}

/// <summary>Unit directory files read at the edge; Core parses the text.</summary>
public static class UnitDirectoryFiles
{
    /// <summary>The directory in <paramref name="path"/>; bad content throws <see cref="InvalidInputException"/> with file:line.</summary>
    public static UnitDirectory Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InvalidInputException(path, 0, "unit directory file not found");
        }

        return UnitDirectory.FromJson(File.ReadAllText(path), path);
    }
}

/// <summary>Scoring model files read at the edge (docs/scoring.md); Core parses and validates the text.</summary>
public static class ScoringModelFiles
{
    /// <summary>
    /// The model a ward's setting names, or the bundled one when the setting is empty; a missing or bad file is a
    /// <see cref="ConfigurationException"/> naming <paramref name="setting"/> and the file:line.
    /// </summary>
    /// <param name="setting">The setting's name for messages, e.g. "Ward:ScoringFile" or "Wards:0:ScoringFile".</param>
    /// <param name="file">The file as the setting gives it.</param>
    /// <param name="baseDirectory">Where a relative path starts.</param>
    public static Core.Scoring.ScoringModel Load(string setting, string? file, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        if (string.IsNullOrWhiteSpace(file))
        {
            return Core.Scoring.ScoringModelJson.LoadDefault();
        }

        var path = Path.IsPathRooted(file) ? file : Path.Combine(baseDirectory, file);
        if (!File.Exists(path))
        {
            throw new ConfigurationException(setting, $"names a file that does not exist: {path}.");
        }

        try
        {
            return Core.Scoring.ScoringModelJson.FromJson(File.ReadAllText(path), path);
        }
        catch (InvalidInputException ex)
        {
            throw new ConfigurationException(setting, $"is not a valid scoring model: {ex.Message}");
        }
    }
}

/// <summary>Reads a decision's bytes with the importer for its extension (DanVan365.Documents).</summary>
internal sealed class DocumentsDecisionReader : IDecisionReader
{
    public TaskCatalogue Read(ReadOnlyMemory<byte> content, string fileName, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        // The importers take a stream and a name for messages (issue 11): no temporary file.
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        return DecisionImporters.Import(stream, fileName, units);
    }
}
