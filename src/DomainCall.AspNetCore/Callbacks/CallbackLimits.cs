using System.Threading.RateLimiting;
using DomainCall.Hosting;
using Microsoft.Extensions.Options;

namespace DomainCall.Callbacks;

/// <summary>
/// How often one client address, and one email address, may submit callbacks: the framework's sliding-window
/// limiters, one partition per address. Only new requests count; a retried submission is answered before.
/// </summary>
internal sealed class CallbackLimits : IDisposable
{
    private const int Segments = 6;

    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perEmail;

    public CallbackLimits(IOptions<DomainCallOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var callbacks = options.Value.Callbacks;
        _perAddress = Partitioned(callbacks.PerAddressLimit, callbacks.PerAddressWindow);
        _perEmail = Partitioned(callbacks.PerEmailLimit, callbacks.PerEmailWindow);
        AddressWindow = callbacks.PerAddressWindow;
        EmailWindow = callbacks.PerEmailWindow;
    }

    public TimeSpan AddressWindow { get; }

    public TimeSpan EmailWindow { get; }

    /// <summary>Takes one permit for the client address; gives when to retry when none is left.</summary>
    public TimeSpan? TryAcquireForAddress(string address) => TryAcquire(_perAddress, address, AddressWindow);

    /// <summary>Takes one permit for the email address; gives when to retry when none is left.</summary>
    public TimeSpan? TryAcquireForEmail(string email) =>
        TryAcquire(_perEmail, email.ToLowerInvariant(), EmailWindow);

    public void Dispose()
    {
        _perAddress.Dispose();
        _perEmail.Dispose();
    }

    private static TimeSpan? TryAcquire(PartitionedRateLimiter<string> limiter, string key, TimeSpan window)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? retryAfter
            : window / Segments;
    }

    private static PartitionedRateLimiter<string> Partitioned(int limit, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(
            key,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = window,
                SegmentsPerWindow = Segments,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
}
