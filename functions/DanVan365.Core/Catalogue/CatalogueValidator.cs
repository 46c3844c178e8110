using System.Globalization;

namespace DanVan365.Core.Catalogue;

/// <summary>A rule a catalogue breaks; <see cref="Index"/> is the offending task's position in <see cref="TaskCatalogue.Tasks"/> (−1: the
/// decision).</summary>
public sealed record CatalogueProblem(int Index, string Message);

/// <summary>Checks a whole catalogue: unique codes, work items complete, headings have children, parents and sections exist, footnotes
/// defined, rounds in order.</summary>
public static class CatalogueValidator
{
    /// <summary>Returns every problem found (empty when the catalogue is valid).</summary>
    public static IReadOnlyList<CatalogueProblem> Validate(TaskCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var problems = new List<CatalogueProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sections = catalogue.Sections.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var codes = catalogue.Tasks.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var marks = catalogue.Footnotes.Select(f => f.Mark).ToHashSet(StringComparer.Ordinal);

        if (catalogue.Tasks.Count == 0)
        {
            problems.Add(new(-1, "the catalogue has no tasks"));
        }

        for (var i = 0; i < catalogue.Tasks.Count; i++)
        {
            var t = catalogue.Tasks[i];
            if (!seen.Add(t.Code))
            {
                problems.Add(new(i, $"duplicate task code {t.Code}"));
            }

            if (t.Title.Length == 0)
            {
                problems.Add(new(i, $"task {t.Code} has no title"));
            }

            if (!sections.Contains(t.Section))
            {
                problems.Add(new(i, $"task {t.Code} belongs to section {t.Section}, which the catalogue does not have"));
            }

            if (t.Parent is not null && !codes.Contains(t.Parent))
            {
                problems.Add(new(i, $"task {t.Code} has parent {t.Parent}, which the catalogue does not have"));
            }

            var hasChildren = catalogue.Tasks.Any(c => c.Parent == t.Code);
            if (t.TimeFrame is null && !hasChildren)
            {
                problems.Add(new(i, $"task {t.Code} has no time frame"));
            }
            else if (t.TimeFrame is not null && t.Lead.Units.Count == 0)
            {
                problems.Add(new(i, $"task {t.Code} has no lead unit"));
            }
            else if (t.TimeFrame is null && t.Lead.Text.Length > 0)
            {
                problems.Add(new(i, $"task {t.Code} has lead units but no time frame"));
            }

            foreach (var f in t.Footnotes.Where(f => !marks.Contains(f)))
            {
                problems.Add(new(i, $"task {t.Code} refers to footnote {f}, whose text is missing"));
            }
        }

        var rounds = catalogue.Decision.ReportingRounds;
        for (var r = 0; r < rounds.Count; r++)
        {
            if (rounds[r].Round != r + 1)
            {
                problems.Add(new(-1, string.Create(CultureInfo.InvariantCulture,
                    $"reporting round {rounds[r].Round} is out of order (expected {r + 1})")));
            }
            else if (r > 0 && rounds[r].LastDay <= rounds[r - 1].LastDay)
            {
                problems.Add(new(-1, string.Create(CultureInfo.InvariantCulture,
                    $"reporting round {rounds[r].Round} ends on or before round {rounds[r - 1].Round}")));
            }
        }

        return problems;
    }
}
