using System.Globalization;
using System.Text;

namespace DanVan365.Core.Reporting;

/// <summary>Small text helpers shared by the report model and the Word documents.</summary>
public static class VietnameseText
{
    /// <summary>Unicode NFC.</summary>
    public static string Nfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>"ngày 05 tháng 9 năm 2026": leading 0 for days below 10 and for months 1 and 2 only (ND30).</summary>
    public static string LongDate(DateOnly date)
    {
        var day = date.Day.ToString("00", CultureInfo.InvariantCulture);
        var month = date.Month <= 2
            ? date.Month.ToString("00", CultureInfo.InvariantCulture)
            : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"ngày {day} tháng {month} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>"14/9/2026" (day and month without padding, as the decision writes them).</summary>
    public static string ShortDate(DateOnly date) => string.Create(
        CultureInfo.InvariantCulture, $"{date.Day}/{date.Month}/{date.Year}");

    /// <summary>"12/02/2026" (two-digit day and month).</summary>
    public static string PaddedDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A percentage with one decimal and a Vietnamese decimal comma, e.g. "85,7%".</summary>
    public static string Percent(double ratio) =>
        (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + "%";

    /// <summary>Upper case as in official headers (culture-independent).</summary>
    public static string Upper(string text) => Nfc(text).ToUpperInvariant();
}
