namespace DomainCall.Callbacks;

/// <summary>A browser's Web Push subscription, given by a caller who allowed notifications.</summary>
/// <param name="Endpoint">The push service's <c>https</c> address for this browser.</param>
/// <param name="P256dh">The browser's P-256 public key, base64url.</param>
/// <param name="Auth">The browser's authentication secret, base64url.</param>
public sealed record CallbackPush(string Endpoint, string P256dh, string Auth);
