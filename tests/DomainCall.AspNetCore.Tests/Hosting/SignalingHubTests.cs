using System.Net;
using System.Text.Json;
using DomainCall.Engine;
using DomainCall.Storage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace DomainCall.Tests.Hosting;

/// <summary>
/// The whole signaling flow against a real server on a loopback port, with the real SignalR .NET client.
/// </summary>
public sealed class SignalingHubTests : IAsyncLifetime
{
    private const string UnknownCall = "AAAAAAAAAAAAAAAAAAAAAA";

    private const string Sdp = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    private SignalingServer _server = null!;

    public async Task InitializeAsync() => _server = await SignalingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ICallStore Store => _server.Services.GetRequiredService<ICallStore>();

    [Fact]
    public async Task Call_FromRingToHangUp_RelaysSignalsAndKeepsTheLog()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();

        var identity = await caller.InvokeAsync("GetIdentity");
        var guestName = identity.GetProperty("name").GetString()!;
        Assert.Matches(@"^[a-z]+-[a-z]+-[1-9][0-9]\.guest\.example\.com$", guestName);
        Assert.Equal("guest", identity.GetProperty("kind").GetString());

        var placed = await caller.InvokeAsync("PlaceCall", "Example.COM.", "sales", "video");
        Assert.Equal("ringing", placed.GetProperty("status").GetString());
        Assert.Equal(guestName, placed.GetProperty("caller").GetProperty("name").GetString());

        var offer = await desk.NextAsync("CallOffered");
        var callId = offer.GetProperty("callId").GetString()!;
        Assert.Equal(guestName, offer.GetProperty("caller").GetProperty("name").GetString());
        Assert.Equal("sales", offer.GetProperty("reason").GetString());
        Assert.Equal("Sales", offer.GetProperty("reasonLabel").GetString());
        Assert.Equal("video", offer.GetProperty("mode").GetString());
        Assert.Equal("example.com", offer.GetProperty("callee").GetString());

        var answered = await desk.InvokeAsync("AcceptCall", callId);
        Assert.Equal(callId, answered.GetProperty("callId").GetString());
        var accepted = await caller.NextAsync("CallAccepted");
        Assert.Equal(callId, accepted.GetProperty("callId").GetString());

        await caller.SendOnlyAsync("SendOffer", callId, Sdp);
        Assert.Equal(Sdp, (await desk.NextAsync("ReceiveOffer")).GetProperty("sdp").GetString());
        await desk.SendOnlyAsync("SendAnswer", callId, Sdp + "a=answer\r\n");
        Assert.Equal(Sdp + "a=answer\r\n", (await caller.NextAsync("ReceiveAnswer")).GetProperty("sdp").GetString());

        var candidate = new { candidate = "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", sdpMid = "0",
            sdpMLineIndex = 0, usernameFragment = "abcd" };
        await caller.SendOnlyAsync("SendIceCandidate", callId, candidate);
        var relayed = await desk.NextAsync("ReceiveIceCandidate");
        Assert.Equal(candidate.candidate, relayed.GetProperty("candidate").GetString());
        Assert.Equal("0", relayed.GetProperty("sdpMid").GetString());
        await desk.SendOnlyAsync("SendIceCandidate", callId, candidate with { });
        Assert.Equal(callId, (await caller.NextAsync("ReceiveIceCandidate")).GetProperty("callId").GetString());

        await desk.SendOnlyAsync("ReportConnected", callId);
        await caller.SendOnlyAsync("HangUp", callId);
        var deskEnd = await desk.NextAsync("CallEnded");
        var callerEnd = await caller.NextAsync("CallEnded");
        foreach (var ended in new[] { deskEnd, callerEnd })
        {
            Assert.Equal(callId, ended.GetProperty("callId").GetString());
            Assert.Equal("ended", ended.GetProperty("state").GetString());
            Assert.Equal("caller-hung-up", ended.GetProperty("endReason").GetString());
        }

        var logged = await Store.FindCallAsync(callId, default);
        Assert.NotNull(logged);
        Assert.Equal(CallState.Ended, logged.State);
        Assert.Equal(CallMode.Video, logged.Mode);
        Assert.Equal("sales", logged.Reason);
        Assert.Equal(guestName, logged.Caller);
        Assert.Equal(CallEndReason.CallerHungUp, logged.EndReason);
        Assert.NotNull(logged.RingTime);
        Assert.NotNull(logged.TalkTime);
    }

    [Fact]
    public async Task PlaceCall_BeforeAnyAccept_NeverShowsTheCallerTheCallId()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();

        var placed = await caller.InvokeAsync("PlaceCall", "example.com", "support", "voice");
        var callId = (await desk.NextAsync("CallOffered")).GetProperty("callId").GetString()!;

        Assert.DoesNotContain(callId, placed.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(caller.Received, text => text.Contains(callId, StringComparison.Ordinal));
        Assert.False(caller.HasUnreadEvent);

        await caller.SendOnlyAsync("CancelCall");
        var ended = await caller.NextAsync("CallEnded");
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("callId").ValueKind);
        Assert.Equal("cancelled", ended.GetProperty("state").GetString());
        Assert.Equal("cancelled", (await desk.NextAsync("CallEnded")).GetProperty("state").GetString());
        Assert.DoesNotContain(caller.Received, text => text.Contains(callId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcceptCall_TwoDesksAtOnce_ExactlyOneWins()
    {
        await using var first = await _server.ConnectDeskAsync();
        await using var second = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();

        await caller.InvokeAsync("PlaceCall", "example.com", "sales", "voice");
        var callId = (await first.NextAsync("CallOffered")).GetProperty("callId").GetString()!;
        Assert.Equal(callId, (await second.NextAsync("CallOffered")).GetProperty("callId").GetString());

        var attempts = await Task.WhenAll(
            Task.Run(() => TryAcceptAsync(first, callId)), Task.Run(() => TryAcceptAsync(second, callId)));

        Assert.Single(attempts, error => error is null);
        var refusal = Assert.Single(attempts, error => error is not null);
        Assert.StartsWith("not-ringing:", refusal);
        var loser = attempts[0] is null ? second : first;
        Assert.Equal(callId, (await loser.NextAsync("CallAnsweredElsewhere")).GetProperty("callId").GetString());
        Assert.Equal(callId, (await caller.NextAsync("CallAccepted")).GetProperty("callId").GetString());
        Assert.Equal(CallState.Accepted, (await Store.FindCallAsync(callId, default))!.State);
    }

    [Fact]
    public async Task SendOffer_FromAThirdConnection_IsRefusedAndNothingIsRelayed()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        await using var intruder = await _server.ConnectAsync();
        var callId = await SignalingServer.PlaceAndAnswerAsync(desk, caller);

        foreach (var (method, args) in new (string, object[])[]
        {
            ("SendOffer", [callId, Sdp]),
            ("SendAnswer", [callId, Sdp]),
            ("SendIceCandidate", [callId, new { candidate = "candidate:1 1 udp 1 10.0.0.1 9 typ host" }]),
            ("HangUp", [callId]),
        })
        {
            var error = await Assert.ThrowsAsync<HubException>(() => intruder.SendOnlyAsync(method, args));
            Assert.StartsWith("no-such-call:", TestClient.Refusal(error));
        }

        // The next thing each party receives is the legitimate signal, so nothing of the intruder's got through.
        await caller.SendOnlyAsync("SendOffer", callId, Sdp + "a=from-caller\r\n");
        Assert.EndsWith("a=from-caller\r\n", (await desk.NextAsync("ReceiveOffer")).GetProperty("sdp").GetString());
        await desk.SendOnlyAsync("SendAnswer", callId, Sdp + "a=from-desk\r\n");
        Assert.EndsWith("a=from-desk\r\n", (await caller.NextAsync("ReceiveAnswer")).GetProperty("sdp").GetString());
        Assert.Equal(CallState.Accepted, (await Store.FindCallAsync(callId, default))!.State);
    }

    [Fact]
    public async Task SendOffer_BeforeTheCallIsAnswered_IsRefused()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        await caller.InvokeAsync("PlaceCall", "example.com", "sales", "voice");
        var callId = (await desk.NextAsync("CallOffered")).GetProperty("callId").GetString()!;

        var error = await Assert.ThrowsAsync<HubException>(() => desk.SendOnlyAsync("SendOffer", callId, Sdp));

        Assert.StartsWith("no-such-call:", TestClient.Refusal(error));
        Assert.False(caller.HasUnreadEvent);
    }

    public static TheoryData<string, object?[], string> BadInputs() => new()
    {
        { "PlaceCall", ["not a domain", "sales", "voice"], "invalid-argument: domain:" },
        { "PlaceCall", ["192.168.1.1", "sales", "voice"], "invalid-argument: domain:" },
        { "PlaceCall", [null, "sales", "voice"], "invalid-argument: domain: A domain name is required." },
        { "PlaceCall", ["example.com", "SALES!", "voice"], "invalid-argument: reason:" },
        { "PlaceCall", ["example.com", "billing", "voice"], "unknown-reason: 'billing' is not a reason of this site" },
        { "PlaceCall", ["example.com", "sales", "fax"], "invalid-argument: mode: must be one of chat, video, voice." },
        { "PlaceCall", ["example.org", "sales", "voice"], "unknown-domain: example.org is not a DomainCall domain" },
        { "AcceptCall", ["short"], "invalid-argument: callId:" },
        { "AcceptCall", ["AAAAAAAAAAAAAAAAAAAAAA"], "no-such-call:" },
        { "DeclineCall", [null], "invalid-argument: callId:" },
        { "HangUp", ["<script>alert(1)</script>"], "invalid-argument: callId:" },
        { "SendOffer", ["AAAAAAAAAAAAAAAAAAAAAA", "not sdp"], "invalid-argument: sdp:" },
        { "SendOffer", ["AAAAAAAAAAAAAAAAAAAAAA", "v=0\u0000"], "invalid-argument: sdp:" },
        { "SendIceCandidate", ["AAAAAAAAAAAAAAAAAAAAAA", null], "invalid-argument: candidate:" },
        { "SendIceCandidate", [UnknownCall, new { candidate = "candidate:1\n" }], "invalid-argument: candidate:" },
        {
            "SendIceCandidate", [UnknownCall, new { candidate = "", sdpMLineIndex = 99 }],
            "invalid-argument: sdpMLineIndex:"
        },
        { "CancelCall", [], "not-ringing: There is no ringing call to cancel." },
        { "JoinDesk", ["example.com", "AAAAAAAAAAAAAAAAAAAAAA"], "not-allowed:" },
        { "JoinDesk", ["example.com", null], "not-allowed:" },
        { "JoinDesk", ["example.com", "key"], "invalid-argument: ownerKey:" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Invoke_WithBadInput_AnswersAClearErrorAndChangesNothing(
        string method, object?[] args, string expectedStart)
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var client = await _server.ConnectAsync();
        var callsBefore = (await Store.ListCallsAsync(Domain.Parse("example.com"), 1000, default)).Count;

        var error = await Assert.ThrowsAsync<HubException>(() => client.SendOnlyAsync(method, args));

        Assert.StartsWith(expectedStart, TestClient.Refusal(error));
        Assert.Equal(callsBefore, (await Store.ListCallsAsync(Domain.Parse("example.com"), 1000, default)).Count);
        Assert.Equal(0, _server.Services.GetRequiredService<Switchboard>().LiveCallCount);
        Assert.False(desk.HasUnreadEvent);
    }

    [Fact]
    public async Task Requests_OutOfOrder_AreRefusedAndLeaveTheCallAsItWas()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        var callId = await SignalingServer.PlaceAndAnswerAsync(desk, caller);

        Assert.StartsWith("not-ringing:", await RefusalAsync(desk, "AcceptCall", callId));
        Assert.StartsWith("not-ringing:", await RefusalAsync(desk, "DeclineCall", callId));
        Assert.StartsWith("not-ringing:", await RefusalAsync(caller, "CancelCall"));
        Assert.Equal(CallState.Accepted, (await Store.FindCallAsync(callId, default))!.State);

        await caller.SendOnlyAsync("HangUp", callId);
        await caller.NextAsync("CallEnded");
        await desk.NextAsync("CallEnded");

        Assert.StartsWith("no-such-call:", await RefusalAsync(desk, "HangUp", callId));
        Assert.StartsWith("no-such-call:", await RefusalAsync(caller, "SendOffer", callId, Sdp));
        Assert.StartsWith("no-such-call:", await RefusalAsync(desk, "ReportConnected", callId));
        Assert.Equal(CallEndReason.CallerHungUp, (await Store.FindCallAsync(callId, default))!.EndReason);
        Assert.False(caller.HasUnreadEvent);
        Assert.False(desk.HasUnreadEvent);
    }

    [Fact]
    public async Task Caller_DisconnectingMidCall_EndsItForTheDesk()
    {
        await using var desk = await _server.ConnectDeskAsync();
        var caller = await _server.ConnectAsync();
        var callId = await SignalingServer.PlaceAndAnswerAsync(desk, caller);

        await caller.DisposeAsync();

        var ended = await desk.NextAsync("CallEnded");
        Assert.Equal(callId, ended.GetProperty("callId").GetString());
        Assert.Equal("caller-left", ended.GetProperty("endReason").GetString());
        Assert.Equal(CallEndReason.CallerLeft, (await Store.FindCallAsync(callId, default))!.EndReason);
    }

    [Fact]
    public async Task Desk_DisconnectingMidCall_EndsItForTheCaller()
    {
        var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        var callId = await SignalingServer.PlaceAndAnswerAsync(desk, caller);

        await desk.DisposeAsync();

        var ended = await caller.NextAsync("CallEnded");
        Assert.Equal(callId, ended.GetProperty("callId").GetString());
        Assert.Equal("callee-left", ended.GetProperty("endReason").GetString());
    }

    [Fact]
    public async Task Desk_LeavingWhileItRings_MakesTheCallMissed()
    {
        var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        await caller.InvokeAsync("PlaceCall", "example.com", "sales", "chat");
        var callId = (await desk.NextAsync("CallOffered")).GetProperty("callId").GetString()!;

        await desk.DisposeAsync();

        var ended = await caller.NextAsync("CallEnded");
        Assert.Equal("missed", ended.GetProperty("state").GetString());
        Assert.Equal(CallState.Missed, (await Store.FindCallAsync(callId, default))!.State);
    }

    [Fact]
    public async Task PlaceCall_WithNoDeskPresent_AnswersUnavailableAtOnceAndLogsAMissedCall()
    {
        await using var caller = await _server.ConnectAsync();

        var placed = await caller.InvokeAsync("PlaceCall", "example.com", "support", "voice");

        Assert.Equal("unavailable", placed.GetProperty("status").GetString());
        var logged = (await Store.ListCallsAsync(Domain.Parse("example.com"), 1, default)).Single();
        Assert.Equal(CallState.Missed, logged.State);
        Assert.Equal(CallEndReason.NobodyAvailable, logged.EndReason);
        Assert.Equal(0, _server.Services.GetRequiredService<Switchboard>().LiveCallCount);
    }

    [Fact]
    public async Task PlaceCall_WhenTheOnlyDeskIsInACall_AnswersBusy()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var firstCaller = await _server.ConnectAsync();
        await using var secondCaller = await _server.ConnectAsync();
        await SignalingServer.PlaceAndAnswerAsync(desk, firstCaller);

        var placed = await secondCaller.InvokeAsync("PlaceCall", "example.com", "support", "voice");

        Assert.Equal("busy", placed.GetProperty("status").GetString());
        Assert.False(desk.HasUnreadEvent);
    }

    [Fact]
    public async Task DeclineCall_ByEveryDesk_RejectsTheCall()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        await caller.InvokeAsync("PlaceCall", "example.com", "sales", "voice");
        var callId = (await desk.NextAsync("CallOffered")).GetProperty("callId").GetString()!;

        await desk.SendOnlyAsync("DeclineCall", callId);

        var ended = await caller.NextAsync("CallEnded");
        Assert.Equal("rejected", ended.GetProperty("state").GetString());
        Assert.Equal("declined", ended.GetProperty("endReason").GetString());
        Assert.Equal(CallState.Rejected, (await Store.FindCallAsync(callId, default))!.State);
    }

    [Fact]
    public async Task DeclineCall_ByOneOfTwoDesks_KeepsItRingingOnTheOther()
    {
        await using var first = await _server.ConnectDeskAsync();
        await using var second = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        await caller.InvokeAsync("PlaceCall", "example.com", "sales", "voice");
        var callId = (await first.NextAsync("CallOffered")).GetProperty("callId").GetString()!;
        await second.NextAsync("CallOffered");

        await first.SendOnlyAsync("DeclineCall", callId);
        await second.InvokeAsync("AcceptCall", callId);

        Assert.Equal(callId, (await caller.NextAsync("CallAccepted")).GetProperty("callId").GetString());
    }

    [Fact]
    public async Task PlaceCall_WhileAlreadyCalling_IsRefused()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        await caller.InvokeAsync("PlaceCall", "example.com", "sales", "voice");

        var error = await Assert.ThrowsAsync<HubException>(
            () => caller.InvokeAsync("PlaceCall", "example.com", "sales", "voice"));

        Assert.StartsWith("already-calling:", TestClient.Refusal(error));
    }

    [Fact]
    public async Task Negotiate_FromAForeignPage_IsForbidden()
    {
        using var http = new HttpClient();

        var foreign = await NegotiateAsync(http, "https://evil.example");
        var site = await NegotiateAsync(http, "https://example.com");
        var sameOrigin = await NegotiateAsync(http, _server.BaseAddress);
        var program = await NegotiateAsync(http, origin: null);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains("AllowedOrigins", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, site.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sameOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, program.StatusCode);
    }

    [Fact]
    public async Task Invoke_ManyTimesInABurst_IsRateLimited()
    {
        await using var client = await _server.ConnectAsync();

        var refusals = 0;
        for (var i = 0; i < 400 && refusals == 0; i++)
        {
            try
            {
                await client.InvokeAsync("GetIdentity");
            }
            catch (HubException error)
                when (TestClient.Refusal(error).StartsWith("rate-limited:", StringComparison.Ordinal))
            {
                refusals++;
            }
        }

        Assert.Equal(1, refusals);
    }

    [Fact]
    public async Task SendOffer_LargerThanTheMessageLimit_ClosesTheConnection()
    {
        await using var client = await _server.ConnectAsync();
        var closed = new TaskCompletionSource<Exception?>();
        client.Connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        var oversized = "v=0\r\n" + new string('a', 70 * 1024);
        await Assert.ThrowsAnyAsync<Exception>(
            () => client.SendOnlyAsync("SendOffer", "AAAAAAAAAAAAAAAAAAAAAA", oversized));

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    private async Task<HttpResponseMessage> NegotiateAsync(HttpClient http, string? origin)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Post, _server.HubAddress + "/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await http.SendAsync(request);
    }

    private static async Task<string> RefusalAsync(TestClient client, string method, params object?[] args) =>
        TestClient.Refusal(await Assert.ThrowsAsync<HubException>(() => client.SendOnlyAsync(method, args)));

    private static async Task<string?> TryAcceptAsync(TestClient desk, string callId)
    {
        try
        {
            await desk.InvokeAsync("AcceptCall", callId);
            return null;
        }
        catch (HubException error)
        {
            return TestClient.Refusal(error);
        }
    }
}
