using System.Diagnostics.Metrics;
using DomainCall.Dns;
using DomainCall.Engine;
using DomainCall.Hosting;
using DomainCall.Storage;
using DomainCall.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Tests.Engine;

/// <summary>The switchboard over a real SQLite store, with the clock in the test's hands.</summary>
public sealed class SwitchboardTests : IAsyncLifetime, IDisposable
{
    private const string Caller = "caller-connection";
    private const string Desk = "desk-connection";
    private static readonly Domain Site = Domain.Parse("example.com");

    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-03T12:00:00Z", null));
    private readonly RecordingPartyChannel _channel = new();
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private PausingCallStore _store = null!;
    private Switchboard _switchboard = null!;
    private EmbeddedGuestDns _dns = null!;

    public async Task InitializeAsync()
    {
        var options = new DomainCallOptions { SiteDomain = Site.Value, RingTimeout = TimeSpan.FromSeconds(30) };
        options.Reasons.Add(new CallReason("sales", "Sales"));
        var environment = new HostingEnvironment { ContentRootPath = _directory.Path };
        var settings = new DomainCallSettings(Options.Create(options), environment);
        _store = new PausingCallStore(new SqliteCallStore(settings.StorePath));
        _dns = await EmbeddedGuestDns.StartAsync(settings.GuestZone, _time);
        _switchboard = new Switchboard(
            _store, _channel, settings, _dns.Registrar, _dns.Authorizer, _time,
            new CallMetrics(_meters.GetRequiredService<IMeterFactory>()), NullLogger<Switchboard>.Instance);
        _switchboard.JoinDesk(Desk, Site, DeskGrant.Owner);
    }

    public async Task DisposeAsync() => await _dns.DisposeAsync();

    public void Dispose()
    {
        _meters.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task RingTimeout_Passing_MissesTheCallForTheCallerAndTheDesk()
    {
        var callId = await PlaceAsync();

        _time.Advance(TimeSpan.FromSeconds(30));

        var toCaller = await _channel.NextAsync<CallEnded>(Caller);
        Assert.Null(toCaller.CallId);
        Assert.Equal(("missed", "ring-timeout"), (toCaller.State, toCaller.EndReason));
        Assert.Equal(callId, (await _channel.NextAsync<CallEnded>(Desk)).CallId);
        var logged = await _store.FindCallAsync(callId, default);
        Assert.Equal(CallState.Missed, logged!.State);
        Assert.Equal(TimeSpan.FromSeconds(30), logged.RingTime);
        Assert.Equal(0, _switchboard.LiveCallCount);
    }

    [Fact]
    public async Task AcceptCall_JustBeforeTheRingTimeout_WinsAndTheTimeoutChangesNothing()
    {
        var callId = await PlaceAsync();
        _time.Advance(TimeSpan.FromSeconds(29.9));

        await _switchboard.AcceptAsync(Desk, callId, default);
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(callId, (await _channel.NextAsync<CallAccepted>(Caller)).CallId);
        Assert.False(_channel.HasUnread(Caller));
        Assert.False(_channel.HasUnread(Desk));
        Assert.Equal(CallState.Accepted, (await _store.FindCallAsync(callId, default))!.State);
    }

    [Fact]
    public async Task AcceptCall_AfterTheRingTimeout_IsRefused()
    {
        var callId = await PlaceAsync();
        _time.Advance(TimeSpan.FromSeconds(30));
        await _channel.NextAsync<CallEnded>(Caller);

        var refusal = await Assert.ThrowsAsync<SignalingException>(
            () => _switchboard.AcceptAsync(Desk, callId, default));

        Assert.Equal(ErrorCodes.NoSuchCall, refusal.Code);
        Assert.Equal(CallState.Missed, (await _store.FindCallAsync(callId, default))!.State);
    }

    [Fact]
    public async Task Call_AnsweredAndHungUp_KeepsRingAndTalkTimeInTheLog()
    {
        var callId = await PlaceAsync();
        _time.Advance(TimeSpan.FromSeconds(4));
        await _switchboard.AcceptAsync(Desk, callId, default);
        _time.Advance(TimeSpan.FromSeconds(2));
        await _switchboard.ReportConnectedAsync(Caller, callId, default);
        _time.Advance(TimeSpan.FromMinutes(3));

        await _switchboard.HangUpAsync(Desk, callId, default);

        var logged = await _store.FindCallAsync(callId, default);
        Assert.Equal(CallState.Ended, logged!.State);
        Assert.Equal(CallEndReason.CalleeHungUp, logged.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(4), logged.RingTime);
        Assert.Equal(TimeSpan.FromMinutes(3), logged.TalkTime);
    }

    [Fact]
    public async Task Caller_LeavingWhileTheAnswerIsStored_EndsTheCallAndFreesTheDesk()
    {
        var callId = await PlaceAsync();
        var answerStored = _store.PauseAfterNextAnswer();
        var answering = Task.Run(() => _switchboard.AcceptAsync(Desk, callId, default));

        await answerStored;
        await _switchboard.DisconnectAsync(Caller);
        _store.Resume();
        await answering;

        var ended = await _channel.NextAsync<CallEnded>(Desk);
        Assert.Equal((callId, "ended", "caller-left"), (ended.CallId, ended.State, ended.EndReason));
        Assert.Equal(CallState.Ended, (await _store.FindCallAsync(callId, default))!.State);
        Assert.Equal(0, _switchboard.LiveCallCount);
        await ProveAsync("second-caller");
        var next = await _switchboard.PlaceCallAsync("second-caller", Site, "sales", CallMode.Voice, default);
        Assert.Equal("ringing", next.Status);
    }

    [Fact]
    public async Task Desk_LeavingWhileItsAnswerIsStored_EndsTheCallForTheCaller()
    {
        var callId = await PlaceAsync();
        var answerStored = _store.PauseAfterNextAnswer();
        var answering = Task.Run(() => _switchboard.AcceptAsync(Desk, callId, default));

        await answerStored;
        await _switchboard.DisconnectAsync(Desk);
        _store.Resume();
        await answering;

        // The answer was stored, so the call ended rather than was missed; the caller hears only of the end.
        var ended = await _channel.NextAsync<CallEnded>(Caller);
        Assert.Equal((callId, "ended", "callee-left"), (ended.CallId, ended.State, ended.EndReason));
        Assert.False(_channel.HasUnread(Caller));
        Assert.Equal(CallState.Ended, (await _store.FindCallAsync(callId, default))!.State);
    }

    [Fact]
    public async Task GetIdentity_AfterTheGuestNameExpired_GivesANewName()
    {
        var first = await _switchboard.GetIdentityAsync(Caller, default);
        Assert.Equal(first, await _switchboard.GetIdentityAsync(Caller, default));

        _time.Advance(TimeSpan.FromHours(1));
        var second = await _switchboard.GetIdentityAsync(Caller, default);

        Assert.NotEqual(first.Name, second.Name);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromHours(1), second.ExpiresAt);
    }

    [Fact]
    public async Task PlaceCall_BeforeTheGuestNameIsProved_IsRefusedAndRingsNobody()
    {
        await _switchboard.GetIdentityAsync(Caller, default);

        var refusal = await Assert.ThrowsAsync<SignalingException>(
            () => _switchboard.PlaceCallAsync(Caller, Site, "sales", CallMode.Voice, default));

        Assert.Equal(ErrorCodes.IdentityRequired, refusal.Code);
        Assert.False(_channel.HasUnread(Desk));
        Assert.Empty(await _store.ListCallsAsync(Site, 10, default));
    }

    [Fact]
    public async Task GetIdentity_GivesANameWhoseDnsRecordHoldsTheHashOfTheCode()
    {
        var identity = await _switchboard.GetIdentityAsync(Caller, default);

        var record = _dns.Records.Find(Domain.Parse(identity.Name), _time.GetUtcNow());
        Assert.NotNull(record);
        Assert.Equal(GuestTxt.HashCode(identity.Code), record.CodeHash);
        Assert.Equal(identity.ExpiresAt, record.ExpiresAt);
    }

    [Fact]
    public async Task ProveIdentity_WithAWrongCode_IsRefusedAndChangesNothing()
    {
        var identity = await _switchboard.GetIdentityAsync(Caller, default);

        var refusal = await Assert.ThrowsAsync<SignalingException>(() => _switchboard.ProveIdentityAsync(
            Caller, Domain.Parse(identity.Name), Secrets.NewToken(), default));

        Assert.Equal(ErrorCodes.NotAuthorized, refusal.Code);
        var stillUnproved = await Assert.ThrowsAsync<SignalingException>(
            () => _switchboard.PlaceCallAsync(Caller, Site, "sales", CallMode.Voice, default));
        Assert.Equal(ErrorCodes.IdentityRequired, stillUnproved.Code);
    }

    [Fact]
    public async Task ProveIdentity_AfterTheNameExpired_IsRefused()
    {
        var identity = await _switchboard.GetIdentityAsync(Caller, default);
        _time.Advance(TimeSpan.FromHours(1));

        var refusal = await Assert.ThrowsAsync<SignalingException>(() => _switchboard.ProveIdentityAsync(
            Caller, Domain.Parse(identity.Name), identity.Code, default));

        Assert.Equal(ErrorCodes.NotAuthorized, refusal.Code);
    }

    private async Task ProveAsync(string connectionId)
    {
        var identity = await _switchboard.GetIdentityAsync(connectionId, default);
        await _switchboard.ProveIdentityAsync(connectionId, Domain.Parse(identity.Name), identity.Code, default);
    }

    private async Task<string> PlaceAsync()
    {
        await ProveAsync(Caller);
        var placed = await _switchboard.PlaceCallAsync(Caller, Site, "sales", CallMode.Voice, default);
        Assert.Equal("ringing", placed.Status);
        return (await _channel.NextAsync<CallOffer>(Desk)).CallId;
    }
}
