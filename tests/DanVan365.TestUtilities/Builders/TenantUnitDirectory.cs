using System.Text;

namespace DanVan365.TestUtilities.Builders;

/// <summary>
/// A unit directory as a ward on a tenant has it: the bundled Hải An directory with every placeholder address
/// (haian.example.vn) moved to a tenant's domain, the object ids kept. What a deployment's Wards:N:UnitsFile names.
/// </summary>
public static class TenantUnitDirectory
{
    /// <summary>The tenant domain the people are moved to (not a reserved example domain).</summary>
    public const string Domain = "phuonghaian.onmicrosoft.com";

    /// <summary>The bundled directory's text with the people moved to <see cref="Domain"/>.</summary>
    public static string Text() =>
        File.ReadAllText(Bundled).Replace("@haian.example.vn", "@" + Domain, StringComparison.Ordinal);

    /// <summary>Writes the directory into <paramref name="folder"/> as units.json and returns its full path.</summary>
    public static string Write(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "units.json");
        File.WriteAllText(path, Text(), new UTF8Encoding(false));
        return path;
    }

    /// <summary>The directory bundled with the app (placeholder people).</summary>
    public static string Bundled => Path.Combine(TestData.RepoRoot, "functions", "DanVan365.Core", "Defaults", "HaiAn", "units.json");
}
