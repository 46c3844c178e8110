namespace DanVan365.TestUtilities;

/// <summary>A command-line run with its exit code, standard output and standard error captured.</summary>
public sealed record ConsoleRun(int Exit, string Out, string Err)
{
    /// <summary>Runs <paramref name="run"/> with fresh writers for output and error and keeps what it wrote.</summary>
    public static async Task<ConsoleRun> CaptureAsync(Func<TextWriter, TextWriter, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await run(stdout, stderr).ConfigureAwait(false);
        return new ConsoleRun(exit, stdout.ToString(), stderr.ToString());
    }
}
