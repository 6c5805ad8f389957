using DomainCall.Engine;

namespace DomainCall.Callbacks;

/// <summary>
/// A request to be called back, or a message, left by a caller who reached nobody. It is kept until someone at the
/// desk marks it handled.
/// </summary>
/// <param name="Id">128 random bits, base64url: the callback's id.</param>
/// <param name="Domain">The domain the caller tried to reach.</param>
/// <param name="Kind">As soon as possible, in a slot, or a message.</param>
/// <param name="Status">New, scheduled or handled.</param>
/// <param name="Slot">The booked slot's start, for <see cref="CallbackKind.Slot"/>.</param>
/// <param name="ReasonId">The id of the reason the caller picked.</param>
/// <param name="Name">How the caller asked to be addressed, as plain text.</param>
/// <param name="Email">The caller's email address, checked for shape.</param>
/// <param name="Message">The caller's text, as plain text.</param>
/// <param name="HasVoice">Whether a voice message is stored with the callback.</param>
/// <param name="VoiceType">The voice message's media type.</param>
/// <param name="VoiceSeconds">The voice message's length as the browser measured it.</param>
/// <param name="CallerName">The caller's identity: the guest name or verified domain of the call the request
/// follows, or <c>web visitor</c>.</param>
/// <param name="CallerKind">How <paramref name="CallerName"/> is known.</param>
/// <param name="CallId">The unanswered call of the domain the request follows.</param>
/// <param name="Client">The caller's browser and system, such as <c>Chrome on Android</c>.</param>
/// <param name="CallerTimeZone">The caller's IANA time zone, used to word messages to them.</param>
/// <param name="Push">The caller's Web Push subscription, when they allowed notifications.</param>
/// <param name="CreatedAt">When the request was stored.</param>
/// <param name="HandledAt">When it was marked handled.</param>
/// <param name="RemindedAt">When the desk and the caller were reminded of the slot.</param>
/// <param name="IdempotencyKey">The key the caller's browser sent, so that a retried submission finds this one.
/// </param>
/// <param name="Token">128 random bits, base64url: the caller's secret for this callback, compared in constant
/// time, and given back on a retried submission.</param>
/// <param name="RequestHash">A hash of what the caller submitted, to tell a retry of the same request from another
/// request that reuses its idempotency key.</param>
public sealed record Callback(
    string Id,
    Domain Domain,
    CallbackKind Kind,
    CallbackStatus Status,
    DateTimeOffset? Slot,
    string ReasonId,
    string? Name,
    string? Email,
    string? Message,
    bool HasVoice,
    string? VoiceType,
    double? VoiceSeconds,
    string CallerName,
    CallbackCallerKind CallerKind,
    string? CallId,
    string Client,
    string? CallerTimeZone,
    CallbackPush? Push,
    DateTimeOffset CreatedAt,
    DateTimeOffset? HandledAt,
    DateTimeOffset? RemindedAt,
    string IdempotencyKey,
    string Token,
    string RequestHash);
