using System.Collections.Concurrent;

namespace DomainCall.Notifications.Tests.WebPush;

/// <summary>
/// An implementation of the removal hook, like the one AddDomainCall registers over the callback store; this one
/// only remembers what it was asked to forget.
/// </summary>
internal sealed class RecordingRemover : IPushSubscriptionRemover
{
    public ConcurrentQueue<Notification> Removed { get; } = new();

    public Task RemoveAsync(Notification notification, CancellationToken cancellationToken)
    {
        Removed.Enqueue(notification);
        return Task.CompletedTask;
    }
}
