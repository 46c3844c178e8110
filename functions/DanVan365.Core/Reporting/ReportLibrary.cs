using System.Globalization;
using System.Text.RegularExpressions;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Sync;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>Where reporting keeps its files in the Báo cáo dân vận library ("2026/Đợt N/{Mẫu, Nộp, Tổng hợp}").</summary>
public static partial class ReportLibrary
{
    /// <summary>Templates sub-folder.</summary>
    public const string TemplatesSubfolder = LibraryNames.TemplatesFolder;

    /// <summary>Submissions sub-folder.</summary>
    public const string SubmissionsSubfolder = LibraryNames.SubmissionsFolder;

    /// <summary>Compiled report sub-folder.</summary>
    public const string CompiledSubfolder = LibraryNames.CompiledFolder;

    /// <summary>The ad hoc rounds file, in the programme year's folder (e.g. "2026/Đợt báo cáo.json").</summary>
    public const string RoundsFileName = "Đợt báo cáo.json";

    /// <summary>The programme year (the decision's year).</summary>
    public static int Year(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Date.Year;
    }

    /// <summary>"2026".</summary>
    public static string YearFolder(Decision decision) => Year(decision).ToString(CultureInfo.InvariantCulture);

    /// <summary>"2026/Đợt N".</summary>
    public static string RoundFolder(Decision decision, int round) => SiteSchema.RoundFolder(Year(decision), round);

    /// <summary>"2026/Đợt N/Mẫu".</summary>
    public static string TemplatesFolder(Decision decision, int round) => RoundFolder(decision, round) + "/" + TemplatesSubfolder;

    /// <summary>"2026/Đợt N/Nộp".</summary>
    public static string SubmissionsFolder(Decision decision, int round) => RoundFolder(decision, round) + "/" + SubmissionsSubfolder;

    /// <summary>"2026/Đợt N/Tổng hợp".</summary>
    public static string CompiledFolder(Decision decision, int round) => RoundFolder(decision, round) + "/" + CompiledSubfolder;

    /// <summary>A round's folder and its three sub-folders, parents first.</summary>
    public static IReadOnlyList<string> RoundFolders(Decision decision, int round)
    {
        var folder = RoundFolder(decision, round);
        return [YearFolder(decision), folder, .. SiteSchema.RoundSubfolders.Select(s => folder + "/" + s)];
    }

    /// <summary>Name of a submitted file in "Nộp", e.g. "Bao-cao-Dot-1-VHXH.docx" (one per unit: a re-submission is a new
    /// version).</summary>
    public static string SubmissionFileName(TemplateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Create(CultureInfo.InvariantCulture, $"Bao-cao-Dot-{key.Round}-{UnitCodes.Require(key.UnitCode)}.docx");
    }

    /// <summary>Name of the compiled report, e.g. "Bao-cao-Dot-1.docx".</summary>
    public static string CompiledFileName(int round) => string.Create(CultureInfo.InvariantCulture, $"Bao-cao-Dot-{round}.docx");

    /// <summary>
    /// The unit a file's name says it belongs to ("Bao-cao-Dot-1-VHXH.docx" or the template's own name
    /// "Mau-bao-cao-Dot-1-VHXH.docx"), or null for any other name.
    /// </summary>
    public static string? UnitFromFileName(string fileName)
    {
        var match = NamePattern().Match(VietnameseText.Nfc(fileName ?? string.Empty));
        return match.Success && UnitCodes.IsValid(match.Groups["unit"].Value) ? match.Groups["unit"].Value : null;
    }

    [GeneratedRegex(@"^(?:Mau-)?bao-cao-Dot-\d+-(?<unit>[A-Za-z0-9_.-]+)\.docx$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
