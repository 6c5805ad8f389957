using DomainCall.Callbacks;
using DomainCall.Engine;

namespace DomainCall.Storage;

/// <summary>A row of the <c>callbacks</c> table as SQL sees it: text for enums, Unix milliseconds for times.</summary>
internal sealed class CallbackRow
{
    public const string Columns = """
        id AS Id, domain AS Domain, kind AS Kind, status AS Status, slot AS Slot, reason AS Reason, name AS Name,
        email AS Email, message AS Message, has_voice AS HasVoice, voice_type AS VoiceType,
        voice_seconds AS VoiceSeconds, caller AS Caller, caller_kind AS CallerKind, call_id AS CallId,
        client AS Client, caller_time_zone AS CallerTimeZone, push_endpoint AS PushEndpoint,
        push_p256dh AS PushP256dh, push_auth AS PushAuth, created_at AS CreatedAt, handled_at AS HandledAt,
        reminded_at AS RemindedAt, idempotency_key AS IdempotencyKey, token AS Token, request_hash AS RequestHash
        """;

    public string Id { get; set; } = string.Empty;

    public string Domain { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public long? Slot { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Message { get; set; }

    public bool HasVoice { get; set; }

    public string? VoiceType { get; set; }

    public double? VoiceSeconds { get; set; }

    public string Caller { get; set; } = string.Empty;

    public string CallerKind { get; set; } = string.Empty;

    public string? CallId { get; set; }

    public string Client { get; set; } = string.Empty;

    public string? CallerTimeZone { get; set; }

    public string? PushEndpoint { get; set; }

    public string? PushP256dh { get; set; }

    public string? PushAuth { get; set; }

    public long CreatedAt { get; set; }

    public long? HandledAt { get; set; }

    public long? RemindedAt { get; set; }

    public string IdempotencyKey { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    public string RequestHash { get; set; } = string.Empty;

    public static CallbackRow From(Callback callback) => new()
    {
        Id = callback.Id,
        Domain = callback.Domain.Value,
        Kind = EnumText.Of(callback.Kind),
        Status = EnumText.Of(callback.Status),
        Slot = callback.Slot?.ToUnixTimeMilliseconds(),
        Reason = callback.ReasonId,
        Name = callback.Name,
        Email = callback.Email,
        Message = callback.Message,
        HasVoice = callback.HasVoice,
        VoiceType = callback.VoiceType,
        VoiceSeconds = callback.VoiceSeconds,
        Caller = callback.CallerName,
        CallerKind = EnumText.Of(callback.CallerKind),
        CallId = callback.CallId,
        Client = callback.Client,
        CallerTimeZone = callback.CallerTimeZone,
        PushEndpoint = callback.Push?.Endpoint,
        PushP256dh = callback.Push?.P256dh,
        PushAuth = callback.Push?.Auth,
        CreatedAt = callback.CreatedAt.ToUnixTimeMilliseconds(),
        HandledAt = callback.HandledAt?.ToUnixTimeMilliseconds(),
        RemindedAt = callback.RemindedAt?.ToUnixTimeMilliseconds(),
        IdempotencyKey = callback.IdempotencyKey,
        Token = callback.Token,
        RequestHash = callback.RequestHash,
    };

    public Callback ToCallback() => new(
        Id,
        Engine.Domain.Parse(Domain),
        EnumText.Parse<CallbackKind>(Kind),
        EnumText.Parse<CallbackStatus>(Status),
        UnixTime.OfNullable(Slot),
        Reason,
        Name,
        Email,
        Message,
        HasVoice,
        VoiceType,
        VoiceSeconds,
        Caller,
        EnumText.Parse<CallbackCallerKind>(CallerKind),
        CallId,
        Client,
        CallerTimeZone,
        PushEndpoint is null ? null : new CallbackPush(PushEndpoint, PushP256dh ?? "", PushAuth ?? ""),
        UnixTime.Of(CreatedAt),
        UnixTime.OfNullable(HandledAt),
        UnixTime.OfNullable(RemindedAt),
        IdempotencyKey,
        Token,
        RequestHash);
}
