using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Notifications.Tests.Shared;

/// <summary>
/// The queue and the dispatcher over a real SQLite outbox, with time stepped by hand so that retries happen at once.
/// </summary>
internal sealed class OutboxRig
{
    public OutboxRig(
        string path,
        IEnumerable<INotificationSender> senders,
        NotificationOptions? options = null,
        FakeTimeProvider? time = null)
    {
        Options = options ?? new NotificationOptions();
        Time = time ?? new FakeTimeProvider(TestNotifications.Now);
        Outbox = new SqliteNotificationOutbox(path);
        Queue = new NotificationQueue(Outbox, senders, Time);
        Dispatcher = new NotificationDispatcher(
            Queue, Outbox, Options, Time, NullLogger<NotificationDispatcher>.Instance);
    }

    public NotificationOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public SqliteNotificationOutbox Outbox { get; }

    public NotificationQueue Queue { get; }

    public NotificationDispatcher Dispatcher { get; }

    /// <summary>Delivers what is due, then steps time to each retry, until nothing is pending.</summary>
    public async Task DeliverUntilSettledAsync()
    {
        for (var pass = 0; pass < 1_000; pass++)
        {
            await Dispatcher.DeliverDueAsync(CancellationToken.None);
            var next = await Outbox.NextDueAsync(CancellationToken.None);
            if (next is null)
            {
                return;
            }

            if (next > Time.GetUtcNow())
            {
                Time.SetUtcNow(next.Value);
            }
        }

        throw new InvalidOperationException("The outbox did not settle after 1,000 passes.");
    }

    public async Task<NotificationDelivery> SingleDeliveryAsync(Notification notification) =>
        Assert.Single(await Queue.ListForCallbackAsync(notification.CallbackId, CancellationToken.None));
}
