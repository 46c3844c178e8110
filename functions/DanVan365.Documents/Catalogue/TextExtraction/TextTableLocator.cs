using DanVan365.Core.Text;
using static DanVan365.Documents.Catalogue.TextExtraction.TextPatterns;

namespace DanVan365.Documents.Catalogue.TextExtraction;

/// <summary>
/// Where the catalogue table is in a text extraction: its header row ("TT Nhiệm vụ …", however broken over lines),
/// the header's words (to recognise every repetition on a new page), the first body line and the end (part "II.").
/// </summary>
internal sealed class TextTableLocator(IReadOnlyList<NumberedLine> lines)
{
    /// <summary>Index of the first header line, or −1 when there is none.</summary>
    public int FindHeader()
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var words = Words(lines[i].Text);
            if (words.Count == 0 || (words[0] != "tt" && words[0] != "stt"))
            {
                continue;
            }

            var next = lines.Skip(i).Take(6).SelectMany(l => Words(l.Text)).Take(4).ToList();
            if (next.Count >= 3 && next[1] == "nhiệm" && next[2] == "vụ")
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>First line after the header that starts with a digit (the first row or the column numbers).</summary>
    public int BodyStart(int headerStart)
    {
        var bodyStart = headerStart;
        while (bodyStart < lines.Count && !StartsWithDigit(lines[bodyStart].Text))
        {
            bodyStart++;
        }

        return bodyStart;
    }

    /// <summary>The header's words, lower case, in order.</summary>
    public List<string> HeaderWords(int headerStart, int bodyStart) =>
        lines.Skip(headerStart).Take(bodyStart - headerStart).SelectMany(l => Words(l.Text)).ToList();

    /// <summary>Index of the part "II." line, or −1 when the file ends first (cut off).</summary>
    public int TableEnd(int bodyStart)
    {
        for (var i = bodyStart; i < lines.Count; i++)
        {
            if (PartTwoRegex().IsMatch(VietnameseText.Normalize(lines[i].Text)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index after a repeated page header starting at <paramref name="i"/>, or −1.</summary>
    public int HeaderEndAt(int i, int end, IReadOnlyList<string> headerWords)
    {
        var k = 0;
        var j = i;
        while (j < end && k < headerWords.Count)
        {
            var words = Words(lines[j].Text);
            if (words.Count == 0)
            {
                if (k == 0)
                {
                    return -1;
                }

                j++;
                continue;
            }

            if (k + words.Count > headerWords.Count || !words.SequenceEqual(headerWords.Skip(k).Take(words.Count)))
            {
                return -1;
            }

            k += words.Count;
            j++;
        }

        return k == headerWords.Count ? j : -1;
    }
}
