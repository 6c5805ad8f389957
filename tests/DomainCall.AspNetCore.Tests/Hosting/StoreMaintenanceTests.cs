using DomainCall.Engine;
using DomainCall.Hosting;
using DomainCall.Storage;
using DomainCall.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Tests.Hosting;

/// <summary>The background sweep that removes expired guest names from a real store file.</summary>
public sealed class StoreMaintenanceTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Sweep_AfterAGuestNameExpired_RemovesItAndKeepsTheLiveOnes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T12:00:00Z", null));
        var store = new SqliteCallStore(_directory.Combine("store.db"));
        var now = time.GetUtcNow();
        var expiring = new GuestName(Domain.Parse("calm-otter-10.guest.example.com"), now, now.AddSeconds(30));
        var living = new GuestName(Domain.Parse("bold-lynx-20.guest.example.com"), now, now.AddHours(1));
        using var maintenance = new StoreMaintenance(store, time, NullLogger<StoreMaintenance>.Instance);
        await maintenance.StartAsync(default);
        Assert.True(await store.TryAddGuestNameAsync(expiring, default));
        Assert.True(await store.TryAddGuestNameAsync(living, default));

        // The service starts its timer on a thread of its own, so time moves on a minute at a time until it has.
        for (var minute = 1; await StoredAsync(store, expiring.Name); minute++)
        {
            Assert.True(minute <= 30, "The sweep did not remove the expired guest name in 30 minutes.");
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(100);
        }

        Assert.True(await StoredAsync(store, living.Name));
        await maintenance.StopAsync(default);
    }

    // Looks past the expiry, so that only a removal, not the expiry itself, makes a name disappear.
    private static async Task<bool> StoredAsync(SqliteCallStore store, Domain name) =>
        await store.FindGuestNameAsync(name, DateTimeOffset.UnixEpoch, default) is not null;
}
