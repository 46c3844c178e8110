using System.Globalization;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// A unit's name OCR read with a capital where the name has a small letter that differs from its capital only in size
/// ("Đảng Ủy Cơ quan Đảng phường" for "Đảng ủy cơ quan Đảng phường"): the resolver matches names whatever their case,
/// so such a cell resolves as read, but the catalogue would keep the misread capitals. A known name found in a cell with
/// only such letters in capitals is written as the decision's cells first write it (<see cref="OcrPhraseRepair.WrittenNames"/>),
/// else as the directory does, unless the cells read it as it stands at least twice (the decision's own capitals, "Ban Xây
/// dựng Đảng"); the letter that starts a cell or a clause is left as read. The caller flags each cell changed.
/// </summary>
internal static class ScanUnitNameCase
{
    /// <summary>Each cell with its names' misread capitals lowered, or null for a cell left as read.</summary>
    public static List<string?> Mend(UnitDirectory units, IReadOnlyList<string> cells, IReadOnlyDictionary<string, string> written)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(written);
        var names = units.KnownNames()
            .Select(n => VietnameseText.Nfc(written.GetValueOrDefault(VietnameseText.MatchKey(n.Name)) ?? n.Name))
            .Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).ToList();
        var texts = cells.Select(c => VietnameseText.Nfc(c).ToCharArray()).ToList();
        var found = texts.Select((text, cell) => (cell, text)).SelectMany(x => Occurrences(new string(x.text), names)
            .Select(o => (Cell: x.cell, o.At, o.Name, Read: new string(x.text, o.At, o.Name.Length)))).ToList();
        var seen = found.GroupBy(f => f.Read, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var changed = new bool[texts.Count];
        foreach (var (cell, at, name, read) in found)
        {
            if (seen[read] < 2 && Recase(texts[cell], at, name))
            {
                changed[cell] = true;
            }
        }

        return [.. texts.Select((t, i) => changed[i] ? new string(t) : null)];
    }

    // Where each name stands in the text as whole words, whatever its case; longer names first, none overlapping.
    private static List<(int At, string Name)> Occurrences(string text, List<string> names)
    {
        var lower = text.ToLower(CultureInfo.InvariantCulture);
        var taken = new bool[text.Length];
        var result = new List<(int, string)>();
        foreach (var name in names.Where(n => n.Length > 0))
        {
            var key = name.ToLower(CultureInfo.InvariantCulture);
            for (var at = lower.IndexOf(key, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(key, at + 1, StringComparison.Ordinal))
            {
                var end = at + key.Length;
                if ((at == 0 || !char.IsLetterOrDigit(lower[at - 1])) && (end == lower.Length || !char.IsLetterOrDigit(lower[end]))
                    && !taken[at..end].Any(t => t))
                {
                    Array.Fill(taken, true, at, key.Length);
                    result.Add((at, name));
                }
            }
        }

        return result;
    }

    // Writes the name's small letters over capitals OCR read for them, when every such capital is a size-only letter and
    // none starts the cell or a clause; whether anything changed.
    private static bool Recase(char[] text, int at, string name)
    {
        var differs = Enumerable.Range(0, name.Length).Where(i => text[at + i] != name[i]).ToList();
        if (differs.Count == 0 || differs.Any(i => !char.IsLower(name[i]) || StartsClause(text, at + i)
            || !OcrPhraseRepair.Loose(name[i].ToString()).All(ScanSpellingConsensus.SizeOnlyLetters.Contains)))
        {
            return false;
        }

        foreach (var i in differs)
        {
            text[at + i] = name[i];
        }

        return true;
    }

    private static bool StartsClause(char[] text, int index)
    {
        var before = new string(text, 0, index).TrimEnd();
        return before.Length == 0 || before[^1] == ';';
    }
}
