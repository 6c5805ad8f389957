using System.Globalization;

namespace DomainCall.Callbacks;

/// <summary>
/// How callers who reach nobody may ask to be called back or leave a message: the slots offered, the size of what
/// they send, and how often one address or one email may ask. Bound from <c>DomainCall:Callbacks</c>.
/// </summary>
public sealed class CallbackOptions
{
    /// <summary>Gets or sets how far ahead of now the first slot offered must start.</summary>
    /// <value>The default value is 30 minutes; allowed from zero to 7 days.</value>
    public TimeSpan SlotLeadTime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets how far ahead slots are offered.</summary>
    /// <value>The default value is 14 days; allowed from 1 day to 365 days.</value>
    public TimeSpan SlotHorizon { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Gets or sets the longest text message, in characters.</summary>
    /// <value>The default value is 2,000; allowed from 1 to 20,000.</value>
    public int MaxMessageLength { get; set; } = 2_000;

    /// <summary>Gets or sets the largest voice message, in bytes.</summary>
    /// <value>The default value is 1,048,576 (1 MiB); allowed from 1,024 to 16,777,216.</value>
    public int MaxVoiceBytes { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets the longest voice message the browser records.</summary>
    /// <value>The default value is 2 minutes; allowed from 5 seconds to 10 minutes.</value>
    public TimeSpan MaxVoiceDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how many requests one client address may make per <see cref="PerAddressWindow"/>.
    /// </summary>
    /// <value>The default value is 10; allowed from 1 to 1,000,000.</value>
    public int PerAddressLimit { get; set; } = 10;

    /// <summary>Gets or sets the window of <see cref="PerAddressLimit"/>.</summary>
    /// <value>The default value is 1 hour; allowed from 1 minute to 7 days.</value>
    public TimeSpan PerAddressWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets how many requests may give one email address per <see cref="PerEmailWindow"/>, so that the form
    /// cannot be used to flood a stranger's mailbox.
    /// </summary>
    /// <value>The default value is 3; allowed from 1 to 1,000,000.</value>
    public int PerEmailLimit { get; set; } = 3;

    /// <summary>Gets or sets the window of <see cref="PerEmailLimit"/>.</summary>
    /// <value>The default value is 24 hours; allowed from 1 minute to 30 days.</value>
    public TimeSpan PerEmailWindow { get; set; } = TimeSpan.FromHours(24);

    internal IEnumerable<string> Validate(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        return ValidateCore(prefix);
    }

    private IEnumerable<string> ValidateCore(string prefix)
    {
        var checks = new (string Name, IComparable Value, IComparable Min, IComparable Max)[]
        {
            (nameof(SlotLeadTime), SlotLeadTime, TimeSpan.Zero, TimeSpan.FromDays(7)),
            (nameof(SlotHorizon), SlotHorizon, TimeSpan.FromDays(1), TimeSpan.FromDays(365)),
            (nameof(MaxMessageLength), MaxMessageLength, 1, 20_000),
            (nameof(MaxVoiceBytes), MaxVoiceBytes, 1024, 16 * 1024 * 1024),
            (nameof(MaxVoiceDuration), MaxVoiceDuration, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10)),
            (nameof(PerAddressLimit), PerAddressLimit, 1, 1_000_000),
            (nameof(PerAddressWindow), PerAddressWindow, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7)),
            (nameof(PerEmailLimit), PerEmailLimit, 1, 1_000_000),
            (nameof(PerEmailWindow), PerEmailWindow, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30)),
        };
        foreach (var (name, value, min, max) in checks)
        {
            if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
            {
                yield return string.Create(
                    CultureInfo.InvariantCulture, $"{prefix}{name} must be between {min} and {max}; it is {value}.");
            }
        }

        if (SlotLeadTime >= SlotHorizon)
        {
            yield return $"{prefix}SlotLeadTime must be shorter than {prefix}SlotHorizon, or no slot can be offered.";
        }
    }
}
