using DanVan365.Core.Catalogue;
using DanVan365.Core.Text;

namespace DanVan365.Core.Proposals;

/// <summary>
/// Which approved proposals an amended catalogue (a re-issued or amending decision, once synced) carries out (pure):
/// <list type="bullet">
/// <item>Gia hạn: the task is still there and its last day is now on or after the proposed one;</item>
/// <item>Sửa nội dung: the task's text now equals the proposed text (NFC, whitespace normalised);</item>
/// <item>Bổ sung: a work item now has the proposed text;</item>
/// <item>Bãi bỏ: the task is gone.</item>
/// </list>
/// Only approved proposals not yet closed are considered; the others are never covered.
/// </summary>
public static class AmendmentCoverage
{
    /// <summary>The approved, open proposals <paramref name="amended"/> covers, in id order.</summary>
    public static IReadOnlyList<Proposal> Covered(TaskCatalogue amended, IEnumerable<Proposal> proposals)
    {
        ArgumentNullException.ThrowIfNull(amended);
        ArgumentNullException.ThrowIfNull(proposals);
        var byCode = amended.Tasks.GroupBy(t => t.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(),
            StringComparer.Ordinal);
        var texts = amended.WorkItems.Select(t => VietnameseText.Normalize(t.Title)).ToHashSet(StringComparer.Ordinal);
        return [.. proposals
            .Where(p => p.State == ProposalState.Approved && !p.IsClosed && IsCovered(p, byCode, texts))
            .OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>The covered proposals closed by <paramref name="amended"/>'s decision (see <see cref="ProposalWorkflow.Close"/>).</summary>
    public static IReadOnlyList<Proposal> Close(TaskCatalogue amended, IEnumerable<Proposal> proposals, ProposalWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return [.. Covered(amended, proposals).Select(p => workflow.Close(p, amended.Decision).Value)];
    }

    private static bool IsCovered(Proposal p, Dictionary<string, CatalogueTask> byCode, HashSet<string> texts)
    {
        var task = p.TaskCode is null ? null : byCode.GetValueOrDefault(p.TaskCode);
        return p.Kind switch
        {
            ProposalKind.Extend => task?.TimeFrame?.LastDay is { } day && p.ProposedLastDay is { } proposed && day >= proposed,
            ProposalKind.Change => task is not null && p.ProposedText is not null
                && VietnameseText.Normalize(task.Title) == VietnameseText.Normalize(p.ProposedText),
            ProposalKind.Add => p.ProposedText is not null && texts.Contains(VietnameseText.Normalize(p.ProposedText)),
            ProposalKind.Remove => p.TaskCode is not null && task is null,
            _ => false,
        };
    }
}
