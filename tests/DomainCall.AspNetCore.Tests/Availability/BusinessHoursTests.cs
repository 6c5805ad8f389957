using DomainCall.Availability;
using DomainCall.Engine;
using DomainCall.Hosting;
using DomainCall.Storage;
using DomainCall.Tests.Storage;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static DomainCall.Tests.Availability.OpeningScheduleTests;

namespace DomainCall.Tests.Availability;

/// <summary>
/// Opening hours with the out-of-office switch kept in a real SQLite file, on a clock the test moves: weekdays 09:00
/// to 17:30 in Paris.
/// </summary>
public sealed class BusinessHoursTests : IDisposable
{
    private static readonly Domain Site = Domain.Parse("example.com");

    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(At("2026-12-04T10:00:00Z"));
    private readonly SqliteCallStore _store;
    private readonly BusinessHours _hours;

    public BusinessHoursTests()
    {
        var options = new DomainCallOptions { SiteDomain = Site.Value };
        options.Hours.TimeZone = "Europe/Paris";
        foreach (var period in Weekdays("09:00", "17:30"))
        {
            options.Hours.Weekly.Add(period);
        }

        var environment = new HostingEnvironment { ContentRootPath = _directory.Path };
        var settings = new DomainCallSettings(Options.Create(options), environment);
        _store = new SqliteCallStore(settings.StorePath);
        _hours = new BusinessHours(_time, settings, _store);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task NowAsync_InsideHours_IsOpenWithNoNextOpening()
    {
        var now = await _hours.NowAsync(Site, default);

        Assert.Equal(new AvailabilityNow(true, null, "Europe/Paris", null), now);
    }

    [Fact]
    public async Task NowAsync_SaturdayMorning_IsClosedUntilMonday()
    {
        _time.SetUtcNow(At("2026-12-05T09:00:00Z"));

        var now = await _hours.NowAsync(Site, default);

        Assert.Equal(new AvailabilityNow(false, At("2026-12-07T08:00:00Z"), "Europe/Paris", null), now);
    }

    [Fact]
    public async Task NowAsync_OutOfOfficeInsideHours_IsClosedUntilTheFirstOpeningOfTheReturnDate()
    {
        await SwitchOnAsync("Back on Tuesday.", new DateOnly(2026, 12, 8));

        var now = await _hours.NowAsync(Site, default);

        Assert.False(now.Open);
        Assert.Equal(At("2026-12-08T08:00:00Z"), now.NextOpening);
        Assert.Equal(new OutOfOfficeNotice("Back on Tuesday.", new DateOnly(2026, 12, 8)), now.OutOfOffice);
    }

    [Fact]
    public async Task NowAsync_OutOfOfficeWithoutReturnDate_HasNoNextOpening()
    {
        await SwitchOnAsync(null, null);

        var now = await _hours.NowAsync(Site, default);

        Assert.Equal(new AvailabilityNow(false, null, "Europe/Paris", new OutOfOfficeNotice(null, null)), now);
        Assert.Empty(
            await _hours.SlotStartsAsync(Site, At("2026-12-04T00:00:00Z"), At("2026-12-20T00:00:00Z"), default));
    }

    [Fact]
    public async Task NowAsync_WhenTheReturnDateBeginsInTheOwnersZone_TheSwitchIsOff()
    {
        await SwitchOnAsync("Away", new DateOnly(2026, 12, 8));

        // 23:59 on Monday 7 December in Paris: still away. One minute later it is Tuesday there.
        _time.SetUtcNow(At("2026-12-07T22:59:00Z"));
        var lastMinute = await _hours.NowAsync(Site, default);
        _time.SetUtcNow(At("2026-12-07T23:00:00Z"));
        var returned = await _hours.NowAsync(Site, default);

        Assert.NotNull(lastMinute.OutOfOffice);
        Assert.Equal(new AvailabilityNow(false, At("2026-12-08T08:00:00Z"), "Europe/Paris", null), returned);
        _time.SetUtcNow(At("2026-12-08T08:00:00Z"));
        Assert.True((await _hours.NowAsync(Site, default)).Open);
    }

    [Fact]
    public async Task SlotStartsAsync_OutOfOffice_SkipsTheDaysBeforeTheReturnDate()
    {
        await SwitchOnAsync(null, new DateOnly(2026, 12, 8));

        var slots = await _hours.SlotStartsAsync(
            Site, At("2026-12-04T10:00:00Z"), At("2026-12-09T00:00:00Z"), default);

        Assert.Equal(At("2026-12-08T08:00:00Z"), slots[0]);
        Assert.Equal(At("2026-12-08T16:15:00Z"), slots[^1]);
        Assert.Equal(34, slots.Count);
    }

    [Fact]
    public async Task SlotStartsAsync_OtherDomain_IsNotAffectedByThisDomainsSwitch()
    {
        await SwitchOnAsync(null, null);

        var slots = await _hours.SlotStartsAsync(
            Domain.Parse("shop.example.net"), At("2026-12-04T15:00:00Z"), At("2026-12-04T17:00:00Z"), default);

        Assert.Equal(
            [At("2026-12-04T15:00:00Z"), At("2026-12-04T15:15:00Z"), At("2026-12-04T15:30:00Z"),
                At("2026-12-04T15:45:00Z"), At("2026-12-04T16:00:00Z"), At("2026-12-04T16:15:00Z")],
            slots);
    }

    private Task SwitchOnAsync(string? message, DateOnly? returnsOn) =>
        _store.SaveOutOfOfficeAsync(Site, new OutOfOffice(message, returnsOn, _time.GetUtcNow()), default);
}
