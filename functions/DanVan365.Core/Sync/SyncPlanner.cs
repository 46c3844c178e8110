using System.Security.Cryptography;
using System.Text;
using DanVan365.Core.Integrity;

namespace DanVan365.Core.Sync;

/// <summary>
/// Sync as a pure function: (desired rows, current rows) → plan. Rules (docs/architecture.md "Ownership", "Nothing is lost"):
/// <list type="bullet">
/// <item>a desired row without a current row is created;</item>
/// <item>a current row whose sync-owned values equal the desired values and that is not archived is unchanged
///   (the rows are read anyway, so comparing costs no request); the stored hash alone is not trusted: a person who
///   hand-edits a column sync owns (e.g. the last day) is corrected on the next sync; the hash leaves out provenance
///   columns (the decision number);</item>
/// <item>provenance columns are written only with a content change: a re-issued decision rewrites only the entries
///   it changed;</item>
/// <item>otherwise only the sync-owned fields that differ are written, with the new hash; an archived row that is
///   back in the decision is restored;</item>
/// <item>a current row no longer desired is archived (flag + date), never deleted; one already archived stays as is;</item>
/// <item>columns people own are never in a plan.</item>
/// </list>
/// With a <see cref="RecordSeal"/> the stored hash is a seal (docs/architecture.md "Records people can trust"): a row whose
/// sync values differ from the desired ones and whose seal does not verify its current values was edited around the app:
/// restored as above and reported (<see cref="SyncPlan.Interventions"/>, <see cref="SyncSeals"/>). A legacy unkeyed hash
/// or a previous key's seal that verifies is re-sealed without a report.
/// </summary>
public static class SyncPlanner
{
    public static SyncPlan Plan(ListDefinition list, IReadOnlyList<DesiredRow> desired, IReadOnlyList<CurrentRow> current, DateOnly today,
        RecordSeal? seal = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        var currentByKey = new Dictionary<string, CurrentRow>(StringComparer.Ordinal);
        foreach (var row in current)
        {
            // A unique key column makes duplicates impossible; if a list without the constraint has them, the first wins.
            currentByKey.TryAdd(Key(row.Key), row);
        }

        var changes = new List<RowChange>(desired.Count + 4);
        var interventions = new List<Intervention>();
        var desiredKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var want in desired)
        {
            var key = Key(want.Key);
            if (!desiredKeys.Add(key))
            {
                throw new ArgumentException($"Duplicate desired key '{key}' for list '{list.Key}'.", nameof(desired));
            }

            ColumnOwnership.EnsureWritable(list, ColumnOwner.Sync, want.Fields.Keys);

            var content = want.Content;
            var hash = SyncSeals.Stamp(list, key, content, seal);
            if (!currentByKey.TryGetValue(key, out var have))
            {
                var fields = new Dictionary<string, string?>(want.Fields, StringComparer.Ordinal)
                {
                    [list.KeyColumn!] = key,
                    [SiteSchema.ContentHash] = hash,
                    [SiteSchema.Archived] = FieldValues.Bool(false),
                };
                changes.Add(new RowChange(ChangeKind.Create, key, null, null, fields, [.. fields.Keys.Order(StringComparer.Ordinal)])
                {
                    Seal = hash,
                });
                continue;
            }

            var archived = IsArchived(have);
            var diff = Diff(content, have);
            if (!archived && diff.Count == 0 && Get(have, SiteSchema.ContentHash) == hash)
            {
                changes.Add(new RowChange(ChangeKind.Unchanged, key, have.ItemId, have.ETag, Empty, []));
                continue;
            }

            if (diff.Count > 0)
            {
                if (seal is not null && !SyncSeals.Trusted(list, key, content.Keys, have, seal))
                {
                    interventions.AddRange(SyncSeals.Restorations(list, key, diff, have));
                }

                AddProvenance(diff, want, have);
            }

            if (Get(have, SiteSchema.ContentHash) != hash)
            {
                diff[SiteSchema.ContentHash] = hash;
            }

            if (archived)
            {
                diff[SiteSchema.Archived] = FieldValues.Bool(false);
                diff[SiteSchema.ArchivedOn] = null;
            }

            changes.Add(diff.Count == 0
                ? new RowChange(ChangeKind.Unchanged, key, have.ItemId, have.ETag, Empty, [])
                : new RowChange(ChangeKind.Update, key, have.ItemId, have.ETag, diff, [.. diff.Keys.Order(StringComparer.Ordinal)])
                {
                    Seal = hash,
                });
        }

        foreach (var have in current)
        {
            var key = Key(have.Key);
            if (desiredKeys.Contains(key) || !ReferenceEquals(currentByKey[key], have))
            {
                continue;
            }

            if (IsArchived(have))
            {
                changes.Add(new RowChange(ChangeKind.Unchanged, key, have.ItemId, have.ETag, Empty, []));
                continue;
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [SiteSchema.Archived] = FieldValues.Bool(true),
                [SiteSchema.ArchivedOn] = FieldValues.Date(today),
            };
            changes.Add(new RowChange(ChangeKind.Archive, key, have.ItemId, have.ETag, fields, [SiteSchema.Archived,
                SiteSchema.ArchivedOn]));
        }

        return new SyncPlan(list, changes) { Interventions = interventions };
    }

    /// <summary>
    /// Re-plans one update against a row re-read after a 412 (someone changed it meanwhile): only sync-owned
    /// fields that still differ are written, so a person's concurrent edit of their own columns survives.
    /// </summary>
    public static RowChange Rebase(RowChange change, DesiredRow? desired, CurrentRow fresh, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(fresh);
        if (change.Kind == ChangeKind.Archive || desired is null)
        {
            return IsArchived(fresh)
                ? new RowChange(ChangeKind.Unchanged, change.Key, fresh.ItemId, fresh.ETag, Empty, [])
                : change with
                {
                    ItemId = fresh.ItemId,
                    ETag = fresh.ETag,
                    Fields =
                    new Dictionary<string, string?>(StringComparer.Ordinal)
                    {
                        [SiteSchema.Archived] = "true",
                        [SiteSchema.ArchivedOn] = FieldValues.Date(today)
                    }
                };
        }

        var content = desired.Content;
        var diff = Diff(content, fresh);
        var hash = change.Seal ?? ContentHash(content);
        if (diff.Count > 0)
        {
            AddProvenance(diff, desired, fresh);
        }

        if (Get(fresh, SiteSchema.ContentHash) != hash)
        {
            diff[SiteSchema.ContentHash] = hash;
        }

        if (IsArchived(fresh))
        {
            diff[SiteSchema.Archived] = FieldValues.Bool(false);
            diff[SiteSchema.ArchivedOn] = null;
        }

        return diff.Count == 0
            ? new RowChange(ChangeKind.Unchanged, change.Key, fresh.ItemId, fresh.ETag, Empty, [])
            : new RowChange(ChangeKind.Update, change.Key, fresh.ItemId, fresh.ETag, diff, [.. diff.Keys.Order(StringComparer.Ordinal)])
            {
                Seal = change.Seal,
            };
    }

    /// <summary>A stable hash of the sync-owned values (hex, 32 chars).</summary>
    public static string ContentHash(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var text = new StringBuilder();
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(value?.Normalize(NormalizationForm.FormC) ?? "\u2400").Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }

    private static readonly IReadOnlyDictionary<string, string?> Empty = new Dictionary<string, string?>();

    private static string Key(string key) => key.Normalize(NormalizationForm.FormC);

    private static bool IsArchived(CurrentRow row) => Get(row, SiteSchema.Archived) == "true";

    private static string? Get(CurrentRow row, string name) => row.Fields.GetValueOrDefault(name);

    private static void AddProvenance(Dictionary<string, string?> diff, DesiredRow want, CurrentRow have)
    {
        foreach (var name in want.Provenance)
        {
            var value = want.Fields.GetValueOrDefault(name);
            if (!string.Equals(FieldValues.Text(value), FieldValues.Text(Get(have, name)), StringComparison.Ordinal))
            {
                diff[name] = value;
            }
        }
    }

    internal static Dictionary<string, string?> Diff(IReadOnlyDictionary<string, string?> want, CurrentRow have)
    {
        var diff = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in want)
        {
            if (!string.Equals(FieldValues.Text(value), FieldValues.Text(Get(have, name)), StringComparison.Ordinal))
            {
                diff[name] = value;
            }
        }

        return diff;
    }
}
