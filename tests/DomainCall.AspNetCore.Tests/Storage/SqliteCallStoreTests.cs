using DomainCall.Engine;
using DomainCall.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Tests.Storage;

/// <summary>The embedded store against a real SQLite file in a fresh directory for each test.</summary>
public sealed class SqliteCallStoreTests : IDisposable
{
    private static readonly Domain Callee = Domain.Parse("example.com");
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);
    private static readonly TimeSpan Cooldown = TimeSpan.FromDays(1);

    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly string _path;
    private readonly SqliteCallStore _store;

    public SqliteCallStoreTests()
    {
        _path = _directory.Combine("calls.db");
        _store = new SqliteCallStore(_path);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AddCall_OnNewPath_CreatesTheDirectoriesAndTheFile()
    {
        var path = _directory.Combine("data", "domaincall", "calls.db");
        var store = new SqliteCallStore(path);
        Assert.False(File.Exists(path));

        var call = Ringing();
        await store.AddCallAsync(call, CancellationToken.None);

        Assert.True(File.Exists(path));
        Assert.Equal(call, await store.FindCallAsync(call.Id, CancellationToken.None));
    }

    [Fact]
    public async Task InitializeAsync_NewFile_UsesWriteAheadLogAndSchemaVersion5()
    {
        await _store.InitializeAsync(CancellationToken.None);

        Assert.Equal("wal", await PragmaAsync("journal_mode"));
        Assert.Equal(5L, await PragmaAsync("user_version"));
    }

    [Fact]
    public async Task InitializeAsync_CalledAgainAndByANewStore_KeepsSchemaAndData()
    {
        await _store.InitializeAsync(CancellationToken.None);
        var call = Ringing();
        await _store.AddCallAsync(call, CancellationToken.None);
        await _store.InitializeAsync(CancellationToken.None);

        var restarted = new SqliteCallStore(_path);
        await restarted.InitializeAsync(CancellationToken.None);
        await restarted.InitializeAsync(CancellationToken.None);

        Assert.Equal(call, await restarted.FindCallAsync(call.Id, CancellationToken.None));
        Assert.Equal(5L, await PragmaAsync("user_version"));
    }

    [Fact]
    public async Task InitializeAsync_FileOfANewerVersion_FailsNamingTheNewerSchema()
    {
        await using (var connection = new SqliteConnection($"Data Source={_path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _store.InitializeAsync(CancellationToken.None));

        Assert.Contains("written by a newer version (schema 99, this version knows 5)", error.Message,
            StringComparison.Ordinal);
        Assert.Contains(_path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindCall_AfterAddCall_GivesBackEveryField()
    {
        var call = new CallRecord(
            Secrets.NewToken(),
            Domain.Parse("xn--bcher-kva.example"),
            "shop.example.org",
            CallerKind.Verified,
            "support",
            CallMode.Video,
            CallState.Ended,
            Start,
            AcceptedAt: Start.AddMilliseconds(7_001),
            ConnectedAt: Start.AddMilliseconds(9_002),
            EndedAt: Start.AddMilliseconds(69_003),
            EndReason: CallEndReason.CalleeHungUp);

        await _store.AddCallAsync(call, CancellationToken.None);
        var found = await _store.FindCallAsync(call.Id, CancellationToken.None);

        Assert.Equal(call, found);
        Assert.Equal(589, found!.StartedAt.Millisecond);
    }

    [Fact]
    public async Task FindCall_RingingCall_HasNoLaterTimesNorEndReason()
    {
        var call = Ringing();

        await _store.AddCallAsync(call, CancellationToken.None);
        var found = await _store.FindCallAsync(call.Id, CancellationToken.None);

        Assert.Equal(call, found);
        Assert.Null(found!.AcceptedAt);
        Assert.Null(found.EndReason);
    }

    [Fact]
    public async Task FindCall_UnknownId_ReturnsNull()
    {
        await _store.AddCallAsync(Ringing(), CancellationToken.None);

        Assert.Null(await _store.FindCallAsync(Secrets.NewToken(), CancellationToken.None));
    }

    [Fact]
    public async Task TryMoveCall_RingingToAccepted_SucceedsAndStampsAcceptedAt()
    {
        var call = await AddRingingAsync();

        var moved = await _store.TryMoveCallAsync(
            call.Id, CallState.Accepted, Start.AddSeconds(5), null, CancellationToken.None);

        Assert.True(moved);
        var found = await FindAsync(call.Id);
        Assert.Equal(CallState.Accepted, found.State);
        Assert.Equal(Start.AddSeconds(5), found.AcceptedAt);
        Assert.Null(found.EndedAt);
    }

    [Fact]
    public async Task TryMoveCall_AcceptedCallAcceptedAgain_IsRefusedAndKeepsTheFirstAnswer()
    {
        var call = await AddRingingAsync();
        await _store.TryMoveCallAsync(call.Id, CallState.Accepted, Start.AddSeconds(5), null, CancellationToken.None);

        var moved = await _store.TryMoveCallAsync(
            call.Id, CallState.Accepted, Start.AddSeconds(6), null, CancellationToken.None);

        Assert.False(moved);
        Assert.Equal(Start.AddSeconds(5), (await FindAsync(call.Id)).AcceptedAt);
    }

    [Fact]
    public async Task TryMoveCall_CancelAfterAccept_IsRefused()
    {
        var call = await AddRingingAsync();
        await _store.TryMoveCallAsync(call.Id, CallState.Accepted, Start.AddSeconds(5), null, CancellationToken.None);

        var moved = await _store.TryMoveCallAsync(
            call.Id, CallState.Cancelled, Start.AddSeconds(6), CallEndReason.Cancelled, CancellationToken.None);

        Assert.False(moved);
        var found = await FindAsync(call.Id);
        Assert.Equal(CallState.Accepted, found.State);
        Assert.Null(found.EndedAt);
        Assert.Null(found.EndReason);
    }

    [Fact]
    public async Task TryMoveCall_ThroughToEnded_StampsEveryTimeAndTheEndReason()
    {
        var call = await AddRingingAsync();

        Assert.True(await _store.TryMoveCallAsync(
            call.Id, CallState.Accepted, Start.AddSeconds(5), null, CancellationToken.None));
        Assert.True(await _store.TryMoveCallAsync(
            call.Id, CallState.Connected, Start.AddSeconds(6), null, CancellationToken.None));
        Assert.True(await _store.TryMoveCallAsync(
            call.Id, CallState.Ended, Start.AddSeconds(66), CallEndReason.CallerHungUp, CancellationToken.None));

        var found = await FindAsync(call.Id);
        Assert.Equal(CallState.Ended, found.State);
        Assert.Equal(Start.AddSeconds(5), found.AcceptedAt);
        Assert.Equal(Start.AddSeconds(6), found.ConnectedAt);
        Assert.Equal(Start.AddSeconds(66), found.EndedAt);
        Assert.Equal(CallEndReason.CallerHungUp, found.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(60), found.TalkTime);
    }

    [Fact]
    public async Task TryMoveCall_RingingToMissed_StampsEndedAtAndTheEndReason()
    {
        var call = await AddRingingAsync();

        var moved = await _store.TryMoveCallAsync(
            call.Id, CallState.Missed, Start.AddSeconds(30), CallEndReason.RingTimeout, CancellationToken.None);

        Assert.True(moved);
        var found = await FindAsync(call.Id);
        Assert.Equal(CallState.Missed, found.State);
        Assert.Equal(Start.AddSeconds(30), found.EndedAt);
        Assert.Equal(CallEndReason.RingTimeout, found.EndReason);
        Assert.Null(found.AcceptedAt);
    }

    [Theory]
    [InlineData(CallState.Connected)]
    [InlineData(CallState.Ended)]
    [InlineData(CallState.Ringing)]
    public async Task TryMoveCall_RingingCallToAStateItCannotReach_IsRefused(CallState target)
    {
        var call = await AddRingingAsync();

        var moved = await _store.TryMoveCallAsync(call.Id, target, Start.AddSeconds(5), null, CancellationToken.None);

        Assert.False(moved);
        Assert.Equal(call, await FindAsync(call.Id));
    }

    [Fact]
    public async Task TryMoveCall_UnknownCall_ReturnsFalse()
    {
        await AddRingingAsync();

        var moved = await _store.TryMoveCallAsync(
            Secrets.NewToken(), CallState.Accepted, Start, null, CancellationToken.None);

        Assert.False(moved);
    }

    [Fact]
    public async Task ListCalls_SeveralCalls_NewestFirst()
    {
        var first = await AddRingingAsync(Start);
        var second = await AddRingingAsync(Start.AddMinutes(1));
        var third = await AddRingingAsync(Start.AddMinutes(2));

        var calls = await _store.ListCallsAsync(Callee, 10, CancellationToken.None);

        Assert.Equal([third.Id, second.Id, first.Id], calls.Select(c => c.Id));
    }

    [Fact]
    public async Task ListCalls_MoreCallsThanTheLimit_GivesTheNewestUpToTheLimit()
    {
        for (var i = 0; i < 5; i++)
        {
            await AddRingingAsync(Start.AddMinutes(i));
        }

        var calls = await _store.ListCallsAsync(Callee, 3, CancellationToken.None);

        Assert.Equal([Start.AddMinutes(4), Start.AddMinutes(3), Start.AddMinutes(2)], calls.Select(c => c.StartedAt));
    }

    [Fact]
    public async Task ListCalls_CallsToOtherDomains_AreLeftOut()
    {
        var ours = await AddRingingAsync();
        await _store.AddCallAsync(Ringing() with { Callee = Domain.Parse("other.example") }, CancellationToken.None);
        await _store.AddCallAsync(Ringing() with { Callee = Domain.Parse("shop.example.com") }, CancellationToken.None);

        var calls = await _store.ListCallsAsync(Callee, 10, CancellationToken.None);

        Assert.Equal(ours, Assert.Single(calls));
    }

    [Fact]
    public async Task TryAddGuestName_LiveNameOfTheSameName_IsRefused()
    {
        var name = Domain.Parse("swift-otter-42.guest.example.com");
        Assert.True(await _store.TryAddGuestNameAsync(Guest(name, TimeSpan.FromHours(1)), Cooldown, default));
        _time.Advance(TimeSpan.FromMinutes(59));

        var added = await _store.TryAddGuestNameAsync(Guest(name, TimeSpan.FromHours(1)), Cooldown, default);

        Assert.False(added);
        var found = await _store.FindGuestNameAsync(name, _time.GetUtcNow(), CancellationToken.None);
        Assert.Equal(Start.AddHours(1), found?.ExpiresAt);
    }

    [Fact]
    public async Task TryAddGuestName_ExpiredButNotYetRemoved_IsRefused()
    {
        var name = Domain.Parse("swift-otter-42.guest.example.com");
        await _store.TryAddGuestNameAsync(Guest(name, TimeSpan.FromHours(1)), TimeSpan.Zero, default);
        _time.Advance(TimeSpan.FromHours(2));

        var added = await _store.TryAddGuestNameAsync(Guest(name, TimeSpan.FromHours(1)), TimeSpan.Zero, default);

        Assert.False(added);
    }

    [Fact]
    public async Task TryAddGuestName_DuringTheCooldownAfterRemoval_IsRefusedAndAfterItTakesTheNameOver()
    {
        var name = Domain.Parse("swift-otter-42.guest.example.com");
        await _store.TryAddGuestNameAsync(Guest(name, TimeSpan.FromHours(1)), Cooldown, default);
        _time.Advance(TimeSpan.FromHours(1));
        await _store.MarkGuestNameRemovedAsync(name, _time.GetUtcNow(), default);

        _time.Advance(Cooldown - TimeSpan.FromSeconds(1));
        var duringCooldown = await _store.TryAddGuestNameAsync(Guest(name, TimeSpan.FromHours(1)), Cooldown, default);
        _time.Advance(TimeSpan.FromSeconds(1));
        var newHolder = Guest(name, TimeSpan.FromMinutes(30));
        var afterCooldown = await _store.TryAddGuestNameAsync(newHolder, Cooldown, default);

        Assert.False(duringCooldown);
        Assert.True(afterCooldown);
        Assert.Equal(newHolder, await _store.FindGuestNameAsync(name, _time.GetUtcNow(), CancellationToken.None));
        Assert.Contains(newHolder, await _store.ListPublishedGuestNamesAsync(default));
    }

    [Fact]
    public async Task FindGuestName_LiveName_GivesItsTimesAndCodeHash()
    {
        var guest = Guest(Domain.Parse("swift-otter-42.guest.example.com"), TimeSpan.FromHours(1));
        await _store.TryAddGuestNameAsync(guest, Cooldown, default);
        _time.Advance(TimeSpan.FromMinutes(59));

        var found = await _store.FindGuestNameAsync(guest.Name, _time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(guest, found);
    }

    [Fact]
    public async Task FindGuestName_FromItsExpiryOn_IsHidden()
    {
        var guest = Guest(Domain.Parse("swift-otter-42.guest.example.com"), TimeSpan.FromHours(1));
        await _store.TryAddGuestNameAsync(guest, Cooldown, default);

        _time.Advance(TimeSpan.FromHours(1));
        var atExpiry = await _store.FindGuestNameAsync(guest.Name, _time.GetUtcNow(), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var afterExpiry = await _store.FindGuestNameAsync(guest.Name, _time.GetUtcNow(), CancellationToken.None);

        Assert.Null(atExpiry);
        Assert.Null(afterExpiry);
    }

    [Fact]
    public async Task FindGuestName_UnknownName_ReturnsNull()
    {
        var found = await _store.FindGuestNameAsync(
            Domain.Parse("quiet-heron-17.guest.example.com"), _time.GetUtcNow(), CancellationToken.None);

        Assert.Null(found);
    }

    [Fact]
    public async Task ListPublishedGuestNames_AfterAMarkedRemoval_ListsOnlyTheOthers()
    {
        var removed = Guest(Domain.Parse("swift-otter-42.guest.example.com"), TimeSpan.FromMinutes(10));
        var expired = Guest(Domain.Parse("quiet-heron-17.guest.example.com"), TimeSpan.FromMinutes(20));
        var live = Guest(Domain.Parse("brave-lynx-90.guest.example.com"), TimeSpan.FromHours(1));
        foreach (var guest in new[] { removed, expired, live })
        {
            await _store.TryAddGuestNameAsync(guest, Cooldown, default);
        }

        _time.Advance(TimeSpan.FromMinutes(20));
        await _store.MarkGuestNameRemovedAsync(removed.Name, _time.GetUtcNow(), default);
        await _store.MarkGuestNameRemovedAsync(Domain.Parse("never-there-10.guest.example.com"), Start, default);

        var published = await _store.ListPublishedGuestNamesAsync(default);

        Assert.Equal([expired, live], published.OrderBy(g => g.ExpiresAt));
    }

    [Fact]
    public async Task InitializeAsync_StoreOfSchemaVersion1_KeepsItsGuestNamesAsRemovedAtTheirExpiry()
    {
        var path = _directory.Combine("version1.db");
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE calls (id TEXT PRIMARY KEY, callee TEXT NOT NULL, caller TEXT NOT NULL,
                    caller_kind TEXT NOT NULL, reason TEXT NOT NULL, mode TEXT NOT NULL, state TEXT NOT NULL,
                    started_at INTEGER NOT NULL, accepted_at INTEGER, connected_at INTEGER, ended_at INTEGER,
                    end_reason TEXT);
                CREATE TABLE guest_names (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL);
                CREATE TABLE owner_keys (domain TEXT PRIMARY KEY, key_hash BLOB NOT NULL);
                INSERT INTO guest_names VALUES ('swift-otter-42.guest.example.com', 0, 3600000);
                PRAGMA user_version = 1;
                """;
            await command.ExecuteNonQueryAsync();
        }

        var store = new SqliteCallStore(path);
        await store.InitializeAsync(default);
        var name = Domain.Parse("swift-otter-42.guest.example.com");
        var guest = new GuestName(name, UnixEpoch(7_200_000), UnixEpoch(10_800_000), TestCalls.CodeHash);

        Assert.Empty(await store.ListPublishedGuestNamesAsync(default));
        Assert.False(await store.TryAddGuestNameAsync(guest, TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1), default));
        Assert.True(await store.TryAddGuestNameAsync(guest, TimeSpan.FromHours(1), default));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task SaveDomainAccount_CreatingTwice_KeepsTheFirstAndReplacingChangesIt()
    {
        var domain = Domain.Parse("shop.example.net");
        var first = new DomainAccount(domain, Secrets.NewToken(), Start.AddDays(7));
        var second = first with { Code = Secrets.NewToken() };
        var verified = first with { VerifiedAt = Start.AddHours(1) };

        Assert.True(await _store.SaveDomainAccountAsync(first, create: true, default));
        Assert.False(await _store.SaveDomainAccountAsync(second, create: true, default));
        Assert.Equal(first, await _store.FindDomainAccountAsync(domain, default));
        Assert.Empty(await _store.ListVerifiedDomainAccountsAsync(default));
        Assert.True(await _store.SaveDomainAccountAsync(verified, create: false, default));
        Assert.False(await _store.SaveDomainAccountAsync(
            verified with { Domain = Domain.Parse("other.example.net") }, create: false, default));

        Assert.Equal(verified, await _store.FindDomainAccountAsync(domain, default));
        Assert.Equal([verified], await _store.ListVerifiedDomainAccountsAsync(default));
    }

    [Fact]
    public async Task SaveOwnerKeyHash_WithoutReplace_StoresOnlyTheFirstKey()
    {
        var first = Secrets.Hash(Secrets.NewToken());
        var second = Secrets.Hash(Secrets.NewToken());

        var savedFirst = await _store.SaveOwnerKeyHashAsync(Callee, first, replace: false, CancellationToken.None);
        var savedSecond = await _store.SaveOwnerKeyHashAsync(Callee, second, replace: false, CancellationToken.None);

        Assert.True(savedFirst);
        Assert.False(savedSecond);
        Assert.Equal(first, await _store.FindOwnerKeyHashAsync(Callee, CancellationToken.None));
    }

    [Fact]
    public async Task SaveOwnerKeyHash_WithReplace_ReplacesTheKey()
    {
        var first = Secrets.Hash(Secrets.NewToken());
        var second = Secrets.Hash(Secrets.NewToken());
        await _store.SaveOwnerKeyHashAsync(Callee, first, replace: false, CancellationToken.None);

        var replaced = await _store.SaveOwnerKeyHashAsync(Callee, second, replace: true, CancellationToken.None);

        Assert.True(replaced);
        Assert.Equal(second, await _store.FindOwnerKeyHashAsync(Callee, CancellationToken.None));
    }

    [Fact]
    public async Task FindOwnerKeyHash_DomainWithoutKey_ReturnsNull()
    {
        await _store.SaveOwnerKeyHashAsync(Callee, Secrets.Hash(Secrets.NewToken()), false, CancellationToken.None);

        Assert.Null(await _store.FindOwnerKeyHashAsync(Domain.Parse("other.example"), CancellationToken.None));
    }

    private static CallRecord Ringing(DateTimeOffset? startedAt = null) => TestCalls.Ringing(startedAt ?? Start);

    private async Task<CallRecord> AddRingingAsync(DateTimeOffset? startedAt = null)
    {
        var call = Ringing(startedAt);
        await _store.AddCallAsync(call, CancellationToken.None);
        return call;
    }

    private async Task<CallRecord> FindAsync(string callId) =>
        await _store.FindCallAsync(callId, CancellationToken.None)
        ?? throw new InvalidOperationException($"The call {callId} is not in the store.");

    private GuestName Guest(Domain name, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        return new GuestName(name, now, now + lifetime, TestCalls.CodeHash);
    }

    private static DateTimeOffset UnixEpoch(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private async Task<object?> PragmaAsync(string pragma)
    {
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return await command.ExecuteScalarAsync();
    }
}
