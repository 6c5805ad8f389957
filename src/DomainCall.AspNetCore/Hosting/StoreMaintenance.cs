using DomainCall.Dns;
using DomainCall.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DomainCall.Hosting;

/// <summary>
/// Prepares the store before the first request, fills the embedded DNS server with the guest names still alive, and
/// once a minute removes the records of expired guest names from DNS and marks them removed in the store.
/// </summary>
internal sealed partial class StoreMaintenance(
    ICallStore store,
    GuestRecordSet records,
    GuestNameSweeper sweeper,
    TimeProvider time,
    ILogger<StoreMaintenance> logger,
    ICallbackStore? callbacks = null) : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        if (callbacks is not null)
        {
            await callbacks.InitializeAsync(cancellationToken);
        }
        await RefillAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Removes the records of every expired guest name and marks in the store only those removed.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expired = (await store.ListPublishedGuestNamesAsync(cancellationToken))
            .Where(guest => guest.ExpiresAt <= now)
            .Select(guest => guest.Name)
            .ToArray();
        if (expired.Length == 0)
        {
            return;
        }

        var report = await sweeper.RemoveAsync(expired, cancellationToken);
        var removedAt = time.GetUtcNow();
        foreach (var name in report.Removed)
        {
            await store.MarkGuestNameRemovedAsync(name, removedAt, cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A full disk or a locked file must not stop the site; the next sweep tries again.
                Log.SweepFailed(logger, exception);
            }
        }
    }

    // The embedded server keeps its records in memory; the store is the durable copy it is filled from.
    private async Task RefillAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var live = (await store.ListPublishedGuestNamesAsync(cancellationToken))
            .Where(guest => guest.ExpiresAt > now && GuestTxt.IsCodeHash(guest.CodeHash))
            .ToArray();
        foreach (var guest in live)
        {
            records.Set(new GuestRecord(guest.Name, guest.CodeHash, guest.ExpiresAt, null));
        }

        if (live.Length > 0)
        {
            Log.Refilled(logger, live.Length);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Expired guest names could not be removed; the next sweep will try again.",
            EventName = "SweepFailed")]
        public static partial void SweepFailed(ILogger logger, Exception exception);

        [LoggerMessage(2, LogLevel.Information, "The guest zone's DNS server was given {Count} live guest names.",
            EventName = "Refilled")]
        public static partial void Refilled(ILogger logger, int count);
    }
}
