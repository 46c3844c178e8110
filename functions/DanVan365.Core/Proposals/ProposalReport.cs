using DanVan365.Core.Reporting;
using DanVan365.Core.Text;

namespace DanVan365.Core.Proposals;

/// <summary>One line of the compiled report's "Đề xuất, kiến nghị" part about a proposal (all Vietnamese, NFC).</summary>
/// <param name="Id">Proposal id.</param>
/// <param name="UnitName">The proposing unit's full name.</param>
/// <param name="TaskCode">The task concerned; null for a new task.</param>
/// <param name="Kind">Vietnamese kind word ("Gia hạn").</param>
/// <param name="Summary">What is asked, e.g. "Gia hạn nhiệm vụ 1.2 đến 30/06/2026".</param>
/// <param name="Reason">The unit's reason.</param>
/// <param name="State">Vietnamese state word ("Đã trình"), plus "đã thực hiện theo Quyết định số …" once carried out.</param>
/// <param name="Note">The latest note (decider's, else reviewer's), or null.</param>
public sealed record ProposalReportLine(string Id, string UnitName, string? TaskCode, string Kind, string Summary, string Reason,
    string State, string? Note);

/// <summary>The proposals of a reporting round with their states, for the compiled report (model only).</summary>
public static class ProposalReport
{
    /// <summary>
    /// The proposals of <paramref name="round"/>: those proposed on or before its last day and either proposed after the
    /// previous round's last day, acted on after it, or still waiting — so nothing open falls between two rounds.
    /// Ordered by unit (directory order), then id.
    /// </summary>
    public static IReadOnlyList<ProposalReportLine> ForRound(IEnumerable<Proposal> proposals, ReportRound round, ReportRound? previous,
        ProposalAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(authority);
        var order = authority.Units.Units.Select((u, i) => (u.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return [.. proposals
            .Where(p => p.ProposedOn <= round.LastDay && (previous is null || p.ProposedOn > previous.LastDay
                || LastActivity(p) > previous.LastDay || p.State.IsOpen()))
            .OrderBy(p => order.GetValueOrDefault(p.UnitCode, int.MaxValue))
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => Line(p, authority))];
    }

    /// <summary>"Gia hạn nhiệm vụ 1.2 đến 30/06/2026", "Sửa nội dung nhiệm vụ 2.3: …", "Bổ sung nhiệm vụ: …", "Bãi bỏ nhiệm vụ
    /// 3.5.b".</summary>
    public static string Summary(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return proposal.Kind switch
        {
            ProposalKind.Extend => $"Gia hạn nhiệm vụ {proposal.TaskCode}"
                + (proposal.ProposedLastDay is { } d ? " đến " + VietnameseText.PaddedDate(d) : string.Empty),
            ProposalKind.Change => $"Sửa nội dung nhiệm vụ {proposal.TaskCode}: {proposal.ProposedText}",
            ProposalKind.Add => "Bổ sung nhiệm vụ: " + proposal.ProposedText
                + (proposal.ProposedLastDay is { } d ? ", hoàn thành trước " + VietnameseText.PaddedDate(d.AddDays(1)) : string.Empty),
            ProposalKind.Remove => $"Bãi bỏ nhiệm vụ {proposal.TaskCode}",
            _ => throw new ArgumentOutOfRangeException(nameof(proposal), proposal.Kind, "Unknown kind."),
        };
    }

    private static ProposalReportLine Line(Proposal p, ProposalAuthority authority)
    {
        var state = p.State.ToWord() + (p.IsClosed ? $" (đã thực hiện theo Quyết định số {p.ClosedByDecision})" : string.Empty);
        if (p is { Kind: ProposalKind.Extend, State: ProposalState.Approved, ProposedLastDay: { } day })
        {
            // The effective last day and who granted it, the decision's date staying in the appendix (issue 17).
            var who = authority.Describe(p.DecidedBy);
            state += ", gia hạn đến " + VietnameseText.PaddedDate(day) + (who.Length == 0 ? string.Empty : " theo ý kiến của " + who);
        }

        var note = p.DecisionNote ?? p.ReviewNote;
        return new ProposalReportLine(p.Id, authority.Units.Find(p.UnitCode)?.Name ?? p.UnitCode, p.TaskCode, p.Kind.ToWord(), Summary(p),
            p.Reason, state, note);
    }

    private static DateOnly LastActivity(Proposal p) =>
        new[] { p.ProposedOn, p.ReviewedOn, p.DecidedOn, p.WithdrawnOn, p.ClosedOn }.Max(d => d ?? DateOnly.MinValue);
}
