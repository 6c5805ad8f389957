namespace DomainCall.Notifications;

/// <summary>A browser's Web Push subscription, as the Push API's <c>PushSubscription.toJSON()</c> gives it.</summary>
/// <param name="Endpoint">The push service address the browser was given.</param>
/// <param name="P256dh">The browser's P-256 public key, base64url encoded.</param>
/// <param name="Auth">The browser's 16-byte authentication secret, base64url encoded.</param>
public sealed record PushTarget(Uri Endpoint, string P256dh, string Auth);
