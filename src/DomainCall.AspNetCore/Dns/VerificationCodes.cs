using DomainCall.Engine;

namespace DomainCall.Dns;

/// <summary>
/// Issues authorization codes for verification, and writes the TXT record that proves control of a domain:
/// <c>_domaincall-challenge.example.com. TXT "token=&lt;code&gt;"</c>.
/// </summary>
internal sealed class VerificationCodes
{
    /// <summary>The label the challenge record is published under.</summary>
    public const string RecordLabel = "_domaincall-challenge";

    /// <summary>What the challenge record's text starts with.</summary>
    public const string ValuePrefix = "token=";

    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public VerificationCodes(TimeProvider time, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);

        _time = time;
        _lifetime = lifetime;
    }

    /// <summary>Makes a new code for <paramref name="domain"/>, valid from now for the configured lifetime.</summary>
    /// <exception cref="ArgumentException">The domain is too long to have a challenge record below it.</exception>
    public VerificationChallenge Issue(Domain domain)
    {
        if (!CanHaveChallenge(domain))
        {
            throw new ArgumentException(TooLongMessage(domain), nameof(domain));
        }

        return new VerificationChallenge(domain, Secrets.NewToken(), _time.GetUtcNow() + _lifetime);
    }

    public static string RecordName(Domain domain) => RecordLabel + "." + domain.Value;

    public static string RecordValue(string code)
    {
        ArgumentNullException.ThrowIfNull(code);

        return ValuePrefix + code;
    }

    public static string RecordText(Domain domain, string code) =>
        $"{RecordName(domain)}. TXT \"{RecordValue(code)}\"";

    /// <summary>Tells whether the challenge name below <paramref name="domain"/> fits in a DNS name.</summary>
    public static bool CanHaveChallenge(Domain domain) => RecordName(domain).Length <= Domain.MaxNameLength;

    public static string TooLongMessage(Domain domain) =>
        $"'{domain.Value}' is too long to verify: the record name {RecordLabel}.{domain.Value} would have more than " +
        $"{Domain.MaxNameLength} characters.";
}
