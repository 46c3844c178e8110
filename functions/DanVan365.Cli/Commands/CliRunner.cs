using DanVan365.Cli.Target;
using DanVan365.Core.Errors;

namespace DanVan365.Cli.Commands;

/// <summary>Runs a command body and maps failures to exit codes and messages (stderr): 2 for bad input or usage, 1 for failures.</summary>
internal static class CliRunner
{
    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (InvalidInputException ex)
        {
            await context.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return CliApp.BadInput;
        }
        catch (UsageException ex)
        {
            await context.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return CliApp.BadInput;
        }
        catch (ConfigurationException ex)
        {
            await context.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return CliApp.BadInput;
        }
        catch (RemoteServiceException ex)
        {
            await context.Error.WriteLineAsync("lỗi Microsoft 365: " + ex.Message).ConfigureAwait(false);
            return CliApp.Failed;
        }
        catch (Core.Wards.WardBusyException ex)
        {
            // Another runner holds the ward's lease; nothing was written.
            await context.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return CliApp.Failed;
        }
        catch (Core.Wards.WardLeaseLostException ex)
        {
            // The run outlived its lease (renewals failed) and was stopped; a later run finishes the job.
            await context.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return CliApp.Failed;
        }
    }
}
