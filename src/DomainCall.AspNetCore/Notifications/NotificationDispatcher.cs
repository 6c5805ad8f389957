using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DomainCall.Notifications;

/// <summary>
/// Delivers the outbox's pending rows, retries failures with exponential backoff, and marks a delivery dead with
/// its last error after the last attempt. Rows left pending by a stop or a crash are picked up at the next start.
/// </summary>
internal sealed partial class NotificationDispatcher(
    NotificationQueue queue,
    SqliteNotificationOutbox outbox,
    NotificationOptions options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMinutes(2);

    // Longer than an attempt may take, so a claimed row is never sent twice; a crashed server's row waits this long.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    // Another server sharing the store may queue rows this one is not woken for.
    private static readonly TimeSpan LongestIdle = TimeSpan.FromMinutes(1);

    private const int BatchSize = 16;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await outbox.InitializeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Delivers every row due now, until none is left; returns how many attempts were made.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var rows = await outbox.ClaimDueAsync(now, now + Lease, BatchSize, cancellationToken);
            if (rows.Count == 0)
            {
                return attempts;
            }

            await Parallel.ForEachAsync(
                rows,
                new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
                async (row, token) => await DeliverAsync(row, token));
            attempts += rows.Count;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
                await WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A locked or full store must not stop delivery for good; the rows are still there next time.
                Log.PassFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        var next = await outbox.NextDueAsync(stoppingToken);
        var wait = next is { } due ? due - time.GetUtcNow() : LongestIdle;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var woken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var work = queue.WaitForWorkAsync(woken.Token);
        var timer = Task.Delay(wait < LongestIdle ? wait : LongestIdle, time, woken.Token);
        await Task.WhenAny(work, timer);
        await woken.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task DeliverAsync(OutboxRow row, CancellationToken stoppingToken)
    {
        var notification = row.Notification;
        if (!queue.Senders.TryGetValue(row.Channel, out var sender))
        {
            await FailAsync(row, $"No sender is registered for the channel '{row.Channel}'.", permanent: true);
            return;
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        attempt.CancelAfter(AttemptTimeout);
        try
        {
            await sender.SendAsync(notification, attempt.Token);
            await outbox.MarkSentAsync(row.RowId, time.GetUtcNow(), CancellationToken.None);
            Log.Delivered(logger, notification.Id, row.Channel, row.Attempts + 1);
        }
        catch (NotificationFailedException exception)
        {
            await FailAsync(row, exception.Message, exception.Permanent);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is not the receiver's fault: the row is due again at the next start, as if never tried.
            await outbox.MarkFailedAsync(
                row.RowId, "The application stopped during the attempt.", time.GetUtcNow(), time.GetUtcNow(),
                CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            await FailAsync(row, $"The receiver did not answer within {AttemptTimeout.TotalMinutes:0} minutes.", false);
        }
        catch (Exception exception)
        {
            // A sender should throw NotificationFailedException; anything else is kept by its type and message.
            await FailAsync(row, $"{exception.GetType().Name}: {exception.Message}", permanent: false);
        }
    }

    private async Task FailAsync(OutboxRow row, string error, bool permanent)
    {
        var attempts = row.Attempts + 1;
        var now = time.GetUtcNow();
        if (permanent || attempts >= options.MaxAttempts)
        {
            await outbox.MarkFailedAsync(row.RowId, error, now, retryAt: null, CancellationToken.None);
            Log.GaveUp(logger, row.Notification.Id, row.Channel, attempts, error);
            return;
        }

        var retryAt = now + RetrySchedule.Delay(attempts, options, Random.Shared.NextDouble());
        await outbox.MarkFailedAsync(row.RowId, error, now, retryAt, CancellationToken.None);
        Log.WillRetry(logger, row.Notification.Id, row.Channel, attempts, retryAt);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Notification {NotificationId} was delivered over {Channel} at attempt {Attempt}.",
            EventName = "Delivered")]
        public static partial void Delivered(ILogger logger, string notificationId, string channel, int attempt);

        [LoggerMessage(2, LogLevel.Information,
            "Notification {NotificationId} could not be delivered over {Channel} at attempt {Attempt}; it is tried " +
            "again at {RetryAt}.",
            EventName = "WillRetry")]
        public static partial void WillRetry(
            ILogger logger, string notificationId, string channel, int attempt, DateTimeOffset retryAt);

        [LoggerMessage(3, LogLevel.Warning,
            "Notification {NotificationId} over {Channel} was given up after {Attempts} attempts: {Error}",
            EventName = "GaveUp")]
        public static partial void GaveUp(
            ILogger logger, string notificationId, string channel, int attempts, string error);

        [LoggerMessage(4, LogLevel.Warning,
            "The notification outbox could not be read or written; delivery is tried again shortly.",
            EventName = "PassFailed")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
