using System.Net;
using System.Text.Json;
using DomainCall.Engine;
using DomainCall.Testing;
using DomainCall.Tests.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace DomainCall.Tests.Callbacks;

/// <summary>
/// "Call back now" through the real hub: a caller whose page waits is rung, their answer rings only the desk that
/// called back, and a caller who is not there is reported unreachable when they left no way to reach them.
/// </summary>
public sealed class CallBackNowTests : IAsyncLifetime, IDisposable
{
    private const string Site = SignalingServer.SiteDomain;

    private SignalingServer _server = null!;
    private CallbackClient _visitor = null!;

    public async Task InitializeAsync()
    {
        // The webhook points at a port nothing listens on, so its delivery fails at once and is given up.
        _server = await SignalingServer.StartAsync(options =>
        {
            options.Notifications.MaxAttempts = 1;
            options.Webhooks.Add(new()
            {
                Url = new Uri($"http://127.0.0.1:{FreeLoopbackPort.Find()}/hook"),
                Secret = new string('s', 32),
                AllowPrivateNetworks = true,
            });
        });
        _visitor = new CallbackClient(_server.BaseAddress);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _visitor.Dispose();

    [Fact]
    public async Task CallBack_CallerWaiting_RingsTheCallerAndTheirAnswerRingsOnlyThatDesk()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var otherDesk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        var (id, token) = await LeaveCallbackAsync(("kind", "asap"), ("reason", "sales"));
        await desk.NextAsync("CallbacksChanged");
        await otherDesk.NextAsync("CallbacksChanged");

        Assert.True((await caller.InvokeAsync("AwaitCallback", id, token)).GetBoolean());
        var result = await desk.InvokeAsync("CallBack", Site, id, "voice");
        var ringing = await caller.NextAsync("CallingBack");
        var placed = await caller.InvokeAsync("ReturnCall", id, token, "voice");
        var offer = await desk.NextAsync("CallOffered");
        await desk.InvokeAsync("AcceptCall", offer.GetProperty("callId").GetString());
        var accepted = await caller.NextAsync("CallAccepted");

        Assert.Equal("ringing", result.GetProperty("outcome").GetString());
        Assert.Equal(id, ringing.GetProperty("callbackId").GetString());
        Assert.Equal(Site, ringing.GetProperty("domain").GetString());
        Assert.Equal("voice", ringing.GetProperty("mode").GetString());
        Assert.Equal("ringing", placed.GetProperty("status").GetString());
        Assert.Equal(id, offer.GetProperty("callbackId").GetString());
        Assert.Equal("sales", offer.GetProperty("reason").GetString());
        Assert.Equal(offer.GetProperty("callId").GetString(), accepted.GetProperty("callId").GetString());
        Assert.False(otherDesk.HasUnreadEvent, "The desk that did not call back rang too.");
    }

    [Fact]
    public async Task ReturnCall_NoDeskWaiting_RingsEveryDeskWithTheCallback()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var otherDesk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        var (id, token) = await LeaveCallbackAsync(("kind", "asap"), ("reason", "support"));
        await desk.NextAsync("CallbacksChanged");
        await otherDesk.NextAsync("CallbacksChanged");

        var placed = await caller.InvokeAsync("ReturnCall", id, token, "chat");
        var offers = new[] { await desk.NextAsync("CallOffered"), await otherDesk.NextAsync("CallOffered") };

        Assert.Equal("ringing", placed.GetProperty("status").GetString());
        Assert.All(offers, offer =>
        {
            Assert.Equal(id, offer.GetProperty("callbackId").GetString());
            Assert.Equal("support", offer.GetProperty("reason").GetString());
            Assert.Equal("chat", offer.GetProperty("mode").GetString());
        });
        await caller.InvokeAsync("CancelCall");
    }

    [Fact]
    public async Task DeclineCallBack_CallerDeclines_TellsTheDeskThatCalledBack()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        var (id, token) = await LeaveCallbackAsync(("kind", "asap"), ("reason", "sales"));
        await desk.NextAsync("CallbacksChanged");
        await caller.InvokeAsync("AwaitCallback", id, token);

        await desk.InvokeAsync("CallBack", Site, id, "video");
        await caller.NextAsync("CallingBack");
        await caller.InvokeAsync("DeclineCallBack", id);
        var declined = await desk.NextAsync("CallBackDeclined");

        Assert.Equal(id, declined.GetProperty("callbackId").GetString());
    }

    [Fact]
    public async Task CallBack_CallerGoneAndNoWayToReachThem_IsUnreachable()
    {
        await using var desk = await _server.ConnectDeskAsync();
        var (id, token) = await LeaveCallbackAsync(("kind", "asap"), ("reason", "sales"));
        await desk.NextAsync("CallbacksChanged");
        var caller = await _server.ConnectAsync();
        await caller.InvokeAsync("AwaitCallback", id, token);
        await caller.DisposeAsync();

        var result = await WhenAsync(
            () => desk.InvokeAsync("CallBack", Site, id, "voice"),
            r => r.GetProperty("outcome").GetString() != "ringing");

        Assert.Equal("unreachable", result.GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("AwaitCallback")]
    [InlineData("ReturnCall")]
    public async Task CallerMethods_WrongToken_AreRefused(string method)
    {
        await using var caller = await _server.ConnectAsync();
        var (id, _) = await LeaveCallbackAsync(("kind", "asap"), ("reason", "sales"));
        var forged = "AAAAAAAAAAAAAAAAAAAAAA";

        var refusal = await Assert.ThrowsAsync<HubException>(() => method == "AwaitCallback"
            ? caller.InvokeAsync(method, id, forged)
            : caller.InvokeAsync(method, id, forged, "voice"));

        Assert.StartsWith("no-such-callback:", TestClient.Refusal(refusal));
        Assert.Equal(0, _server.Services.GetRequiredService<Switchboard>().LiveCallCount);
    }

    [Fact]
    public async Task CallBack_FromAConnectionThatIsNoDesk_IsRefused()
    {
        await using var stranger = await _server.ConnectAsync();
        var (id, _) = await LeaveCallbackAsync(("kind", "asap"), ("reason", "sales"));

        var refusal = await Assert.ThrowsAsync<HubException>(
            () => stranger.InvokeAsync("CallBack", Site, id, "voice"));

        Assert.StartsWith("not-allowed:", TestClient.Refusal(refusal));
    }

    [Fact]
    public async Task DeskList_NotificationThatFailed_IsShownNextToTheCallbackThatStaysOpen()
    {
        using var desk = new CallbackClient(_server.BaseAddress);
        await desk.SignInToDeskAsync(_server.OwnerKey);
        var (id, _) = await LeaveCallbackAsync(("kind", "message"), ("reason", "sales"), ("message", "Ring me"));

        var item = await WhenAsync(
            async () => (await desk.ListAsync()).Single(c => c.GetProperty("id").GetString() == id),
            c => c.GetProperty("notifications").EnumerateArray()
                .Any(n => n.GetProperty("state").GetString() == "dead"));

        var webhook = Assert.Single(item.GetProperty("notifications").EnumerateArray());
        Assert.Equal("webhook", webhook.GetProperty("channel").GetString());
        Assert.Equal("message-left", webhook.GetProperty("kind").GetString());
        Assert.Equal(1, webhook.GetProperty("attempts").GetInt32());
        Assert.False(string.IsNullOrEmpty(webhook.GetProperty("lastError").GetString()));
        Assert.Equal("new", item.GetProperty("status").GetString());
    }

    private async Task<(string Id, string Token)> LeaveCallbackAsync(params (string Name, string Value)[] fields)
    {
        using var response = await _visitor.PostAsync(CallbackClient.NewKey(), fields);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CallbackClient.JsonAsync(response);
        return (body.GetProperty("id").GetString()!, body.GetProperty("token").GetString()!);
    }

    // Some effects follow a step on another connection or a background delivery; ask until they show.
    private static async Task<JsonElement> WhenAsync(Func<Task<JsonElement>> ask, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var answer = await ask();
            if (done(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(50);
        }
    }
}
