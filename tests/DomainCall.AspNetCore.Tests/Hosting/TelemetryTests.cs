using System.Diagnostics;
using System.Diagnostics.Metrics;
using DomainCall.Engine;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DomainCall.Tests.Hosting;

/// <summary>What an operator sees of calls: the DomainCall meter, its activities and its logs.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string SdpMarker = "a=fingerprint:sha-256 12:34:56:78";

    private SignalingServer _server = null!;

    public async Task InitializeAsync() => _server = await SignalingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Calls_AreCountedAndTraced()
    {
        var meters = _server.Services.GetRequiredService<IMeterFactory>();
        using var started = new MetricCollector<long>(meters, DomainCallTelemetry.Name, "domaincall.calls.started");
        using var answered = new MetricCollector<long>(meters, DomainCallTelemetry.Name, "domaincall.calls.answered");
        using var rejected = new MetricCollector<long>(meters, DomainCallTelemetry.Name, "domaincall.calls.rejected");
        using var missed = new MetricCollector<long>(meters, DomainCallTelemetry.Name, "domaincall.calls.missed");
        using var ringTime =
            new MetricCollector<double>(meters, DomainCallTelemetry.Name, "domaincall.calls.ring_time");
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DomainCallTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);

        var callIds = new List<string>();
        await using (var desk = await _server.ConnectDeskAsync())
        await using (var caller = await _server.ConnectAsync())
        {
            var callId = await SignalingServer.PlaceAndAnswerAsync(desk, caller, "video");
            callIds.Add(callId);
            await desk.SendOnlyAsync("HangUp", callId);
            await caller.NextAsync("CallEnded");
            await desk.NextAsync("CallEnded");

            await caller.InvokeAsync("PlaceCall", "example.com", "sales", "voice");
            var declined = (await desk.NextAsync("CallOffered")).GetProperty("callId").GetString()!;
            callIds.Add(declined);
            await desk.SendOnlyAsync("DeclineCall", declined);
            await caller.NextAsync("CallEnded");
        }

        await using (var lonely = await _server.ConnectAsync())
        {
            await lonely.InvokeAsync("PlaceCall", "example.com", "sales", "chat");
        }

        Assert.Equal(3, started.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, answered.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, rejected.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, missed.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal("video", answered.LastMeasurement!.Tags["domaincall.call.mode"]);
        Assert.Equal(3, ringTime.GetMeasurementSnapshot().Count);
        lock (activities)
        {
            // The listener hears every server in this test run, so only this test's calls are looked at.
            var ours = activities.Where(a => callIds.Contains(a.GetTagItem("domaincall.call.id"))).ToArray();
            Assert.Equal(["ended", "rejected"], ours.Select(a => a.GetTagItem("domaincall.call.state")));
            Assert.Contains(ours[0].Events, e => e.Name == "accepted");
        }
    }

    [Fact]
    public async Task Logs_AtInformation_HoldNoSdpKeysOrNames()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectAsync();
        var identity = await caller.InvokeAsync("GetIdentity");
        var guestName = identity.GetProperty("name").GetString()!;
        var code = identity.GetProperty("code").GetString()!;
        var callId = await SignalingServer.PlaceAndAnswerAsync(desk, caller, "voice");
        await caller.SendOnlyAsync("SendOffer", callId, "v=0\r\n" + SdpMarker + "\r\n");
        await desk.NextAsync("ReceiveOffer");
        await caller.SendOnlyAsync("HangUp", callId);
        await desk.NextAsync("CallEnded");
        await using (var intruder = await _server.ConnectAsync())
        {
            await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
                () => intruder.SendOnlyAsync("JoinDesk", "example.com", "AAAAAAAAAAAAAAAAAAAAAA"));
        }

        var visible = _server.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Information).ToArray();

        Assert.Contains(visible, r => r.Message == $"Call {callId} ended: caller-hung-up.");
        Assert.Contains(
            visible, r => r.Message.StartsWith("A desk was refused for example.com", StringComparison.Ordinal));
        foreach (var secret in new[] { SdpMarker, "v=0", _server.OwnerKey, guestName, code, "AAAAAAAAAAAAAAAAAAAAAA" })
        {
            Assert.DoesNotContain(visible, r => r.Message.Contains(secret, StringComparison.Ordinal));
        }
    }
}
