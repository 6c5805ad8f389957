using DomainCall.Dns;
using DomainCall.Engine;
using DomainCall.Hosting;
using DomainCall.Storage;
using DomainCall.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Tests.Hosting;

/// <summary>
/// The background sweep that removes expired guest names from DNS and marks them in a real store file, and the
/// refill of the embedded DNS server at start.
/// </summary>
public sealed class StoreMaintenanceTests : IDisposable
{
    private static readonly Domain Zone = Domain.Parse("guest.example.com");
    private static readonly TimeSpan Cooldown = TimeSpan.FromDays(1);

    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-03T12:00:00Z", null));
    private readonly GuestRecordSet _records;
    private readonly SqliteCallStore _store;

    public StoreMaintenanceTests()
    {
        _records = new GuestRecordSet(_time);
        _store = new SqliteCallStore(_directory.Combine("store.db"));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Sweep_AfterAGuestNameExpired_RemovesItFromDnsAndMarksItButKeepsTheLiveOnes()
    {
        var expiring = await AddAsync("calm-otter-10", TimeSpan.FromSeconds(30));
        var living = await AddAsync("bold-lynx-20", TimeSpan.FromHours(1));
        using var maintenance = Maintenance(new EmbeddedGuestNameRegistrar(_records, Zone));
        await maintenance.StartAsync(default);

        // The service starts its timer on a thread of its own, so time moves on a minute at a time until it has.
        for (var minute = 1; await PublishedAsync(expiring.Name); minute++)
        {
            Assert.True(minute <= 30, "The sweep did not remove the expired guest name in 30 minutes.");
            _time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(100);
        }

        Assert.Null(_records.Find(expiring.Name, DateTimeOffset.UnixEpoch));
        Assert.NotNull(_records.Find(living.Name, _time.GetUtcNow()));
        Assert.True(await PublishedAsync(living.Name));
        var again = expiring with { CreatedAt = _time.GetUtcNow() };
        Assert.False(await _store.TryAddGuestNameAsync(again, Cooldown, default));
        await maintenance.StopAsync(default);
    }

    [Fact]
    public async Task Sweep_WhenOneRemovalFails_MarksOnlyTheRemovedNames()
    {
        var refused = await AddAsync("calm-otter-10", TimeSpan.FromMinutes(10));
        var removed = await AddAsync("bold-lynx-20", TimeSpan.FromMinutes(10));
        var registrar = new RefusingRegistrar(new EmbeddedGuestNameRegistrar(_records, Zone), refused.Name);
        using var maintenance = Maintenance(registrar);
        await _store.InitializeAsync(default);
        _time.Advance(TimeSpan.FromMinutes(10));

        await maintenance.SweepAsync(default);

        Assert.True(await PublishedAsync(refused.Name));
        Assert.False(await PublishedAsync(removed.Name));
    }

    [Fact]
    public async Task StartAsync_WithLiveGuestNamesInTheStore_FillsTheEmbeddedServerWithThemOnly()
    {
        var living = await AddAsync("calm-otter-10", TimeSpan.FromHours(1));
        var expired = await AddAsync("bold-lynx-20", TimeSpan.FromMinutes(10));
        _time.Advance(TimeSpan.FromMinutes(10));
        using var maintenance = Maintenance(new EmbeddedGuestNameRegistrar(_records, Zone));

        await maintenance.StartAsync(default);

        Assert.Equal(living.CodeHash, _records.Find(living.Name, _time.GetUtcNow())?.CodeHash);
        Assert.Null(_records.Find(expired.Name, DateTimeOffset.UnixEpoch));
        await maintenance.StopAsync(default);
    }

    private StoreMaintenance Maintenance(IGuestNameRegistrar registrar) => new(
        _store, _records, new GuestNameSweeper(registrar, NullLogger<GuestNameSweeper>.Instance), _time,
        NullLogger<StoreMaintenance>.Instance);

    private async Task<GuestName> AddAsync(string label, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        var guest = new GuestName(Zone.Prepend(label), now, now + lifetime, TestCalls.CodeHash);
        Assert.True(await _store.TryAddGuestNameAsync(guest, Cooldown, default));
        return guest;
    }

    private async Task<bool> PublishedAsync(Domain name) =>
        (await _store.ListPublishedGuestNamesAsync(default)).Any(guest => guest.Name == name);

    // Stands in for a DNS server that refuses one update: no real server refuses a single name on demand.
    private sealed class RefusingRegistrar(IGuestNameRegistrar inner, Domain refused) : IGuestNameRegistrar
    {
        public Task RegisterAsync(GuestRecord record, CancellationToken cancellationToken) =>
            inner.RegisterAsync(record, cancellationToken);

        public Task RemoveAsync(Domain name, CancellationToken cancellationToken) => name == refused
            ? throw new InvalidOperationException("The DNS server refused the update.")
            : inner.RemoveAsync(name, cancellationToken);
    }
}
