namespace DomainCall.Notifications;

/// <summary>
/// The VAPID public key browsers subscribe with, registered by the Web Push package; <c>/call/info</c> offers it as
/// <c>pushKey</c>. Without a registration, callers are not offered push notifications.
/// </summary>
public interface IPushPublicKey
{
    /// <summary>Gets the uncompressed P-256 public key, base64url encoded (65 bytes before encoding).</summary>
    string PublicKey { get; }
}
