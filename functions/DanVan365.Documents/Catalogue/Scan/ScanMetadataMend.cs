using DanVan365.Core.Catalogue;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// Mends the signature block of a scanned decision, which the signature and the stamp lie over: each capacity line is
/// compared, on its letters alone (<see cref="OcrPhraseRepair.Loose"/>), with the forms of Decree 30/2020/NĐ-CP
/// ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", …) and the signer's name with the directory's people; a line
/// equal to exactly one of them (the name within one letter in eight) takes its spelling. What it mended, line by line,
/// and the lines still neither a form nor a person (a line misread, or taken for the signature block because the real
/// one was lost under the stamp) are kept so the reader can flag those lines for review.
/// </summary>
internal static class ScanMetadataMend
{
    /// <summary>The capacity lines a ward's decision is signed under (Decree 30/2020/NĐ-CP, Appendix I; ../shared/ND30.md).</summary>
    private static readonly string[] CapacityForms =
    [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHỦ TỊCH", "TL. CHỦ TỊCH", "TUQ. CHỦ TỊCH", "Q. CHỦ TỊCH",
        "CHÁNH VĂN PHÒNG",
    ];

    /// <summary>The decision with its signature block mended; <paramref name="mended"/> maps each line read to its
    /// mended text (to itself for a doubtful line).</summary>
    public static RawDecision Mend(RawDecision decision, UnitDirectory? units, Dictionary<string, string> mended)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(mended);
        var capacity = decision.SignerCapacity.Select(line => Unique(line, CapacityForms, 0, mended)).ToList();
        var people = units?.People.Select(p => p.DisplayName).Distinct(StringComparer.Ordinal).ToList() ?? [];
        var signer = decision.Signer.Length == 0 ? decision.Signer
            : Unique(decision.Signer, people, OcrPhraseRepair.Loose(decision.Signer).Length / 8, mended);

        // what is still neither a form nor a person was misread (or taken from the wrong line): flagged as it is
        foreach (var line in capacity.Where(c => !CapacityForms.Contains(c, StringComparer.Ordinal)))
        {
            mended.TryAdd(line, line);
        }

        if (signer.Length > 0 && people.Count > 0 && !people.Contains(signer, StringComparer.Ordinal))
        {
            mended.TryAdd(signer, signer);
        }

        return decision with { Signer = signer, SignerCapacity = capacity };
    }

    // The one candidate within `budget` edits of the line (on letters alone), or the line as read.
    private static string Unique(string line, IReadOnlyList<string> candidates, int budget, Dictionary<string, string> mended)
    {
        var loose = OcrPhraseRepair.Loose(line);
        var matches = candidates.Where(c => VietnameseText.EditDistance(OcrPhraseRepair.Loose(c), loose) <= budget).ToList();
        if (loose.Length == 0 || matches.Count != 1 || string.Equals(matches[0], line, StringComparison.Ordinal))
        {
            return line;
        }

        mended[line] = matches[0];
        return matches[0];
    }
}
