using System.Buffers;
using System.Collections.Frozen;

namespace DomainCall.Notifications;

/// <summary>Checks the registered senders' channel names once, when the queue is made.</summary>
internal static class NotificationSenders
{
    private static readonly SearchValues<char> ChannelChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    public static FrozenDictionary<string, INotificationSender> Index(IReadOnlyList<INotificationSender> senders)
    {
        ArgumentNullException.ThrowIfNull(senders);

        var byChannel = new Dictionary<string, INotificationSender>(StringComparer.Ordinal);
        foreach (var sender in senders)
        {
            var channel = sender.Channel;
            if (string.IsNullOrEmpty(channel) || channel.Length > 32
                || channel.AsSpan().ContainsAnyExcept(ChannelChars))
            {
                throw new InvalidOperationException(
                    $"The notification sender {sender.GetType().FullName} has the channel name '{channel}'; a " +
                    "channel name must be 1 to 32 lower-case letters, digits and hyphens.");
            }

            if (!byChannel.TryAdd(channel, sender) && !ReferenceEquals(byChannel[channel], sender))
            {
                throw new InvalidOperationException(
                    $"Two notification senders use the channel '{channel}' ({byChannel[channel].GetType().FullName} " +
                    $"and {sender.GetType().FullName}); each channel needs a name of its own.");
            }
        }

        return byChannel.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
