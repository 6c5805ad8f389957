using System.Collections.Concurrent;
using DomainCall.Availability;
using DomainCall.Dns;
using DomainCall.Storage;
using Microsoft.Extensions.Logging;

namespace DomainCall.Engine;

/// <summary>
/// The call engine: places calls, rings desks, lets the first desk win, relays signals between the two parties
/// and ends calls. It knows connections only by id and reaches them through <see cref="IPartyChannel"/>.
/// </summary>
/// <remarks>
/// Every state change goes through <see cref="ICallStore.TryMoveCallAsync"/>, which is atomic, so that a race
/// between an answer, a cancel and the ring timeout has exactly one winner. Relaying reads only the in-memory
/// <see cref="LiveCall"/>: no disk, and no lock shared between calls.
/// </remarks>
internal sealed partial class Switchboard
{
    private const int GuestNameAttempts = 16;

    private readonly ConcurrentDictionary<string, LiveCall> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Party> _parties = new(StringComparer.Ordinal);
    private readonly Presence _presence = new();
    private readonly ICallStore _store;
    private readonly IPartyChannel _channel;
    private readonly DomainCallSettings _settings;
    private readonly GuestNameGenerator _guestNames;
    private readonly IGuestNameRegistrar _registrar;
    private readonly GuestAuthorizer _authorizer;
    private readonly TimeProvider _time;
    private readonly CallMetrics _metrics;
    private readonly ILogger _logger;

    public Switchboard(
        ICallStore store,
        IPartyChannel channel,
        DomainCallSettings settings,
        IGuestNameRegistrar registrar,
        GuestAuthorizer authorizer,
        TimeProvider time,
        CallMetrics metrics,
        ILogger<Switchboard> logger)
    {
        _store = store;
        _channel = channel;
        _settings = settings;
        _guestNames = new GuestNameGenerator(settings.GuestZone);
        _registrar = registrar;
        _authorizer = authorizer;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Gets the calls in progress on this server, for tests and diagnostics.</summary>
    public int LiveCallCount => _calls.Count;

    /// <summary>Counts the desks present for a domain on this server, for tests and diagnostics.</summary>
    public int DeskCount(Domain domain) => _presence.DesksOf(domain).Length;

    /// <summary>Gets whether this connection is a joined desk of <paramref name="domain"/> on this server.</summary>
    public bool IsDeskOf(string connectionId, Domain domain) =>
        _parties.TryGetValue(connectionId, out var party) && party.DeskDomains().Contains(domain);

    /// <summary>Gets the connections of the desks of <paramref name="domain"/> on this server.</summary>
    public IReadOnlyList<string> DesksOf(Domain domain) => _presence.DesksOf(domain);

    public void JoinDesk(string connectionId, Domain domain, DeskGrant grant)
    {
        PartyOf(connectionId).AddDeskDomain(domain, grant);
        _presence.Join(domain, connectionId);
        Log.DeskJoined(_logger, domain.Value);
    }

    public void LeaveDesk(string connectionId, Domain domain)
    {
        if (PartyOf(connectionId).RemoveDeskDomain(domain))
        {
            _presence.Leave(domain, connectionId);
        }
    }

    /// <summary>
    /// Lets this connection call as <paramref name="domain"/>, which it proved it may: its owner, or a member with
    /// the right to call. It stays so until the connection closes or the member is removed.
    /// </summary>
    public CallerIdentity ProveDomain(string connectionId, Domain domain, DeskGrant grant)
    {
        PartyOf(connectionId).ProveDomain(domain, grant);
        return new CallerIdentity(domain.Value, EnumText.Of(CallerKind.Verified), null);
    }

    /// <summary>
    /// Takes a removed member off every desk of <paramref name="domain"/> they joined on this server, at once: the
    /// desk is no longer offered calls, calls ringing on it stop ringing there, and it is told with
    /// <see cref="DeskClosed"/>. A call the member already answered may finish, so that the caller is not cut off.
    /// </summary>
    public Task CloseMemberDesksAsync(Domain domain, string memberId) =>
        CloseDesksAsync(
            domain,
            party => party.ForgetMember(domain, memberId),
            new DeskClosed(
                domain.Value, "member-removed",
                $"The owner of {domain.Value} removed you as a member; this desk no longer answers its calls."));

    /// <summary>
    /// Takes every desk of <paramref name="domain"/> on this server off presence at once, as when its verification
    /// is revoked, and tells each with <paramref name="closed"/>. Calls already answered may finish.
    /// </summary>
    public Task CloseDomainDesksAsync(Domain domain, DeskClosed closed) =>
        CloseDesksAsync(domain, party => party.ForgetDomain(domain), closed);

    private async Task CloseDesksAsync(Domain domain, Func<Party, bool> forget, DeskClosed closed)
    {
        foreach (var (connectionId, party) in _parties)
        {
            if (!forget(party))
            {
                continue;
            }

            _presence.Leave(domain, connectionId);
            Log.DeskClosed(_logger, domain.Value, closed.Reason);
            foreach (var call in _calls.Values.Where(c => c.Record.Callee == domain && c.WasOfferedTo(connectionId)))
            {
                if (call.State == CallState.Ringing && call.StopRinging(connectionId, declined: false) is { } final)
                {
                    var reason = final == CallState.Rejected ? CallEndReason.Declined : CallEndReason.CalleeLeft;
                    await FinishUnansweredAsync(call, final, reason, default);
                }
            }

            try
            {
                await _channel.DeskClosedAsync(connectionId, closed);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A desk that went away in the middle needs no notice: it is off presence already.
                Log.DeskClosedNotifyFailed(_logger, domain.Value, exception);
            }
        }
    }

    /// <summary>
    /// Gives this connection a guest name and its authorization code, or the ones it already has while the name is
    /// alive. The code goes to this connection only: it is what <see cref="ProveIdentityAsync"/> checks in DNS.
    /// </summary>
    public async Task<GuestIdentity> GetIdentityAsync(string connectionId, CancellationToken cancellationToken)
    {
        var grant = await GuestOfAsync(PartyOf(connectionId), cancellationToken);
        var guest = grant.Guest;
        return new GuestIdentity(guest.Name.Value, EnumText.Of(CallerKind.Guest), guest.ExpiresAt, grant.Code);
    }

    /// <summary>
    /// Authorizes this connection to call as <paramref name="name"/> when a DNS lookup of the name finds the hash of
    /// <paramref name="code"/>. A new connection that presents a live name and its code takes that name over, so a
    /// caller who reconnects keeps it. A refusal changes nothing.
    /// </summary>
    public async Task<CallerIdentity> ProveIdentityAsync(
        string connectionId, Domain name, string code, CancellationToken cancellationToken)
    {
        var party = PartyOf(connectionId);
        if (party.Outgoing is not null)
        {
            throw AlreadyCalling();
        }

        var guest = EmbeddedGuestNameRegistrar.IsDirectlyBelow(name, _settings.GuestZone)
            ? await _store.FindGuestNameAsync(name, _time.GetUtcNow(), cancellationToken)
            : null;
        if (guest is null)
        {
            throw new SignalingException(
                ErrorCodes.NotAuthorized,
                $"{name.Value} is not a live guest name of this server; GetIdentity gives a new name and code.");
        }

        var result = await _authorizer.AuthorizeAsync(name, code, cancellationToken);
        if (result == GuestAuthorization.DnsFailure)
        {
            throw new SignalingException(
                ErrorCodes.DnsUnavailable,
                $"The DNS lookup of {name.Value} gave no answer; nothing changed. Try again in a moment.");
        }

        if (result != GuestAuthorization.Authorized)
        {
            throw new SignalingException(
                ErrorCodes.NotAuthorized,
                $"The code does not match the DNS record of {name.Value}; nothing changed.");
        }

        party.Prove(new GuestNameGrant(guest, code));
        Log.GuestProven(_logger, name.Value);
        return new CallerIdentity(guest.Name.Value, EnumText.Of(CallerKind.Guest), guest.ExpiresAt);
    }

    /// <summary>
    /// Places a call. A connection that is a desk of a domain answered here calls as that domain; any other calls as
    /// the guest name it proved.
    /// </summary>
    public Task<PlaceCallResult> PlaceCallAsync(
        string callerConnectionId,
        Domain callee,
        string reason,
        CallMode mode,
        CancellationToken cancellationToken) =>
        PlaceCallAsync(callerConnectionId, callee, reason, mode, availability: null, cancellationToken);

    /// <summary>
    /// Places a call, unless <paramref name="availability"/> says the domain is closed: then no desk rings, the
    /// attempt is logged as missed with <see cref="CallEndReason.Closed"/>, and the answer is <c>closed</c> with the
    /// availability. The checks of the call itself come first, so a bad call is refused the same way when closed.
    /// A call <paramref name="returning"/> a callback rings only the desk that called back while it is still there
    /// and free, and every desk otherwise.
    /// </summary>
    public async Task<PlaceCallResult> PlaceCallAsync(
        string callerConnectionId,
        Domain callee,
        string reason,
        CallMode mode,
        AvailabilityNow? availability,
        CancellationToken cancellationToken,
        ReturnedCall? returning = null)
    {
        if (!_settings.Reasons.TryGetValue(reason, out var reasonInfo))
        {
            throw new SignalingException(
                ErrorCodes.UnknownReason,
                $"'{reason}' is not a reason of this site; use one of: {ReasonIds}.");
        }

        if (!await IsAnsweredHereAsync(callee, cancellationToken))
        {
            throw new SignalingException(
                ErrorCodes.UnknownDomain, $"{callee.Value} is not a DomainCall domain on this server.");
        }

        var party = PartyOf(callerConnectionId);
        if (party.Outgoing is not null)
        {
            throw AlreadyCalling();
        }

        var (caller, callerKind) = await CallerOfAsync(party, callee, cancellationToken);
        var record = new CallRecord(
            Secrets.NewToken(), callee, caller.Name, callerKind, reason, mode, CallState.Ringing, _time.GetUtcNow());
        _metrics.Started(mode);
        if (availability is { Open: false })
        {
            await LogUnavailableAsync(record, CallEndReason.Closed, cancellationToken);
            return new PlaceCallResult("closed", caller, null, AvailabilityInfo.From(availability));
        }

        var present = _presence.DesksOf(callee);
        var free = present.Where(desk => !IsBusy(desk) && desk != callerConnectionId).ToArray();
        if (returning?.DeskConnectionId is { } waiting && free.Contains(waiting))
        {
            free = [waiting];
        }

        if (free.Length == 0)
        {
            var endReason = present.Length == 0 ? CallEndReason.NobodyAvailable : CallEndReason.AllBusy;
            await LogUnavailableAsync(record, endReason, cancellationToken);
            return new PlaceCallResult(present.Length == 0 ? "unavailable" : "busy", caller, null);
        }

        var call = new LiveCall(record, caller, callerConnectionId, free);
        await StartRingingAsync(party, call, cancellationToken);

        var ringsUntil = record.StartedAt + _settings.RingTimeout;
        var offer = new CallOffer(
            call.Id, callee.Value, caller, reason, reasonInfo.Label, EnumText.Of(mode), ringsUntil,
            returning?.CallbackId);
        await Task.WhenAll(free.Select(desk => SendAsync(desk, call.Id, c => c.OfferAsync(desk, offer))));
        return new PlaceCallResult("ringing", caller, ringsUntil);
    }

    public async Task<AcceptedCall> AcceptAsync(
        string deskConnectionId, string callId, CancellationToken cancellationToken)
    {
        var call = FindOfferedCall(deskConnectionId, callId);
        if (call.State != CallState.Ringing)
        {
            throw NotRinging();
        }

        var desk = PartyOf(deskConnectionId);
        if (!desk.TryBeginAnswered(call))
        {
            throw new SignalingException(ErrorCodes.Busy, "This desk is already in a call; hang up first.");
        }

        var now = _time.GetUtcNow();
        bool won;
        try
        {
            won = await _store.TryMoveCallAsync(call.Id, CallState.Accepted, now, null, cancellationToken);
        }
        catch
        {
            desk.EndAnswered(call);
            throw;
        }

        if (!won)
        {
            desk.EndAnswered(call);
            throw NotRinging();
        }

        MarkAnswered(call, deskConnectionId, now);
        if (PartyThatLeft(call, desk) is { } reason)
        {
            await EndAnsweredAsync(call, reason, default);
        }
        else
        {
            await AnnounceAnswerAsync(call, deskConnectionId);
        }

        return new AcceptedCall(call.Id, call.Caller, call.Record.Reason, EnumText.Of(call.Record.Mode));
    }

    public async Task DeclineAsync(string deskConnectionId, string callId, CancellationToken cancellationToken)
    {
        var call = FindOfferedCall(deskConnectionId, callId);
        if (call.State != CallState.Ringing)
        {
            throw NotRinging();
        }

        if (call.StopRinging(deskConnectionId, declined: true) is { } final)
        {
            var reason = final == CallState.Rejected ? CallEndReason.Declined : CallEndReason.CalleeLeft;
            await FinishUnansweredAsync(call, final, reason, cancellationToken);
        }
    }

    public async Task CancelAsync(string callerConnectionId, CancellationToken cancellationToken)
    {
        var call = PartyOf(callerConnectionId).Outgoing;
        if (call is null || call.State != CallState.Ringing
            || !await FinishUnansweredAsync(call, CallState.Cancelled, CallEndReason.Cancelled, cancellationToken))
        {
            throw new SignalingException(ErrorCodes.NotRinging, "There is no ringing call to cancel.");
        }
    }

    public async Task HangUpAsync(string connectionId, string callId, CancellationToken cancellationToken)
    {
        var call = FindCallOfParty(connectionId, callId);
        var reason = connectionId == call.CallerConnectionId ? CallEndReason.CallerHungUp : CallEndReason.CalleeHungUp;
        await EndAnsweredAsync(call, reason, cancellationToken);
    }

    public async Task ReportConnectedAsync(string connectionId, string callId, CancellationToken cancellationToken)
    {
        var call = FindCallOfParty(connectionId, callId);
        if (call.State != CallState.Accepted)
        {
            return;
        }

        if (await _store.TryMoveCallAsync(call.Id, CallState.Connected, _time.GetUtcNow(), null, cancellationToken))
        {
            call.MarkState(CallState.Connected);
            call.Activity?.AddEvent(new("connected"));
        }
    }

    public Task RelayOfferAsync(string connectionId, SessionDescription offer) =>
        _channel.RelayOfferAsync(PeerFor(connectionId, offer.CallId), offer);

    public Task RelayAnswerAsync(string connectionId, SessionDescription answer) =>
        _channel.RelayAnswerAsync(PeerFor(connectionId, answer.CallId), answer);

    public Task RelayIceCandidateAsync(string connectionId, IceCandidate candidate) =>
        _channel.RelayIceCandidateAsync(PeerFor(connectionId, candidate.CallId), candidate);

    /// <summary>Ends or gives up every call of a connection that has gone, and takes its desks off presence.</summary>
    public async Task DisconnectAsync(string connectionId)
    {
        if (!_parties.TryRemove(connectionId, out var party))
        {
            return;
        }

        foreach (var domain in party.DeskDomains())
        {
            _presence.Leave(domain, connectionId);
        }

        if (party.Outgoing is { } outgoing)
        {
            _ = outgoing.State == CallState.Ringing
                ? await FinishUnansweredAsync(outgoing, CallState.Cancelled, CallEndReason.CallerLeft, default)
                : await EndAnsweredAsync(outgoing, CallEndReason.CallerLeft, default);
        }

        // A desk whose answer is still being stored is not the callee in memory yet; AcceptAsync ends that call.
        if (party.Answered is { } answered && answered.CalleeConnectionId == connectionId)
        {
            await EndAnsweredAsync(answered, CallEndReason.CalleeLeft, default);
        }

        foreach (var call in _calls.Values.Where(c => c.WasOfferedTo(connectionId)))
        {
            if (call.StopRinging(connectionId, declined: false) is { } final)
            {
                var reason = final == CallState.Rejected ? CallEndReason.Declined : CallEndReason.CalleeLeft;
                await FinishUnansweredAsync(call, final, reason, default);
            }
        }
    }

    private void MarkAnswered(LiveCall call, string deskConnectionId, DateTimeOffset answeredAt)
    {
        call.RingTimer?.Dispose();
        call.MarkAccepted(deskConnectionId);
        call.Activity?.AddEvent(new("accepted"));
        var ringTime = answeredAt - call.Record.StartedAt;
        _metrics.Answered(call.Record.Mode, ringTime);
        Log.CallAccepted(_logger, call.Id, ringTime.TotalSeconds);
    }

    // The caller learns the call id here, and only here: from the answer of the desk that won.
    private async Task AnnounceAnswerAsync(LiveCall call, string deskConnectionId)
    {
        var caller = call.CallerConnectionId;
        var accepted = new CallAccepted(call.Id, call.Record.Callee.Value, EnumText.Of(call.Record.Mode));
        var answeredElsewhere = new CallAnsweredElsewhere(call.Id);
        await call.InTurnAsync(async () =>
        {
            // A party that left in the meantime has already ended the call, and its end was announced instead.
            if (!CallStates.IsFinal(call.State))
            {
                await Task.WhenAll(
                    call.OfferedDesks.Where(d => d != deskConnectionId)
                        .Select(d => SendAsync(d, call.Id, c => c.AnsweredElsewhereAsync(d, answeredElsewhere)))
                        .Append(SendAsync(caller, call.Id, c => c.AcceptedAsync(caller, accepted))));
            }
        });
    }

    // A party that left while the answer was being stored found the call not yet answered in memory, so its own
    // disconnect could neither cancel the call (the answer had won in the store) nor end it: the answer ends it.
    private CallEndReason? PartyThatLeft(LiveCall call, Party desk)
    {
        if (!_parties.ContainsKey(call.CallerConnectionId))
        {
            return CallEndReason.CallerLeft;
        }

        return _parties.TryGetValue(call.CalleeConnectionId!, out var current) && current == desk
            ? null
            : CallEndReason.CalleeLeft;
    }

    // A call that could ring nowhere is still kept, so that the owner can see who tried to call.
    private async Task LogUnavailableAsync(
        CallRecord record, CallEndReason endReason, CancellationToken cancellationToken)
    {
        var missed = record with { State = CallState.Missed, EndedAt = record.StartedAt, EndReason = endReason };
        await _store.AddCallAsync(missed, cancellationToken);
        _metrics.Unanswered(record.Mode, CallState.Missed, TimeSpan.Zero);
        Log.CallUnavailable(_logger, record.Id, record.Callee.Value, EnumText.Of(endReason));
    }

    private async Task StartRingingAsync(Party caller, LiveCall call, CancellationToken cancellationToken)
    {
        if (!caller.TryBeginOutgoing(call))
        {
            throw AlreadyCalling();
        }

        try
        {
            await _store.AddCallAsync(call.Record, cancellationToken);
        }
        catch
        {
            caller.EndOutgoing(call);
            throw;
        }

        _calls[call.Id] = call;
        call.Activity = DomainCallTelemetry.ActivitySource.StartActivity("domaincall.call");
        call.Activity?.SetTag("domaincall.call.id", call.Id);
        call.Activity?.SetTag("domaincall.call.mode", EnumText.Of(call.Record.Mode));
        call.RingTimer = _time.CreateTimer(
            static state => _ = ((RingTimeout)state!).FireAsync(), new RingTimeout(this, call),
            _settings.RingTimeout, Timeout.InfiniteTimeSpan);
        Log.CallRinging(
            _logger, call.Id, call.Record.Callee.Value, call.OfferedDesks.Count, EnumText.Of(call.Record.Mode),
            call.Record.Reason);
    }

    private async Task<bool> FinishUnansweredAsync(
        LiveCall call, CallState state, CallEndReason reason, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (!await _store.TryMoveCallAsync(call.Id, state, now, reason, cancellationToken))
        {
            return false;
        }

        Retire(call, state);
        _metrics.Unanswered(call.Record.Mode, state, now - call.Record.StartedAt);
        Log.CallUnanswered(_logger, call.Id, EnumText.Of(state), EnumText.Of(reason));

        // The caller learns the call id only from an answer, so its notice of an unanswered call carries none.
        var stateText = EnumText.Of(state);
        var reasonText = EnumText.Of(reason);
        var toCaller = new CallEnded(null, stateText, reasonText);
        var toDesks = new CallEnded(call.Id, stateText, reasonText);
        var caller = call.CallerConnectionId;
        await Task.WhenAll(
            call.OfferedDesks.Select(d => SendAsync(d, call.Id, c => c.EndedAsync(d, toDesks)))
                .Append(SendAsync(caller, call.Id, c => c.EndedAsync(caller, toCaller))));
        return true;
    }

    private async Task<bool> EndAnsweredAsync(LiveCall call, CallEndReason reason, CancellationToken cancellationToken)
    {
        if (!await _store.TryMoveCallAsync(call.Id, CallState.Ended, _time.GetUtcNow(), reason, cancellationToken))
        {
            return false;
        }

        Log.CallEnded(_logger, call.Id, EnumText.Of(reason));
        var ended = new CallEnded(call.Id, EnumText.Of(CallState.Ended), EnumText.Of(reason));
        var parties = new[] { call.CallerConnectionId, call.CalleeConnectionId! };
        await call.InTurnAsync(async () =>
        {
            Retire(call, CallState.Ended);
            await Task.WhenAll(parties.Select(p => SendAsync(p, call.Id, c => c.EndedAsync(p, ended))));
        });
        return true;
    }

    private void Retire(LiveCall call, CallState state)
    {
        call.RingTimer?.Dispose();
        call.MarkState(state);
        _calls.TryRemove(call.Id, out _);
        if (_parties.TryGetValue(call.CallerConnectionId, out var caller))
        {
            caller.EndOutgoing(call);
        }

        if (call.CalleeConnectionId is { } callee && _parties.TryGetValue(callee, out var desk))
        {
            desk.EndAnswered(call);
        }

        call.Activity?.SetTag("domaincall.call.state", EnumText.Of(state));
        call.Activity?.Dispose();
    }

    private Task<bool> IsAnsweredHereAsync(Domain domain, CancellationToken cancellationToken) =>
        CallableDomains.IsCallableAsync(_store, _settings, domain, cancellationToken);

    // A connection that proved it may call as a domain (its owner, or a member with the right to call) speaks for
    // it, so it needs no guest name; calling one's own domain is still done as a guest, since the desks answering it
    // are that domain's own. A page's Origin header is not enough: any program can send whatever Origin it likes.
    private async Task<(CallerIdentity Caller, CallerKind Kind)> CallerOfAsync(
        Party party, Domain callee, CancellationToken cancellationToken)
    {
        foreach (var domain in party.CallingDomains().Where(d => d != callee))
        {
            if (await IsAnsweredHereAsync(domain, cancellationToken))
            {
                return (new CallerIdentity(domain.Value, EnumText.Of(CallerKind.Verified), null), CallerKind.Verified);
            }
        }

        var guest = party.ProvenGuest(_time.GetUtcNow()) ?? throw new SignalingException(
            ErrorCodes.IdentityRequired,
            "Prove a guest name before calling: GetIdentity gives a name and a code, and ProveIdentity(name, code) " +
            "checks them in DNS.");
        return (new CallerIdentity(guest.Name.Value, EnumText.Of(CallerKind.Guest), guest.ExpiresAt), CallerKind.Guest);
    }

    private Task<GuestNameGrant> GuestOfAsync(Party party, CancellationToken cancellationToken) =>
        party.GuestAsync(() => ReserveGuestNameAsync(cancellationToken), _time.GetUtcNow());

    private async Task<GuestNameGrant> ReserveGuestNameAsync(CancellationToken cancellationToken)
    {
        var code = Secrets.NewToken();
        var codeHash = GuestTxt.HashCode(code);
        for (var attempt = 0; attempt < GuestNameAttempts; attempt++)
        {
            var now = _time.GetUtcNow();
            var guest = new GuestName(_guestNames.Next(), now, now + _settings.GuestNameLifetime, codeHash);
            if (await _store.TryAddGuestNameAsync(guest, _settings.GuestNameCooldown, cancellationToken))
            {
                await RegisterAsync(guest, cancellationToken);
                return new GuestNameGrant(guest, code);
            }
        }

        throw new SignalingException(
            ErrorCodes.NoGuestName, "No free guest name could be found; try again in a moment.");
    }

    private async Task RegisterAsync(GuestName guest, CancellationToken cancellationToken)
    {
        try
        {
            await _registrar.RegisterAsync(
                new GuestRecord(guest.Name, guest.CodeHash, guest.ExpiresAt, null), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The name stays reserved in the store until it expires, and the sweep then removes whatever reached DNS.
            Log.GuestRegistrationFailed(_logger, guest.Name.Value, exception);
            throw new SignalingException(
                ErrorCodes.DnsUnavailable, "The guest name could not be published in DNS; try again in a moment.");
        }
    }

    private LiveCall FindOfferedCall(string deskConnectionId, string callId) =>
        _calls.TryGetValue(callId, out var call) && call.WasOfferedTo(deskConnectionId)
            ? call
            : throw SignalingException.NoSuchCall();

    private LiveCall FindCallOfParty(string connectionId, string callId)
    {
        if (_calls.TryGetValue(callId, out var call))
        {
            if (call.IsParty(connectionId))
            {
                return call;
            }

            if (call.WasOfferedTo(connectionId) && call.State == CallState.Ringing)
            {
                throw new SignalingException(
                    ErrorCodes.NotAnswered, "This call has not been answered; answer or decline it first.");
            }
        }

        Log.ForeignSignalRefused(_logger, connectionId);
        throw SignalingException.NoSuchCall();
    }

    private string PeerFor(string connectionId, string callId) =>
        _calls.TryGetValue(callId, out var call) && call.PeerOf(connectionId) is { } peer
            ? peer
            : throw RefuseSignal(connectionId);

    private SignalingException RefuseSignal(string connectionId)
    {
        Log.ForeignSignalRefused(_logger, connectionId);
        return SignalingException.NoSuchCall();
    }

    private string ReasonIds => string.Join(", ", _settings.ReasonList.Select(r => r.Id));

    private static SignalingException NotRinging() =>
        new(ErrorCodes.NotRinging, "This call is no longer ringing: it was answered elsewhere or has ended.");

    private static SignalingException AlreadyCalling() =>
        new(ErrorCodes.AlreadyCalling, "This connection already has a call in progress; cancel or hang up first.");

    private bool IsBusy(string connectionId) =>
        _parties.TryGetValue(connectionId, out var party) && party.Answered is not null;

    private Party PartyOf(string connectionId) =>
        _parties.GetOrAdd(connectionId, static _ => new Party());

    private async Task SendAsync(string connectionId, string callId, Func<IPartyChannel, Task> send)
    {
        try
        {
            await send(_channel);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A party that went away in the middle is routine; its disconnect ends the call on its own path.
            Log.NotifyFailed(_logger, callId, exception);
        }
    }

    private sealed class RingTimeout(Switchboard switchboard, LiveCall call)
    {
        public async Task FireAsync()
        {
            try
            {
                await switchboard.FinishUnansweredAsync(call, CallState.Missed, CallEndReason.RingTimeout, default);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Log.RingTimeoutFailed(switchboard._logger, call.Id, exception);
            }
        }
    }
}
