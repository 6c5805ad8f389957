using DomainCall.Dns;
using DomainCall.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DomainCall.Hosting;

/// <summary>
/// Re-checks the records of verified domains every <see cref="VerificationOptions.RecheckInterval"/>.
/// </summary>
internal sealed partial class VerificationRechecks(
    DomainAccounts accounts, VerificationOptions options, TimeProvider time, ILogger<VerificationRechecks> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RecheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await accounts.RecheckAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A locked store or a failing resolver must not stop the site; the next round tries again.
                Log.RecheckFailed(logger, exception);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning,
            "The records of verified domains could not be re-checked; the next round will try again.",
            EventName = "RecheckFailed")]
        public static partial void RecheckFailed(ILogger logger, Exception exception);
    }
}
