using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DanVan365.Core.Defaults;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;

namespace DanVan365.Core.Scoring;

/// <summary>
/// Loads a <see cref="ScoringModel"/> from JSON (format: docs/scoring.md; the bundled one is
/// <c>Defaults/HaiAn/scoring.json</c>) and validates it whole: a syntax error, an unknown or missing field, or a value out of
/// range is an <see cref="InvalidInputException"/> with file and line, found as <see cref="UnitDirectory.FromJson"/> finds
/// them (the parser's line, else the line of the field at fault). Core parses text only: files are read at the edges.
/// </summary>
public static class ScoringModelJson
{
    /// <summary>Path of the bundled model inside <see cref="DefaultResources"/>.</summary>
    public const string DefaultResourcePath = "HaiAn/scoring.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<ScoringModel> Bundled =
        new(() => FromJson(DefaultResources.ReadText(DefaultResourcePath), "scoring.json (built-in)"));

    /// <summary>The model that ships with the project (loaded once; immutable).</summary>
    public static ScoringModel LoadDefault() => Bundled.Value;

    /// <summary>Parses and validates a model; <paramref name="fileName"/> names the file in errors.</summary>
    public static ScoringModel FromJson(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ModelFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ModelFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(fileName, (int)(ex.LineNumber ?? 0) + 1, "not a valid scoring model: " + ex.Message, ex);
        }

        var check = new Checker(json, fileName);
        if (file is null)
        {
            throw new InvalidInputException(fileName, 1, "the scoring model is empty");
        }

        var tasks = check.Required(file.Tasks, "tasks");
        var onTime = check.Number(tasks.OnTime, "tasks", "onTime", 0, double.MaxValue, lowExclusive: true);
        double Below(double? value, string name) => check.Number(value, "tasks", name, 0, onTime);
        var taskPoints = new TaskPoints(onTime, Below(tasks.Late, "late"), Below(tasks.NotDone, "notDone"),
            Below(tasks.InProgress, "inProgress"), Below(tasks.OngoingReported, "ongoingReported"),
            Below(tasks.OngoingUnreported, "ongoingUnreported"));

        var roles = check.Required(file.Roles, "roles");
        var lead = check.Number(roles.Lead, "roles", "lead", 0, 10, lowExclusive: true);
        var coordinating = check.Number(roles.Coordinating, "roles", "coordinating", 0, lead, lowExclusive: true);

        var early = check.Required(file.EarlyBonus, "earlyBonus");
        var bonus = new DayRate(check.Number(early.PerDay, "earlyBonus", "perDay", 0, onTime),
            check.Number(early.Max, "earlyBonus", "max", 0, onTime));
        var lateFile = check.Required(file.LateDeduction, "lateDeduction");
        var deduction = new DayRate(check.Number(lateFile.PerDay, "lateDeduction", "perDay", 0, onTime),
            check.Number(lateFile.Max, "lateDeduction", "max", 0, taskPoints.Late));

        var reports = check.Required(file.Reports, "reports");
        var reportDeductions = new ReportDeductions(check.Number(reports.Late, "reports", "late", 0, ScoringModel.Scale),
            check.Number(reports.Missing, "reports", "missing", 0, ScoringModel.Scale));

        var sections = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (code, weight) in file.Sections ?? [])
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                throw new InvalidInputException(fileName, check.Line("sections", "\"\""), "a section needs a code (\"1\", \"2\", …)");
            }

            sections[code.Trim()] = check.Number(weight, "sections", code, 0, 10, lowExclusive: true);
        }

        var grades = check.Required(file.Grades, "grades");
        var excellent = check.Number(grades.Excellent, "grades", "excellent", 0, ScoringModel.Scale);
        var good = check.Number(grades.Good, "grades", "good", 0, excellent);
        var completed = check.Number(grades.Completed, "grades", "completed", 0, good);
        return new ScoringModel(taskPoints, new RoleWeights(lead, coordinating), bonus, deduction, reportDeductions, sections,
            new GradeThresholds(excellent, good, completed));
    }

    /// <summary>Finds lines and checks values; every failure names the field as "parent.name".</summary>
    private sealed class Checker(string json, string fileName)
    {
        public T Required<T>(T? value, string name)
            where T : class =>
            value ?? throw new InvalidInputException(fileName, 1, $"the scoring model has no \"{name}\"");

        public double Number(double? value, string parent, string name, double low, double high, bool lowExclusive = false)
        {
            if (value is not { } number)
            {
                throw new InvalidInputException(fileName, Line(parent), $"\"{parent}\" has no \"{name}\"");
            }

            var tooLow = lowExclusive ? number <= low : number < low;
            if (!double.IsFinite(number) || tooLow || number > high)
            {
                var range = string.Create(CultureInfo.InvariantCulture,
                    $"{(lowExclusive ? "more than" : "at least")} {low} and at most {high}");
                throw new InvalidInputException(fileName, Line(parent, $"\"{name}\""),
                    string.Create(CultureInfo.InvariantCulture, $"\"{parent}.{name}\" is {number}: it must be {range}"));
            }

            return number;
        }

        /// <summary>The line of <paramref name="needle"/> after the line of <c>"parent"</c> (of the parent itself when none).</summary>
        public int Line(string parent, string? needle = null)
        {
            var quoted = $"\"{parent}\"";
            var start = json.IndexOf(quoted, StringComparison.Ordinal);
            if (start < 0)
            {
                return 1;
            }

            if (needle is null)
            {
                return UnitDirectory.LineOf(json, quoted);
            }

            var at = json.IndexOf(needle, start + quoted.Length, StringComparison.Ordinal);
            if (at < 0)
            {
                return UnitDirectory.LineOf(json, quoted);
            }

            var occurrence = Occurrences(json.AsSpan(0, at), needle) + 1;
            return UnitDirectory.LineOf(json, needle, occurrence);
        }

        private static int Occurrences(ReadOnlySpan<char> text, string needle)
        {
            var count = 0;
            for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0;)
            {
                count++;
                var next = text[(i + 1)..].IndexOf(needle, StringComparison.Ordinal);
                i = next < 0 ? -1 : i + 1 + next;
            }

            return count;
        }
    }

    private sealed class ModelFile
    {
        public TasksEntry? Tasks { get; set; }

        public RolesEntry? Roles { get; set; }

        public RateEntry? EarlyBonus { get; set; }

        public RateEntry? LateDeduction { get; set; }

        public ReportsEntry? Reports { get; set; }

        public Dictionary<string, double?>? Sections { get; set; }

        public GradesEntry? Grades { get; set; }
    }

    private sealed class TasksEntry
    {
        public double? OnTime { get; set; }

        public double? Late { get; set; }

        public double? NotDone { get; set; }

        public double? InProgress { get; set; }

        public double? OngoingReported { get; set; }

        public double? OngoingUnreported { get; set; }
    }

    private sealed class RolesEntry
    {
        public double? Lead { get; set; }

        public double? Coordinating { get; set; }
    }

    private sealed class RateEntry
    {
        public double? PerDay { get; set; }

        public double? Max { get; set; }
    }

    private sealed class ReportsEntry
    {
        public double? Late { get; set; }

        public double? Missing { get; set; }
    }

    private sealed class GradesEntry
    {
        public double? Excellent { get; set; }

        public double? Good { get; set; }

        public double? Completed { get; set; }
    }
}
