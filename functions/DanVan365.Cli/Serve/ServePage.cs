namespace DanVan365.Cli.Serve;

/// <summary>Where the built local host page is: webpart/local-host next to the program or in the repository above it.</summary>
public static class ServePage
{
    public const string NotBuilt = "Chưa có bản dựng của web part: chạy bash webpart/build.sh (tạo webpart/local-host/dist/local-host.js).";

    /// <summary>The folder holding index.html and dist/local-host.js, or null when the web part was not built.</summary>
    public static string? Find(string? start = null)
    {
        foreach (var origin in new[] { start, AppContext.BaseDirectory, Environment.CurrentDirectory }.OfType<string>())
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var folder = Path.Combine(dir.FullName, "webpart", "local-host");
                if (File.Exists(Path.Combine(folder, "index.html")) && File.Exists(Path.Combine(folder, "dist", "local-host.js")))
                {
                    return folder;
                }
            }
        }

        return null;
    }
}
