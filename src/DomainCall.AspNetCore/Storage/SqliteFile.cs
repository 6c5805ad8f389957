using Dapper;
using Microsoft.Data.Sqlite;

namespace DomainCall.Storage;

/// <summary>
/// The SQLite file the embedded stores share: calls, callbacks and the notification outbox each keep their tables in
/// it. Every connection writes with <c>synchronous=FULL</c>, because what a store reports written is told to a
/// person and must survive a crash of the machine.
/// </summary>
internal sealed class SqliteFile
{
    private readonly string _connectionString;

    public SqliteFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs one store's schema step in WAL mode and in a transaction of its own, and commits it; the file and its
    /// folder are created when missing.
    /// </summary>
    public async Task MigrateAsync(Func<SqliteConnection, SqliteTransaction, Task> migrate)
    {
        ArgumentNullException.ThrowIfNull(migrate);

        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");

        // An immediate transaction takes the write lock first, so two processes starting together migrate once.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await migrate(connection, transaction);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Reads the version of a store's part of the schema, kept in <c>schema_parts</c> by the stores that came after
    /// the call store; 0 for a part never created.
    /// </summary>
    public static async Task<int> PartVersionAsync(
        SqliteConnection connection, SqliteTransaction transaction, string part)
    {
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_parts (part TEXT PRIMARY KEY, version INTEGER NOT NULL);",
            transaction: transaction);
        return await connection.ExecuteScalarAsync<int?>(
            "SELECT version FROM schema_parts WHERE part = @part;", new { part }, transaction) ?? 0;
    }
}
