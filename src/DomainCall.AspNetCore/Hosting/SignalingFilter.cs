using System.Threading.RateLimiting;
using DomainCall.Engine;
using Microsoft.AspNetCore.SignalR;

namespace DomainCall.Hosting;

/// <summary>
/// Wraps every hub invocation: limits how often one connection may invoke, and turns a refusal of the switchboard
/// into the <c>code: message</c> error a client receives.
/// </summary>
/// <remarks>
/// Each connection has a token bucket of its own, kept with the connection, so that checking the limit on the
/// signaling path takes no lock shared with other connections.
/// </remarks>
internal sealed class SignalingFilter(DomainCallSettings settings) : IHubFilter
{
    private static readonly object LimiterKey = new();

    private readonly TokenBucketRateLimiterOptions _limits = new()
    {
        TokenLimit = settings.InvocationBurst,
        TokensPerPeriod = settings.InvocationsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        context.Context.Items[LimiterKey] = new TokenBucketRateLimiter(_limits);
        await next(context);
    }

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);

        var limiter = (RateLimiter)invocationContext.Context.Items[LimiterKey]!;
        using var lease = limiter.AttemptAcquire();
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

    public async Task OnDisconnectedAsync(
        HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        try
        {
            await next(context, exception);
        }
        finally
        {
            if (context.Context.Items.Remove(LimiterKey, out var limiter))
            {
                await ((RateLimiter)limiter!).DisposeAsync();
            }
        }
    }
}
