using DanVan365.Core.Catalogue;
using DanVan365.Core.Text;

namespace DanVan365.Core.Reporting;

/// <summary>
/// What a round covers, as a catalogue (pure): a decision round covers the whole catalogue; an ad hoc round only its chosen
/// tasks (with the headings above them and the sections they are in), and on each task only its chosen units as lead or
/// coordinating units (the cells' wording stays the decision's). The compiled report of a round is built from this, so only
/// the round's tasks and units appear in it.
/// </summary>
public static class RoundScope
{
    /// <summary>The catalogue <paramref name="round"/> covers (the same instance for a round without chosen tasks and units).</summary>
    public static TaskCatalogue Of(TaskCatalogue catalogue, ReportRound round)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(round);
        if (round.Tasks is null && round.Units is null)
        {
            return catalogue;
        }

        var work = catalogue.WorkItems.Where(t => round.Covers(t.Code)).ToList();
        var parents = new HashSet<string>(StringComparer.Ordinal);
        var byCode = catalogue.Tasks.GroupBy(t => VietnameseText.Nfc(t.Code), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var task in work)
        {
            var parent = task.Parent;
            while (parent is not null && parents.Add(VietnameseText.Nfc(parent)))
            {
                parent = byCode.GetValueOrDefault(VietnameseText.Nfc(parent))?.Parent;
            }
        }

        var kept = catalogue.Tasks
            .Where(t => t.IsHeading ? parents.Contains(VietnameseText.Nfc(t.Code)) : round.Covers(t.Code))
            .Select(t => t.IsHeading ? t : t with
            {
                Lead = t.Lead with { Units = [.. t.Lead.Units.Where(round.Asks)] },
                Coordinating = t.Coordinating with { Units = [.. t.Coordinating.Units.Where(round.Asks)] },
            })
            .ToList();
        var sections = kept.Select(t => t.Section).ToHashSet(StringComparer.Ordinal);
        return catalogue with { Tasks = kept, Sections = [.. catalogue.Sections.Where(s => sections.Contains(s.Code))] };
    }
}
