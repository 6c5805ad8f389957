using DomainCall.Notifications.Tests.Shared;
using DomainCall.Notifications.Tests.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;

namespace DomainCall.Notifications.Tests.Notifications;

public sealed class OutboxRestartTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Start_PendingRowFromAnEarlierRun_IsDeliveredByTheNewDispatcher()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        var notification = TestNotifications.ForOwner();

        // The first run queues the notification and stops before any attempt.
        var first = new NotificationQueue(
            new SqliteNotificationOutbox(_store.Path),
            [WebhookRig.Sender(receiver.BaseAddress, allowPrivateNetworks: true, TimeProvider.System)],
            TimeProvider.System);
        await first.EnqueueAsync(notification, CancellationToken.None);
        var pending = Assert.Single(await first.ListForCallbackAsync(notification.CallbackId, CancellationToken.None));
        Assert.Equal(DeliveryState.Pending, pending.State);

        // The second run shares nothing with the first but the file, and runs as the hosted service does.
        var outbox = new SqliteNotificationOutbox(_store.Path);
        var sender = WebhookRig.Sender(receiver.BaseAddress, allowPrivateNetworks: true, TimeProvider.System);
        var queue = new NotificationQueue(outbox, [sender], TimeProvider.System);
        using var dispatcher = new NotificationDispatcher(
            queue, outbox, new NotificationOptions(), TimeProvider.System, NullLogger<NotificationDispatcher>.Instance);
        await dispatcher.StartAsync(CancellationToken.None);
        var delivery = await WaitForStateAsync(queue, notification, DeliveryState.Sent);
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(notification.Id, Assert.Single(receiver.Requests).Headers["DomainCall-Delivery"]);
    }

    [Fact]
    public async Task Enqueue_SameNotificationTwice_KeepsOneDeliveryPerChannel()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        var rig = WebhookRig.Rig(_store, receiver.BaseAddress, allowPrivateNetworks: true);
        var notification = TestNotifications.ForOwner();

        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.Queue.EnqueueAsync(notification, CancellationToken.None);
        await rig.DeliverUntilSettledAsync();

        Assert.Single(receiver.Requests);
        Assert.Equal(DeliveryState.Sent, (await rig.SingleDeliveryAsync(notification)).State);
    }

    // The dispatcher runs on its own; the state is read until it changes, with a generous cap against a hang.
    private static async Task<NotificationDelivery> WaitForStateAsync(
        NotificationQueue queue, Notification notification, DeliveryState state)
    {
        using var cap = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var delivery = Assert.Single(await queue.ListForCallbackAsync(notification.CallbackId, cap.Token));
            if (delivery.State == state)
            {
                return delivery;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cap.Token);
        }
    }
}
