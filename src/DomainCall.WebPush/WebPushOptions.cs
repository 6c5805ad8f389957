namespace DomainCall.WebPush;

/// <summary>
/// The VAPID identity push notifications are signed with. Bound from <c>DomainCall:WebPush</c>; every value is
/// checked when the application starts, and all problems are reported together. Make a key pair once with
/// <see cref="VapidKeys.Generate"/> and keep it: browsers subscribed with the public key stop receiving if it
/// changes.
/// </summary>
public sealed class WebPushOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "DomainCall:WebPush";

    /// <summary>
    /// Gets or sets how a push service can reach the sender: a <c>mailto:</c> or <c>https:</c> address. Required.
    /// </summary>
    /// <value>No default.</value>
    public string? Subject { get; set; }

    /// <summary>Gets or sets the VAPID public key: an uncompressed P-256 point, base64url encoded. Required.</summary>
    /// <value>No default.</value>
    public string? PublicKey { get; set; }

    /// <summary>Gets or sets the VAPID private key: a 32-byte P-256 scalar, base64url encoded. Required; keep it
    /// secret.</summary>
    /// <value>No default.</value>
    public string? PrivateKey { get; set; }

    /// <summary>Gets or sets how long a push service keeps a notification for a browser that is offline.</summary>
    /// <value>The default value is 1 day; allowed from zero to 28 days. A notification that the business is calling
    /// back now is kept at most 5 minutes, as it means nothing later.</value>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Gets or sets whether push endpoints may be on loopback, private or link-local addresses, or plain
    /// <c>http</c>. A caller chooses the endpoint, so leave it off except for tests.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowPrivateNetworks { get; set; }
}
