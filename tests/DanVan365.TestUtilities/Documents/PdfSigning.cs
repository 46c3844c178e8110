using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace DanVan365.TestUtilities.Documents;

/// <summary>
/// Signs a PDF the way e-office systems do: an incremental update appended to the file (the catalogue with an
/// AcroForm, the first page with the signature widget, a /Sig dictionary) whose /Contents holds a detached CMS
/// (PKCS#7) signature over the /ByteRange, i.e. the whole file but the signature itself. The certificate is
/// self-signed and made here; dates are fixed (the decision's date), no clock is read.
/// </summary>
public static partial class PdfSigning
{
    private const int SignatureBytes = 8192;
    private const string RangePlaceholder = "[0 0000000000 0000000000 0000000000]";
    private static readonly DateTimeOffset SignedAt = new(2026, 2, 12, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>The signer's certificate subject.</summary>
    public const string Subject = "CN=UBND phuong Hai An, O=UBND phuong Hai An, L=Hai Phong, C=VN";

    /// <summary>A classic-xref PDF (LibreOffice's) signed in an incremental update.</summary>
    public static byte[] Sign(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        var trailer = text[text.LastIndexOf("trailer", StringComparison.Ordinal)..];
        var root = Number(RootRef().Match(trailer));
        var size = Number(SizeRef().Match(trailer));
        var prev = Number(StartXref().Match(text[text.LastIndexOf("startxref", StringComparison.Ordinal)..]));
        var pages = Number(PagesRef().Match(Body(text, root)));
        var page = Number(FirstKid().Match(Body(text, pages)));
        var (sig, field) = (size, size + 1);

        var update = new StringBuilder("\n");
        var offsets = new SortedDictionary<int, int>();
        void Add(int number, string body)
        {
            offsets[number] = pdf.Length + update.Length;
            update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }

        Add(root, Insert(Body(text, root), $"/AcroForm<</Fields[{field} 0 R]/SigFlags 3>>"));
        var pageBody = Body(text, page);
        var annots = pageBody.IndexOf("/Annots[", StringComparison.Ordinal);
        Add(page, annots >= 0 ? pageBody.Insert(annots + "/Annots[".Length, $"{field} 0 R ") : Insert(pageBody, $"/Annots[{field} 0 R]"));
        Add(sig, "<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/adbe.pkcs7.detached/ByteRange" + RangePlaceholder
            + "/Contents<" + new string('0', SignatureBytes * 2) + ">/M(D:20260212090000+07'00')/Name(UBND phuong Hai An)"
            + "/Reason(Ky so van ban)>>");
        Add(field, $"<</Type/Annot/Subtype/Widget/FT/Sig/F 132/T(Chu ky so 1)/V {sig} 0 R/P {page} 0 R/Rect[0 0 0 0]>>");

        var xref = pdf.Length + update.Length;
        update.Append("xref\n");
        foreach (var (number, offset) in offsets)
        {
            update.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
        }

        var id = IdRef().Match(trailer);
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size + 2}/Root {root} 0 R/Prev {prev}")
            .Append(id.Success ? id.Value : string.Empty)
            .Append(CultureInfo.InvariantCulture, $">>\nstartxref\n{xref}\n%%EOF\n");

        var signed = Encoding.Latin1.GetString(pdf) + update;
        var contents = signed.LastIndexOf("/Contents<", StringComparison.Ordinal) + "/Contents".Length;
        var afterContents = contents + (SignatureBytes * 2) + 2;
        var range = string.Create(CultureInfo.InvariantCulture,
            $"[0 {contents:D10} {afterContents:D10} {signed.Length - afterContents:D10}]");
        signed = signed.Remove(signed.LastIndexOf(RangePlaceholder, StringComparison.Ordinal), RangePlaceholder.Length)
            .Insert(signed.LastIndexOf(RangePlaceholder, StringComparison.Ordinal), range);

        var bytes = Encoding.Latin1.GetBytes(signed);
        var cms = Cms([.. bytes[..contents], .. bytes[afterContents..]]);
        var hex = Convert.ToHexString(cms);
        Encoding.ASCII.GetBytes(hex).CopyTo(bytes, contents + 1);
        return bytes;
    }

    /// <summary>
    /// The last signature's /ByteRange, and the subject of a CMS signature over it that verifies; null when the
    /// file carries no valid signature.
    /// </summary>
    public static (long[] ByteRange, string Signer)? Verify(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        var match = ByteRange().Matches(text).LastOrDefault();
        if (match is null)
        {
            return null;
        }

        var range = match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var padded = Convert.FromHexString(text[(int)(range[1] + 1)..(int)(range[2] - 1)]);
        AsnDecoder.ReadEncodedValue(padded, AsnEncodingRules.BER, out _, out _, out var length);
        var signed = new SignedCms(new ContentInfo([.. pdf[..(int)range[1]], .. pdf[(int)range[2]..(int)(range[2] + range[3])]]),
            detached: true);
        signed.Decode(padded.AsSpan(0, length));
        signed.CheckSignature(verifySignatureOnly: true);
        return (range, signed.SignerInfos[0].Certificate!.Subject);
    }

    private static byte[] Cms(byte[] content)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(Subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
            critical: true));
        using var certificate = request.CreateSelfSigned(SignedAt.AddDays(-30), SignedAt.AddYears(5));
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(SignedAt.UtcDateTime));
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.ComputeSignature(signer);
        var encoded = cms.Encode();
        return encoded.Length <= SignatureBytes ? encoded : throw new InvalidOperationException("The signature does not fit.");
    }

    private static string Body(string text, int number)
    {
        var start = Regex.Match(text, $"(?m)^{number} 0 obj\\s*", RegexOptions.None, TimeSpan.FromSeconds(5));
        if (!start.Success)
        {
            throw new InvalidOperationException($"Object {number} not found (only classic, uncompressed objects are signed here).");
        }

        var from = start.Index + start.Length;
        return text[from..text.IndexOf("endobj", from, StringComparison.Ordinal)].TrimEnd();
    }

    private static string Insert(string dictionary, string entry) => dictionary[..dictionary.LastIndexOf(">>", StringComparison.Ordinal)]
        + entry + ">>";

    private static int Number(Match match) => match.Success
        ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
        : throw new InvalidOperationException("Not a classic-xref PDF.");

    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")]
    private static partial Regex RootRef();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizeRef();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Pages\s+(\d+)\s+0\s+R")]
    private static partial Regex PagesRef();

    [GeneratedRegex(@"/Kids\s*\[\s*(\d+)\s+0\s+R")]
    private static partial Regex FirstKid();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdRef();

    [GeneratedRegex(@"/ByteRange\s*\[([\d ]+)\]")]
    private static partial Regex ByteRange();
}
