namespace DomainCall.Engine;

/// <summary>
/// The codes that start every error a client receives; <c>docs/protocol.md</c> lists when each is sent.
/// </summary>
internal static class ErrorCodes
{
    public const string InvalidArgument = "invalid-argument";
    public const string UnknownReason = "unknown-reason";
    public const string UnknownDomain = "unknown-domain";
    public const string NotAllowed = "not-allowed";
    public const string AlreadyCalling = "already-calling";
    public const string NoSuchCall = "no-such-call";
    public const string NotRinging = "not-ringing";
    public const string NotAnswered = "not-answered";
    public const string Busy = "busy";
    public const string RateLimited = "rate-limited";
    public const string NoGuestName = "no-guest-name";
    public const string IdentityRequired = "identity-required";
    public const string NotAuthorized = "not-authorized";
    public const string DnsUnavailable = "dns-unavailable";
    public const string NoSuchCallback = "no-such-callback";
}
