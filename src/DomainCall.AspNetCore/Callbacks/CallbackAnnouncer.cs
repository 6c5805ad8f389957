using DomainCall.Engine;
using DomainCall.Notifications;

namespace DomainCall.Callbacks;

/// <summary>
/// Tells the desks of a domain that its callbacks changed, and queues the business's notification of a new one
/// (a webhook, an email to the owner). The callback is committed before either happens.
/// </summary>
internal sealed class CallbackAnnouncer(
    Switchboard switchboard, IPartyChannel channel, NotificationQueue notifications, CallbackNotices notices)
    : ICallbackListener
{
    public async Task CallbackStoredAsync(Callback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);

        await notifications.EnqueueAsync(notices.Left(callback), cancellationToken);
        await TellDesksAsync(callback.Domain);
    }

    public Task CallbackHandledAsync(Callback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);

        return TellDesksAsync(callback.Domain);
    }

    private Task TellDesksAsync(Domain domain)
    {
        var changed = new CallbacksChanged(domain.Value);
        return Task.WhenAll(switchboard.DesksOf(domain).Select(desk => channel.CallbacksChangedAsync(desk, changed)));
    }
}
