using System.Globalization;
using DanVan365.Core.Errors;

namespace DanVan365.Core.Wards;

/// <summary>
/// One writer per ward at a time, whoever runs it (CLI, a timer, SyncNow, another Function instance): a lease with an
/// expiry kept in the ward's site, so every runner sees it. Implemented by the Graph adapter (a row of Trạng thái đồng bộ,
/// claimed with If-Match or the list's unique key, so two claimants cannot both win). A crashed holder's lease expires.
/// Use cases take it through <see cref="WardRunLease"/> (re-entrant, renewed while held).
/// </summary>
public interface IWardLease
{
    /// <summary>
    /// Claims the ward's lease, waiting up to <paramref name="wait"/> while another runner holds it. Null when it is still
    /// held by someone else: the caller then writes nothing and reports the ward busy. Throws
    /// <see cref="SiteNotProvisionedException"/> when the site has no state list yet (nowhere to keep a lease).
    /// </summary>
    Task<IWardLeaseHold?> TryAcquireAsync(string purpose, TimeSpan wait, CancellationToken cancellationToken);
}

/// <summary>A lease this runner holds. Disposing releases it (only if it is still this runner's).</summary>
public interface IWardLeaseHold : IAsyncDisposable
{
    /// <summary>
    /// Moves the expiry to now + <see cref="WardLeaseTimes.Duration"/>, guarded by the row's eTag: false when the lease is no
    /// longer this runner's (it expired and another runner took it over).
    /// </summary>
    Task<bool> RenewAsync(CancellationToken cancellationToken);
}

/// <summary>Another runner holds the ward's lease: nothing was written (CLI exit 1, HTTP 409).</summary>
public sealed class WardBusyException(string wardName, string purpose)
    : DanVanException($"Chưa {ActivityOf(purpose)} được: {wardName} đang được một tiến trình khác cập nhật; chưa ghi gì, " +
        "hãy thử lại sau ít phút.")
{
    /// <summary>What the refused run was doing, as people read it (a purpose in code is never shown: it is English).</summary>
    public static string ActivityOf(string purpose) => purpose switch
    {
        "compile" => "tổng hợp báo cáo",
        "escalate" => "gửi nhắc việc",
        "ingest" => "đọc báo cáo đơn vị nộp",
        "intake" => "nhận quyết định",
        "provision" => "chuẩn bị trang SharePoint",
        "pull" => "cập nhật tiến độ từ Planner",
        "return" => "trả lại báo cáo",
        "submit" => "ghi báo cáo",
        "sync" => "đồng bộ danh mục nhiệm vụ",
        _ => "cập nhật dữ liệu",
    };

    public string WardName { get; } = wardName;

    public string Purpose { get; } = purpose;
}

/// <summary>
/// The run lost the ward's lease before it finished (renewals failed until it expired, and another runner took it over):
/// the run was stopped; what it wrote before stays, a later run finishes the job.
/// </summary>
public sealed class WardLeaseLostException(string wardName, string purpose, Exception? inner = null)
    : DanVanException($"{wardName}: lượt chạy ({purpose}) đã mất quyền ghi vì quá hạn giữ chỗ; đã dừng, hãy chạy lại.", inner)
{
    public string WardName { get; } = wardName;
}

/// <summary>
/// How long a lease lasts, how long a second runner waits for it, and when a holder renews it (section "WardLease";
/// durations as "hh:mm:ss"). Validated at start-up.
/// </summary>
public sealed class WardLeaseTimes
{
    public const string SectionName = "WardLease";

    /// <summary>A lease not renewed or released within this time is free (a crashed holder blocks nobody for long).</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a second runner waits before answering "ward busy" (on the clock, as the expiry).</summary>
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The defaults (10 minutes, 20 seconds).</summary>
    public static WardLeaseTimes Default => new();

    /// <summary>
    /// A holder renews each time a third of the duration has passed: one renewal may fail (Microsoft 365 busy); after a
    /// second failure the run stops before its lease can expire under it.
    /// </summary>
    public TimeSpan RenewEvery => Duration / 3;

    /// <summary>
    /// After a failed renewal at <paramref name="now"/>: true when the lease (valid until <paramref name="expires"/>) would
    /// expire before the next renewal, so the run must stop rather than be overtaken.
    /// </summary>
    public bool LostBeforeNextRenewal(DateTimeOffset expires, DateTimeOffset now) => now + RenewEvery >= expires;

    /// <summary>Throws <see cref="ConfigurationException"/> naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        if (Duration < TimeSpan.FromSeconds(3) || Duration > TimeSpan.FromHours(2))
        {
            throw new ConfigurationException($"{SectionName}:{nameof(Duration)}", "must be between 00:00:03 and 02:00:00.");
        }

        if (Wait < TimeSpan.Zero || Wait >= Duration)
        {
            throw new ConfigurationException($"{SectionName}:{nameof(Wait)}", string.Create(CultureInfo.InvariantCulture,
                $"must be at least 00:00:00 and shorter than {SectionName}:{nameof(Duration)} ({Duration:c})."));
        }
    }
}
