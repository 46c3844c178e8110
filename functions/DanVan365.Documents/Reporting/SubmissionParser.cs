using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Text;
using DanVan365.Documents.Packaging;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.Documents.Reporting;

/// <summary>Limits applied to a submitted file before and while it is opened.</summary>
/// <param name="MaxFileBytes">Largest .docx accepted (default 10 MB).</param>
/// <param name="MaxUncompressedBytes">Largest total of the zip's entries once expanded (default 60 MB).</param>
/// <param name="MaxCompressionRatio">Largest expanded/compressed ratio for an entry above 1 MB expanded (default 100).</param>
/// <param name="MaxEntries">Most zip entries (default 1,000).</param>
public sealed record SubmissionParserLimits(
    long MaxFileBytes = 10 * 1024 * 1024,
    long MaxUncompressedBytes = 60 * 1024 * 1024,
    int MaxCompressionRatio = 100,
    int MaxEntries = 1000)
{
    /// <summary>The defaults.</summary>
    public static SubmissionParserLimits Default { get; } = new();
}

/// <summary>Reads a filled template back into a <see cref="Submission"/>, or says why it cannot (no exceptions for bad files).</summary>
public static class SubmissionParser
{
    /// <summary>Parses a filled template from a stream (read at most <see cref="SubmissionParserLimits.MaxFileBytes"/> + 1
    /// bytes).</summary>
    public static SubmissionParseResult Parse(Stream file, TaskCatalogue catalogue, SubmissionExpectation? expectation = null,
        SubmissionParserLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        limits ??= SubmissionParserLimits.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = file.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxFileBytes)
            {
                return TooLarge(buffer.Length, limits, atLeast: true);
            }
        }

        return Parse(buffer.ToArray(), catalogue, expectation, limits);
    }

    /// <summary>Parses a filled template.</summary>
    /// <param name="file">The .docx bytes.</param>
    /// <param name="catalogue">The catalogue the codes are checked against.</param>
    /// <param name="expectation">The unit/round (and optionally catalogue version) the caller expects.</param>
    /// <param name="limits">Size limits (defaults: 10 MB file, 60 MB expanded).</param>
    public static SubmissionParseResult Parse(byte[] file, TaskCatalogue catalogue, SubmissionExpectation? expectation = null,
        SubmissionParserLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(catalogue);
        limits ??= SubmissionParserLimits.Default;
        if (file.LongLength > limits.MaxFileBytes)
        {
            return TooLarge(file.LongLength, limits, atLeast: false);
        }

        if (CheckZip(file, limits) is { } refused)
        {
            return refused;
        }

        TemplateKey? key;
        List<RawSubmissionRow>? rows;
        RawYearEndReview? review;
        try
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(file, writable: false), false, new OpenSettings
            {
                MaxCharactersInPart = limits.MaxUncompressedBytes,
                AutoSave = false,
            });
            if (doc.MainDocumentPart?.Document?.Body is not { } body)
            {
                return SubmissionParseResult.Rejected(RejectionKind.NotATemplate, "Tệp không có nội dung văn bản Word.");
            }

            key = ReadKey(doc);
            if (key is null)
            {
                return SubmissionParseResult.Rejected(RejectionKind.NotATemplate,
                    "Tệp không phải mẫu báo cáo do hệ thống phát hành (không có khóa mẫu: đơn vị, đợt, phiên bản danh mục).");
            }

            rows = ReadRows(body);
            review = YearEndPart.Read(body);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException
            or IOException or InvalidOperationException)
        {
            return SubmissionParseResult.Rejected(RejectionKind.CorruptFile, "Tệp .docx bị hỏng, không đọc được: " + e.Message);
        }

        if (rows is null)
        {
            return SubmissionParseResult.Rejected(
                [new SubmissionRejection(RejectionKind.NotATemplate,
                    $"Không tìm thấy bảng kết quả (cột đầu \"{TemplateWriter.CodeHeading}\").")], key);
        }

        var result = SubmissionRules.Validate(catalogue, key, rows, expectation);
        return review is null ? result : WithReview(result, key, review);
    }

    /// <summary>
    /// Adds a year-end template's general part (<see cref="YearEndReviews.Validate"/>): its problems join the rows'; an accepted
    /// submission carries it as <see cref="Submission.Review"/>. Whether the unit may score itself is the template's (a
    /// requested unit's has no self-score row) and the ingestion's to decide.
    /// </summary>
    private static SubmissionParseResult WithReview(SubmissionParseResult result, TemplateKey key, RawYearEndReview raw)
    {
        var (review, problems) = YearEndReviews.Validate(raw, graded: true);
        if (problems.Count > 0)
        {
            return SubmissionParseResult.Rejected([.. result.Rejections, .. problems], key);
        }

        return result.Submission is { } submission
            ? SubmissionParseResult.Accepted(submission with { Review = review }, key)
            : result;
    }

    private static SubmissionParseResult TooLarge(long size, SubmissionParserLimits limits, bool atLeast) =>
        SubmissionParseResult.Rejected(RejectionKind.FileTooLarge, string.Create(CultureInfo.InvariantCulture,
            $"Tệp {(atLeast ? "trên " : string.Empty)}{size / 1024} KB, quá giới hạn {limits.MaxFileBytes / 1024} KB."));

    /// <summary>The shared zip guard (<see cref="ZipGuard"/>) with the submission's limits.</summary>
    private static SubmissionParseResult? CheckZip(byte[] file, SubmissionParserLimits limits) =>
        ZipGuard.Check(file, new ZipLimits(limits.MaxUncompressedBytes, limits.MaxCompressionRatio, limits.MaxEntries)) is { } problem
            ? SubmissionParseResult.Rejected(problem.Kind, problem.Message)
            : null;

    private static TemplateKey? ReadKey(WordprocessingDocument doc)
    {
        XNamespace ns = TemplateWriter.KeyNamespace;
        foreach (var part in doc.MainDocumentPart!.CustomXmlParts)
        {
            try
            {
                using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
                using var reader = XmlReader.Create(stream,
                    new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                var root = XDocument.Load(reader).Root;
                if (root?.Name != ns + "reportTemplate")
                {
                    continue;
                }

                var unit = root.Element(ns + "unit")?.Value.Trim();
                var round = root.Element(ns + "round")?.Value.Trim();
                var version = root.Element(ns + "catalogueVersion")?.Value.Trim();
                if (MakeKey(unit, round, version) is { } key)
                {
                    return key;
                }
            }
            catch (XmlException)
            {
                // Someone else's broken part: look further.
            }
        }

        var props = doc.CustomFilePropertiesPart?.Properties?
            .Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
            .Where(p => p.Name?.Value is not null)
            .GroupBy(p => p.Name!.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().InnerText.Trim(), StringComparer.Ordinal);
        return props is null
            ? null
            : MakeKey(props.GetValueOrDefault(TemplateWriter.UnitProperty), props.GetValueOrDefault(TemplateWriter.RoundProperty),
                props.GetValueOrDefault(TemplateWriter.VersionProperty));
    }

    private static TemplateKey? MakeKey(string? unit, string? round, string? version) =>
        !string.IsNullOrEmpty(unit) && !string.IsNullOrEmpty(version)
        && int.TryParse(round, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? new TemplateKey(VietnameseText.Nfc(unit), number, version)
            : null;

    /// <summary>The rows of the first table whose first header cell is "Mã nhiệm vụ"; null when there is none.</summary>
    private static List<RawSubmissionRow>? ReadRows(Body body)
    {
        foreach (var table in body.Descendants<Table>())
        {
            var rows = table.Elements<TableRow>().ToList();
            if (rows.Count == 0 || !IsHeading(rows[0]))
            {
                continue;
            }

            var result = new List<RawSubmissionRow>();
            foreach (var row in rows.Skip(1))
            {
                if (IsHeading(row))
                {
                    continue;
                }

                var cells = row.Elements<TableCell>().Select(CellText).ToList();
                string At(int i) => i < cells.Count ? cells[i] : string.Empty;
                result.Add(new RawSubmissionRow(At(0), At(3), At(4), At(5), At(6)));
            }

            return result;
        }

        return null;
    }

    private static bool IsHeading(TableRow row) =>
        row.Elements<TableCell>().FirstOrDefault() is { } cell
        && string.Equals(SubmissionRules.Clean(CellText(cell)), TemplateWriter.CodeHeading, StringComparison.OrdinalIgnoreCase);

    /// <summary>A cell's text: paragraphs on their own lines, list items and typed bullets as "- ", NFC.</summary>
    internal static string CellText(TableCell cell)
    {
        var lines = new List<string>();
        foreach (var paragraph in cell.Descendants<Paragraph>())
        {
            var text = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Text t:
                        text.Append(t.Text);
                        break;
                    case TabChar:
                        text.Append(' ');
                        break;
                    case Break or CarriageReturn:
                        text.Append('\n');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                }
            }

            var value = VietnameseText.Nfc(text.ToString()).Trim();
            if (value.Length == 0)
            {
                continue;
            }

            var isList = paragraph.ParagraphProperties?.NumberingProperties is not null
                || (paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.Contains("List",
                    StringComparison.OrdinalIgnoreCase) ?? false);
            var bullet = StripBullet(value);
            if (isList || bullet is not null)
            {
                value = "- " + (bullet ?? value);
            }

            lines.Add(value);
        }

        return string.Join('\n', lines);
    }

    private static string? StripBullet(string text)
    {
        if (text.Length >= 2 && "•◦▪▫●○■□➢►✓-–—+*".Contains(text[0], StringComparison.Ordinal) && char.IsWhiteSpace(text[1]))
        {
            return text[2..].TrimStart();
        }

        return text.Length >= 2 && text[0] is '•' or '◦' or '▪' or '●' or '➢' ? text[1..].TrimStart() : null;
    }
}
