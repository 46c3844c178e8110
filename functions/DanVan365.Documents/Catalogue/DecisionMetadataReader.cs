using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Text;

namespace DanVan365.Documents.Catalogue;

/// <summary>A line of text with its 1-based line number (for .docx: paragraph number).</summary>
public readonly record struct NumberedLine(int Number, string Text);

/// <summary>
/// Reads a decision's own metadata from the text around the catalogue table (shared by all importers):
/// number and date from the annex line "(Ban hành kèm theo Quyết định số 673 /QĐ-UBND ngày 12 /02/2026 …)",
/// issuer from "ỦY BAN NHÂN DÂN PHƯỜNG …", signer and signing capacity from the signature block,
/// reporting rounds and aggregating unit from part II ("… (qua Phòng Văn hóa - Xã hội tổng hợp) lần 1 trước ngày …").
/// </summary>
public static partial class DecisionMetadataReader
{
    public static RawDecision Read(string file, IReadOnlyList<NumberedLine> before, IReadOnlyList<NumberedLine> after) =>
        Read(file, before, after, unnumbered: false);

    /// <summary>
    /// Reads the metadata; with <paramref name="unnumbered"/> (a scan of the table alone) a missing annex line gives a
    /// decision without number or date (the rest read as usual), which the catalogue's assembly refuses, instead of
    /// refusing the reading: the table that was read can still be printed and reviewed.
    /// </summary>
    internal static RawDecision Read(string file, IReadOnlyList<NumberedLine> before, IReadOnlyList<NumberedLine> after, bool unnumbered)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var (front, frontMap) = Join(before);

        var m = AnnexRegex().Match(front);
        if (!m.Success && unnumbered)
        {
            var (unsigned, unsignedCapacity) = ReadSignature(before);
            var (r, a, aLine) = ReadRounds(file, after);
            return new RawDecision(string.Empty, default, ReadIssuer(before), unsigned, unsignedCapacity, a, aLine, r);
        }

        if (!m.Success)
        {
            throw new InvalidInputException(file, 0, CatalogueAssembler.MissingNumber);
        }

        var annexLine = LineOf(frontMap, m.Index);
        if (!TimeFrameParser.ParseDate(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value, out var date, out var error))
        {
            throw new InvalidInputException(file, annexLine, "impossible decision date: " + error);
        }

        var number = m.Groups["n"].Value + "/" + m.Groups["t"].Value;
        var issuer = ReadIssuer(before);
        var (signer, capacity) = ReadSignature(before);

        var (rounds, aggregating, aggregatingLine) = ReadRounds(file, after);
        return new RawDecision(number, date, issuer, signer, capacity, aggregating, aggregatingLine, rounds)
        {
            Recipients = ReadRecipients(front),
        };
    }

    /// <summary>Reporting rounds ("lần 1 trước ngày …") and the aggregating unit ("(qua … tổng hợp)") with its line.</summary>
    internal static (List<ReportingRound> Rounds, string? Aggregating, int AggregatingLine) ReadRounds(string file,
        IReadOnlyList<NumberedLine> lines)
    {
        var (tail, tailMap) = Join(lines);
        var rounds = new List<ReportingRound>();
        foreach (Match r in RoundRegex().Matches(tail))
        {
            rounds.AddRange(TimeFrameParser.ParseReportingRounds(r.Value, file, LineOf(tailMap, r.Index)));
        }

        var a = AggregatingRegex().Match(tail);
        return a.Success ? (rounds, a.Groups["u"].Value.Trim(), LineOf(tailMap, a.Groups["u"].Index)) : (rounds, null, 0);
    }

    /// <summary>
    /// The "Nơi nhận:" block: its "- …;" entries up to and including "- Lưu: …." (or the signing capacity), each without
    /// the dash and the final ";" or "."; empty when the decision has no such block.
    /// </summary>
    internal static IReadOnlyList<string> ReadRecipients(string front)
    {
        var m = RecipientsRegex().Match(front);
        if (!m.Success)
        {
            return [];
        }

        var result = new List<string>();
        foreach (var part in m.Groups["list"].Value.Split(';'))
        {
            var item = part.Trim().TrimStart('-', '–', '+', ' ');
            var filing = item.StartsWith("Lưu", StringComparison.OrdinalIgnoreCase);
            if (filing && item.IndexOf('.', StringComparison.Ordinal) is var dot and > 0)
            {
                item = item[..dot];
            }

            item = item.TrimEnd(';', '.', ',', ' ');
            if (item.Length > 0)
            {
                result.Add(item);
            }

            if (filing)
            {
                break;
            }
        }

        return result;
    }

    internal static string ReadIssuer(IReadOnlyList<NumberedLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var t = VietnameseText.Normalize(lines[i].Text);
            var m = IssuerRegex().Match(t);
            if (!m.Success && t == "ỦY BAN NHÂN DÂN" && i + 2 < lines.Count)
            {
                var next = lines.Skip(i + 1).Select(l => VietnameseText.Normalize(l.Text)).FirstOrDefault(s => s.Length > 0)
                    ?? string.Empty;
                m = IssuerRegex().Match(t + " " + next);
            }

            if (m.Success)
            {
                var vi = CultureInfo.GetCultureInfo("vi-VN");
                var level = m.Groups["level"].Value.ToLower(vi);
                var name = vi.TextInfo.ToTitleCase(m.Groups["name"].Value.ToLower(vi));
                return $"Ủy ban nhân dân {level} {name}";
            }
        }

        return string.Empty;
    }

    internal static (string Signer, IReadOnlyList<string> Capacity) ReadSignature(IReadOnlyList<NumberedLine> lines)
    {
        var texts = lines.Select(l => VietnameseText.Normalize(l.Text)).Where(t => t.Length > 0).ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!CapacityStartRegex().IsMatch(texts[i]))
            {
                continue;
            }

            var capacity = new List<string>();
            var k = i;
            while (k < texts.Count && IsUpper(texts[k]))
            {
                capacity.Add(texts[k]);
                k++;
            }

            if (k < texts.Count && !IsUpper(texts[k]))
            {
                return (texts[k], capacity);
            }
        }

        return (string.Empty, []);
    }

    private static bool IsUpper(string s) => s.Any(char.IsLetter) && s == s.ToUpper(CultureInfo.InvariantCulture);

    private static (string Text, List<(int Offset, int Line)> Map) Join(IReadOnlyList<NumberedLine> lines)
    {
        var sb = new StringBuilder();
        var map = new List<(int Offset, int Line)>();
        foreach (var l in lines)
        {
            var t = VietnameseText.Normalize(l.Text);
            if (t.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            map.Add((sb.Length, l.Number));
            sb.Append(t);
        }

        return (sb.ToString(), map);
    }

    private static int LineOf(List<(int Offset, int Line)> map, int offset)
    {
        var line = 0;
        foreach (var (o, l) in map)
        {
            if (o > offset)
            {
                break;
            }

            line = l;
        }

        return line;
    }

    [GeneratedRegex(@"kèm theo Quyết định " +
        @"số\s*(?<n>\d+)\s*/\s*(?<t>QĐ-[\p{L}\d\-]+)\s*ngày\s*(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})\s*/\s*(?<y>\d{4})",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AnnexRegex();

    [GeneratedRegex(@"^ỦY BAN NHÂN DÂN (?<level>PHƯỜNG|XÃ|ĐẶC KHU|THỊ TRẤN) (?<name>[\p{Lu} ]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IssuerRegex();

    [GeneratedRegex(@"^(TM\.|KT\.|Q\.|TL\.|CHỦ TỊCH$|PHÓ CHỦ TỊCH$)", RegexOptions.CultureInvariant)]
    private static partial Regex CapacityStartRegex();

    [GeneratedRegex(@"Nơi nhận\s*:(?<list>.+?)(?=\s(?:TM\.|KT\.|Q\.|TL\.|CHỦ TỊCH\b)|$)", RegexOptions.CultureInvariant)]
    private static partial Regex RecipientsRegex();

    [GeneratedRegex(@"(?:lần \d+ trước ngày \d{1,2} ?/ ?\d{1,2} ?/ ?\d{4}[, ]*)+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RoundRegex();

    [GeneratedRegex(@"\(qua (?<u>[^()]+?)(?: tổng hợp)?\)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AggregatingRegex();
}
