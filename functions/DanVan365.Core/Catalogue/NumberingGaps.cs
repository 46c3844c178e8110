using System.Globalization;

namespace DanVan365.Core.Catalogue;

/// <summary>
/// Numbers a re-issued decision skips where a task was removed ("4.9" then "4.11"; sub-items "a" then "c"). A gap
/// is a warning naming the missing codes, not an error: a truncated file is caught by its table ending early.
/// </summary>
public static class NumberingGaps
{
    private const string SubItemLetters = "abcdđeghiklmnopqrstuvxy";

    public static IReadOnlyList<CatalogueWarning> Find(RawCatalogue raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var warnings = new List<CatalogueWarning>();
        foreach (var group in raw.Entries.Where(e => e.Parent is null).GroupBy(e => e.Section, StringComparer.Ordinal))
        {
            var previous = 0;
            foreach (var entry in group)
            {
                var number = int.TryParse(entry.Code.AsSpan(entry.Section.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture,
                    out var n) ? n : 0;
                if (number > previous + 1)
                {
                    var missing = Enumerable.Range(previous + 1,
                        number - previous - 1).Select(k => string.Create(CultureInfo.InvariantCulture, $"{group.Key}.{k}"));
                    warnings.Add(Gap(raw.File, entry, missing));
                }

                previous = Math.Max(previous, number);
            }
        }

        foreach (var group in raw.Entries.Where(e => e.Parent is not null).GroupBy(e => e.Parent!, StringComparer.Ordinal))
        {
            var previous = -1;
            foreach (var entry in group)
            {
                var letter = SubItemLetters.IndexOf(entry.Code[^1], StringComparison.Ordinal);
                if (letter > previous + 1)
                {
                    warnings.Add(Gap(raw.File, entry, SubItemLetters[(previous + 1)..letter].Select(c => group.Key + "." + c)));
                }

                previous = Math.Max(previous, letter);
            }
        }

        return [.. warnings.OrderBy(w => w.Line)];
    }

    private static CatalogueWarning Gap(string file, RawEntry entry, IEnumerable<string> missing)
    {
        var codes = string.Join(", ", missing);
        return new CatalogueWarning(file, entry.Line,
            $"Số thứ tự bị bỏ qua trước nhiệm vụ {entry.Code}: không có {codes} (quyết định ban hành lại đã bỏ nhiệm vụ?). "
            + $"Numbering gap before {entry.Code}: {codes} missing.");
    }
}
