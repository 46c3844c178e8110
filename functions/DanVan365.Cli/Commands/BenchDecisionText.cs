using System.Globalization;
using System.Text;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;

namespace DanVan365.Cli.Commands;

/// <summary>
/// A decision file larger than the bundled one, for `bench dashboard` (issue 25: the Functions read the decision from the
/// library, so the generated ward needs a file). The bundled text extraction with copies of its plain task blocks (no
/// footnote, no sub-items, no page break or footnote rule inside) added to section 1 under new codes (1.4, 1.5, …), so the importer reads
/// each copy as it reads the original. The result is imported to check it gives the work items asked for.
/// </summary>
internal static class BenchDecisionText
{
    /// <summary>The bundled decision's text grown to <paramref name="workItems"/> work items, and its catalogue.</summary>
    public static (byte[] Content, TaskCatalogue Catalogue) Grow(string text, TaskCatalogue bundled, UnitDirectory units,
        int workItems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(bundled);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var start = lines.FindIndex(l => l.Contains("DANH MỤC CÁC NHIỆM VỤ", StringComparison.Ordinal));
        var end = lines.FindIndex(start + 1, l => l.Contains("TỔ CHỨC THỰC HIỆN", StringComparison.Ordinal));
        var codes = bundled.Tasks.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var sections = bundled.Sections.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        bool Boundary(string line)
        {
            var trimmed = line.Trim();
            var first = trimmed.Split(' ', 2)[0];
            return codes.Contains(trimmed) || sections.Contains(trimmed)
                || (sections.Contains(first) && trimmed.Length > first.Length && char.IsUpper(trimmed[first.Length + 1]));
        }

        int? LineOf(string code) => Enumerable.Range(start, end - start).Cast<int?>().FirstOrDefault(i => lines[i!.Value].Trim() == code);
        var templates = new List<List<string>>();
        foreach (var task in bundled.WorkItems.Where(t => t.Parent is null && t.Footnotes.Count == 0
            && !bundled.Tasks.Any(c => c.Parent == t.Code)))
        {
            if (LineOf(task.Code) is not { } from)
            {
                continue;
            }

            var to = Enumerable.Range(from + 1, end - from - 1).FirstOrDefault(i => Boundary(lines[i]), end);
            var block = lines.GetRange(from, to - from);
            if (block.Count < 60 && !block.Any(l => l.Contains("Cơ quan chủ", StringComparison.Ordinal)
                || l.Contains("TT Nhiệm vụ", StringComparison.Ordinal) || l.TrimStart().StartsWith("___", StringComparison.Ordinal)
                || (l.Length >= 10 && l.Trim().Length == 0)))
            {
                templates.Add(block);
            }
        }

        var sectionOne = bundled.Tasks.Count(t => t.Section == "1" && t.Parent is null);
        var insertAt = Enumerable.Range(start + 1, end - start - 1).First(i => i > LineOf("1." + sectionOne.ToString(
            CultureInfo.InvariantCulture)) && Boundary(lines[i]));
        var copies = new List<string>();
        var extra = Math.Max(0, workItems - bundled.WorkItems.Count());
        for (var n = 0; n < extra && templates.Count > 0; n++)
        {
            var block = templates[n % templates.Count];
            copies.Add(string.Create(CultureInfo.InvariantCulture, $"1.{sectionOne + n + 1} "));
            copies.AddRange(block.Skip(1));
        }

        lines.InsertRange(insertAt, copies);
        var content = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        using var stream = new MemoryStream(content, writable: false);
        var catalogue = DecisionImporters.Import(stream, "qd-bench.txt", units);
        if (catalogue.WorkItems.Count() != Math.Max(workItems, bundled.WorkItems.Count()))
        {
            throw new InvalidInputException("qd-bench.txt", 0, string.Create(CultureInfo.InvariantCulture,
                $"the generated decision reads as {catalogue.WorkItems.Count()} work items, not {workItems}"));
        }

        return (content, catalogue);
    }
}
