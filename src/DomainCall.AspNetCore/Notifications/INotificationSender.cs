namespace DomainCall.Notifications;

/// <summary>
/// Delivers notifications over one channel, such as email. Register an implementation as a singleton
/// <see cref="INotificationSender"/>; every accepted notification is kept in a durable outbox and handed to
/// <see cref="SendAsync"/> until it succeeds, fails permanently, or runs out of attempts.
/// </summary>
public interface INotificationSender
{
    /// <summary>
    /// Gets the channel's name, such as <c>email</c>, <c>web-push</c> or <c>webhook</c>: lower-case letters, digits
    /// and hyphens, unique among the registered senders. It is stored with each delivery and shown on the desk.
    /// </summary>
    string Channel { get; }

    /// <summary>Tells whether this sender has anything to deliver for a notification.</summary>
    /// <param name="notification">The notification being queued.</param>
    /// <returns><see langword="true"/> to get a delivery of its own in the outbox.</returns>
    bool Accepts(Notification notification);

    /// <summary>
    /// Delivers a notification. A delivery may be repeated after a crash or a timeout, so receivers should drop a
    /// <see cref="Notification.Id"/> they already had.
    /// </summary>
    /// <param name="notification">The notification to deliver.</param>
    /// <param name="cancellationToken">Cancelled when the application stops.</param>
    /// <returns>A task that completes once the receiver took the notification.</returns>
    /// <exception cref="NotificationFailedException">The delivery failed; it is retried unless permanent.</exception>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
