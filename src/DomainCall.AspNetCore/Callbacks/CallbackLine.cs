using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DomainCall.Availability;
using DomainCall.Engine;
using DomainCall.Notifications;
using DomainCall.Storage;
using Microsoft.Extensions.Logging;

namespace DomainCall.Callbacks;

/// <summary>
/// "Call back now": rings a caller whose page still waits for their callback, or else wakes them with a push
/// notification or an email whose link calls the business back. The caller's answer is a call placed with the
/// callback's id, which rings only the desk that called back.
/// </summary>
/// <remarks>
/// Who waits is kept in this server's memory, as presence is: with several servers, a desk rings a caller only when
/// both are connected to the same server, and otherwise the caller is notified instead.
/// </remarks>
internal sealed partial class CallbackLine(
    ICallbackStore store,
    Switchboard switchboard,
    BusinessHours hours,
    IPartyChannel channel,
    NotificationQueue notifications,
    CallbackNotices notices,
    DomainCallSettings settings,
    TimeProvider time,
    ILogger<CallbackLine> logger)
{
    // The channels of the built-in senders, as their packages name them.
    private const string WebPushChannel = "web-push";
    private const string EmailChannel = "email";

    private readonly ConcurrentDictionary<string, string> _waitingCallers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WaitingDesk> _waitingDesks = new(StringComparer.Ordinal);

    /// <summary>Lets this connection be rung when a desk calls back <paramref name="callbackId"/>.</summary>
    public async Task AwaitAsync(
        string connectionId, string callbackId, string token, CancellationToken cancellationToken)
    {
        var callback = await FindForCallerAsync(callbackId, token, cancellationToken);
        _waitingCallers[callback.Id] = connectionId;
    }

    /// <summary>
    /// Calls the caller of a callback back for the desk <paramref name="deskConnectionId"/>: rings their open page,
    /// or notifies them.
    /// </summary>
    public async Task<CallBackResult> CallBackAsync(
        string deskConnectionId, Domain domain, string callbackId, CallMode mode, CancellationToken cancellationToken)
    {
        var callback = await store.FindAsync(domain, callbackId, cancellationToken) ?? throw NoSuchCallback();
        if (_waitingCallers.TryGetValue(callback.Id, out var caller))
        {
            var ringsUntil = time.GetUtcNow() + settings.RingTimeout;
            _waitingDesks[callback.Id] = new WaitingDesk(deskConnectionId, ringsUntil);
            var ringing = new CallingBack(
                callback.Id, domain.Value, notices.NameOf(domain), EnumText.Of(mode), ringsUntil);
            await channel.CallingBackAsync(caller, ringing);
            Log.CallingBack(logger, callback.Id, "ringing");
            return new CallBackResult("ringing", ringsUntil);
        }

        var outcome = "unreachable";
        if (notices.CallingBack(callback) is { } notice)
        {
            var queued = await notifications.EnqueueAsync(notice, cancellationToken);
            outcome = queued.Contains(WebPushChannel) ? "push-sent"
                : queued.Contains(EmailChannel) ? "email-sent"
                : outcome;
        }

        Log.CallingBack(logger, callback.Id, outcome);
        return new CallBackResult(outcome, null);
    }

    /// <summary>
    /// Places the caller's call in answer to a callback: to the desk that called back when it still waits, else to
    /// every desk of the domain like any call.
    /// </summary>
    public async Task<PlaceCallResult> ReturnCallAsync(
        string callerConnectionId, string callbackId, string token, CallMode mode, CancellationToken cancellationToken)
    {
        var callback = await FindForCallerAsync(callbackId, token, cancellationToken);
        var desk = _waitingDesks.TryRemove(callback.Id, out var waiting) && waiting.RingsUntil > time.GetUtcNow()
            ? waiting.ConnectionId
            : null;

        // The reason the caller picked may since have been taken off the site; the call still needs one. A desk
        // that called back is there to answer, whatever the hours; a call from a link keeps to them.
        var reason = settings.Reasons.ContainsKey(callback.ReasonId) ? callback.ReasonId : settings.ReasonList[0].Id;
        var availability = desk is null ? await hours.NowAsync(callback.Domain, cancellationToken) : null;
        return await switchboard.PlaceCallAsync(
            callerConnectionId, callback.Domain, reason, mode, availability, cancellationToken,
            new ReturnedCall(callback.Id, desk));
    }

    /// <summary>Tells the desk that called back that the caller declined.</summary>
    public async Task DeclineAsync(string callerConnectionId, string callbackId)
    {
        if (_waitingCallers.TryGetValue(callbackId, out var caller) && caller == callerConnectionId
            && _waitingDesks.TryRemove(callbackId, out var desk))
        {
            await channel.CallBackDeclinedAsync(desk.ConnectionId, new CallBackDeclined(callbackId));
        }
    }

    /// <summary>Forgets what a connection that has gone waited for.</summary>
    public void Forget(string connectionId)
    {
        foreach (var (callbackId, caller) in _waitingCallers)
        {
            if (caller == connectionId)
            {
                _waitingCallers.TryRemove(new KeyValuePair<string, string>(callbackId, caller));
            }
        }

        foreach (var (callbackId, desk) in _waitingDesks)
        {
            if (desk.ConnectionId == connectionId)
            {
                _waitingDesks.TryRemove(new KeyValuePair<string, WaitingDesk>(callbackId, desk));
            }
        }
    }

    private async Task<Callback> FindForCallerAsync(
        string callbackId, string token, CancellationToken cancellationToken)
    {
        var callback = await store.FindAsync(callbackId, cancellationToken);
        if (callback is null
            || !CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(callback.Token), Encoding.UTF8.GetBytes(token)))
        {
            throw NoSuchCallback();
        }

        return callback;
    }

    private static SignalingException NoSuchCallback() =>
        new(ErrorCodes.NoSuchCallback, "There is no such callback, or its token does not match.");

    private sealed record WaitingDesk(string ConnectionId, DateTimeOffset RingsUntil);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Callback {CallbackId} was called back: {Outcome}.",
            EventName = "CallingBack")]
        public static partial void CallingBack(ILogger logger, string callbackId, string outcome);
    }
}
