namespace DomainCall.Engine;

/// <summary>A short-lived name under the guest zone, given to a caller without a domain of their own.</summary>
/// <param name="Name">The whole name, for example <c>swift-otter-42.guest.example.com</c>.</param>
/// <param name="CreatedAt">When the name was handed out.</param>
/// <param name="ExpiresAt">When the name stops being valid and its records are removed.</param>
/// <param name="CodeHash">The SHA-256 hash of the caller's authorization code, in url-safe base64 without padding
/// (43 characters): what the name's TXT record publishes. The code itself is never stored.</param>
public sealed record GuestName(Domain Name, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string CodeHash);
