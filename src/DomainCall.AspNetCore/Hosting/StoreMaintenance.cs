using DomainCall.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DomainCall.Hosting;

/// <summary>Prepares the store before the first request and removes expired guest names once a minute.</summary>
internal sealed partial class StoreMaintenance(ICallStore store, TimeProvider time, ILogger<StoreMaintenance> logger)
    : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.RemoveExpiredGuestNamesAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A full disk or a locked file must not stop the site; the next sweep tries again.
                Log.SweepFailed(logger, exception);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Expired guest names could not be removed; the next sweep will try again.",
            EventName = "SweepFailed")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}
