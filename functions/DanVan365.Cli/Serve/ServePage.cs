namespace DanVan365.Cli.Serve;

/// <summary>
/// Where the web part folder (webpart/, with build.sh) and its built local host page (webpart/local-host) are: next to
/// the program or in the repository above it or above the current folder.
/// </summary>
public static class ServePage
{
    /// <summary>The one command that builds the local host page, from the repository's root.</summary>
    public const string BuildCommand = "bash webpart/build.sh";

    public const string NotBuilt = "Chưa có bản dựng của web part: chạy " + BuildCommand + " (tạo webpart/local-host/dist/local-host.js).";

    /// <summary>The folder holding index.html and dist/local-host.js, or null when the web part was not built.</summary>
    public static string? Find(string? start = null) =>
        WebPartFolders(start).Select(PageIn).FirstOrDefault(page => page is not null);

    /// <summary>The first web part folder found (one holding build.sh or local-host/index.html), built or not.</summary>
    public static string? FindWebPart(string? start = null) => WebPartFolders(start).FirstOrDefault();

    /// <summary>The built page of a web part folder (its local-host folder), or null when it was not built.</summary>
    public static string? PageIn(string webPartFolder)
    {
        var folder = Path.Combine(webPartFolder, "local-host");
        return File.Exists(Path.Combine(folder, "index.html")) && File.Exists(Path.Combine(folder, "dist", "local-host.js"))
            ? folder
            : null;
    }

    /// <summary>The build script of a web part folder, or null when there is none.</summary>
    public static string? BuildScriptIn(string webPartFolder)
    {
        var script = Path.Combine(webPartFolder, "build.sh");
        return File.Exists(script) ? script : null;
    }

    private static IEnumerable<string> WebPartFolders(string? start)
    {
        foreach (var origin in new[] { start, AppContext.BaseDirectory, Environment.CurrentDirectory }.OfType<string>())
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var folder = Path.Combine(dir.FullName, "webpart");
                if (File.Exists(Path.Combine(folder, "build.sh")) || File.Exists(Path.Combine(folder, "local-host", "index.html")))
                {
                    yield return folder;
                }
            }
        }
    }
}
