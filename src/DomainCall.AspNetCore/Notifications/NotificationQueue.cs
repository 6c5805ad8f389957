using System.Threading.Channels;

namespace DomainCall.Notifications;

/// <summary>
/// Queues notifications for delivery: one durable outbox row per sender that accepts it, delivered and retried by
/// the <see cref="NotificationDispatcher"/>. A notification that cannot be delivered never touches what it is
/// about: the callback stays stored, and the desk sees how each delivery stands.
/// </summary>
internal sealed class NotificationQueue
{
    private readonly SqliteNotificationOutbox _outbox;
    private readonly INotificationSender[] _senders;
    private readonly TimeProvider _time;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public NotificationQueue(
        SqliteNotificationOutbox outbox, IEnumerable<INotificationSender> senders, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(senders);
        ArgumentNullException.ThrowIfNull(time);

        _outbox = outbox;
        _senders = [.. senders];
        _time = time;
        Senders = NotificationSenders.Index(_senders);
    }

    /// <summary>Gets the registered senders by channel.</summary>
    public IReadOnlyDictionary<string, INotificationSender> Senders { get; }

    /// <summary>
    /// Stores one pending delivery per sender that accepts the notification, and wakes the dispatcher. When this
    /// returns, the deliveries survive a crash.
    /// </summary>
    /// <returns>The channels the notification was queued on; empty when no sender accepted it.</returns>
    public async Task<IReadOnlyList<string>> EnqueueAsync(
        Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);

        var channels = _senders.Where(s => s.Accepts(notification)).Select(s => s.Channel).Distinct().ToArray();
        if (channels.Length == 0)
        {
            return channels;
        }

        await _outbox.AddAsync(notification, channels, _time.GetUtcNow(), cancellationToken);
        _wake.Writer.TryWrite(true);
        return channels;
    }

    /// <summary>Lists every delivery of the notifications about a callback, oldest first.</summary>
    public Task<IReadOnlyList<NotificationDelivery>> ListForCallbackAsync(
        string callbackId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbackId);

        return _outbox.ListForCallbackAsync(callbackId, cancellationToken);
    }

    /// <summary>Lists the deliveries of the notifications about each of several callbacks, in one query.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<NotificationDelivery>>> ListForCallbacksAsync(
        IReadOnlyCollection<string> callbackIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbackIds);

        return _outbox.ListForCallbacksAsync(callbackIds, cancellationToken);
    }

    /// <summary>Completes when a notification was queued since the last call.</summary>
    internal async Task WaitForWorkAsync(CancellationToken cancellationToken) =>
        await _wake.Reader.ReadAsync(cancellationToken);
}
