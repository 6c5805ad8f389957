using DomainCall.Availability;
using DomainCall.Engine;
using DomainCall.Hosting;
using DomainCall.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DomainCall.Callbacks;

/// <summary>
/// Takes callers' requests to be called back and the desk's handling of them: the slots on offer, the checks a
/// request passes before it is stored, and the listeners told after it is committed.
/// </summary>
internal sealed partial class CallbackBook(
    ICallbackStore store,
    ICallStore calls,
    BusinessHours hours,
    CallbackLimits limits,
    IOptions<DomainCallOptions> options,
    IEnumerable<ICallbackListener> listeners,
    TimeProvider time,
    ILogger<CallbackBook> logger)
{
    /// <summary>How many calls of the log the contact cards are counted from: the latest ones of the domain.</summary>
    public const int ContactCallLimit = 1_000;

    private const string Visitor = "web visitor";

    private readonly CallbackOptions _options = options.Value.Callbacks;

    public TimeSpan SlotLength => hours.SlotLength;

    public TimeSpan Horizon => _options.SlotHorizon;

    /// <summary>
    /// Gets the slots a caller may book: those of the opening hours from the later of <paramref name="from"/> and
    /// now plus the lead time, for <paramref name="days"/> days but not past the horizon, less those booked.
    /// </summary>
    public async Task<IReadOnlyList<DateTimeOffset>> OpenSlotsAsync(
        Domain domain, DateTimeOffset? from, TimeSpan days, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var earliest = now + _options.SlotLeadTime;
        var start = from is { } given && given > earliest ? given : earliest;
        var end = now + _options.SlotHorizon;
        var until = start + days < end ? start + days : end;
        if (until <= start)
        {
            return [];
        }

        var offered = await hours.SlotStartsAsync(domain, start, until, cancellationToken);
        var booked = (await store.ListBookedSlotsAsync(domain, start, until, cancellationToken)).ToHashSet();
        return [.. offered.Where(slot => !booked.Contains(slot))];
    }

    public async Task<Submission> SubmitAsync(
        CallbackRequest request, string clientAddress, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A retry is answered before any check that could have changed since, so it gets the first answer again.
        var earlier = await store.FindByIdempotencyKeyAsync(request.Domain, request.IdempotencyKey, cancellationToken);
        if (earlier is not null)
        {
            return Replay(earlier, request);
        }

        if (request.Slot is { } slot && !await IsOfferedAsync(request.Domain, slot, cancellationToken))
        {
            return new Submission(SubmissionOutcome.SlotUnavailable);
        }

        if (limits.TryAcquireForAddress(clientAddress) is { } addressWait)
        {
            Log.TooMany(logger, request.Domain.Value, "address");
            return new Submission(SubmissionOutcome.TooManyForAddress, RetryAfter: addressWait);
        }

        if (request.Email is { } email && limits.TryAcquireForEmail(email) is { } emailWait)
        {
            Log.TooMany(logger, request.Domain.Value, "email");
            return new Submission(SubmissionOutcome.TooManyForEmail, RetryAfter: emailWait);
        }

        var callback = await NewCallbackAsync(request, client, cancellationToken);
        var added = await store.AddAsync(callback, request.Voice, cancellationToken);
        switch (added.Outcome)
        {
            case CallbackAddOutcome.DuplicateKey:
                return Replay(added.Existing!, request);
            case CallbackAddOutcome.SlotTaken:
                return new Submission(SubmissionOutcome.SlotTaken);
        }

        Log.Stored(logger, EnumText.Of(callback.Kind), callback.Domain.Value, callback.HasVoice);
        await TellAsync(callback, stored: true);
        return new Submission(SubmissionOutcome.Created, callback);
    }

    /// <summary>Marks a callback handled; <see langword="false"/> when the domain has no callback with that id.
    /// </summary>
    public async Task<bool> HandleAsync(Domain domain, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);

        var changed = await store.MarkHandledAsync(domain, id, time.GetUtcNow(), cancellationToken);
        var callback = await store.FindAsync(domain, id, cancellationToken);
        if (changed && callback is not null)
        {
            Log.Handled(logger, domain.Value);
            await TellAsync(callback, stored: false);
        }

        return callback is not null;
    }

    /// <summary>
    /// Counts each caller's calls to the domain from the latest <see cref="ContactCallLimit"/> calls of its log,
    /// which is all the call log can list; older calls of a caller are not counted.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, CallerContact>> ContactsAsync(
        Domain domain, CancellationToken cancellationToken)
    {
        var log = await calls.ListCallsAsync(domain, ContactCallLimit, cancellationToken);
        return log.GroupBy(call => call.Caller, StringComparer.Ordinal).ToDictionary(
            group => group.Key,
            group => new CallerContact(
                group.Count(), group.Min(call => call.StartedAt), group.Max(call => call.StartedAt)),
            StringComparer.Ordinal);
    }

    private async Task<bool> IsOfferedAsync(Domain domain, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (slot < now + _options.SlotLeadTime || slot + hours.SlotLength > now + _options.SlotHorizon)
        {
            return false;
        }

        var starts = await hours.SlotStartsAsync(domain, slot, slot + hours.SlotLength, cancellationToken);
        return starts.Contains(slot);
    }

    private static Submission Replay(Callback earlier, CallbackRequest request) =>
        earlier.RequestHash == request.RequestHash
            ? new Submission(SubmissionOutcome.Replayed, earlier)
            : new Submission(SubmissionOutcome.KeyReused);

    private async Task<Callback> NewCallbackAsync(
        CallbackRequest request, string client, CancellationToken cancellationToken)
    {
        // The caller's identity comes from the call record, never from the form, so nobody can pose as a domain.
        var call = request.CallId is { } callId ? await calls.FindCallAsync(callId, cancellationToken) : null;
        var known = call is not null && call.Callee == request.Domain;
        var (callerName, callerKind) = !known ? (Visitor, CallbackCallerKind.Visitor)
            : call!.CallerKind == CallerKind.Verified ? (call.Caller, CallbackCallerKind.Verified)
            : (call.Caller, CallbackCallerKind.Guest);
        return new Callback(
            Secrets.NewToken(),
            request.Domain,
            request.Kind,
            request.Kind == CallbackKind.Slot ? CallbackStatus.Scheduled : CallbackStatus.New,
            request.Slot,
            request.ReasonId,
            request.Name,
            request.Email,
            request.Message,
            request.Voice is not null,
            request.Voice?.ContentType,
            request.Voice is null ? null : request.VoiceSeconds,
            callerName,
            callerKind,
            known ? call!.Id : null,
            client,
            request.TimeZone,
            request.Push,
            time.GetUtcNow(),
            HandledAt: null,
            RemindedAt: null,
            request.IdempotencyKey,
            Secrets.NewToken(),
            request.RequestHash);
    }

    // The callback is committed already: a listener that fails is logged, and the caller still hears success.
    private async Task TellAsync(Callback callback, bool stored)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await (stored
                    ? listener.CallbackStoredAsync(callback, CancellationToken.None)
                    : listener.CallbackHandledAsync(callback, CancellationToken.None));
            }
            catch (Exception exception)
            {
                Log.ListenerFailed(logger, listener.GetType().Name, exception);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "A {Kind} callback was stored for {Domain} (voice: {HasVoice}).",
            EventName = "Stored")]
        public static partial void Stored(ILogger logger, string kind, string domain, bool hasVoice);

        [LoggerMessage(2, LogLevel.Information, "A callback for {Domain} was marked handled.", EventName = "Handled")]
        public static partial void Handled(ILogger logger, string domain);

        [LoggerMessage(3, LogLevel.Information,
            "A callback request for {Domain} was refused: too many from one {Limit}.", EventName = "TooMany")]
        public static partial void TooMany(ILogger logger, string domain, string limit);

        [LoggerMessage(4, LogLevel.Warning,
            "The callback listener {Listener} failed; the callback is stored and the request succeeded.",
            EventName = "ListenerFailed")]
        public static partial void ListenerFailed(ILogger logger, string listener, Exception exception);
    }
}
