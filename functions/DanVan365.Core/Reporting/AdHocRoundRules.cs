using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>What a person asks for an ad hoc round (decision part II.1), as typed.</summary>
/// <param name="Title">What the round is about.</param>
/// <param name="LastDay">The last day to report (ICT).</param>
/// <param name="Units">The chosen unit codes.</param>
/// <param name="Tasks">The chosen task codes of the catalogue.</param>
/// <param name="RequestId">The client's request id (a retry with the same id gives back the round it created), or null.</param>
public sealed record AdHocRoundRequest(string? Title, DateOnly? LastDay, IReadOnlyList<string>? Units, IReadOnlyList<string>? Tasks,
    string? RequestId = null);

/// <summary>
/// One reason a request is refused: the field it concerns ("title", "lastDay", "units", "tasks"; null: the whole request).
/// </summary>
public sealed record RoundProblem(string? Field, string Message);

/// <summary>
/// The rules of an ad hoc round (pure): who may create one, and what a valid one is. Messages are Vietnamese, one per problem.
/// <list type="bullet">
/// <item>Who: the head or an assignee of the decision's aggregating unit (Phòng Văn hóa - Xã hội in Hải An), matched by
/// Entra object id (<see cref="ReportSubmitters.IsPersonOf"/>); nobody else, deny by default.</item>
/// <item>What: a title (at most <see cref="ReportRounds.MaxTitleLength"/> characters); a last day not before today; at least one
/// unit, each known to the directory; at least one task, each a work item of the catalogue (not a heading); and every
/// chosen unit leads or coordinates at least one chosen task (else its template would be empty).</item>
/// </list>
/// </summary>
public static class AdHocRoundRules
{
    /// <summary>True when the person with <paramref name="objectId"/> may create ad hoc rounds.</summary>
    public static bool MayCreate(UnitDirectory units, string? aggregatingUnitCode, string? objectId) =>
        !string.IsNullOrWhiteSpace(aggregatingUnitCode) && ReportSubmitters.IsPersonOf(units, aggregatingUnitCode, objectId);

    /// <summary>The refusal of a person who may not create ad hoc rounds.</summary>
    public static string Forbidden(UnitDirectory units, string? aggregatingUnitCode)
    {
        ArgumentNullException.ThrowIfNull(units);
        var name = string.IsNullOrWhiteSpace(aggregatingUnitCode)
            ? "đơn vị tổng hợp" : ReportPlanner.UnitName(units, aggregatingUnitCode);
        return $"Chỉ lãnh đạo và công chức được phân công của {name} được tạo đợt báo cáo đột xuất.";
    }

    /// <summary>
    /// The round a request describes (number 0 until it is stored; units and tasks without repeats, tasks in catalogue
    /// order), or the problems that refuse it.
    /// </summary>
    public static (ReportRound? Round, IReadOnlyList<RoundProblem> Problems) Validate(TaskCatalogue catalogue, UnitDirectory units,
        AdHocRoundRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RoundProblem>();
        var title = VietnameseText.Normalize(request.Title ?? string.Empty).Trim();
        if (title.Length == 0)
        {
            problems.Add(new RoundProblem("title", "Tên đợt báo cáo không được để trống."));
        }
        else if (title.Length > ReportRounds.MaxTitleLength)
        {
            problems.Add(new RoundProblem("title", string.Create(CultureInfo.InvariantCulture,
                $"Tên đợt báo cáo dài quá {ReportRounds.MaxTitleLength} ký tự.")));
        }

        if (request.LastDay is not { } lastDay)
        {
            problems.Add(new RoundProblem("lastDay", "Chưa có hạn báo cáo."));
        }
        else if (lastDay < today)
        {
            problems.Add(new RoundProblem("lastDay", $"Hạn báo cáo {VietnameseText.PaddedDate(lastDay)} đã qua (hôm nay là " +
                $"{VietnameseText.PaddedDate(today)})."));
        }

        var unitCodes = Distinct(request.Units);
        var taskCodes = Distinct(request.Tasks);
        problems.AddRange(UnitProblems(units, unitCodes));
        var chosen = TaskProblems(catalogue, taskCodes, problems);
        foreach (var unit in unitCodes.Where(u => units.Find(u) is not null))
        {
            if (!chosen.Any(t => ReportPlanner.RoleOf(t, unit) is not null))
            {
                problems.Add(new RoundProblem("units", $"{ReportPlanner.UnitName(units, unit)} không chủ trì hay phối hợp nhiệm vụ nào " +
                    "đã chọn: hãy chọn thêm nhiệm vụ của đơn vị hoặc bỏ chọn đơn vị."));
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new ReportRound(0, title, request.LastDay!.Value, AdHoc: true)
        {
            Units = unitCodes,
            Tasks = [.. chosen.Select(t => VietnameseText.Nfc(t.Code))],
            RequestId = string.IsNullOrWhiteSpace(request.RequestId) ? null : request.RequestId.Trim(),
        }, []);
    }

    /// <summary>True when <paramref name="round"/> asks what <paramref name="other"/> asks (title, last day, units, tasks).</summary>
    public static bool SameContent(ReportRound round, ReportRound other)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(round.Title, other.Title, StringComparison.Ordinal) && round.LastDay == other.LastDay
            && (round.Units ?? []).SequenceEqual(other.Units ?? [], StringComparer.Ordinal)
            && (round.Tasks ?? []).SequenceEqual(other.Tasks ?? [], StringComparer.Ordinal);
    }

    private static List<RoundProblem> UnitProblems(UnitDirectory units, IReadOnlyList<string> codes)
    {
        if (codes.Count == 0)
        {
            return [new RoundProblem("units", "Chưa chọn đơn vị nào.")];
        }

        return [.. codes.Where(c => units.Find(c) is null)
            .Select(c => new RoundProblem("units", $"Đơn vị \"{c}\" không có trong danh sách đơn vị của phường."))];
    }

    private static List<CatalogueTask> TaskProblems(TaskCatalogue catalogue, IReadOnlyList<string> codes, List<RoundProblem> problems)
    {
        if (codes.Count == 0)
        {
            problems.Add(new RoundProblem("tasks", "Chưa chọn nhiệm vụ nào."));
            return [];
        }

        var byCode = catalogue.Tasks.GroupBy(t => VietnameseText.Nfc(t.Code), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (!byCode.TryGetValue(code, out var task))
            {
                problems.Add(new RoundProblem("tasks", $"Nhiệm vụ \"{code}\" không có trong danh mục."));
            }
            else if (task.IsHeading)
            {
                problems.Add(new RoundProblem("tasks", $"Mục {code} là tiêu đề, không phải nhiệm vụ: hãy chọn các nhiệm vụ thuộc mục."));
            }
        }

        var wanted = codes.ToHashSet(StringComparer.Ordinal);
        return [.. catalogue.WorkItems.Where(t => wanted.Contains(VietnameseText.Nfc(t.Code)))];
    }

    private static List<string> Distinct(IReadOnlyList<string>? codes) =>
        [.. (codes ?? []).Select(c => VietnameseText.Nfc(c ?? string.Empty).Trim()).Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)];
}
