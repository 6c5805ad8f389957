using DomainCall.Availability;
using DomainCall.Callbacks;
using DomainCall.Engine;
using DomainCall.Storage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace DomainCall.Hosting;

/// <summary>
/// The signaling hub. Each method checks its input and hands over to the <see cref="Switchboard"/>;
/// <c>docs/protocol.md</c> describes every method and event.
/// </summary>
internal sealed partial class DomainCallHub(
    Switchboard switchboard,
    CallbackLine callbacks,
    DeskAccess deskAccess,
    DomainAccounts accounts,
    DomainCallSettings settings,
    BusinessHours hours,
    ICallStore store,
    TimeProvider time,
    ILogger<DomainCallHub> logger) : Hub
{
    public async Task<DeskJoined> JoinDesk(string? domain, string? ownerKey)
    {
        var desk = SignalingInput.Domain(domain, nameof(domain));
        var key = ownerKey is null ? null : SignalingInput.OwnerKey(ownerKey);
        var account = await accounts.FindAsync(desk, default);
        if (!CallableDomains.IsCallable(settings, desk, account))
        {
            throw new SignalingException(
                ErrorCodes.UnknownDomain, $"{desk.Value} is not a verified DomainCall domain on this server.");
        }

        var grant = await deskAccess.GrantForAsync(Context.GetHttpContext(), Context.User, desk, key, default);
        if (grant is null)
        {
            Log.DeskRefused(logger, desk.Value);
            throw new SignalingException(
                ErrorCodes.NotAllowed,
                $"This connection may not answer calls for {desk.Value}; check the key, or sign in to the desk again.");
        }

        if (!grant.MayAnswer)
        {
            Log.DeskRefused(logger, desk.Value);
            throw new SignalingException(
                ErrorCodes.NotAllowed,
                $"This member may call as {desk.Value} but not answer its calls; the owner decides who answers.");
        }

        switchboard.JoinDesk(Context.ConnectionId, desk, grant);
        var availability = await hours.NowAsync(desk, default);
        return new DeskJoined(
            desk.Value,
            [.. settings.ReasonList.Select(r => new ReasonInfo(r.Id, r.Label))],
            AccountMessages.DeskWarning(account),
            AvailabilityInfo.From(availability));
    }

    /// <summary>
    /// Turns the out-of-office switch of a domain on or off, from one of its desks; the domain's other desks on this
    /// server are told with <c>AvailabilityChanged</c>. Answers the availability that follows.
    /// </summary>
    public async Task<AvailabilityInfo> SetOutOfOffice(string? domain, bool? on, string? message, string? returnsOn)
    {
        var desk = SignalingInput.Domain(domain, nameof(domain));
        var switchOn = SignalingInput.Switch(on, nameof(on));
        if (!switchboard.IsDeskOf(Context.ConnectionId, desk))
        {
            throw new SignalingException(
                ErrorCodes.NotAllowed,
                $"Only a desk of {desk.Value} may switch its out of office; join its desk first.");
        }

        // Off takes no message nor date, so whatever a client left in those fields is not checked.
        OutOfOffice? away = null;
        if (switchOn)
        {
            var text = SignalingInput.OutOfOfficeMessage(message);
            var back = SignalingInput.ReturnsOn(returnsOn, hours.Today, hours.Schedule.ZoneId);
            away = new OutOfOffice(text, back, time.GetUtcNow());
        }

        await store.SaveOutOfOfficeAsync(desk, away, default);
        Log.OutOfOfficeSwitched(logger, desk.Value, switchOn);

        var now = await hours.NowAsync(desk, default);
        var others = switchboard.DesksOf(desk).Where(d => d != Context.ConnectionId).ToArray();
        if (others.Length > 0)
        {
            await Clients.Clients(others).SendAsync(
                ClientEvents.AvailabilityChanged, AvailabilityInfo.From(now, desk.Value), default);
        }

        return AvailabilityInfo.From(now);
    }

    public async Task<CallerIdentity> ProveDomain(string? domain, string? key)
    {
        var caller = SignalingInput.Domain(domain, nameof(domain));
        var presented = key is null ? null : SignalingInput.OwnerKey(key);
        if (!await accounts.IsCallableAsync(caller, default))
        {
            throw new SignalingException(
                ErrorCodes.UnknownDomain, $"{caller.Value} is not a verified DomainCall domain on this server.");
        }

        var grant = await deskAccess.GrantForAsync(Context.GetHttpContext(), Context.User, caller, presented, default);
        if (grant?.MayCall != true)
        {
            throw new SignalingException(
                ErrorCodes.NotAllowed,
                $"This connection may not call as {caller.Value}: present its owner key, or the key of a member " +
                "allowed to call.");
        }

        return switchboard.ProveDomain(Context.ConnectionId, caller, grant);
    }

    public void LeaveDesk(string? domain) =>
        switchboard.LeaveDesk(Context.ConnectionId, SignalingInput.Domain(domain, nameof(domain)));

    public Task<GuestIdentity> GetIdentity() => switchboard.GetIdentityAsync(Context.ConnectionId, default);

    public Task<CallerIdentity> ProveIdentity(string? name, string? code)
    {
        var guestName = SignalingInput.Domain(name, nameof(name));
        var guestCode = SignalingInput.GuestCode(code);
        return switchboard.ProveIdentityAsync(Context.ConnectionId, guestName, guestCode, default);
    }

    public async Task<PlaceCallResult> PlaceCall(string? domain, string? reason, string? mode)
    {
        var callee = SignalingInput.Domain(domain, nameof(domain));
        var reasonId = SignalingInput.Reason(reason);
        var callMode = SignalingInput.Mode(mode);
        var availability = await hours.NowAsync(callee, default);
        return await switchboard.PlaceCallAsync(
            Context.ConnectionId, callee, reasonId, callMode, availability, default);
    }

    public Task CancelCall() => switchboard.CancelAsync(Context.ConnectionId, default);

    public Task<AcceptedCall> AcceptCall(string? callId) =>
        switchboard.AcceptAsync(Context.ConnectionId, SignalingInput.CallId(callId), default);

    public Task DeclineCall(string? callId) =>
        switchboard.DeclineAsync(Context.ConnectionId, SignalingInput.CallId(callId), default);

    public Task HangUp(string? callId) =>
        switchboard.HangUpAsync(Context.ConnectionId, SignalingInput.CallId(callId), default);

    public Task ReportConnected(string? callId) =>
        switchboard.ReportConnectedAsync(Context.ConnectionId, SignalingInput.CallId(callId), default);

    public Task SendOffer(string? callId, string? sdp) =>
        switchboard.RelayOfferAsync(
            Context.ConnectionId, new SessionDescription(SignalingInput.CallId(callId), SignalingInput.Sdp(sdp)));

    public Task SendAnswer(string? callId, string? sdp) =>
        switchboard.RelayAnswerAsync(
            Context.ConnectionId, new SessionDescription(SignalingInput.CallId(callId), SignalingInput.Sdp(sdp)));

    public Task SendIceCandidate(string? callId, IceCandidateInit? candidate) =>
        switchboard.RelayIceCandidateAsync(
            Context.ConnectionId, SignalingInput.Candidate(SignalingInput.CallId(callId), candidate));

    public async Task<bool> AwaitCallback(string? callbackId, string? token)
    {
        await callbacks.AwaitAsync(
            Context.ConnectionId, SignalingInput.CallbackId(callbackId), SignalingInput.CallbackToken(token), default);
        return true;
    }

    public Task<CallBackResult> CallBack(string? domain, string? callbackId, string? mode)
    {
        var desk = SignalingInput.Domain(domain, nameof(domain));
        var id = SignalingInput.CallbackId(callbackId);
        var callMode = SignalingInput.Mode(mode);
        if (!switchboard.IsDeskOf(Context.ConnectionId, desk))
        {
            throw new SignalingException(
                ErrorCodes.NotAllowed, $"Join the desk of {desk.Value} before calling its callers back.");
        }

        return callbacks.CallBackAsync(Context.ConnectionId, desk, id, callMode, default);
    }

    public Task<PlaceCallResult> ReturnCall(string? callbackId, string? token, string? mode)
    {
        var id = SignalingInput.CallbackId(callbackId);
        var secret = SignalingInput.CallbackToken(token);
        var callMode = SignalingInput.Mode(mode);
        return callbacks.ReturnCallAsync(Context.ConnectionId, id, secret, callMode, default);
    }

    public Task DeclineCallBack(string? callbackId) =>
        callbacks.DeclineAsync(Context.ConnectionId, SignalingInput.CallbackId(callbackId));

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        callbacks.Forget(Context.ConnectionId);
        return switchboard.DisconnectAsync(Context.ConnectionId);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning,
            "A desk was refused for {Domain}: wrong key, no right to answer, or policy not met.",
            EventName = "DeskRefused")]
        public static partial void DeskRefused(ILogger logger, string domain);

        [LoggerMessage(2, LogLevel.Information,
            "A desk of {Domain} switched its out of office: on is {On}.",
            EventName = "OutOfOfficeSwitched")]
        public static partial void OutOfOfficeSwitched(ILogger logger, string domain, bool on);
    }
}
