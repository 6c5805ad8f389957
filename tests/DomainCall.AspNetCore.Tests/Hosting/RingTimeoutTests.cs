using DomainCall.Engine;
using DomainCall.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DomainCall.Tests.Hosting;

/// <summary>A call nobody answers, on a server with the shortest ring timeout the options allow.</summary>
public sealed class RingTimeoutTests : IAsyncLifetime
{
    private SignalingServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SignalingServer.StartAsync(options => options.RingTimeout = TimeSpan.FromSeconds(5));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Call_NobodyAnswersWithinTheRingTimeout_IsMissedForBothSides()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();

        var placed = await caller.InvokeAsync("PlaceCall", "example.com", "sales", "voice");
        var offer = await desk.NextAsync("CallOffered");
        var callId = offer.GetProperty("callId").GetString()!;
        Assert.Equal(
            placed.GetProperty("ringsUntil").GetDateTimeOffset(), offer.GetProperty("ringsUntil").GetDateTimeOffset());

        var toCaller = await caller.NextAsync("CallEnded");
        var toDesk = await desk.NextAsync("CallEnded");

        Assert.Equal("missed", toCaller.GetProperty("state").GetString());
        Assert.Equal("ring-timeout", toCaller.GetProperty("endReason").GetString());
        Assert.Equal(callId, toDesk.GetProperty("callId").GetString());
        var logged = await _server.Services.GetRequiredService<ICallStore>().FindCallAsync(callId, default);
        Assert.Equal(CallState.Missed, logged!.State);
        // Times are kept to the millisecond and timers may fire a hair early, hence the small allowance.
        Assert.True(logged.RingTime >= TimeSpan.FromSeconds(4.9), $"Rang only {logged.RingTime}.");

        var late = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => desk.InvokeAsync("AcceptCall", callId));
        Assert.StartsWith("no-such-call:", TestClient.Refusal(late));
    }
}
