using DomainCall.Engine;

namespace DomainCall.Callbacks;

/// <summary>A caller's submission after every field was checked, before it is stored.</summary>
internal sealed record CallbackRequest(
    Domain Domain,
    string IdempotencyKey,
    CallbackKind Kind,
    DateTimeOffset? Slot,
    string ReasonId,
    string? Name,
    string? Email,
    string? Message,
    CallbackVoice? Voice,
    double? VoiceSeconds,
    string? TimeZone,
    string? CallId,
    CallbackPush? Push,
    string RequestHash);
