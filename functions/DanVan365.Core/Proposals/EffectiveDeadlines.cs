using DanVan365.Core.Catalogue;
using DanVan365.Core.Text;

namespace DanVan365.Core.Proposals;

/// <summary>
/// One assignment's last day: the decision's (kept beside it) and the effective one after approved extensions.
/// </summary>
/// <param name="TaskCode">Catalogue code.</param>
/// <param name="UnitCode">The lead unit (an assignment is task × lead unit, as in Phân công).</param>
/// <param name="DecisionLastDay">The last day the decision gives (null for ongoing tasks).</param>
/// <param name="EffectiveLastDay">The last day status, Planner, reminders and escalation follow.</param>
/// <param name="Extension">The approved extension that set <see cref="EffectiveLastDay"/>, or null.</param>
public sealed record EffectiveDeadline(string TaskCode, string UnitCode, DateOnly? DecisionLastDay, DateOnly? EffectiveLastDay,
    Proposal? Extension)
{
    /// <summary>"code|unitCode", the Phân công key.</summary>
    public string AssignmentKey => TaskCode + "|" + UnitCode;

    public bool IsExtended => Extension is not null;
}

/// <summary>
/// Effective last days (pure). An approved, not yet carried out "Gia hạn" proposal moves the last day of the assignment
/// it concerns: the proposing unit's own assignment when it leads the task, every lead unit's assignment of the task
/// when it only coordinates. Of several approved extensions of one assignment the latest decided wins (then the higher
/// id). An extension no longer applies once the catalogue's own last day reaches it (a re-issued decision carried it
/// out) or once it is closed by an amendment: the decision's date then governs again.
/// </summary>
public static class EffectiveDeadlines
{
    /// <summary>
    /// The one rule: an extension counts only when the decision gives a last day and the extension goes beyond it (a
    /// re-issued decision that reaches or passes it has carried it out); otherwise the decision's last day governs.
    /// </summary>
    public static DateOnly? Effective(DateOnly? decisionLastDay, DateOnly? extendedTo) =>
        decisionLastDay is { } decided && extendedTo is { } extended && extended > decided ? extended : decisionLastDay;

    /// <summary>Every assignment of the catalogue's work items (task × lead or follow-up unit, <see cref="CatalogueTask.Holders"/>),
    /// in catalogue order.</summary>
    public static IReadOnlyList<EffectiveDeadline> Compute(TaskCatalogue catalogue, IEnumerable<Proposal> proposals)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(proposals);
        var extensions = proposals
            .Where(p => p.Kind == ProposalKind.Extend && p.State == ProposalState.Approved && !p.IsClosed
                && p.TaskCode is not null && p.ProposedLastDay is not null)
            .OrderBy(p => p.DecidedOn ?? DateOnly.MinValue)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        var result = new List<EffectiveDeadline>();
        foreach (var task in catalogue.WorkItems)
        {
            var decisionDay = task.TimeFrame?.LastDay;
            var holders = task.Holders.Distinct(StringComparer.Ordinal).ToList();
            foreach (var unit in holders)
            {
                var applied = extensions.LastOrDefault(p => p.TaskCode == task.Code
                    && (p.UnitCode == unit || !holders.Contains(p.UnitCode))
                    && Effective(decisionDay, p.ProposedLastDay) != decisionDay);
                result.Add(new EffectiveDeadline(task.Code, unit, decisionDay, Effective(decisionDay, applied?.ProposedLastDay), applied));
            }
        }

        return result;
    }

    /// <summary>Effective last days by Phân công key ("code|unitCode").</summary>
    public static IReadOnlyDictionary<string, EffectiveDeadline> ByAssignment(TaskCatalogue catalogue, IEnumerable<Proposal> proposals) =>
        Compute(catalogue, proposals).ToDictionary(d => d.AssignmentKey, StringComparer.Ordinal);

    /// <summary>
    /// The last day a unit's extension must go beyond: its own assignment's effective last day when it leads the task;
    /// the latest effective last day of the task's lead assignments when it coordinates; null for an ongoing task.
    /// </summary>
    public static DateOnly? CurrentLastDay(TaskCatalogue catalogue, IEnumerable<Proposal> proposals, string taskCode, string unitCode)
    {
        var ofTask = Compute(catalogue, proposals).Where(d => d.TaskCode == taskCode).ToList();
        var own = ofTask.FirstOrDefault(d => d.UnitCode == unitCode);
        return own is not null ? own.EffectiveLastDay : ofTask.Select(d => d.EffectiveLastDay).Max();
    }

    /// <summary>
    /// The compiled report's words for an extended assignment: "gia hạn đến 30/06/2026 theo ý kiến của Phó Chủ tịch Ủy ban
    /// nhân dân phường Bùi Quang Ngân"; null when the assignment is not extended.
    /// </summary>
    public static string? ExtensionPhrase(EffectiveDeadline deadline, ProposalAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(authority);
        if (deadline is not { Extension: { } p, EffectiveLastDay: { } day })
        {
            return null;
        }

        var who = authority.Describe(p.DecidedBy);
        return "gia hạn đến " + VietnameseText.PaddedDate(day) + (who.Length == 0 ? string.Empty : " theo ý kiến của " + who);
    }

    /// <summary>
    /// The compiled report's extensions by task code: the latest effective last day of the task's lead assignments, and
    /// the phrase — one "gia hạn đến D theo ý kiến của …" when every lead assignment carries the same, else one
    /// "{unit}: gia hạn đến …" per extended lead unit, joined by "; ". Tasks without an applying extension are absent.
    /// </summary>
    public static IReadOnlyDictionary<string, Reporting.ReportExtension> ReportExtensions(TaskCatalogue catalogue,
        IEnumerable<Proposal> proposals, ProposalAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        var result = new Dictionary<string, Reporting.ReportExtension>(StringComparer.Ordinal);
        foreach (var task in Compute(catalogue, proposals).GroupBy(d => d.TaskCode, StringComparer.Ordinal))
        {
            var all = task.ToList();
            var extended = all.Where(d => d.IsExtended).Select(d => (d.UnitCode, Phrase: ExtensionPhrase(d, authority)!)).ToList();
            if (extended.Count == 0)
            {
                continue;
            }

            var text = extended.Count == all.Count && extended.Select(e => e.Phrase).Distinct(StringComparer.Ordinal).Count() == 1
                ? extended[0].Phrase
                : string.Join("; ", extended.Select(e => (authority.Units.Find(e.UnitCode)?.Name ?? e.UnitCode) + ": " + e.Phrase));
            result[VietnameseText.Nfc(task.Key)] = new Reporting.ReportExtension(all.Max(d => d.EffectiveLastDay)!.Value, text);
        }

        return result;
    }

    /// <summary>
    /// The deadline as the report writes it: "31/03/2026" or, when extended, "31/03/2026 (gia hạn đến 30/06/2026 theo ý
    /// kiến của …)" — the decision's date stays beside the effective one. Empty for an ongoing task.
    /// </summary>
    public static string DeadlineText(EffectiveDeadline deadline, ProposalAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var decision = deadline.DecisionLastDay is { } d ? VietnameseText.PaddedDate(d) : string.Empty;
        return ExtensionPhrase(deadline, authority) is { } phrase ? $"{decision} ({phrase})" : decision;
    }
}
