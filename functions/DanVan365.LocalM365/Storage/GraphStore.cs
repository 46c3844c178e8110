using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace DanVan365.LocalM365.Storage;

/// <summary>
/// The emulator's state: JSON documents by (kind, id) with a parent key and insertion order, a change log for delta
/// queries, and binary blobs for file content. One SQLite connection kept open (WAL when on disk), prepared
/// statements reused; callers serialise access through <see cref="Gate"/>.
/// Documents and meta values read are kept in memory (documents as immutable <see cref="JsonElement"/>s, so every
/// caller still gets its own <see cref="JsonObject"/>); a write replaces or drops the entry, a rollback drops them all.
/// </summary>
internal sealed class GraphStore : IDisposable
{
    /// <summary>Beyond this many cached documents the cache starts again empty (bounds memory for large states).</summary>
    private const int MaxCachedDocuments = 20_000;

    private readonly Dictionary<(string Kind, string Id), JsonElement> _documents = [];
    private readonly Dictionary<string, string?> _meta = new(StringComparer.Ordinal);
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _get;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _children;
    private readonly SqliteCommand _childValues;
    private readonly SqliteCommand _logChange;
    private readonly SqliteCommand _changesSince;
    private readonly SqliteCommand _maxSeq;
    private readonly SqliteCommand _getBlob;
    private readonly SqliteCommand _putBlob;
    private readonly SqliteCommand _deleteBlob;
    private readonly SqliteCommand _getMeta;
    private readonly SqliteCommand _putMeta;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private long _order;

    /// <param name="databasePath">The SQLite file (null: in memory).</param>
    /// <param name="from">State to start from (copied over whatever the file held), or null.</param>
    public GraphStore(string? databasePath, LocalGraphSnapshot? from = null)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath ?? ":memory:",
            Mode = databasePath is null ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        from?.CopyTo(_connection);
        Execute(databasePath is null
            ? "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;"
            : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS entities(kind TEXT NOT NULL, id TEXT NOT NULL, parent TEXT NOT NULL, ord INTEGER NOT NULL,
                json TEXT NOT NULL, PRIMARY KEY(kind, id)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS ix_entities_parent ON entities(kind, parent, ord);
            CREATE TABLE IF NOT EXISTS changes(seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, parent TEXT NOT NULL,
                id TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_changes_parent ON changes(kind, parent, seq);
            CREATE TABLE IF NOT EXISTS blobs(id TEXT PRIMARY KEY, data BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """);
        _get = Prepare("SELECT json FROM entities WHERE kind=$k AND id=$i", "$k", "$i");
        _upsert =
            Prepare("INSERT INTO entities(kind,id,parent,ord,json) VALUES($k,$i,$p,$o,$j) ON CONFLICT(kind,id) DO UPDATE SET " +
            "parent=excluded.parent, json=excluded.json", "$k", "$i", "$p", "$o", "$j");
        _delete = Prepare("DELETE FROM entities WHERE kind=$k AND id=$i", "$k", "$i");
        _children = Prepare("SELECT json FROM entities WHERE kind=$k AND parent=$p ORDER BY ord", "$k", "$p");
        _childValues = Prepare("SELECT json ->> '$.id', json -> $path FROM entities WHERE kind=$k AND parent=$p", "$k", "$p", "$path");
        _logChange = Prepare("INSERT INTO changes(kind,parent,id) VALUES($k,$p,$i)", "$k", "$p", "$i");
        _changesSince = Prepare("SELECT id, MAX(seq) FROM changes WHERE kind=$k AND parent=$p AND seq>$s GROUP BY id ORDER BY MAX(seq)",
            "$k", "$p", "$s");
        _maxSeq = Prepare("SELECT COALESCE(MAX(seq),0) FROM changes", Array.Empty<string>());
        _getBlob = Prepare("SELECT data FROM blobs WHERE id=$i", "$i");
        _putBlob = Prepare("INSERT INTO blobs(id,data) VALUES($i,$d) ON CONFLICT(id) DO UPDATE SET data=excluded.data", "$i", "$d");
        _deleteBlob = Prepare("DELETE FROM blobs WHERE id=$i", "$i");
        _getMeta = Prepare("SELECT value FROM meta WHERE key=$k", "$k");
        _putMeta = Prepare("INSERT INTO meta(key,value) VALUES($k,$v) ON CONFLICT(key) DO UPDATE SET value=excluded.value", "$k", "$v");
        _begin = Prepare("BEGIN");
        _commit = Prepare("COMMIT");
        _rollback = Prepare("ROLLBACK");
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(ord),0) FROM entities";
        _order = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The lock every request holds while it reads or writes state.</summary>
    public object Gate { get; } = new();

    public bool IsEmpty => GetMeta("seeded") is null;

    public JsonObject? Get(string kind, string id)
    {
        if (!_documents.TryGetValue((kind, id), out var document))
        {
            _get.Parameters[0].Value = kind;
            _get.Parameters[1].Value = id;
            if (_get.ExecuteScalar() is not string json)
            {
                return null;
            }

            document = JsonSerializer.Deserialize<JsonElement>(json);
            if (_documents.Count >= MaxCachedDocuments)
            {
                _documents.Clear();
            }

            _documents[(kind, id)] = document;
        }

        // A fresh node over the immutable element: the caller may change it without touching the cache.
        return JsonObject.Create(document)!;
    }

    public void Put(string kind, string id, string parent, JsonObject value, bool logChange = false)
    {
        _upsert.Parameters[0].Value = kind;
        _upsert.Parameters[1].Value = id;
        _upsert.Parameters[2].Value = parent;
        _upsert.Parameters[3].Value = ++_order;
        _upsert.Parameters[4].Value = value.ToJsonString();
        _upsert.ExecuteNonQuery();
        _documents.Remove((kind, id));
        if (logChange)
        {
            LogChange(kind, parent, id);
        }
    }

    public bool Delete(string kind, string id, string? parentForLog = null)
    {
        _delete.Parameters[0].Value = kind;
        _delete.Parameters[1].Value = id;
        var removed = _delete.ExecuteNonQuery() > 0;
        _documents.Remove((kind, id));
        if (removed && parentForLog is not null)
        {
            LogChange(kind, parentForLog, id);
        }

        return removed;
    }

    public List<JsonObject> Children(string kind, string parent)
    {
        _children.Parameters[0].Value = kind;
        _children.Parameters[1].Value = parent;
        var result = new List<JsonObject>();
        using var reader = _children.ExecuteReader();
        while (reader.Read())
        {
            result.Add((JsonObject)JsonNode.Parse(reader.GetString(0))!);
        }

        return result;
    }

    /// <summary>For each child: its document's "id" (when a string) and the JSON text at a path (null when absent); no document is
    /// parsed.</summary>
    public List<(string? Id, string? Json)> ChildValues(string kind, string parent, string jsonPath)
    {
        _childValues.Parameters[0].Value = kind;
        _childValues.Parameters[1].Value = parent;
        _childValues.Parameters[2].Value = jsonPath;
        var result = new List<(string?, string?)>();
        using var reader = _childValues.ExecuteReader();
        while (reader.Read())
        {
            result.Add((reader.GetValue(0) as string, reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return result;
    }

    public void LogChange(string kind, string parent, string id)
    {
        _logChange.Parameters[0].Value = kind;
        _logChange.Parameters[1].Value = parent;
        _logChange.Parameters[2].Value = id;
        _logChange.ExecuteNonQuery();
    }

    /// <summary>Ids changed (created, updated or deleted) under a parent since a change sequence number, oldest first.</summary>
    public List<string> ChangedSince(string kind, string parent, long seq)
    {
        _changesSince.Parameters[0].Value = kind;
        _changesSince.Parameters[1].Value = parent;
        _changesSince.Parameters[2].Value = seq;
        var result = new List<string>();
        using var reader = _changesSince.ExecuteReader();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    public long CurrentSequence() => Convert.ToInt64(_maxSeq.ExecuteScalar(), CultureInfo.InvariantCulture);

    public byte[]? GetBlob(string id)
    {
        _getBlob.Parameters[0].Value = id;
        return _getBlob.ExecuteScalar() as byte[];
    }

    public void PutBlob(string id, byte[] data)
    {
        _putBlob.Parameters[0].Value = id;
        _putBlob.Parameters[1].Value = data;
        _putBlob.ExecuteNonQuery();
    }

    public void DeleteBlob(string id)
    {
        _deleteBlob.Parameters[0].Value = id;
        _deleteBlob.ExecuteNonQuery();
    }

    public string? GetMeta(string key)
    {
        if (!_meta.TryGetValue(key, out var value))
        {
            _getMeta.Parameters[0].Value = key;
            value = _getMeta.ExecuteScalar() as string;
            _meta[key] = value;
        }

        return value;
    }

    public void PutMeta(string key, string value)
    {
        _putMeta.Parameters[0].Value = key;
        _putMeta.Parameters[1].Value = value;
        _putMeta.ExecuteNonQuery();
        _meta[key] = value;
    }

    /// <summary>Next value of a named counter (list item ids, versions, eTags), persisted.</summary>
    public long NextCounter(string name)
    {
        var current = GetMeta("counter:" + name);
        var next = (current is null ? 0 : long.Parse(current, CultureInfo.InvariantCulture)) + 1;
        PutMeta("counter:" + name, next.ToString(CultureInfo.InvariantCulture));
        return next;
    }

    /// <summary>A copy of the whole state (the caller holds <see cref="Gate"/>, so no request is half written).</summary>
    public LocalGraphSnapshot Snapshot() => new(_connection);

    public void Clear()
    {
        Execute("DELETE FROM entities; DELETE FROM changes; DELETE FROM blobs; DELETE FROM meta;");
        ForgetCached();
    }

    /// <summary>Runs an operation atomically (raw BEGIN/COMMIT so the prepared commands need no transaction object).</summary>
    public T Atomically<T>(Func<T> operation)
    {
        _begin.ExecuteNonQuery();
        try
        {
            var result = operation();
            _commit.ExecuteNonQuery();
            return result;
        }
        catch
        {
            // The cache may hold documents or meta values written (or read back) inside the rolled-back transaction.
            ForgetCached();
            _rollback.ExecuteNonQuery();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var cmd in new[] { _get, _upsert, _delete, _children, _childValues, _logChange, _changesSince, _maxSeq, _getBlob, _putBlob,
            _deleteBlob, _getMeta, _putMeta, _begin, _commit, _rollback })
        {
            cmd.Dispose();
        }

        _connection.Dispose();
    }

    private void ForgetCached()
    {
        _documents.Clear();
        _meta.Clear();
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new SqliteParameter(p, null));
        }

        cmd.Prepare();
        return cmd;
    }
}
