using DomainCall.Availability;
using DomainCall.Engine;
using DomainCall.Storage;
using Microsoft.Data.Sqlite;

namespace DomainCall.Tests.Storage;

/// <summary>
/// Out-of-office switches in both stores, the embedded SQLite file and the in-memory store of docs/custom-store.md,
/// and the migration of a SQLite file written before they existed.
/// </summary>
public sealed class OutOfOfficeStoreTests : IDisposable
{
    private static readonly Domain Shop = Domain.Parse("shop.example.net");
    private static readonly Domain Other = Domain.Parse("other.example.org");
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 26, 53, 589, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("memory")]
    public async Task SaveOutOfOffice_ThenFind_GivesBackTheSameSwitchForThatDomainOnly(string kind)
    {
        var store = StoreOf(kind);
        var away = new OutOfOffice("Closed for the holidays.\nBack on the 10th.", new DateOnly(2026, 12, 10), Now);

        await store.SaveOutOfOfficeAsync(Shop, away, default);

        Assert.Equal(away, await store.FindOutOfOfficeAsync(Shop, default));
        Assert.Null(await store.FindOutOfOfficeAsync(Other, default));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("memory")]
    public async Task SaveOutOfOffice_AgainAndThenNull_ReplacesAndThenTurnsItOff(string kind)
    {
        var store = StoreOf(kind);
        await store.SaveOutOfOfficeAsync(Shop, new OutOfOffice("First", new DateOnly(2026, 12, 10), Now), default);
        var second = new OutOfOffice(null, null, Now.AddHours(1));

        await store.SaveOutOfOfficeAsync(Shop, second, default);
        var replaced = await store.FindOutOfOfficeAsync(Shop, default);
        await store.SaveOutOfOfficeAsync(Shop, null, default);

        Assert.Equal(second, replaced);
        Assert.Null(await store.FindOutOfOfficeAsync(Shop, default));
    }

    [Fact]
    public async Task SaveOutOfOffice_SurvivesARestartOfTheStore()
    {
        var path = _directory.Combine("restart.db");
        var away = new OutOfOffice("Back soon", new DateOnly(2027, 1, 4), Now);
        await new SqliteCallStore(path).SaveOutOfOfficeAsync(Shop, away, default);
        SqliteConnection.ClearAllPools();

        Assert.Equal(away, await new SqliteCallStore(path).FindOutOfOfficeAsync(Shop, default));
    }

    [Fact]
    public async Task InitializeAsync_StoreOfSchemaVersion4_KeepsItsCallsAndGainsOutOfOffice()
    {
        var path = _directory.Combine("version4.db");
        var call = TestCalls.Ringing(Now);
        var first = new SqliteCallStore(path);
        await first.AddCallAsync(call, default);

        // What a version 4 server left behind: the same tables without out_of_office, and user_version 4.
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE out_of_office; PRAGMA user_version = 4;";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();

        var upgraded = new SqliteCallStore(path);
        await upgraded.InitializeAsync(default);
        var away = new OutOfOffice("Away", null, Now);
        await upgraded.SaveOutOfOfficeAsync(Shop, away, default);

        Assert.Equal(call, await upgraded.FindCallAsync(call.Id, default));
        Assert.Equal(away, await upgraded.FindOutOfOfficeAsync(Shop, default));
        Assert.Equal(5L, await UserVersionAsync(path));
        SqliteConnection.ClearAllPools();
    }

    private static async Task<long> UserVersionAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private ICallStore StoreOf(string kind) => kind == "sqlite"
        ? new SqliteCallStore(_directory.Combine(kind + ".db"))
        : new InMemoryCallStore();
}
