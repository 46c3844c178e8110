namespace DanVan365.Core.Units;

/// <summary>
/// The one check of a unit code before it reaches a path or a file name in the library (templates, returns, folders).
/// Refused: empty or longer than <see cref="MaxLength"/>; control characters; "/", "\", ".."; the characters SharePoint and
/// OneDrive do not allow in file and folder names (" * : &lt; &gt; ? / \ |, and the stricter SharePoint Server list
/// ~ # % &amp; { }); leading or trailing spaces or dots; the reserved names (.lock, CON, PRN, AUX, NUL, COM0–COM9,
/// LPT0–LPT9, desktop.ini), names starting with "~$" and names containing "_vti_". Source: "Invalid file names and file
/// types in OneDrive and SharePoint",
/// https://support.microsoft.com/office/invalid-file-names-and-file-types-in-onedrive-and-sharepoint-64883a5d-228e-48f5-b3d2-eb39e07630fa
/// </summary>
public static class UnitCodes
{
    /// <summary>Longest unit code accepted.</summary>
    public const int MaxLength = 50;

    private const string Forbidden = "\"*:<>?/\\|~#%&{}";

    private static readonly string[] ReservedNames =
    [
        ".lock", "CON", "PRN", "AUX", "NUL", "desktop.ini",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    /// <summary>Why the code cannot be used in a path (English, for file:line messages), or null when it can.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "unit code is empty";
        }

        if (code.Length > MaxLength)
        {
            return $"unit code is longer than {MaxLength} characters";
        }

        if (code.Any(char.IsControl))
        {
            return "unit code contains a control character";
        }

        if (code.IndexOfAny(Forbidden.ToCharArray()) is var at and >= 0)
        {
            return $"unit code contains '{code[at]}', which SharePoint does not allow in names";
        }

        if (code.Contains("..", StringComparison.Ordinal) || code.Trim().Trim('.') != code)
        {
            return "unit code has '..' or starts or ends with a space or a dot";
        }

        if (ReservedNames.Contains(code, StringComparer.OrdinalIgnoreCase) || code.StartsWith("~$", StringComparison.Ordinal)
            || code.Contains("_vti_", StringComparison.OrdinalIgnoreCase))
        {
            return $"unit code \"{code}\" is a name SharePoint reserves";
        }

        return null;
    }

    /// <summary>True when <see cref="Problem"/> finds nothing.</summary>
    public static bool IsValid(string? code) => Problem(code) is null;

    /// <summary>The code, or <see cref="ArgumentException"/> when it cannot be used in a path.</summary>
    public static string Require(string? code) =>
        Problem(code) is { } problem ? throw new ArgumentException(problem, nameof(code)) : code!;
}
