using System.Text.RegularExpressions;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Text;

namespace DanVan365.Documents.Catalogue.TextExtraction;

/// <summary>
/// A plan's own metadata from its header and closing parts: number ("Số: 45/KH-UBND"), date ("Hải An, ngày 20 tháng 02 năm
/// 2026"), issuer ("ỦY BAN NHÂN DÂN PHƯỜNG …"), signer block, the reporting rounds and the aggregating unit as the decision's
/// part II states them ("… (qua Phòng Văn hóa - Xã hội tổng hợp) lần 1 trước ngày …"), or, without "(qua …)", the unit the plan
/// gives "… tổng hợp, báo cáo".
/// </summary>
internal static partial class ProsePlanMetadata
{
    public static RawDecision Read(string file, IReadOnlyList<NumberedLine> lines)
    {
        var texts = lines.Select(l => (l.Number, Text: VietnameseText.Normalize(l.Text))).Where(l => l.Text.Length > 0).ToList();
        var number = texts.Select(t => (t.Number, Match: NumberRegex().Match(t.Text))).FirstOrDefault(t => t.Match.Success);
        if (number.Match is null)
        {
            throw new InvalidInputException(file, 0,
                "plan number not found: expected \"Số: N/KH-…\" in the plan's header (không tìm thấy số kế hoạch \"Số: …/KH-…\")");
        }

        var dated = texts.Select(t => (t.Number, Match: DateRegex().Match(t.Text))).FirstOrDefault(t => t.Match.Success);
        if (dated.Match is null)
        {
            throw new InvalidInputException(file, number.Number,
                "plan date not found: expected \"<địa danh>, ngày D tháng M năm YYYY\" in the plan's header (không tìm thấy ngày ban " +
                "hành kế hoạch)");
        }

        var d = dated.Match.Groups;
        if (!TimeFrameParser.ParseDate(d["d"].Value, d["m"].Value, d["y"].Value, out var date, out var error))
        {
            throw new InvalidInputException(file, dated.Number, "impossible plan date: " + error + " (ngày ban hành không có thật)");
        }

        var (rounds, aggregating, aggregatingLine) = DecisionMetadataReader.ReadRounds(file, lines);
        if (aggregating is null && texts.LastOrDefault(t => GathersRegex().IsMatch(t.Text)) is { Text: not null } g)
        {
            aggregating = GathersRegex().Match(g.Text).Groups["u"].Value.Trim();
            aggregatingLine = g.Number;
        }

        var (signer, capacity) = DecisionMetadataReader.ReadSignature(lines);
        return new RawDecision(number.Match.Groups["n"].Value + "/" + number.Match.Groups["t"].Value, date,
            DecisionMetadataReader.ReadIssuer(lines), signer, capacity, aggregating, aggregatingLine, rounds)
        {
            Recipients = DecisionMetadataReader.ReadRecipients(string.Join(' ', texts.Select(t => t.Text))),
        };
    }

    [GeneratedRegex(@"\bSố\s*:\s*(?<n>\d+)\s*/\s*(?<t>KH-[\p{L}\d\-]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"\p{L}+,\s*ngày\s*(?<d>\d{1,2})\s*tháng\s*(?<m>\d{1,2})\s*năm\s*(?<y>\d{4})",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"\bGiao (?<u>(?:Phòng|Văn phòng|Trung tâm|Ban) [^,;()]+?)(?: chủ trì)?,? (?:theo dõi, )?(?:đôn đốc, )?tổng hợp, báo " +
        @"cáo", RegexOptions.CultureInvariant)]
    private static partial Regex GathersRegex();
}
