using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DomainCall.Notifications.Tests.Shared;

namespace DomainCall.Notifications.Tests.Webhooks;

public sealed class WebhookDeliveryTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Deliver_OwnerNotification_PostsSignedJsonWithTheHeaders()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        var rig = WebhookRig.Rig(_store, new Uri(receiver.BaseAddress, "/hooks/domaincall?k=1"), true);
        var notification = TestNotifications.ForOwner();

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/domaincall?k=1", request.PathAndQuery);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookRig.Secret), request.Body));
        Assert.Equal(expected, request.Headers["DomainCall-Signature"]);
        Assert.Equal(TestNotifications.Now.ToUnixTimeSeconds().ToString(
            System.Globalization.CultureInfo.InvariantCulture), request.Headers["DomainCall-Timestamp"]);
        Assert.Equal(notification.Id, request.Headers["DomainCall-Delivery"]);

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(notification.Id, root.GetProperty("id").GetString());
        Assert.Equal("callback-requested", root.GetProperty("kind").GetString());
        Assert.Equal("example.com", root.GetProperty("domain").GetString());
        Assert.Equal(notification.CallbackId, root.GetProperty("callbackId").GetString());
        Assert.Equal(notification.Subject, root.GetProperty("subject").GetString());
        Assert.Equal(notification.Text, root.GetProperty("text").GetString());
        Assert.Equal("https://example.com/call/desk?callback=abc", root.GetProperty("link").GetString());
        Assert.Equal("2026-12-04T09:00:00Z", root.GetProperty("createdAt").GetString());

        var delivery = await rig.SingleDeliveryAsync(notification);
        Assert.Equal(("webhook", DeliveryState.Sent, 1), (delivery.Channel, delivery.State, delivery.Attempts));
    }

    [Fact]
    public async Task Enqueue_CallerNotification_IsNotPostedToWebhooks()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        var rig = WebhookRig.Rig(_store, receiver.BaseAddress, true);

        var channels = await rig.Queue.EnqueueAsync(TestNotifications.ForCaller(), CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        Assert.Empty(channels);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Deliver_ReceiverFailsTwiceThenTakesIt_IsRetriedUntilDelivered()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Answer(500, 500, 200);
        var rig = WebhookRig.Rig(_store, receiver.BaseAddress, true);
        var notification = TestNotifications.ForOwner();

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        Assert.Equal(3, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Headers["DomainCall-Delivery"]).Distinct());
        var delivery = await rig.SingleDeliveryAsync(notification);
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal("Webhook 0 (" + receiver.BaseAddress.GetLeftPart(UriPartial.Authority) + ") answered 500 " +
            "Internal Server Error.", delivery.LastError);
    }

    [Fact]
    public async Task Deliver_ReceiverAlwaysFails_EndsDeadWithTheLastErrorAfterMaxAttempts()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.DefaultStatus = 503;
        var options = new NotificationOptions { MaxAttempts = 4 };
        var rig = WebhookRig.Rig(_store, receiver.BaseAddress, true, options);
        var notification = TestNotifications.ForOwner();

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        Assert.Equal(4, receiver.Requests.Count);
        var delivery = await rig.SingleDeliveryAsync(notification);
        Assert.Equal(DeliveryState.Dead, delivery.State);
        Assert.Equal(4, delivery.Attempts);
        Assert.EndsWith("answered 503 Service Unavailable.", delivery.LastError, StringComparison.Ordinal);
        Assert.Equal(rig.Time.GetUtcNow(), delivery.LastAttemptAt);
    }

    [Fact]
    public async Task Deliver_Retries_WaitLongerEachTime()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.DefaultStatus = 500;
        var rig = WebhookRig.Rig(_store, receiver.BaseAddress, true, new NotificationOptions { MaxAttempts = 4 });

        await rig.Queue.EnqueueAsync(TestNotifications.ForOwner(), CancellationToken.None);
        var waits = new List<TimeSpan>();
        await rig.Dispatcher.DeliverDueAsync(CancellationToken.None);
        while (await rig.Outbox.NextDueAsync(CancellationToken.None) is { } next)
        {
            waits.Add(next - rig.Time.GetUtcNow());
            rig.Time.SetUtcNow(next);
            await rig.Dispatcher.DeliverDueAsync(CancellationToken.None);
        }

        Assert.Equal(3, waits.Count);
        Assert.InRange(waits[0], TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(12));
        Assert.InRange(waits[1], TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(24));
        Assert.InRange(waits[2], TimeSpan.FromSeconds(32), TimeSpan.FromSeconds(48));
    }
}
