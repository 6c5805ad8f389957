using System.Threading.RateLimiting;
using DomainCall.Engine;
using Microsoft.AspNetCore.SignalR;

namespace DomainCall.Hosting;

/// <summary>
/// Wraps every hub invocation: limits how often one connection may invoke, and turns a refusal of the switchboard
/// into the <c>code: message</c> error a client receives.
/// </summary>
internal sealed class SignalingFilter : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignalingFilter(DomainCallSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // One partitioned limiter replenishes every connection's bucket from a single timer.
        _limiter = PartitionedRateLimiter.Create<string, string>(connectionId =>
            RateLimitPartition.GetTokenBucketLimiter(connectionId, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.InvocationBurst,
                TokensPerPeriod = settings.InvocationsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);

        using var lease = _limiter.AttemptAcquire(invocationContext.Context.ConnectionId);
        if (!lease.IsAcquired)
        {
            throw new HubException(
                $"{ErrorCodes.RateLimited}: Too many requests from this connection; slow down and try again.");
        }

        try
        {
            return await next(invocationContext);
        }
        catch (SignalingException refusal)
        {
            throw new HubException($"{refusal.Code}: {refusal.Message}");
        }
    }

    public void Dispose() => _limiter.Dispose();
}
