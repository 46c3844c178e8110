using System.Text.Json;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Reporting;

/// <summary>A file whose ingestion failed: its path, the version (stamp) that failed and how many times.</summary>
public sealed record IngestRetry(string Path, string Stamp, int Attempts);

/// <summary>
/// The files of "Nộp" whose ingestion failed, kept in the ward's state (key <see cref="StateKey"/>) so the delta token can
/// move on every run: the next run reads them again, and after <see cref="MaxAttempts"/> failures of one version the file
/// is refused with the reason instead of being tried forever.
/// </summary>
public static class IngestRetries
{
    /// <summary>The state key of the list.</summary>
    public const string StateKey = "library-retry";

    /// <summary>Failed attempts of one file version before it is refused.</summary>
    public const int MaxAttempts = 3;

    /// <summary>The list saved in the state (empty when none).</summary>
    public static async Task<IReadOnlyList<IngestRetry>> LoadAsync(IStateStore state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var text = await state.GetAsync(StateKey, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<IngestRetry>>(text) ?? [];
        }
        catch (JsonException)
        {
            return []; // a damaged list only costs the retries: the files are still there and a change brings them back.
        }
    }

    /// <summary>Saves the list when it differs from what was loaded.</summary>
    public static async Task SaveAsync(IStateStore state, IReadOnlyList<IngestRetry> before, IReadOnlyList<IngestRetry> after,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!before.SequenceEqual(after))
        {
            await state.SetAsync(StateKey, JsonSerializer.Serialize(after), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The attempts so far of this version of the file (0 when it is not on the list or has changed since).</summary>
    public static int AttemptsOf(IReadOnlyList<IngestRetry> retries, string path, string stamp)
    {
        ArgumentNullException.ThrowIfNull(retries);
        return retries.FirstOrDefault(r => r.Path == path && r.Stamp == stamp)?.Attempts ?? 0;
    }
}
