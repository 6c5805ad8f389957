using DomainCall.Engine;
using Microsoft.Extensions.Logging;

namespace DomainCall.Dns;

/// <summary>
/// Removes the DNS records of expired guest names through the registrar, one name at a time, so that one failure
/// does not keep the others in DNS. A removed name then rests for <see cref="GuestDnsOptions.RemovalCooldown"/>
/// before it is handed out again; keeping that time is the store's part.
/// </summary>
internal sealed partial class GuestNameSweeper
{
    private readonly IGuestNameRegistrar _registrar;
    private readonly ILogger<GuestNameSweeper> _logger;

    public GuestNameSweeper(IGuestNameRegistrar registrar, ILogger<GuestNameSweeper> logger)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        ArgumentNullException.ThrowIfNull(logger);

        _registrar = registrar;
        _logger = logger;
    }

    /// <summary>When a name removed at <paramref name="removedAt"/> may be handed out again.</summary>
    public static DateTimeOffset ReusableAt(DateTimeOffset removedAt, TimeSpan cooldown) => removedAt + cooldown;

    public async Task<GuestRemovalReport> RemoveAsync(IEnumerable<Domain> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);

        var removed = new List<Domain>();
        var failed = new List<Domain>();
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await _registrar.RemoveAsync(name, cancellationToken);
                removed.Add(name);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One name the DNS server refuses must not keep every other expired name published.
                failed.Add(name);
                Log.RemovalFailed(_logger, name.Value, exception);
            }
        }

        if (removed.Count > 0 || failed.Count > 0)
        {
            Log.Swept(_logger, removed.Count, failed.Count);
        }

        return new GuestRemovalReport(removed, failed);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning,
            "The records of the expired guest name {GuestName} could not be removed; the next sweep will try again.",
            EventName = "RemovalFailed")]
        public static partial void RemovalFailed(ILogger logger, string guestName, Exception exception);

        [LoggerMessage(2, LogLevel.Information,
            "Removed the records of {RemovedCount} expired guest names; {FailedCount} failed.", EventName = "Swept")]
        public static partial void Swept(ILogger logger, int removedCount, int failedCount);
    }
}
