using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using DomainCall.Engine;
using DomainCall.Storage;
using Microsoft.Data.Sqlite;

namespace DomainCall.Notifications;

/// <summary>
/// The durable outbox: one row per delivery of a notification over one channel, in the store's SQLite file. Rows
/// are written with <c>synchronous=FULL</c> before anyone is told a notification is on its way, and a delivery is
/// claimed with a lease, so that two servers sharing the file do not both send it and a crash mid-send only delays
/// it.
/// </summary>
internal sealed class SqliteNotificationOutbox
{
    private const string Part = "notifications";
    private const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private readonly SqliteFile _file;
    private readonly Lazy<Task> _initialization;

    public SqliteNotificationOutbox(string path)
    {
        _file = new SqliteFile(path);
        _initialization = new Lazy<Task>(CreateSchemaAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Path => _file.Path;

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _initialization.Value.WaitAsync(cancellationToken);

    /// <summary>
    /// Adds one pending delivery per channel; a notification already queued on a channel is kept as it is.
    /// </summary>
    public async Task AddAsync(
        Notification notification,
        IReadOnlyList<string> channels,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(channels);

        var payload = JsonSerializer.Serialize(notification, Json);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var channel in channels)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT OR IGNORE INTO notification_outbox (notification_id, channel, callback_id, kind, payload, state,
                    attempts, next_attempt_at, created_at)
                VALUES (@Id, @channel, @CallbackId, @kind, @payload, 'pending', 0, @now, @now)
                """,
                new
                {
                    notification.Id,
                    channel,
                    notification.CallbackId,
                    kind = EnumText.Of(notification.Kind),
                    payload,
                    now = now.ToUnixTimeMilliseconds(),
                },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries until <paramref name="leaseUntil"/>: no one else takes
    /// them before then, and if this process dies they fall due again then.
    /// </summary>
    public async Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(
        DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Channel, long Attempts, string Payload)>(
            new CommandDefinition(
                """
                UPDATE notification_outbox SET next_attempt_at = @leaseUntil
                WHERE id IN (SELECT id FROM notification_outbox WHERE state = 'pending' AND next_attempt_at <= @now
                             ORDER BY next_attempt_at, id LIMIT @limit)
                RETURNING id, channel, attempts, payload
                """,
                new
                {
                    now = now.ToUnixTimeMilliseconds(),
                    leaseUntil = leaseUntil.ToUnixTimeMilliseconds(),
                    limit,
                },
                cancellationToken: cancellationToken));
        return [.. rows.Select(r => new OutboxRow(
            r.Id, r.Channel, (int)r.Attempts, JsonSerializer.Deserialize<Notification>(r.Payload, Json)!))];
    }

    public async Task MarkSentAsync(long rowId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_outbox SET state = 'sent', attempts = attempts + 1, last_attempt_at = @at
            WHERE id = @rowId AND state = 'pending'
            """,
            new { rowId, at = at.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Records a failed attempt: the delivery falls due again at <paramref name="retryAt"/>, or, without
    /// one, is marked dead.</summary>
    public async Task MarkFailedAsync(
        long rowId, string error, DateTimeOffset at, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);

        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_outbox SET state = @state, attempts = attempts + 1, last_attempt_at = @at,
                last_error = @error, next_attempt_at = coalesce(@retryAt, next_attempt_at)
            WHERE id = @rowId AND state = 'pending'
            """,
            new
            {
                rowId,
                state = retryAt is null ? "dead" : "pending",
                at = at.ToUnixTimeMilliseconds(),
                error,
                retryAt = retryAt?.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>Gets when the next pending delivery falls due, or null when none is pending.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var next = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT min(next_attempt_at) FROM notification_outbox WHERE state = 'pending'",
            cancellationToken: cancellationToken));
        return next is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
    }

    public async Task<IReadOnlyList<NotificationDelivery>> ListForCallbackAsync(
        string callbackId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbackId);

        var deliveries = await ListForCallbacksAsync([callbackId], cancellationToken);
        return deliveries.GetValueOrDefault(callbackId, []);
    }

    /// <summary>
    /// Lists the deliveries of the notifications about each of several callbacks, oldest first, in one query; a
    /// callback with none is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<NotificationDelivery>>> ListForCallbacksAsync(
        IReadOnlyCollection<string> callbackIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbackIds);

        if (callbackIds.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<NotificationDelivery>>();
        }

        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string CallbackId, string Id, string Kind, string Channel,
            string State, long Attempts, string? LastError, long? LastAttemptAt)>(new CommandDefinition(
            """
            SELECT callback_id, notification_id, kind, channel, state, attempts, last_error, last_attempt_at
            FROM notification_outbox WHERE callback_id IN @callbackIds ORDER BY created_at, id
            """,
            new { callbackIds },
            cancellationToken: cancellationToken));
        return rows
            .GroupBy(r => r.CallbackId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<NotificationDelivery>)[.. g.Select(r => new NotificationDelivery(
                    r.Id,
                    EnumText.Parse<NotificationKind>(r.Kind),
                    r.Channel,
                    EnumText.Parse<DeliveryState>(r.State),
                    (int)r.Attempts,
                    r.LastError,
                    r.LastAttemptAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null))],
                StringComparer.Ordinal);
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
                $"The DomainCall store '{Path}' holds notifications written by a newer version (schema {version}, " +
                $"this version knows {SchemaVersion}). Upgrade the DomainCall package, or point StorePath at " +
                "another file.");
        }

        if (version < 1)
        {
            await connection.ExecuteAsync(
                """
                CREATE TABLE notification_outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    notification_id TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    callback_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    next_attempt_at INTEGER NOT NULL,
                    last_attempt_at INTEGER,
                    last_error TEXT,
                    created_at INTEGER NOT NULL,
                    UNIQUE (notification_id, channel)
                );
                CREATE INDEX notification_outbox_due ON notification_outbox (state, next_attempt_at);
                CREATE INDEX notification_outbox_by_callback ON notification_outbox (callback_id);
                INSERT INTO schema_parts (part, version) VALUES (@Part, 1)
                    ON CONFLICT (part) DO UPDATE SET version = excluded.version;
                """,
                new { Part },
                transaction);
        }
    }
}
