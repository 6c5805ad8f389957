using DomainCall.Hosting;
using DomainCall.Notifications.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Notifications.Tests.Webhooks;

internal static class WebhookRig
{
    public const string Secret = "0123456789abcdef0123456789abcdef-test-secret";

    public static WebhookSender Sender(Uri url, bool allowPrivateNetworks, TimeProvider time)
    {
        var options = new DomainCallOptions { SiteDomain = "example.com" };
        options.Webhooks.Add(new WebhookOptions
        {
            Url = url,
            Secret = Secret,
            AllowPrivateNetworks = allowPrivateNetworks,
        });
        return new WebhookSender(Microsoft.Extensions.Options.Options.Create(options), HttpClients.Create(), time);
    }

    public static OutboxRig Rig(
        TempStore store, Uri url, bool allowPrivateNetworks, NotificationOptions? options = null)
    {
        // The rig's clock drives both the retries and the sender's timestamp header.
        var time = new FakeTimeProvider(TestNotifications.Now);
        var rig = new OutboxRig(store.Path, [Sender(url, allowPrivateNetworks, time)], options, time);
        return rig;
    }
}
