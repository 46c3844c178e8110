using System.Collections.Concurrent;

namespace DanVan365.TestUtilities;

/// <summary>
/// A CLI `--data` folder (the local Graph's graph.db and outbox) brought to a named state once per test run, e.g. by
/// `danvan365 sync`, and copied whole for each test: the test owns its copy and pays only for what it does after.
/// Prepare only with commands that finish (the local Graph closes graph.db), so the files copied are complete.
/// </summary>
public static class PreparedData
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<TempDir>>> Templates = new(StringComparer.Ordinal);

    static PreparedData() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var template in Templates.Values.Where(t => t.IsValueCreated && t.Value.IsCompletedSuccessfully))
        {
            template.Value.Result.Dispose();
        }
    };

    /// <summary>A new folder holding a copy of the folder <paramref name="prepare"/> brought to <paramref name="state"/>.</summary>
    public static async Task<TempDir> CopyAsync(string state, Func<TempDir, Task> prepare)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var template = await Templates.GetOrAdd(state, _ => new Lazy<Task<TempDir>>(async () =>
        {
            var dir = new TempDir();
            await prepare(dir).ConfigureAwait(false);
            return dir;
        })).Value.ConfigureAwait(false);
        var copy = new TempDir();
        Copy(new DirectoryInfo(template.Path), copy.Path);
        return copy;
    }

    private static void Copy(DirectoryInfo from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in from.GetFiles())
        {
            file.CopyTo(Path.Combine(to, file.Name));
        }

        foreach (var dir in from.GetDirectories())
        {
            Copy(dir, Path.Combine(to, dir.Name));
        }
    }
}
