using DomainCall.Notifications;
using Microsoft.Extensions.Options;

namespace DomainCall.WebPush;

/// <summary>Offers the configured VAPID public key to the core, which shows it to browsers.</summary>
internal sealed class WebPushPublicKey(IOptions<WebPushOptions> options) : IPushPublicKey
{
    public string PublicKey => options.Value.PublicKey!;
}
