using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;
using DanVan365.Core.Text;

namespace DanVan365.Core.Scoring;

/// <summary>What a task line rests on, for its sentence.</summary>
/// <param name="Fact">The task × unit facts.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Base">Base points of the outcome.</param>
/// <param name="Bonus">Early bonus (base points).</param>
/// <param name="Deduction">Late deduction (base points).</param>
/// <param name="Days">Days early, late, overdue or left, as the outcome says.</param>
/// <param name="RoleWeight">The role's weight.</param>
/// <param name="SectionWeight">The section's weight.</param>
/// <param name="Weights">The sum of the weights of the unit's tasks.</param>
/// <param name="FullMark">The model's full mark per task.</param>
/// <param name="Points">The line's points (0–100 scale).</param>
/// <param name="DatesFrom">The name of the unit whose progress gave the dates, or null for the unit's own.</param>
internal sealed record TaskExplanation(TaskFact Fact, ScoreOutcome Outcome, double Base, double Bonus, double Deduction, int Days,
    double RoleWeight, double SectionWeight, double Weights, double FullMark, decimal Points, string? DatesFrom);

/// <summary>
/// The Vietnamese sentences of the score's lines, as a ward clerk reads them: role, dates (dd/MM/yyyy), the rule and the points,
/// numbers with a decimal comma ("0,5 điểm").
/// </summary>
public static class ScoreExplanations
{
    /// <summary>A number as the ward writes it: up to 2 decimals, decimal comma ("10", "0,5", "8,73").</summary>
    public static string Number(double value) => Number((decimal)value);

    /// <summary>A number as the ward writes it: up to 2 decimals, decimal comma.</summary>
    public static string Number(decimal value) =>
        ScoreCalculator.Round(value).ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>A weight with at least one decimal ("1,0", "0,3").</summary>
    public static string Weight(double value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.0#", CultureInfo.InvariantCulture).Replace('.', ',');

    internal static string Task(TaskExplanation e)
    {
        var f = e.Fact;
        var role = f.Role == Reporting.TaskRole.Lead ? "Chủ trì" : "Phối hợp";
        var state = State(e);
        var from = e.DatesFrom is { } unit ? $" (theo tiến độ của {unit})" : string.Empty;
        var rating = e.Bonus > 0 ? $"({Number(e.Base)} điểm + thưởng {Number(e.Bonus)} điểm)"
            : e.Deduction > 0 ? $"({Number(e.Base)} điểm − trừ {Number(e.Deduction)} điểm)"
            : $"{Number(e.Base)} điểm";
        var raw = Math.Max(0, e.Base + e.Bonus - e.Deduction);
        var share = $"quy về thang 100 theo hệ số của nhiệm vụ trên tổng hệ số {Weight(e.Weights)} của đơn vị: "
            + $"{Number(raw)} × {Weight(e.RoleWeight * e.SectionWeight)} ÷ ({Number(e.FullMark)} × {Weight(e.Weights)}) × 100 = "
            + $"{Number(e.Points)} điểm";
        return $"{role}, {state}{from}: {rating} × {Weight(e.RoleWeight)} (vai trò) × {Weight(e.SectionWeight)} (mục {f.Section}); "
            + share + ".";
    }

    private static string State(TaskExplanation e)
    {
        var f = e.Fact;
        var deadline = f.LastDay is { } last
            ? f.ExtendedFrom is { } decided
                ? $"hạn {Date(decided)}, được gia hạn đến {Date(last)}"
                : $"hạn {Date(last)}"
            : string.Empty;
        return e.Outcome switch
        {
            ScoreOutcome.OnTime when e.Days > 0 =>
                $"hoàn thành ngày {Date(f.CompletedOn)}, trước hạn {Days(e.Days)} ({deadline})",
            ScoreOutcome.OnTime => $"hoàn thành ngày {Date(f.CompletedOn)}, đúng hạn ({deadline})",
            ScoreOutcome.Late => $"hoàn thành ngày {Date(f.CompletedOn)}, quá hạn {Days(e.Days)} ({deadline})",
            ScoreOutcome.NotDone => $"chưa hoàn thành, quá hạn {Days(e.Days)} ({deadline})",
            ScoreOutcome.InProgress when f.IsOngoing => $"{Ongoing(f)}, chưa có đợt báo cáo nào kết thúc",
            ScoreOutcome.InProgress => $"đang thực hiện, chưa đến hạn ({deadline})",
            ScoreOutcome.OngoingReported => $"{Ongoing(f)}, đã báo cáo đủ {Rounds(f.Rounds.Select(r => r.Round))}",
            _ => $"{Ongoing(f)}, không báo cáo {Rounds(f.Rounds.Where(r => !r.Reported).Select(r => r.Round))}",
        };
    }

    private static string Ongoing(TaskFact f) =>
        TimeFrames.Recurs(f.Kind)
            ? "nhiệm vụ thực hiện hằng năm, chấm theo từng đợt báo cáo"
            : "nhiệm vụ thường xuyên, chấm theo từng đợt báo cáo";

    internal static string Report(RoundFact round, decimal points, bool required)
    {
        // The round's wording states its deadline once ("lần 1 trước ngày 15/9/2026"); other titles get the last day.
        var head = round.Title.Contains("trước ngày", StringComparison.Ordinal)
            ? $"Báo cáo {round.Title}"
            : $"Báo cáo {round.Title} (hạn {Date(round.LastDay)})";
        if (!required)
        {
            var on = round.SubmittedOn is { } d ? $"đã nộp ngày {Date(d)}" : "đã nộp";
            return $"{head}: {on}; đơn vị được đề nghị phối hợp, báo cáo không bắt buộc, không trừ điểm.";
        }

        return round.State switch
        {
            SubmissionState.OnTime when round.SubmittedOn is { } d => $"{head}: nộp ngày {Date(d)}, đúng hạn, không trừ điểm.",
            SubmissionState.OnTime => $"{head}: đã nộp trong hạn, không trừ điểm.",
            SubmissionState.Late when round.SubmittedOn is { } d =>
                $"{head}: nộp ngày {Date(d)}, quá hạn {Days(d.DayNumber - round.LastDay.DayNumber)}, trừ {Number(-points)} điểm.",
            SubmissionState.Late => $"{head}: có báo cáo nhưng không ghi ngày nộp, đợt đã kết thúc nên tính nộp muộn, "
                + $"trừ {Number(-points)} điểm.",
            SubmissionState.Returned => $"{head}: bị trả lại để bổ sung, chưa nộp lại khi đợt đã kết thúc, trừ {Number(-points)} điểm.",
            _ => $"{head}: không nộp báo cáo, trừ {Number(-points)} điểm.",
        };
    }

    internal static string NoTask() => "Đơn vị không chủ trì, không phối hợp nhiệm vụ nào của quyết định: không chấm điểm, không xếp loại.";

    internal static string ScaleLimit(decimal sum, decimal total) => sum > total
        ? $"Tổng các dòng là {Number(sum)} điểm, vượt thang 100: tính tối đa {Number(total)} điểm ({Number(total - sum)} điểm)."
        : $"Tổng các dòng là {Number(sum)} điểm, thấp hơn 0: tính tối thiểu {Number(total)} điểm (+{Number(total - sum)} điểm).";

    private static string Date(DateOnly? date) => date is { } d ? VietnameseText.PaddedDate(d) : string.Empty;

    private static string Days(int days) => days.ToString(CultureInfo.InvariantCulture) + " ngày";

    private static string Rounds(IEnumerable<int> rounds) =>
        "đợt " + string.Join(", ", rounds.Select(r => r.ToString(CultureInfo.InvariantCulture)));
}
