using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Text;

namespace DanVan365.Core.Reporting;

/// <summary>A stable version of a catalogue's content: 16 hex digits of SHA-256 over a canonical, NFC form of what the decision
/// says.</summary>
public static class CatalogueVersion
{
    /// <summary>Same content → same version on every machine and run; any change to a task, unit or time frame changes it.</summary>
    public static string Compute(TaskCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var text = new StringBuilder();
        void Field(string? value) => text.Append(VietnameseText.Nfc(value ?? string.Empty)).Append('\u001F');
        void End() => text.Append('\u001E');

        var d = catalogue.Decision;
        Field(d.Number);
        Field(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        End();
        foreach (var section in catalogue.Sections)
        {
            Field("S");
            Field(section.Code);
            Field(section.Title);
            End();
        }

        foreach (var task in catalogue.Tasks)
        {
            Field("T");
            Field(task.Code);
            Field(task.Section);
            Field(task.Parent);
            Field(task.Title);
            Field(task.Lead.Text);
            Field(string.Join(',', task.Lead.Units));
            Field(task.Coordinating.Text);
            Field(string.Join(',', task.Coordinating.Units));
            Field(task.FollowUp?.UnitCode ?? string.Empty);
            Field(task.TimeFrame?.Text);
            Field(task.TimeFrame?.Kind.ToString());
            Field(task.TimeFrame?.LastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            End();
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash, 0, 8);
    }
}
