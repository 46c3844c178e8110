using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Text;
using DanVan365.Core.Units;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.CustomXmlDataProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan365.Documents.Reporting.WordKit;

namespace DanVan365.Documents.Reporting;

/// <summary>Writes a unit's report template (.docx) for a round, carrying its <see cref="TemplateKey"/> invisibly.</summary>
public static class TemplateWriter
{
    /// <summary>Namespace of the key's custom XML part.</summary>
    public const string KeyNamespace = "urn:danvan365:report-template:1";

    /// <summary>Custom document property names (the key's second copy).</summary>
    public const string UnitProperty = "DanVan365.Unit";
    public const string RoundProperty = "DanVan365.Round";
    public const string VersionProperty = "DanVan365.CatalogueVersion";

    /// <summary>The first header cell of the submission table (how the parser finds it).</summary>
    public const string CodeHeading = "Mã nhiệm vụ";

    internal static readonly int[] Widths = [1000, 3600, 1100, 3303, 1700, 1650, 1650];

    private static readonly string[] Headings =
        [CodeHeading, "Nhiệm vụ", "Vai trò", "Kết quả thực hiện", "Mức độ hoàn thành", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"];

    /// <summary>A file name for the template, e.g. "Mau-bao-cao-Dot-1-VHXH.docx".</summary>
    public static string FileName(UnitTemplateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return string.Create(CultureInfo.InvariantCulture, $"Mau-bao-cao-Dot-{spec.Round.Number}-{UnitCodes.Require(spec.UnitCode)}.docx");
    }

    /// <summary>
    /// The .docx bytes (deterministic). An assigned unit's template is headed with the committee above the unit ("ỦY BAN
    /// NHÂN DÂN PHƯỜNG …" / the unit) and numbered "Số:      /BC-{abbreviation}"; a requested unit's
    /// (<see cref="UnitTemplateSpec.Requested"/>) carries only its own name (a Party body's with "ĐẢNG CỘNG SẢN VIỆT NAM"),
    /// and says the committee requests ("đề nghị") its report.
    /// </summary>
    /// <param name="spec">The unit's template.</param>
    /// <param name="ward">The committee (default: <see cref="WardIdentity.From"/> the spec's decision).</param>
    public static byte[] Write(UnitTemplateSpec spec, WardIdentity? ward = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ward ??= spec.Decision is { } decision ? WardIdentity.From(decision) : new WardIdentity(string.Empty, string.Empty, string.Empty,
            string.Empty);
        var key = new TemplateKey(spec.UnitCode, spec.Round.Number, spec.CatalogueVersion);
        var year = spec.Year.ToString(CultureInfo.InvariantCulture);
        var round = spec.Round.Number.ToString(CultureInfo.InvariantCulture);
        var subject = spec.Round.YearEnd
            ? $"Tổng kết công tác dân vận năm {year} và {YearEndReviews.NextYearLabel(spec.Year).ToLowerInvariant()}"
            : $"Kết quả thực hiện nhiệm vụ công tác dân vận năm {year} (lần {round})";
        var stamp = new DateTimeOffset(spec.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return Build($"Mẫu báo cáo - {spec.UnitName} - lần {round}", stamp, (doc, body) =>
        {
            WriteKey(doc, key);
            var party = spec.Requested && spec.Kind == UnitKind.PartyBody;
            body.Append(Nd30Blocks.Header(
                spec.Requested ? string.Empty : VietnameseText.Upper(ward.CommitteeName),
                false,
                VietnameseText.Upper(spec.UnitName),
                party ? $"Số      -BC/{spec.Abbreviation}" : $"Số:      /BC-{spec.Abbreviation}",
                $"{ward.Place}, ngày …… tháng …… năm {year}",
                party));
            body.Append(Nd30Blocks.Title("BÁO CÁO", subject));
            if (spec.Requested)
            {
                body.Append(Body(Requested(spec, ward)));
            }

            body.Append(Body(Run("Đơn vị báo cáo: ", BodySize, bold: true), Run($"{spec.UnitName}.", BodySize)));
            body.Append(Body(Run("Đợt báo cáo: ", BodySize, bold: true), Run($"{spec.Round.Wording}.", BodySize)));
            body.Append(Body(
                $"Hướng dẫn: ghi vào bảng ở trang sau; không sửa các cột Mã nhiệm vụ, Nhiệm vụ, Vai trò. Cột Mức độ hoàn thành ghi một " +
                    $"trong: " +
                string.Join("; ", StatusCategories.All.Select(s => s.Label())) +
                $". Mỗi ô không quá {SubmissionRules.MaxCellLength.ToString(CultureInfo.InvariantCulture)} ký tự.", italic: true));
            body.Append(SectionBreak(Section(landscape: false, titlePage: true, nextPage: false)));
            body.Append(Para(JustificationValues.Center, 0, 240, Run(
                VietnameseText.Upper($"Kết quả thực hiện nhiệm vụ công tác dân vận năm {year} của {spec.UnitName} (lần {round})"), 28,
                bold: true)));
            body.Append(Table(spec));
            if (spec.Round.YearEnd)
            {
                body.Append(YearEndPart.Write(spec));
            }

            body.Append(Para(JustificationValues.Left, 0, 0, Run(string.Empty, 24)));
            body.Append(Section(landscape: true, titlePage: false, nextPage: true));
        });
    }

    /// <summary>
    /// "Thực hiện Quyết định số 673/QĐ-UBND ngày 12/02/2026 …, Ủy ban nhân dân phường Hải An đề nghị Ban Xây dựng Đảng phối
    /// hợp báo cáo …": the committee requests, it does not assign (the round and its deadline follow, once, below).
    /// </summary>
    private static string Requested(UnitTemplateSpec spec, WardIdentity ward)
    {
        var decision = spec.Decision is { } d
            ? $"các nhiệm vụ có liên quan trong Danh mục ban hành kèm theo Quyết định số {d.Number} ngày " +
                $"{VietnameseText.PaddedDate(d.Date)} của {ward.CommitteeName}"
            : "các nhiệm vụ có liên quan";
        return $"{ward.CommitteeName} đề nghị {spec.UnitName} phối hợp báo cáo kết quả thực hiện {decision}.";
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Table Table(UnitTemplateSpec spec)
    {
        var table = WordKit.Table(Widths, bordered: true);
        var head = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < Widths.Length; i++)
        {
            head.Append(Cell(Widths[i], Para(JustificationValues.Center, 0, 0, Run(Headings[i], 24, bold: true))));
        }

        table.Append(head);
        foreach (var row in spec.Rows)
        {
            var tr = new TableRow();
            tr.Append(
                Cell(Widths[0], Para(JustificationValues.Center, 40, 40, Run(row.Code, 24, bold: true))),
                Cell(Widths[1], Para(JustificationValues.Left, 40, 40, Run(row.Task, 24))),
                Cell(Widths[2], Para(JustificationValues.Center, 40, 40, Run(row.Role.Label(), 24))));
            for (var i = 3; i < Widths.Length; i++)
            {
                tr.Append(Cell(Widths[i], Para(JustificationValues.Left, 40, 40, Run(string.Empty, 24))));
            }

            table.Append(tr);
        }

        return table;
    }

    private static void WriteKey(WordprocessingDocument doc, TemplateKey key)
    {
        XNamespace ns = KeyNamespace;
        var xml = new XDocument(new XElement(
            ns + "reportTemplate",
            new XElement(ns + "unit", key.UnitCode),
            new XElement(ns + "round", key.Round.ToString(CultureInfo.InvariantCulture)),
            new XElement(ns + "catalogueVersion", key.CatalogueVersion)));
        var main = doc.MainDocumentPart!;
        var part = main.AddCustomXmlPart(CustomXmlPartType.CustomXml, "rIdTemplateKey");
        using (var stream = part.GetStream(FileMode.Create, FileAccess.Write))
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
            writer.Write(xml.ToString(SaveOptions.DisableFormatting));
        }

        var props = part.AddNewPart<CustomXmlPropertiesPart>("rIdTemplateKeyProps");
        props.DataStoreItem = new DataStoreItem(new SchemaReferences(new SchemaReference { Uri = KeyNamespace }))
        {
            ItemId = StableGuid(key),
        };

        var custom = doc.AddNewPart<CustomFilePropertiesPart>("rIdCustomProps");
        custom.Properties = new DocumentFormat.OpenXml.CustomProperties.Properties(
            Property(2, UnitProperty, key.UnitCode),
            Property(3, RoundProperty, key.Round.ToString(CultureInfo.InvariantCulture)),
            Property(4, VersionProperty, key.CatalogueVersion));
    }

    private static CustomDocumentProperty Property(int id, string name, string value) => new(new VTLPWSTR(value))
    {
        FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
        PropertyId = id,
        Name = name,
    };

    private static string StableGuid(TemplateKey key)
    {
        var hash =
            SHA256.HashData(Encoding.UTF8.GetBytes(
                $"{key.UnitCode}|{key.Round.ToString(CultureInfo.InvariantCulture)}|{key.CatalogueVersion}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("B").ToUpperInvariant();
    }
}
