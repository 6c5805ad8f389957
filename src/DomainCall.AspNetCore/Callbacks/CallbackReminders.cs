using DomainCall.Engine;
using DomainCall.Notifications;
using DomainCall.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DomainCall.Callbacks;

/// <summary>
/// When the slot of a scheduled callback begins, reminds the desks of its domain, queues the business's reminder,
/// and sends the caller a push notification or an email with the link that calls the business.
/// </summary>
internal sealed partial class CallbackReminders(
    ICallbackStore store,
    Switchboard switchboard,
    IPartyChannel channel,
    NotificationQueue notifications,
    CallbackNotices notices,
    TimeProvider time,
    ILogger<CallbackReminders> logger) : BackgroundService
{
    /// <summary>How often the store is asked for callbacks that fell due.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RemindDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The reminders that were not marked are still due, and the next round tries them again.
                Log.RemindersFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Reminds everyone of the callbacks that fell due, once each, and answers how many.</summary>
    public async Task<int> RemindDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reminded = 0;
        foreach (var callback in await store.ListDueAsync(now, Batch, cancellationToken))
        {
            // Marking first makes one server of several the one that reminds; a crash right after it loses the
            // reminders of this callback, never the callback itself, which stays on the desk.
            if (!await store.MarkRemindedAsync(callback.Domain, callback.Id, now, cancellationToken))
            {
                continue;
            }

            await notifications.EnqueueAsync(notices.DueForOwner(callback), default);
            if (notices.DueForCaller(callback) is { } toCaller)
            {
                await notifications.EnqueueAsync(toCaller, default);
            }

            var due = new CallbackDue(
                callback.Domain.Value, callback.Id, callback.Slot!.Value, CallbackNotices.CallerOf(callback),
                notices.ReasonOf(callback));
            await Task.WhenAll(
                switchboard.DesksOf(callback.Domain).Select(desk => channel.CallbackDueAsync(desk, due)));
            Log.Reminded(logger, callback.Id);
            reminded++;
        }

        return reminded;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "The desks and the caller of callback {CallbackId} were reminded.",
            EventName = "Reminded")]
        public static partial void Reminded(ILogger logger, string callbackId);

        [LoggerMessage(2, LogLevel.Error, "Reminding of due callbacks failed; the next round tries again.",
            EventName = "RemindersFailed")]
        public static partial void RemindersFailed(ILogger logger, Exception exception);
    }
}
