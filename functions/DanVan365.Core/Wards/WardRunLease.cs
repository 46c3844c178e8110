using DanVan365.Core.Errors;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Wards;

/// <summary>
/// The ward's lease as one run (one ward scope) holds it: every use case that writes to the ward runs its body through
/// <see cref="RunAsync{T}(string, Func{CancellationToken, Task{T}}, CancellationToken)"/>. The first use case of the run
/// claims the lease (waiting <see cref="WardLeaseTimes.Wait"/>, then <see cref="WardBusyException"/> before anything is
/// written); a use case it calls re-enters (same holder, no second claim, no deadlock). While held the lease is renewed
/// every <see cref="WardLeaseTimes.RenewEvery"/> of the clock; a run whose lease is lost is cancelled and ends with
/// <see cref="WardLeaseLostException"/>. A site not provisioned yet has nowhere to keep a lease: the run is unguarded, except
/// for the runs that provision it (sync, provision), which create the lists first, then claim.
/// </summary>
public sealed class WardRunLease(WardContext ward, IWardLease lease, ISiteProvisioner provisioner, WardLeaseTimes times,
    TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _depth;
    private IWardLeaseHold? _hold;
    private CancellationTokenSource? _lost;
    private CancellationTokenSource? _stopRenewal;
    private Task? _renewal;

    /// <summary>True while this run holds the lease (a guarded body is running).</summary>
    public bool Held => _hold is not null;

    /// <summary>What the claim of a provisioning run created on a site that had no lists yet (null: nothing to create).</summary>
    public ProvisionResult? ProvisionedOnClaim { get; private set; }

    /// <summary>Runs <paramref name="body"/> holding the ward's lease (unguarded on a site not provisioned yet).</summary>
    public Task<T> RunAsync<T>(string purpose, Func<CancellationToken, Task<T>> body, CancellationToken cancellationToken) =>
        RunAsync(purpose, provision: false, body, cancellationToken);

    /// <summary>
    /// Runs <paramref name="body"/> holding the ward's lease; with <paramref name="provision"/> a site not provisioned yet
    /// gets its lists first (idempotent and safe when two runners race), so even a first run is guarded.
    /// </summary>
    public async Task<T> RunAsync<T>(string purpose, bool provision, Func<CancellationToken, Task<T>> body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var token = await EnterAsync(purpose, provision, cancellationToken).ConfigureAwait(false);
        try
        {
            return await body(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (_lost?.IsCancellationRequested == true
            && !cancellationToken.IsCancellationRequested)
        {
            throw new WardLeaseLostException(ward.Name, purpose, ex);
        }
        finally
        {
            await ExitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The scope ends: a renewal still running (never, after <see cref="RunAsync{T}(string, bool,
    /// Func{CancellationToken, Task{T}}, CancellationToken)"/> returned) is stopped.</summary>
    public void Dispose()
    {
        _stopRenewal?.Cancel();
        _stopRenewal?.Dispose();
        _lost?.Dispose();
        _gate.Dispose();
    }

    /// <summary>Claims (outermost) or re-enters (nested); the token to run the body with.</summary>
    private async Task<CancellationToken> EnterAsync(string purpose, bool provision, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_depth > 0)
            {
                // Nested use case of the same run: the same holder re-enters.
                _depth++;
                return cancellationToken;
            }

            var hold = await ClaimAsync(purpose, provision, cancellationToken).ConfigureAwait(false);
            _depth = 1;
            if (hold is null)
            {
                return cancellationToken;
            }

            _hold = hold;
            _lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _stopRenewal = new CancellationTokenSource();
            // The timer is registered before the body runs (a fake clock advanced meanwhile still fires it).
            _renewal = RenewLoopAsync(hold, new PeriodicTimer(times.RenewEvery, clock), _stopRenewal.Token);
            return _lost.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The hold; null when the site is not provisioned (unguarded); <see cref="WardBusyException"/> when busy.</summary>
    private async Task<IWardLeaseHold?> ClaimAsync(string purpose, bool provision, CancellationToken cancellationToken)
    {
        try
        {
            return await lease.TryAcquireAsync(purpose, times.Wait, cancellationToken).ConfigureAwait(false)
                ?? throw new WardBusyException(ward.Name, purpose);
        }
        catch (SiteNotProvisionedException) when (provision)
        {
            // A first run: the lists (the state list keeps the lease) first, then the claim, so two first runs make one plan.
            ProvisionedOnClaim = await provisioner.EnsureAsync([], cancellationToken).ConfigureAwait(false);
            return await lease.TryAcquireAsync(purpose, times.Wait, cancellationToken).ConfigureAwait(false)
                ?? throw new WardBusyException(ward.Name, purpose);
        }
        catch (SiteNotProvisionedException)
        {
            return null;
        }
    }

    private async Task ExitAsync()
    {
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (--_depth > 0 || _hold is not { } hold)
            {
                return;
            }

            await _stopRenewal!.CancelAsync().ConfigureAwait(false);
            await _renewal!.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _stopRenewal.Dispose();
            _lost!.Dispose();
            (_hold, _lost, _stopRenewal, _renewal) = (null, null, null, null);
            try
            {
                await hold.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RemoteServiceException or HttpRequestException or OperationCanceledException)
            {
                // Not released (Microsoft 365 did not answer, or the run is being torn down): the lease expires after
                // WardLeaseTimes.Duration on its own; the run's own outcome (result or exception) is what the caller sees.
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Renews every <see cref="WardLeaseTimes.RenewEvery"/>; a lease taken over, or about to expire, cancels the run.</summary>
    private async Task RenewLoopAsync(IWardLeaseHold hold, PeriodicTimer timer, CancellationToken stop)
    {
        using (timer)
        {
            var expires = clock.GetUtcNow() + times.Duration;
            try
            {
                while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
                {
                    var now = clock.GetUtcNow();
                    bool ours;
                    try
                    {
                        ours = await hold.RenewAsync(stop).ConfigureAwait(false);
                    }
                    catch (RemoteServiceException) when (!times.LostBeforeNextRenewal(expires, now))
                    {
                        // Microsoft 365 did not answer this time; the lease still outlives the next attempt.
                        continue;
                    }
                    catch (RemoteServiceException)
                    {
                        ours = false;
                    }

                    if (!ours)
                    {
                        await _lost!.CancelAsync().ConfigureAwait(false);
                        return;
                    }

                    expires = now + times.Duration;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The run finished.
            }
        }
    }
}
