using DanVan365.Core.Errors;

namespace DanVan365.Core.Wards;

/// <summary>
/// One writer per ward at a time, whoever runs it (CLI, a timer, SyncNow, another Function instance): a lease with an
/// expiry kept in the ward's site, so every runner sees it. Implemented by the Graph adapter (a row of Trạng thái đồng bộ,
/// claimed with If-Match or the list's unique key, so two claimants cannot both win). A crashed holder's lease expires.
/// </summary>
public interface IWardLease
{
    /// <summary>
    /// Claims the ward's lease, waiting up to <paramref name="wait"/> while another runner holds it. Null when it is still
    /// held by someone else: the caller then writes nothing and reports the ward busy.
    /// </summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string purpose, TimeSpan wait, CancellationToken cancellationToken);
}

/// <summary>Another runner holds the ward's lease: nothing was written (CLI exit 1, HTTP 409).</summary>
public sealed class WardBusyException(string wardName, string purpose)
    : DanVanException($"{wardName} đang được một lượt chạy khác cập nhật ({purpose}); chưa ghi gì, hãy thử lại sau ít phút.")
{
    public string WardName { get; } = wardName;
}

/// <summary>How long a lease lasts and how long a second runner waits for it.</summary>
public static class WardLeaseTimes
{
    /// <summary>A lease not renewed or released within this time is free (a crashed holder blocks nobody for long).</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(10);

    /// <summary>How long a second runner waits before answering "ward busy".</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
}
