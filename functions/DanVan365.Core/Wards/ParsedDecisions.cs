using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Reporting;
using DanVan365.Core.Units;

namespace DanVan365.Core.Wards;

/// <summary>
/// Decisions already read, kept between runs (issue 25): one per composition root (a singleton), so a dashboard, my-work,
/// submit or proposals call does not download and parse the decision in use (up to 20 MB) before answering. An entry is
/// used only for the same ward, the same file (drive item id and address) under the same name, at the same content version
/// (the file's cTag, else its eTag) and read with the same unit directory: anything else is a miss, and the file is read
/// again. A file that could not be read is kept too (its reason), so a bad file is not downloaded on every call.
/// <para>Bounded: at most <see cref="PerWard"/> versions per ward (the decision in use and a newer one being judged) and
/// <see cref="Capacity"/> in all; the least recently used goes first. Thread-safe. Holds parsed catalogues only: the bytes
/// are read by the caller on a miss (Core does no I/O).</para>
/// </summary>
public sealed class ParsedDecisions
{
    /// <summary>Versions kept per ward.</summary>
    public const int PerWard = 2;

    /// <summary>Catalogues kept in all (a few wards' worth: a 500-task catalogue is a few MB in memory).</summary>
    public const int Capacity = 24;

    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private long _uses;

    /// <summary>Catalogues read through this cache since start (a miss each).</summary>
    public long Misses { get; private set; }

    /// <summary>Calls answered from the cache.</summary>
    public long Hits { get; private set; }

    /// <summary>
    /// The catalogue of <paramref name="file"/> for <paramref name="ward"/>: the kept one when this very version was read
    /// before, else <paramref name="read"/>'s (kept for next time). A file that does not read throws its
    /// <see cref="InvalidInputException"/>, now and on later calls for the same version.
    /// </summary>
    public async Task<TaskCatalogue> GetAsync(WardContext ward, LibraryFile file, Func<Task<TaskCatalogue>> read)
    {
        ArgumentNullException.ThrowIfNull(ward);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(read);
        if (string.IsNullOrEmpty(file.Version))
        {
            // No version to tell a changed file by: never kept.
            return await read().ConfigureAwait(false);
        }

        var key = new Key(ward.Id, ward.Units, file.Id, file.WebUrl, file.Name, file.Version);
        lock (_gate)
        {
            if (_entries.Find(e => e.Key.Matches(key)) is { } found)
            {
                found.LastUse = ++_uses;
                Hits++;
                return found.Catalogue ?? throw found.Refusal!;
            }

            Misses++;
        }

        TaskCatalogue? catalogue = null;
        InvalidInputException? refusal = null;
        try
        {
            catalogue = await read().ConfigureAwait(false);
        }
        catch (InvalidInputException ex)
        {
            refusal = ex;
        }

        Keep(new Entry(key, catalogue, refusal));
        return catalogue ?? throw refusal!;
    }

    /// <summary>
    /// The catalogue last used for the ward (any file, any version), or null: a hint only (e.g. which year's folder a call
    /// will read), never the decision in use.
    /// </summary>
    public TaskCatalogue? LastUsed(string wardId)
    {
        lock (_gate)
        {
            return _entries.Where(e => e.Catalogue is not null && string.Equals(e.Key.Ward, wardId, StringComparison.Ordinal))
                .MaxBy(e => e.LastUse)?.Catalogue;
        }
    }

    /// <summary>Forgets everything kept (tests; a host may call it).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>How many catalogues are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    private void Keep(Entry entry)
    {
        lock (_gate)
        {
            entry.LastUse = ++_uses;
            _entries.RemoveAll(e => e.Key.Matches(entry.Key));
            _entries.Add(entry);
            var ward = _entries.Where(e => e.Key.Ward == entry.Key.Ward).OrderBy(e => e.LastUse).ToList();
            foreach (var old in ward.Take(Math.Max(0, ward.Count - PerWard)))
            {
                _entries.Remove(old);
            }

            while (_entries.Count > Capacity)
            {
                _entries.Remove(_entries.MinBy(e => e.LastUse)!);
            }
        }
    }

    private sealed record Key(string Ward, UnitDirectory Units, string FileId, string? Address, string Name, string Version)
    {
        // The unit directory by reference: a catalogue is read against one directory object, loaded once per ward.
        public bool Matches(Key other) => string.Equals(Ward, other.Ward, StringComparison.Ordinal)
            && ReferenceEquals(Units, other.Units)
            && string.Equals(FileId, other.FileId, StringComparison.Ordinal)
            && string.Equals(Address, other.Address, StringComparison.Ordinal)
            && string.Equals(Name, other.Name, StringComparison.Ordinal)
            && string.Equals(Version, other.Version, StringComparison.Ordinal);
    }

    private sealed class Entry(Key key, TaskCatalogue? catalogue, InvalidInputException? refusal)
    {
        public Key Key { get; } = key;

        public TaskCatalogue? Catalogue { get; } = catalogue;

        public InvalidInputException? Refusal { get; } = refusal;

        public long LastUse { get; set; }
    }
}
