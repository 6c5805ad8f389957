using System.Text.Json;
using DomainCall.Availability;
using DomainCall.Engine;
using DomainCall.Storage;
using DomainCall.Tests.Availability;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Tests.Hosting;

/// <summary>
/// Opening hours and the out-of-office switch through the real hub: a closed domain answers <c>closed</c> without
/// ringing, and a desk switches its domain out of office. The site is open at all hours, in UTC, on a clock the test
/// moves, unless a test says otherwise.
/// </summary>
public sealed class AvailabilityHubTests : IAsyncLifetime
{
    private static readonly Domain Site = Domain.Parse(SignalingServer.SiteDomain);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-03T12:00:00Z", null));
    private SignalingServer _server = null!;

    public async Task InitializeAsync() => _server = await SignalingServer.StartAsync(
        configureHost: host => host.Services.AddSingleton<TimeProvider>(_time));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ICallStore Store => _server.Services.GetRequiredService<ICallStore>();

    [Fact]
    public async Task PlaceCall_OutsideOpeningHours_AnswersClosedRingsNoDeskAndLogsNoRingingCall()
    {
        await using var closed = await ClosedOnSaturdayAsync();
        await using var desk = await closed.ConnectDeskAsync();
        await using var caller = await closed.ConnectAsync();

        var result = await caller.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "voice");

        Assert.Equal("closed", result.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("ringsUntil").ValueKind);
        var availability = result.GetProperty("availability");
        Assert.False(availability.GetProperty("open").GetBoolean());
        Assert.Equal("2026-12-07T08:00:00Z", availability.GetProperty("nextOpening").GetString());
        Assert.Equal("Europe/Paris", availability.GetProperty("timeZone").GetString());
        Assert.Equal(JsonValueKind.Null, availability.GetProperty("outOfOffice").ValueKind);

        // Events reach a connection in order, so anything sent to the desk before would have arrived by now.
        await desk.InvokeAsync("JoinDesk", SignalingServer.SiteDomain, closed.OwnerKey);
        Assert.False(desk.HasUnreadEvent);
        var logged = Assert.Single(
            await closed.Services.GetRequiredService<ICallStore>().ListCallsAsync(Site, 10, default));
        Assert.Equal((CallState.Missed, CallEndReason.Closed), (logged.State, logged.EndReason));
    }

    [Fact]
    public async Task JoinDesk_OutsideOpeningHours_TellsTheDeskWhenItOpens()
    {
        await using var closed = await ClosedOnSaturdayAsync();
        await using var desk = await closed.ConnectUnprovedAsync();

        var joined = await desk.InvokeAsync("JoinDesk", SignalingServer.SiteDomain, closed.OwnerKey);

        var availability = joined.GetProperty("availability");
        Assert.False(availability.GetProperty("open").GetBoolean());
        Assert.Equal("2026-12-07T08:00:00Z", availability.GetProperty("nextOpening").GetString());
    }

    [Fact]
    public async Task SetOutOfOffice_ByADesk_MakesTheNextCallClosedWithTheMessageAndTellsTheOtherDesks()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var otherDesk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();

        var answer = await desk.InvokeAsync(
            "SetOutOfOffice", SignalingServer.SiteDomain, true, "  Back after the <b>holidays</b>.\n", "2026-12-10");
        var changed = await otherDesk.NextAsync("AvailabilityChanged");
        var result = await caller.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "voice");

        const string Expected =
            """{"open":false,"nextOpening":"2026-12-10T00:00:00Z","timeZone":"UTC","outOfOffice":""" +
            """{"message":"Back after the <b>holidays</b>.","returnsOn":"2026-12-10"}}""";
        Assert.Equal(Expected, answer.GetRawText());
        Assert.Equal("""{"domain":"example.com",""" + Expected[1..], changed.GetRawText());
        Assert.Equal("closed", result.GetProperty("status").GetString());
        Assert.Equal(
            "Back after the <b>holidays</b>.",
            result.GetProperty("availability").GetProperty("outOfOffice").GetProperty("message").GetString());
        Assert.False(desk.HasUnreadEvent);
    }

    [Fact]
    public async Task SetOutOfOffice_Off_LetsCallsRingAgain()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        await desk.InvokeAsync("SetOutOfOffice", SignalingServer.SiteDomain, true, "Away", null);

        var answer = await desk.InvokeAsync("SetOutOfOffice", SignalingServer.SiteDomain, false, null, null);
        var result = await caller.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "voice");

        Assert.True(answer.GetProperty("open").GetBoolean());
        Assert.Equal("ringing", result.GetProperty("status").GetString());
        await desk.NextAsync("CallOffered");
        Assert.Null(await Store.FindOutOfOfficeAsync(Site, default));
    }

    [Fact]
    public async Task PlaceCall_OnceTheReturnDateHasBegun_RingsAgain()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        await desk.InvokeAsync("SetOutOfOffice", SignalingServer.SiteDomain, true, null, "2026-12-04");
        var before = await caller.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "voice");

        // The caller's guest name has expired by then, so it proves a new one, as the widget would.
        _time.SetUtcNow(DateTimeOffset.Parse("2026-12-04T00:00:00Z", null));
        await caller.ProveGuestNameAsync();
        var after = await caller.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "voice");

        Assert.Equal("closed", before.GetProperty("status").GetString());
        Assert.Equal("ringing", after.GetProperty("status").GetString());
        await desk.NextAsync("CallOffered");
    }

    [Fact]
    public async Task SetOutOfOffice_FromAConnectionThatIsNoDeskOfTheDomain_IsRefused()
    {
        await using var caller = await _server.ConnectAsync();
        await using var desk = await _server.ConnectDeskAsync();

        var notDesk = await Assert.ThrowsAsync<HubException>(
            () => caller.InvokeAsync("SetOutOfOffice", SignalingServer.SiteDomain, true, "Hijacked", null));
        var otherDomain = await Assert.ThrowsAsync<HubException>(
            () => desk.InvokeAsync("SetOutOfOffice", "shop.example.net", true, "Hijacked", null));

        Assert.Equal(
            "not-allowed: Only a desk of example.com may switch its out of office; join its desk first.",
            TestClient.Refusal(notDesk));
        Assert.StartsWith("not-allowed: Only a desk of shop.example.net", TestClient.Refusal(otherDomain));
        Assert.Null(await Store.FindOutOfOfficeAsync(Site, default));
    }

    [Theory]
    [InlineData("example.com", null, "Away", null, "invalid-argument: on: true or false is required.")]
    [InlineData("not a domain", true, "Away", null, "invalid-argument: domain: ")]
    [InlineData("example.com", true, "Away\u0007", null,
        "invalid-argument: message: at most 500 characters of plain text; line breaks are the only control " +
        "characters allowed.")]
    [InlineData("example.com", true, "Away", "10/12/2026",
        "invalid-argument: returnsOn: a date written as YYYY-MM-DD, or null.")]
    [InlineData("example.com", true, "Away", "2026-02-30",
        "invalid-argument: returnsOn: a date written as YYYY-MM-DD, or null.")]
    [InlineData("example.com", true, "Away", "2026-12-03",
        "invalid-argument: returnsOn: the return date must be after today, 2026-12-03 in UTC, the owner's zone.")]
    [InlineData("example.com", true, "Away", "2025-01-01",
        "invalid-argument: returnsOn: the return date must be after today, 2026-12-03 in UTC, the owner's zone.")]
    public async Task SetOutOfOffice_BadInput_IsRefusedAndChangesNothing(
        string domain, bool? on, string message, string? returnsOn, string refusal)
    {
        await using var desk = await _server.ConnectDeskAsync();
        await desk.InvokeAsync("SetOutOfOffice", SignalingServer.SiteDomain, true, "Kept", "2026-12-24");
        var kept = await Store.FindOutOfOfficeAsync(Site, default);

        var error = await Assert.ThrowsAsync<HubException>(
            () => desk.InvokeAsync("SetOutOfOffice", domain, on, message, returnsOn));

        Assert.StartsWith(refusal, TestClient.Refusal(error), StringComparison.Ordinal);
        Assert.Equal(new OutOfOffice("Kept", new DateOnly(2026, 12, 24), _time.GetUtcNow()), kept);
        Assert.Equal(kept, await Store.FindOutOfOfficeAsync(Site, default));
    }

    [Fact]
    public async Task SetOutOfOffice_MessageTooLong_IsRefused()
    {
        await using var desk = await _server.ConnectDeskAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => desk.InvokeAsync(
            "SetOutOfOffice", SignalingServer.SiteDomain, true, new string('a', 501), null));

        Assert.StartsWith("invalid-argument: message: at most 500 characters", TestClient.Refusal(error));
        Assert.Null(await Store.FindOutOfOfficeAsync(Site, default));
    }

    /// <summary>A second site, closed on Saturdays: weekdays 09:00 to 17:30 in Paris, on Saturday 5 December.</summary>
    internal static Task<SignalingServer> ClosedOnSaturdayAsync() =>
        SignalingServer.StartAsync(
            options =>
            {
                options.Hours.TimeZone = "Europe/Paris";
                foreach (var period in OpeningScheduleTests.Weekdays("09:00", "17:30"))
                {
                    options.Hours.Weekly.Add(period);
                }
            },
            host => host.Services.AddSingleton<TimeProvider>(
                new FakeTimeProvider(DateTimeOffset.Parse("2026-12-05T12:00:00Z", null))));
}
