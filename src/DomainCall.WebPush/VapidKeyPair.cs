namespace DomainCall.WebPush;

/// <summary>A VAPID key pair, base64url encoded, as <see cref="WebPushOptions"/> takes it.</summary>
/// <param name="PublicKey">The uncompressed P-256 public key (65 bytes before encoding).</param>
/// <param name="PrivateKey">The P-256 private scalar (32 bytes before encoding); keep it secret.</param>
public sealed record VapidKeyPair(string PublicKey, string PrivateKey);
