using System.Globalization;
using DanVan365.Core.Escalation;
using DanVan365.Core.Reporting;
using DanVan365.Core.Time;

namespace DanVan365.Core.Integrity;

/// <summary>
/// The interventions no digest has reported yet, for the head of the aggregating unit (docs/architecture.md "Records people
/// can trust"): one notification each (group "can thiệp ngoài hệ thống"), told in one administrative sentence, riding the
/// escalation digest and its ledger (at most once per recipient). Pure.
/// </summary>
public static class InterventionDigest
{
    private static readonly CultureInfo Vi = CultureInfo.InvariantCulture;

    /// <summary>The notifications of <paramref name="unreported"/>, and what keeps them from a recipient (Vietnamese).</summary>
    public static (IReadOnlyList<EscalationNotification> Notifications, IReadOnlyList<string> Problems) Plan(
        IReadOnlyList<RecordedIntervention> unreported, RecipientDirectory directory, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(unreported);
        ArgumentNullException.ThrowIfNull(directory);
        if (unreported.Count == 0)
        {
            return ([], []);
        }

        var unit = directory.AggregatingUnitCode ?? string.Empty;
        var resolved = directory.Resolve([RecipientRole.AggregatingUnitHead], unit);
        var notifications = (from recorded in unreported
                             from r in resolved.Recipients
                             select new EscalationNotification(r.Recipient,
                                 EscalationItem.ForIntervention(recorded.Key, Sentence(recorded), unit, recorded.RecordedOn),
                                 new EscalationLevel(EscalationKind.Intervention, 0), directory.UnitName(unit), r.Roles, today))
            .ToList();
        return (notifications, resolved.Problems);
    }

    /// <summary>The escalation item key of a recorded intervention ("IV:" and its key).</summary>
    public static string ItemKey(RecordedIntervention recorded) => "IV:" + recorded?.Key.Normalize(System.Text.NormalizationForm.FormC);

    /// <summary>
    /// "Ngày 01/03/2026, đồng chí Nguyễn Văn A sửa cột “Hạn sau gia hạn” của dòng 3.5.a|VHXH (Phân công) từ 14/02/2026 thành
    /// 31/12/2026; DanVan365 đã khôi phục."
    /// </summary>
    public static string Sentence(RecordedIntervention recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var i = recorded.Intervention;
        var day = (i.At is { } at ? WardTime.ToWardDate(at) : recorded.RecordedOn).ToString("dd/MM/yyyy", Vi);
        var where = $"cột “{i.Column}” của dòng {i.RowKey} ({i.List})";
        return i.Action switch
        {
            InterventionAction.Restored =>
                $"Ngày {day}, {Who(i.By)} sửa {where} từ {Value(i.Restored)} thành {Value(i.Found)}; DanVan365 đã khôi phục.",
            InterventionAction.Ignored =>
                $"Ngày {day}, {Who(i.By)} ghi {where} là {Value(i.Found)} ngoài DanVan365; DanVan365 không sử dụng dòng này.",
            _ => $"Ngày {day}, {Who(i.By)} ghi {where} là {Value(i.Found)}; DanVan365 đã từ chối: {i.Reason}",
        };
    }

    /// <summary>"đồng chí Nguyễn Văn A", "ứng dụng X", or "người dùng không xác định".</summary>
    private static string Who(FileModifier? by) => by switch
    {
        { UserName: { Length: > 0 } name } => "đồng chí " + name,
        { UserId: { Length: > 0 } id } => "người dùng có mã " + id,
        { ApplicationName: { Length: > 0 } app } => "ứng dụng " + app,
        { ApplicationId: { Length: > 0 } appId } => "ứng dụng có mã " + appId,
        _ => "người dùng không xác định",
    };

    private static string Value(string? value) => InterventionRow.Shown(value) is { Length: > 0 } shown ? shown : "(trống)";
}
