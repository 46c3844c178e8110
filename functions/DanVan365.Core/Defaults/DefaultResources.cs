namespace DanVan365.Core.Defaults;

/// <summary>The Hải An defaults that ship with the project (embedded copies of the files under Defaults/HaiAn).</summary>
public static class DefaultResources
{
    /// <summary>File name of the bundled decision.</summary>
    public const string DecisionFileName = "qd-673-2026-hai-an.txt";

    /// <summary>Opens an embedded default file, e.g. "HaiAn/units.json".</summary>
    public static Stream Open(string relativePath)
    {
        var name = "DanVan365.Defaults/" + relativePath.Replace('\\', '/');
        return typeof(DefaultResources).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"Embedded default '{relativePath}' not found.", relativePath);
    }

    /// <summary>Reads an embedded default file as UTF-8 text.</summary>
    public static string ReadText(string relativePath)
    {
        using var stream = Open(relativePath);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
