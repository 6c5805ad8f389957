namespace DomainCall.Notifications;

/// <summary>
/// Forgets a browser's push subscription once its push service says it is gone (HTTP 404 or 410), so nothing is
/// sent to it again. Every registered remover is called.
/// </summary>
public interface IPushSubscriptionRemover
{
    /// <summary>Forgets the subscription a notification was sent to.</summary>
    /// <param name="notification">The notification whose <see cref="Notification.Push"/> target is gone.</param>
    /// <param name="cancellationToken">Cancelled when the application stops.</param>
    /// <returns>A task that completes once the subscription is forgotten.</returns>
    Task RemoveAsync(Notification notification, CancellationToken cancellationToken);
}
