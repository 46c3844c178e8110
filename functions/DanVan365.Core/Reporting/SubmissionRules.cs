using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;
using DanVan365.Core.Text;

namespace DanVan365.Core.Reporting;

/// <summary>A row as read from a file or a form, before checking (any normalisation).</summary>
public sealed record RawSubmissionRow(string Code, string Result, string Status, string Difficulties, string Proposals);

/// <summary>
/// The checks every submission passes, whatever it came from (filled template or form):
/// key against expectation, task codes against the catalogue, completion words, cell lengths.
/// </summary>
public static class SubmissionRules
{
    /// <summary>Longest text accepted in one cell (characters, after NFC).</summary>
    public const int MaxCellLength = 4000;

    /// <summary>Checks and converts raw rows; rows with nothing written are dropped.</summary>
    public static SubmissionParseResult Validate(
        TaskCatalogue catalogue,
        TemplateKey key,
        IReadOnlyList<RawSubmissionRow> rows,
        SubmissionExpectation? expectation = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(rows);
        var reasons = new List<SubmissionRejection>();
        if (expectation?.UnitCode is { } unit && !string.Equals(unit, key.UnitCode, StringComparison.Ordinal))
        {
            reasons.Add(new(RejectionKind.WrongUnit, $"Mẫu của đơn vị {key.UnitCode}, không phải của đơn vị {unit}."));
        }

        if (expectation?.Round is { } round && round != key.Round)
        {
            reasons.Add(new(RejectionKind.WrongRound, string.Create(
                CultureInfo.InvariantCulture, $"Mẫu của đợt {key.Round}, không phải đợt {round}.")));
        }

        if (expectation?.CatalogueVersion is { } version && !string.Equals(version, key.CatalogueVersion, StringComparison.Ordinal))
        {
            reasons.Add(new(RejectionKind.WrongCatalogueVersion,
                $"Mẫu lập theo danh mục phiên bản {key.CatalogueVersion}, danh mục hiện hành là {version}."));
        }

        if (expectation?.MaxRows is { } maxRows && rows.Count > maxRows)
        {
            reasons.Add(new(RejectionKind.TooManyRows, string.Create(CultureInfo.InvariantCulture,
                $"Báo cáo có {rows.Count} dòng, nhiều hơn {maxRows} nhiệm vụ của đơn vị {key.UnitCode}.")));
            return SubmissionParseResult.Rejected(reasons, key);
        }

        var workCodes = catalogue.WorkItems.Select(t => VietnameseText.Nfc(t.Code)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new List<SubmissionRow>();
        foreach (var raw in rows)
        {
            var code = VietnameseText.Nfc(raw.Code).Trim();
            var result = Clean(raw.Result);
            var statusText = Clean(raw.Status);
            var difficulties = Clean(raw.Difficulties);
            var proposals = Clean(raw.Proposals);
            if (code.Length == 0 && result.Length == 0 && statusText.Length == 0 && difficulties.Length == 0 && proposals.Length == 0)
            {
                continue;
            }

            if (!workCodes.Contains(code))
            {
                reasons.Add(new(RejectionKind.UnknownTaskCode, code.Length == 0
                    ? "Dòng có nội dung nhưng thiếu mã nhiệm vụ."
                    : $"Mã nhiệm vụ '{Shorten(code)}' không có trong danh mục.", code.Length == 0 ? null : Shorten(code)));
                continue;
            }

            if (expectation?.UnitTaskCodes is { } unitCodes && !unitCodes.Contains(code))
            {
                reasons.Add(new(RejectionKind.UnknownTaskCode, $"Nhiệm vụ {code} không giao cho đơn vị {key.UnitCode}.", code));
                continue;
            }

            if (!seen.Add(code))
            {
                reasons.Add(new(RejectionKind.DuplicateTaskCode, $"Nhiệm vụ {code} xuất hiện nhiều lần.", code));
                continue;
            }

            var tooLong = false;
            foreach (var (column, field, text) in new[]
            {
                ("Kết quả thực hiện", "result", result), ("Mức độ hoàn thành", "status", statusText),
                ("Khó khăn, vướng mắc", "difficulties", difficulties), ("Đề xuất, kiến nghị", "proposals", proposals),
            })
            {
                if (text.Length > MaxCellLength)
                {
                    tooLong = true;
                    reasons.Add(new(RejectionKind.TextTooLong, string.Create(
                        CultureInfo.InvariantCulture,
                        $"Cột \"{column}\" dài {text.Length} ký tự, quá giới hạn {MaxCellLength} ký tự."), code, field));
                }
            }

            StatusCategory? status = null;
            if (statusText.Length > 0)
            {
                if (StatusCategories.TryParse(statusText, out var parsed))
                {
                    status = parsed;
                }
                else
                {
                    reasons.Add(new(RejectionKind.UnknownCompletionWord,
                        $"Mức độ hoàn thành \"{Shorten(statusText)}\" không hợp lệ; ghi một trong: " +
                            $"{string.Join(", ", StatusCategories.All.Select(s => s.Label()))}.", code, "status"));
                    continue;
                }
            }

            if (!tooLong)
            {
                var row = new SubmissionRow(code, result, status, difficulties, proposals);
                if (row.HasContent)
                {
                    accepted.Add(row);
                }
            }
        }

        return reasons.Count > 0
            ? SubmissionParseResult.Rejected(reasons, key)
            : SubmissionParseResult.Accepted(new Submission(key.UnitCode, key.Round, key.CatalogueVersion, accepted), key);
    }

    /// <summary>Characters Word cannot store stripped (<see cref="XmlSafeText"/>), NFC, line endings to '\n', spaces collapsed
    /// within lines, blank lines dropped.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var lines = XmlSafeText.Strip(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            var collapsed = string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (collapsed.Length > 0)
            {
                kept.Add(collapsed);
            }
        }

        return string.Join('\n', kept);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
