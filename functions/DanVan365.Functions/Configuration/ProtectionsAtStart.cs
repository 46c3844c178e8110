using DanVan365.Core.Lockdown;
using DanVan365.M365.Composition;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Configuration;

/// <summary>
/// At start, logs per ward which protections are in place as far as Graph and the settings tell, and which stay
/// unverified (<see cref="WardProtections"/>, the report `danvan365 doctor` prints; docs/architecture.md "Lockdown").
/// Runs in the background so the host starts without waiting on Graph; a ward whose site cannot be read is logged, never
/// fatal. Event 1080 per line (warning when missing or unverified), 1081 when a ward could not be checked.
/// </summary>
public sealed class ProtectionsAtStart(IWardRegistry wards, IWardScopeFactory scopes, ILogger<ProtectionsAtStart> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _run = Task.Run(() => CheckAllAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _run.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the check is abandoned, nothing was written.
        }
    }

    /// <summary>Checks every ward and logs each line; returns how many protections are missing (across wards).</summary>
    public async Task<int> CheckAllAsync(CancellationToken cancellationToken)
    {
        var missing = 0;
        foreach (var ward in wards.All)
        {
            try
            {
                await using var scope = scopes.Open(ward.Target);
                var checks = await scope.Get<WardProtections>().CheckAsync(cancellationToken).ConfigureAwait(false);
                foreach (var check in checks)
                {
                    var level = check.State == ProtectionState.InPlace ? LogLevel.Information : LogLevel.Warning;
                    Log.Protection(logger, level, ward.Id, check.Key, check.State);
                }

                missing += checks.Count(c => c.State == ProtectionState.Missing);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ProtectionsUnchecked(logger, ward.Id, ex.GetType().Name);
            }
        }

        return missing;
    }

    public void Dispose() => _stop.Dispose();
}
