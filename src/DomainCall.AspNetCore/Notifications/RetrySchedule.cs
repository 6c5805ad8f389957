namespace DomainCall.Notifications;

/// <summary>How long a failed delivery waits before its next attempt: exponential, capped, with jitter.</summary>
internal static class RetrySchedule
{
    /// <summary>Gets the wait after <paramref name="failedAttempts"/> failures.</summary>
    /// <param name="failedAttempts">How many attempts failed so far, from 1.</param>
    /// <param name="options">The first and the longest wait.</param>
    /// <param name="random">A number in [0, 1) that spreads retries from 80% to 120% of the exponential wait.</param>
    public static TimeSpan Delay(int failedAttempts, NotificationOptions options, double random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failedAttempts);
        ArgumentNullException.ThrowIfNull(options);

        // Deliveries that failed together, as when a receiver was down, would otherwise all retry in the same second.
        var exponent = Math.Min(failedAttempts - 1, 30);
        var ticks = options.FirstRetryDelay.Ticks * Math.Pow(2, exponent) * (0.8 + (0.4 * random));
        return ticks >= options.MaxRetryDelay.Ticks ? options.MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}
