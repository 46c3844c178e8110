using Microsoft.Data.Sqlite;

namespace DanVan365.LocalM365;

/// <summary>
/// A copy of a local Graph's whole state (the seed and everything clients wrote), taken with SQLite's online backup
/// by <see cref="LocalGraphServer.Snapshot"/>. A server started with <see cref="LocalGraphServerOptions.Snapshot"/> gets its
/// own copy and leaves the snapshot unchanged, so one synced ward can seed many independent servers (the test suites
/// sync the bundled ward once and give each test a copy). Counters, faults and the resource-unit budget are not state:
/// a server started from a snapshot begins with them at zero. This is the emulator's own test harness, not a behaviour
/// of Microsoft Graph it imitates (Graph has no such operation), so it cites no documentation page.
/// </summary>
public sealed class LocalGraphSnapshot : IDisposable
{
    private readonly SqliteConnection _copy;

    internal LocalGraphSnapshot(SqliteConnection source)
    {
        _copy = OpenMemory();
        source.BackupDatabase(_copy);
    }

    /// <summary>Copies the snapshot into a newly opened database (servers may start from one snapshot in parallel).</summary>
    internal void CopyTo(SqliteConnection destination)
    {
        lock (_copy)
        {
            _copy.BackupDatabase(destination);
        }
    }

    public void Dispose()
    {
        lock (_copy)
        {
            _copy.Dispose();
        }
    }

    private static SqliteConnection OpenMemory()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = ":memory:",
            Mode = SqliteOpenMode.Memory,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }
}
