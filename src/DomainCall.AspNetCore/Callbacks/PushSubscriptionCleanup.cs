using DomainCall.Notifications;
using DomainCall.Storage;

namespace DomainCall.Callbacks;

/// <summary>Forgets a push subscription on every callback that carries it, once its push service says it is gone.
/// </summary>
internal sealed class PushSubscriptionCleanup(ICallbackStore store) : IPushSubscriptionRemover
{
    public Task RemoveAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);

        return notification.Push is { } push
            ? store.RemovePushAsync(push.Endpoint.OriginalString, cancellationToken)
            : Task.CompletedTask;
    }
}
