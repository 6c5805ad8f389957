using Dapper;
using DomainCall.Callbacks;
using DomainCall.Engine;
using Microsoft.Data.Sqlite;

namespace DomainCall.Storage;

/// <summary>
/// Keeps callbacks in the SQLite file of <see cref="SqliteCallStore"/>, in tables of its own whose version is kept
/// under the part <c>callbacks</c> of <c>schema_parts</c>. Every write runs with <c>synchronous=FULL</c>: a callback
/// is confirmed to the caller only once it would survive a crash of the machine.
/// </summary>
internal sealed class SqliteCallbackStore : ICallbackStore
{
    private const string Part = "callbacks";
    private const int SchemaVersion = 1;
    private const int SqliteConstraintUnique = 2067;

    private readonly SqliteFile _file;
    private readonly Lazy<Task> _initialization;

    public SqliteCallbackStore(string path)
    {
        _file = new SqliteFile(path);
        _initialization = new Lazy<Task>(CreateSchemaAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Path => _file.Path;

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _initialization.Value.WaitAsync(cancellationToken);

    public async Task<CallbackAddResult> AddAsync(
        Callback callback, CallbackVoice? voice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);

        // The write lock is taken first, so the checks and the insert are one step even between processes; the
        // unique indexes stand behind them should another writer of the file not take the lock.
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var existing = await FindByKeyAsync(
            connection, transaction, callback.Domain, callback.IdempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return new CallbackAddResult(CallbackAddOutcome.DuplicateKey, existing);
        }

        if (callback.Kind == CallbackKind.Slot
            && await IsBookedAsync(connection, transaction, callback, cancellationToken))
        {
            return new CallbackAddResult(CallbackAddOutcome.SlotTaken, null);
        }

        try
        {
            await InsertAsync(connection, transaction, callback, voice, cancellationToken);
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode == SqliteConstraintUnique)
        {
            return new CallbackAddResult(CallbackAddOutcome.SlotTaken, null);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CallbackAddResult(CallbackAddOutcome.Added, null);
    }

    public async Task<Callback?> FindAsync(Domain domain, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);

        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CallbackRow>(new CommandDefinition(
            $"SELECT {CallbackRow.Columns} FROM callbacks WHERE domain = @domain AND id = @id",
            new { domain = domain.Value, id },
            cancellationToken: cancellationToken));
        return row?.ToCallback();
    }

    public async Task<Callback?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);

        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CallbackRow>(new CommandDefinition(
            $"SELECT {CallbackRow.Columns} FROM callbacks WHERE id = @id",
            new { id },
            cancellationToken: cancellationToken));
        return row?.ToCallback();
    }

    public async Task<Callback?> FindByIdempotencyKeyAsync(
        Domain domain, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);

        await using var connection = await OpenAsync(cancellationToken);
        return await FindByKeyAsync(connection, null, domain, idempotencyKey, cancellationToken);
    }

    public async Task<IReadOnlyList<Callback>> ListAsync(
        Domain domain, bool handled, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        var sql = handled
            ? $"""
               SELECT {CallbackRow.Columns} FROM callbacks WHERE domain = @domain AND status = 'handled'
               ORDER BY handled_at DESC, rowid DESC LIMIT @limit
               """
            : $"""
               SELECT {CallbackRow.Columns} FROM callbacks WHERE domain = @domain AND status <> 'handled'
               ORDER BY CASE status WHEN 'scheduled' THEN 0 ELSE 1 END, slot, created_at, rowid LIMIT @limit
               """;
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CallbackRow>(
            new CommandDefinition(sql, new { domain = domain.Value, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToCallback())];
    }

    public async Task<IReadOnlyList<DateTimeOffset>> ListBookedSlotsAsync(
        Domain domain, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var slots = await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT slot FROM callbacks
            WHERE domain = @domain AND kind = 'slot' AND slot >= @from AND slot < @until ORDER BY slot
            """,
            new
            {
                domain = domain.Value,
                from = from.ToUnixTimeMilliseconds(),
                until = until.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
        return [.. slots.Select(UnixTime.Of)];
    }

    public async Task<bool> MarkHandledAsync(
        Domain domain, string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);

        await using var connection = await OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE callbacks SET status = 'handled', handled_at = @at
            WHERE domain = @domain AND id = @id AND status <> 'handled'
            """,
            new { domain = domain.Value, id, at = at.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task<CallbackVoice?> FindVoiceAsync(Domain domain, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);

        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string ContentType, byte[] Bytes)?>(new CommandDefinition(
            """
            SELECT v.content_type, v.bytes FROM callback_voices v JOIN callbacks c ON c.id = v.callback_id
            WHERE c.domain = @domain AND c.id = @id
            """,
            new { domain = domain.Value, id },
            cancellationToken: cancellationToken));
        return row is { } voice ? new CallbackVoice(voice.ContentType, voice.Bytes) : null;
    }

    public async Task<int> RemovePushAsync(string endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);

        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE callbacks SET push_endpoint = NULL, push_p256dh = NULL, push_auth = NULL
            WHERE push_endpoint = @endpoint
            """,
            new { endpoint },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Callback>> ListDueAsync(
        DateTimeOffset at, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CallbackRow>(new CommandDefinition(
            $"""
            SELECT {CallbackRow.Columns} FROM callbacks
            WHERE status = 'scheduled' AND reminded_at IS NULL AND slot <= @at ORDER BY slot, rowid LIMIT @limit
            """,
            new { at = at.ToUnixTimeMilliseconds(), limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToCallback())];
    }

    public async Task<bool> MarkRemindedAsync(
        Domain domain, string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);

        await using var connection = await OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE callbacks SET reminded_at = @at WHERE domain = @domain AND id = @id AND reminded_at IS NULL",
            new { domain = domain.Value, id, at = at.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    private static async Task<Callback?> FindByKeyAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        Domain domain,
        string key,
        CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<CallbackRow>(new CommandDefinition(
            $"SELECT {CallbackRow.Columns} FROM callbacks WHERE domain = @domain AND idempotency_key = @key",
            new { domain = domain.Value, key },
            transaction,
            cancellationToken: cancellationToken));
        return row?.ToCallback();
    }

    private static async Task<bool> IsBookedAsync(
        SqliteConnection connection, SqliteTransaction transaction, Callback callback, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM callbacks WHERE domain = @domain AND kind = 'slot' AND slot = @slot",
            new { domain = callback.Domain.Value, slot = callback.Slot?.ToUnixTimeMilliseconds() },
            transaction,
            cancellationToken: ct)) > 0;

    private static async Task InsertAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        Callback callback,
        CallbackVoice? voice,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO callbacks (id, domain, kind, status, slot, reason, name, email, message, has_voice, voice_type,
                voice_seconds, caller, caller_kind, call_id, client, caller_time_zone, push_endpoint, push_p256dh,
                push_auth, created_at, handled_at, reminded_at, idempotency_key, token, request_hash)
            VALUES (@Id, @Domain, @Kind, @Status, @Slot, @Reason, @Name, @Email, @Message, @HasVoice, @VoiceType,
                @VoiceSeconds, @Caller, @CallerKind, @CallId, @Client, @CallerTimeZone, @PushEndpoint, @PushP256dh,
                @PushAuth, @CreatedAt, @HandledAt, @RemindedAt, @IdempotencyKey, @Token, @RequestHash)
            """,
            CallbackRow.From(callback),
            transaction,
            cancellationToken: cancellationToken));
        if (voice is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO callback_voices (callback_id, content_type, bytes) VALUES (@id, @type, @bytes)",
                new { id = callback.Id, type = voice.ContentType, bytes = voice.Bytes.ToArray() },
                transaction,
                cancellationToken: cancellationToken));
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _initialization.Value.WaitAsync(cancellationToken);
        return await _file.OpenAsync(cancellationToken);
    }

    private Task CreateSchemaAsync() => _file.MigrateAsync(MigrateAsync);

    private async Task MigrateAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        var version = await SqliteFile.PartVersionAsync(connection, transaction, Part);
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException(
                $"The callbacks in the DomainCall store '{Path}' were written by a newer version (schema {version}, " +
                $"this version knows {SchemaVersion}). Upgrade the DomainCall package, or point StorePath at " +
                "another file.");
        }

        if (version < 1)
        {
            await connection.ExecuteAsync(
                """
                CREATE TABLE callbacks (
                    id TEXT PRIMARY KEY,
                    domain TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    status TEXT NOT NULL,
                    slot INTEGER,
                    reason TEXT NOT NULL,
                    name TEXT,
                    email TEXT,
                    message TEXT,
                    has_voice INTEGER NOT NULL,
                    voice_type TEXT,
                    voice_seconds REAL,
                    caller TEXT NOT NULL,
                    caller_kind TEXT NOT NULL,
                    call_id TEXT,
                    client TEXT NOT NULL,
                    caller_time_zone TEXT,
                    push_endpoint TEXT,
                    push_p256dh TEXT,
                    push_auth TEXT,
                    created_at INTEGER NOT NULL,
                    handled_at INTEGER,
                    reminded_at INTEGER,
                    idempotency_key TEXT NOT NULL,
                    token TEXT NOT NULL,
                    request_hash TEXT NOT NULL,
                    UNIQUE (domain, idempotency_key)
                );
                CREATE UNIQUE INDEX callbacks_one_per_slot ON callbacks (domain, slot) WHERE kind = 'slot';
                CREATE INDEX callbacks_by_domain ON callbacks (domain, status, created_at);
                CREATE INDEX callbacks_due ON callbacks (slot) WHERE status = 'scheduled' AND reminded_at IS NULL;
                CREATE INDEX callbacks_by_push ON callbacks (push_endpoint) WHERE push_endpoint IS NOT NULL;
                CREATE TABLE callback_voices (
                    callback_id TEXT PRIMARY KEY REFERENCES callbacks (id),
                    content_type TEXT NOT NULL,
                    bytes BLOB NOT NULL
                );
                """,
                transaction: transaction);
        }

        await connection.ExecuteAsync(
            """
            INSERT INTO schema_parts (part, version) VALUES (@Part, @SchemaVersion)
            ON CONFLICT (part) DO UPDATE SET version = excluded.version
            """,
            new { Part, SchemaVersion },
            transaction);    }
}
