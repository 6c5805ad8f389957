using Dapper;
using DomainCall.Availability;
using DomainCall.Engine;
using Microsoft.Data.Sqlite;

namespace DomainCall.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, created and migrated on first use. Every write runs with
/// <c>synchronous=FULL</c>, because its success is reported to a person and must survive a crash of the machine.
/// </summary>
internal sealed class SqliteCallStore : ICallStore
{
    private const int SchemaVersion = 5;

    private const string CallColumns = """
        id AS Id, callee AS Callee, caller AS Caller, caller_kind AS CallerKind, reason AS Reason, mode AS Mode,
        state AS State, started_at AS StartedAt, accepted_at AS AcceptedAt, connected_at AS ConnectedAt,
        ended_at AS EndedAt, end_reason AS EndReason
        """;

    private const string GuestColumns =
        "name AS Name, created_at AS CreatedAt, expires_at AS ExpiresAt, code_hash AS CodeHash";

    private const string AccountColumns = """
        domain AS Domain, code AS Code, code_expires_at AS CodeExpiresAt, verified_at AS VerifiedAt,
        record_missing_since AS RecordMissingSince, revoked_at AS RevokedAt
        """;

    private const string MemberColumns = """
        domain AS Domain, id AS Id, label AS Label, key_hash AS KeyHash, rights AS Rights, created_at AS CreatedAt,
        removed_at AS RemovedAt
        """;

    private const string InviteColumns = """
        code_hash AS CodeHash, domain AS Domain, label AS Label, rights AS Rights, created_at AS CreatedAt,
        expires_at AS ExpiresAt, used_at AS UsedAt
        """;

    private readonly SqliteFile _file;
    private readonly Lazy<Task> _initialization;

    public SqliteCallStore(string path)
    {
        _file = new SqliteFile(path);
        _initialization = new Lazy<Task>(CreateSchemaAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Path => _file.Path;

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _initialization.Value.WaitAsync(cancellationToken);

    public async Task AddCallAsync(CallRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);

        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO calls (id, callee, caller, caller_kind, reason, mode, state, started_at, accepted_at,
                               connected_at, ended_at, end_reason)
            VALUES (@Id, @Callee, @Caller, @CallerKind, @Reason, @Mode, @State, @StartedAt, @AcceptedAt,
                    @ConnectedAt, @EndedAt, @EndReason)
            """,
            CallRow.From(record),
            cancellationToken: cancellationToken));
    }

    public async Task<bool> TryMoveCallAsync(
        string callId,
        CallState target,
        DateTimeOffset at,
        CallEndReason? endReason,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callId);

        var sources = CallStates.SourcesOf(target);
        if (sources.Count == 0)
        {
            return false;
        }

        // The state check and the write are one statement, so SQLite's write lock makes the move atomic even
        // between processes sharing the file: the second of two racing moves finds the state already changed.
        var stampColumn = target switch
        {
            CallState.Accepted => "accepted_at",
            CallState.Connected => "connected_at",
            _ => "ended_at",
        };
        await using var connection = await OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE calls SET state = @To, {stampColumn} = @At, end_reason = coalesce(@EndReason, end_reason)
            WHERE id = @Id AND state IN @Sources
            """,
            new
            {
                Id = callId,
                To = EnumText.Of(target),
                At = at.ToUnixTimeMilliseconds(),
                EndReason = endReason is { } reason ? EnumText.Of(reason) : null,
                Sources = sources.Select(EnumText.Of).ToArray(),
            },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task<CallRecord?> FindCallAsync(string callId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callId);

        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CallRow>(new CommandDefinition(
            $"SELECT {CallColumns} FROM calls WHERE id = @callId",
            new { callId },
            cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<CallRecord>> ListCallsAsync(
        Domain callee, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CallRow>(new CommandDefinition(
            $"SELECT {CallColumns} FROM calls WHERE callee = @callee ORDER BY started_at DESC, rowid DESC LIMIT @limit",
            new { callee = callee.Value, limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<bool> TryAddGuestNameAsync(
        GuestName guest, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(guest);

        // A name may be taken over only once its records are gone from DNS and its cooldown has passed.
        await using var connection = await OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO guest_names (name, created_at, expires_at, code_hash, removed_at)
            VALUES (@name, @createdAt, @expiresAt, @codeHash, NULL)
            ON CONFLICT (name) DO UPDATE SET created_at = excluded.created_at, expires_at = excluded.expires_at,
                code_hash = excluded.code_hash, removed_at = NULL
            WHERE guest_names.removed_at IS NOT NULL AND guest_names.removed_at + @cooldown <= excluded.created_at
            """,
            new
            {
                name = guest.Name.Value,
                createdAt = guest.CreatedAt.ToUnixTimeMilliseconds(),
                expiresAt = guest.ExpiresAt.ToUnixTimeMilliseconds(),
                codeHash = guest.CodeHash,
                cooldown = (long)cooldown.TotalMilliseconds,
            },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task<GuestName?> FindGuestNameAsync(
        Domain name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<GuestRow>(new CommandDefinition(
            $"SELECT {GuestColumns} FROM guest_names WHERE name = @name AND expires_at > @now AND removed_at IS NULL",
            new { name = name.Value, now = now.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return row?.ToGuestName();
    }

    public async Task<IReadOnlyList<GuestName>> ListPublishedGuestNamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<GuestRow>(new CommandDefinition(
            $"SELECT {GuestColumns} FROM guest_names WHERE removed_at IS NULL",
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToGuestName())];
    }

    public async Task MarkGuestNameRemovedAsync(
        Domain name, DateTimeOffset removedAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE guest_names SET removed_at = @removedAt WHERE name = @name AND removed_at IS NULL",
            new { name = name.Value, removedAt = removedAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> SaveDomainAccountAsync(
        DomainAccount account, bool create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);

        var sql = create
            ? """
              INSERT INTO domain_accounts (domain, code, code_expires_at, verified_at, record_missing_since, revoked_at)
              VALUES (@Domain, @Code, @CodeExpiresAt, @VerifiedAt, @RecordMissingSince, @RevokedAt)
              ON CONFLICT (domain) DO NOTHING
              """
            : """
              UPDATE domain_accounts SET code = @Code, code_expires_at = @CodeExpiresAt, verified_at = @VerifiedAt,
                  record_missing_since = @RecordMissingSince, revoked_at = @RevokedAt
              WHERE domain = @Domain
              """;
        await using var connection = await OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            new CommandDefinition(sql, AccountRow.From(account), cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task<DomainAccount?> FindDomainAccountAsync(Domain domain, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountColumns} FROM domain_accounts WHERE domain = @domain",
            new { domain = domain.Value },
            cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    public async Task<IReadOnlyList<DomainAccount>> ListVerifiedDomainAccountsAsync(
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountColumns} FROM domain_accounts WHERE verified_at IS NOT NULL",
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAccount())];
    }

    public async Task<byte[]?> FindOwnerKeyHashAsync(Domain domain, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
            "SELECT key_hash FROM owner_keys WHERE domain = @domain",
            new { domain = domain.Value },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> SaveOwnerKeyHashAsync(
        Domain domain, byte[] keyHash, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyHash);

        var onConflict = replace ? "DO UPDATE SET key_hash = excluded.key_hash" : "DO NOTHING";
        await using var connection = await OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO owner_keys (domain, key_hash) VALUES (@domain, @keyHash) ON CONFLICT (domain) {onConflict}",
            new { domain = domain.Value, keyHash },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task AddInviteAsync(MemberInvite invite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invite);

        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO member_invites (code_hash, domain, label, rights, created_at, expires_at, used_at)
            VALUES (@CodeHash, @Domain, @Label, @Rights, @CreatedAt, @ExpiresAt, @UsedAt)
            """,
            InviteRow.From(invite),
            cancellationToken: cancellationToken));
    }

    public async Task<MemberInvite?> FindInviteAsync(byte[] codeHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeHash);

        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InviteRow>(new CommandDefinition(
            $"SELECT {InviteColumns} FROM member_invites WHERE code_hash = @codeHash",
            new { codeHash },
            cancellationToken: cancellationToken));
        return row?.ToInvite();
    }

    public async Task<bool> TryUseInviteAsync(
        byte[] codeHash, DomainMember member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeHash);
        ArgumentNullException.ThrowIfNull(member);

        // The write lock is taken first, so two uses of one code, even from two processes, cannot both see it unused.
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var used = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE member_invites SET used_at = @now
            WHERE code_hash = @codeHash AND domain = @domain AND used_at IS NULL AND expires_at > @now
            """,
            new { codeHash, domain = member.Domain.Value, now = now.ToUnixTimeMilliseconds() },
            transaction,
            cancellationToken: cancellationToken));
        if (used != 1)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO members (domain, id, label, key_hash, rights, created_at, removed_at)
            VALUES (@Domain, @Id, @Label, @KeyHash, @Rights, @CreatedAt, @RemovedAt)
            """,
            MemberRow.From(member),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<DomainMember?> FindMemberAsync(
        Domain domain, string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberId);

        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition(
            $"""
            SELECT {MemberColumns} FROM members WHERE domain = @domain AND id = @memberId AND removed_at IS NULL
            """,
            new { domain = domain.Value, memberId },
            cancellationToken: cancellationToken));
        return row?.ToMember();
    }

    public async Task<DomainMember?> FindMemberByKeyHashAsync(
        Domain domain, byte[] keyHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyHash);

        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition(
            $"""
            SELECT {MemberColumns} FROM members
            WHERE domain = @domain AND key_hash = @keyHash AND removed_at IS NULL
            """,
            new { domain = domain.Value, keyHash },
            cancellationToken: cancellationToken));
        return row?.ToMember();
    }

    public async Task<IReadOnlyList<DomainMember>> ListMembersAsync(
        Domain domain, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition(
            $"""
            SELECT {MemberColumns} FROM members WHERE domain = @domain AND removed_at IS NULL
            ORDER BY created_at, id
            """,
            new { domain = domain.Value },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToMember())];
    }

    public async Task<int> RemoveUnusedInvitesAsync(Domain domain, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM member_invites WHERE domain = @domain AND used_at IS NULL",
            new { domain = domain.Value },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> RemoveMemberAsync(
        Domain domain, string memberId, DateTimeOffset removedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberId);

        await using var connection = await OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE members SET removed_at = @removedAt
            WHERE domain = @domain AND id = @memberId AND removed_at IS NULL
            """,
            new { domain = domain.Value, memberId, removedAt = removedAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task<OutOfOffice?> FindOutOfOfficeAsync(Domain domain, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OutOfOfficeRow>(new CommandDefinition(
            """
            SELECT message AS Message, returns_on AS ReturnsOn, set_at AS SetAt FROM out_of_office
            WHERE domain = @domain
            """,
            new { domain = domain.Value },
            cancellationToken: cancellationToken));
        return row?.ToOutOfOffice();
    }

    public async Task SaveOutOfOfficeAsync(
        Domain domain, OutOfOffice? outOfOffice, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (outOfOffice is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM out_of_office WHERE domain = @domain",
                new { domain = domain.Value },
                cancellationToken: cancellationToken));
            return;
        }

        var row = OutOfOfficeRow.From(outOfOffice);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO out_of_office (domain, message, returns_on, set_at)
            VALUES (@domain, @Message, @ReturnsOn, @SetAt)
            ON CONFLICT (domain) DO UPDATE SET message = excluded.message, returns_on = excluded.returns_on,
                set_at = excluded.set_at
            """,
            new { domain = domain.Value, row.Message, row.ReturnsOn, row.SetAt },
            cancellationToken: cancellationToken));
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _initialization.Value.WaitAsync(cancellationToken);
        return await _file.OpenAsync(cancellationToken);
    }

    private Task CreateSchemaAsync() => _file.MigrateAsync(MigrateAsync);

    private async Task MigrateAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        var version = await connection.ExecuteScalarAsync<int>("PRAGMA user_version;", transaction: transaction);
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException(
                $"The DomainCall store '{Path}' was written by a newer version (schema {version}, this version " +
                $"knows {SchemaVersion}). Upgrade the DomainCall package, or point StorePath at another file.");
        }

        if (version < 1)
        {
            await connection.ExecuteAsync(
                """
                CREATE TABLE calls (
                    id TEXT PRIMARY KEY,
                    callee TEXT NOT NULL,
                    caller TEXT NOT NULL,
                    caller_kind TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    mode TEXT NOT NULL,
                    state TEXT NOT NULL,
                    started_at INTEGER NOT NULL,
                    accepted_at INTEGER,
                    connected_at INTEGER,
                    ended_at INTEGER,
                    end_reason TEXT
                );
                CREATE INDEX calls_by_callee ON calls (callee, started_at);
                CREATE TABLE guest_names (
                    name TEXT PRIMARY KEY,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL
                );
                CREATE INDEX guest_names_by_expiry ON guest_names (expires_at);
                CREATE TABLE owner_keys (
                    domain TEXT PRIMARY KEY,
                    key_hash BLOB NOT NULL
                );
                PRAGMA user_version = 1;
                """,
                transaction: transaction);
        }

        if (version < 2)
        {
            // Names from before guest names reached DNS have no code and were never published: they count as
            // removed when they expired, so their cooldown runs from there.
            await connection.ExecuteAsync(
                """
                ALTER TABLE guest_names ADD COLUMN code_hash TEXT NOT NULL DEFAULT '';
                ALTER TABLE guest_names ADD COLUMN removed_at INTEGER;
                UPDATE guest_names SET removed_at = expires_at;
                CREATE INDEX guest_names_published ON guest_names (removed_at);
                PRAGMA user_version = 2;
                """,
                transaction: transaction);
        }

        if (version < 3)
        {
            await connection.ExecuteAsync(
                """
                CREATE TABLE domain_accounts (
                    domain TEXT PRIMARY KEY,
                    code TEXT NOT NULL,
                    code_expires_at INTEGER NOT NULL,
                    verified_at INTEGER,
                    record_missing_since INTEGER,
                    revoked_at INTEGER
                );
                PRAGMA user_version = 3;
                """,
                transaction: transaction);
        }

        if (version < 4)
        {
            // A removed member stays as a row with the time of removal, so the removal is on record.
            await connection.ExecuteAsync(
                """
                CREATE TABLE members (
                    domain TEXT NOT NULL,
                    id TEXT NOT NULL,
                    label TEXT NOT NULL,
                    key_hash BLOB NOT NULL UNIQUE,
                    rights INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    removed_at INTEGER,
                    PRIMARY KEY (domain, id)
                );
                CREATE TABLE member_invites (
                    code_hash BLOB PRIMARY KEY,
                    domain TEXT NOT NULL,
                    label TEXT NOT NULL,
                    rights INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    used_at INTEGER
                );
                PRAGMA user_version = 4;
                """,
                transaction: transaction);
        }

        if (version < 5)
        {
            // A row is a switch that is on; turning it off deletes the row. The return date is the owner's calendar
            // day, kept as YYYY-MM-DD text, since it has no instant until the owner's time zone gives it one.
            await connection.ExecuteAsync(
                """
                CREATE TABLE out_of_office (
                    domain TEXT PRIMARY KEY,
                    message TEXT,
                    returns_on TEXT,
                    set_at INTEGER NOT NULL
                );
                PRAGMA user_version = 5;
                """,
                transaction: transaction);
        }
    }
}
