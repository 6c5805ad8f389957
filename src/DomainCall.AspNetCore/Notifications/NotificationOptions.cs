using System.Globalization;

namespace DomainCall.Notifications;

/// <summary>
/// How notifications are retried: each delivery is tried up to <see cref="MaxAttempts"/> times, waiting
/// <see cref="FirstRetryDelay"/> after the first failure and twice as long after each next one (give or take a
/// fifth, so that many deliveries do not retry in step), never longer than <see cref="MaxRetryDelay"/>. Bound from
/// <c>DomainCall:Notifications</c>.
/// </summary>
public sealed class NotificationOptions
{
    /// <summary>Gets or sets how many times a delivery is tried before it is marked dead.</summary>
    /// <value>The default value is 6; allowed from 1 to 100.</value>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Gets or sets how long to wait after the first failed attempt.</summary>
    /// <value>The default value is 10 seconds; allowed from 1 millisecond to 1 hour.</value>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the longest wait between two attempts.</summary>
    /// <value>The default value is 10 minutes; allowed from <see cref="FirstRetryDelay"/> to 1 day.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    internal IEnumerable<string> Validate(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        return ValidateCore(prefix);
    }

    private IEnumerable<string> ValidateCore(string prefix)
    {
        if (MaxAttempts is < 1 or > 100)
        {
            yield return Invariant($"{prefix}MaxAttempts must be between 1 and 100; it is {MaxAttempts}.");
        }

        var firstValid = FirstRetryDelay >= TimeSpan.FromMilliseconds(1) && FirstRetryDelay <= TimeSpan.FromHours(1);
        if (!firstValid)
        {
            yield return Invariant(
                $"{prefix}FirstRetryDelay must be between 00:00:00.001 and 01:00:00; it is {FirstRetryDelay}.");
        }

        if (MaxRetryDelay > TimeSpan.FromDays(1) || (firstValid && MaxRetryDelay < FirstRetryDelay))
        {
            yield return Invariant(
                $"{prefix}MaxRetryDelay must be between FirstRetryDelay and 1.00:00:00; it is {MaxRetryDelay}.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
