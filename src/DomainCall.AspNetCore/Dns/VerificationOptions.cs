using System.Globalization;

namespace DomainCall.Dns;

/// <summary>
/// How DomainCall checks that an owner controls a domain: the lifetime of authorization codes and how the
/// <c>_domaincall-challenge</c> TXT record is looked up.
/// </summary>
public sealed class VerificationOptions
{
    /// <summary>Gets or sets how long an authorization code may be published and checked.</summary>
    /// <value>The default value is 7 days; allowed from 1 hour to 30 days.</value>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets the DNS resolvers to ask, each an IP address with an optional port: <c>192.0.2.53</c>,
    /// <c>192.0.2.53:5353</c> or <c>[2001:db8::53]:53</c>.
    /// </summary>
    /// <value>Empty by default: the resolvers of the machine are asked.</value>
    public IList<string> Resolvers { get; } = [];

    /// <summary>
    /// Gets or sets whether to ask the zone's authoritative servers directly, so that a record is found as soon as
    /// it is published, without waiting for a resolver's cache. The resolvers are then used only to find those
    /// servers (the NS records of the zone and their addresses).
    /// </summary>
    /// <value>The default value is <see langword="false"/>: the resolvers answer.</value>
    public bool QueryAuthoritativeServers { get; set; }

    /// <summary>Gets or sets the port the zone's authoritative servers answer on.</summary>
    /// <value>The default value is 53; allowed from 1 to 65,535. Only tests need another.</value>
    public int AuthoritativePort { get; set; } = 53;

    /// <summary>Gets or sets how long to wait for one DNS answer.</summary>
    /// <value>The default value is 5 seconds; allowed from 100 milliseconds to 30 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how many times an unanswered query is sent again to the same server.</summary>
    /// <value>The default value is 1; allowed from 0 to 5.</value>
    public int Retries { get; set; } = 1;

    /// <summary>
    /// Gets or sets the Public Suffix List file, the list of names such as <c>co.uk</c> or <c>github.io</c> under
    /// which unrelated owners register their domains and which therefore cannot be verified.
    /// </summary>
    /// <value>
    /// No default: the copy that Debian, Ubuntu and Fedora install at
    /// <c>/usr/share/publicsuffix/public_suffix_list.dat</c> (package <c>publicsuffix</c>) is read when it exists.
    /// </value>
    public string? PublicSuffixListPath { get; set; }

    /// <summary>Gets or sets how often the records of verified domains are looked up again.</summary>
    /// <value>The default value is 6 hours; allowed from 1 minute to 7 days.</value>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Gets or sets how long the record of a verified domain may be missing before its verification is revoked, so
    /// that a record briefly lost while an owner moves DNS providers does not take the domain offline.
    /// </summary>
    /// <value>The default value is 3 days; allowed from zero to 30 days.</value>
    public TimeSpan RevocationGrace { get; set; } = TimeSpan.FromDays(3);

    internal IEnumerable<string> Validate(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        return ValidateCore(prefix);
    }

    private IEnumerable<string> ValidateCore(string prefix)
    {
        if (CodeLifetime < TimeSpan.FromHours(1) || CodeLifetime > TimeSpan.FromDays(30))
        {
            yield return Invariant(
                $"{prefix}CodeLifetime must be between 01:00:00 and 30.00:00:00; it is {CodeLifetime}.");
        }

        for (var i = 0; i < Resolvers.Count; i++)
        {
            if (!DnsEndpoints.TryParse(Resolvers[i], 53, out _))
            {
                yield return Invariant($"{prefix}Resolvers[{i}] '{Resolvers[i]}' is not an IP address ") +
                    "with an optional port, such as '192.0.2.53' or '[2001:db8::53]:5353'.";
            }
        }

        if (AuthoritativePort is < 1 or > 65_535)
        {
            yield return Invariant(
                $"{prefix}AuthoritativePort must be between 1 and 65535; it is {AuthoritativePort}.");
        }

        if (Timeout < TimeSpan.FromMilliseconds(100) || Timeout > TimeSpan.FromSeconds(30))
        {
            yield return Invariant($"{prefix}Timeout must be between 00:00:00.1 and 00:00:30; it is {Timeout}.");
        }

        if (Retries is < 0 or > 5)
        {
            yield return Invariant($"{prefix}Retries must be between 0 and 5; it is {Retries}.");
        }

        if (RecheckInterval < TimeSpan.FromMinutes(1) || RecheckInterval > TimeSpan.FromDays(7))
        {
            yield return Invariant(
                $"{prefix}RecheckInterval must be between 00:01:00 and 7.00:00:00; it is {RecheckInterval}.");
        }

        if (RevocationGrace < TimeSpan.Zero || RevocationGrace > TimeSpan.FromDays(30))
        {
            yield return Invariant(
                $"{prefix}RevocationGrace must be between 00:00:00 and 30.00:00:00; it is {RevocationGrace}.");
        }

        if (PublicSuffixListPath is not null && !File.Exists(PublicSuffixListPath))
        {
            yield return $"{prefix}PublicSuffixListPath '{PublicSuffixListPath}' does not exist; point it at a copy " +
                "of public_suffix_list.dat, or leave it unset.";
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
