using System.Globalization;
using System.Net;
using DomainCall.Engine;

namespace DomainCall.Dns;

/// <summary>
/// How guest names reach DNS: the embedded server that answers for the guest zone, the records it serves, where a
/// caller's code is checked, and how long a removed name rests before it is handed out again.
/// </summary>
public sealed class GuestDnsOptions
{
    /// <summary>The port the embedded server listens on unless told otherwise.</summary>
    public const int DefaultPort = 5300;

    /// <summary>Gets or sets the IP address the embedded DNS server listens on, over UDP and TCP.</summary>
    /// <value>
    /// The default value is <c>127.0.0.1</c>, which only this machine can reach. Use <c>0.0.0.0</c> or <c>::</c>
    /// (both IPv4 and IPv6) to answer the internet.
    /// </value>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the port the embedded DNS server listens on, over UDP and TCP.</summary>
    /// <value>
    /// The default value is 5300, which needs no privileges; allowed from 1 to 65,535. Resolvers only ask port 53,
    /// so in production bind 53 (with the <c>CAP_NET_BIND_SERVICE</c> capability) or forward port 53 to this one.
    /// </value>
    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// Gets or sets the host name of the guest zone's name server, served as its NS record and as the master name
    /// of its SOA record. It should be the name the parent zone's NS record delegates to.
    /// </summary>
    /// <value>The default value is <c>ns.</c> followed by the guest zone.</value>
    public string? NameServer { get; set; }

    /// <summary>
    /// Gets or sets the address served for <see cref="NameServer"/> when that host lies inside the guest zone, so
    /// that its glue in the parent zone and the zone's own answer agree.
    /// </summary>
    /// <value>No default: no A or AAAA record is served for the name server.</value>
    public string? NameServerAddress { get; set; }

    /// <summary>Gets or sets the email address of the zone's administrator, served in its SOA record.</summary>
    /// <value>The default value is <c>hostmaster@</c> followed by the guest zone.</value>
    public string? HostmasterEmail { get; set; }

    /// <summary>Gets or sets the time to live of guest records; never longer than the time a name has left.</summary>
    /// <value>The default value is 60 seconds; allowed from 1 second to 1 hour.</value>
    public TimeSpan RecordTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets or sets how long resolvers may remember that a name does not exist: the SOA record's minimum field and
    /// its time to live.
    /// </summary>
    /// <value>The default value is 60 seconds; allowed from 1 second to 1 hour.</value>
    public TimeSpan NegativeTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the SOA refresh interval, for secondary servers that copy the zone.</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan SoaRefresh { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the SOA retry interval, for secondary servers that copy the zone.</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan SoaRetry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets the SOA expire interval, for secondary servers that copy the zone.</summary>
    /// <value>The default value is 7 days.</value>
    public TimeSpan SoaExpire { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets the DNS servers asked for a guest name's TXT record when a caller presents a code, each an IP address
    /// with an optional port. With RFC 2136 updates, name the authoritative server here.
    /// </summary>
    /// <value>Empty by default: the embedded server is asked, at <see cref="Address"/> and <see cref="Port"/>.</value>
    public IList<string> LookupServers { get; } = [];

    /// <summary>Gets or sets how long to wait for the answer when a caller's code is checked.</summary>
    /// <value>The default value is 2 seconds; allowed from 100 milliseconds to 30 seconds.</value>
    public TimeSpan LookupTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets how long a removed guest name rests before it is handed out again, so that a callee who calls
    /// back an old name, or a resolver that still remembers its records, never reaches a different caller.
    /// </summary>
    /// <value>The default value is 1 day; allowed from zero to 30 days.</value>
    public TimeSpan RemovalCooldown { get; set; } = TimeSpan.FromDays(1);

    internal IPEndPoint ListenEndPoint => new(IPAddress.Parse(Address), Port);

    internal IEnumerable<string> Validate(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        return ValidateCore(prefix);
    }

    private IEnumerable<string> ValidateCore(string prefix)
    {
        if (!IPAddress.TryParse(Address, out _))
        {
            yield return $"{prefix}Address '{Address}' is not an IP address, such as '127.0.0.1' or '::'.";
        }

        if (Port is < 1 or > 65_535)
        {
            yield return Invariant($"{prefix}Port must be between 1 and 65535; it is {Port}.");
        }

        if (NameServer is not null && !Domain.TryParse(NameServer, out _, out var error))
        {
            yield return $"{prefix}NameServer is not a valid host name: {error}";
        }

        if (NameServerAddress is not null && !IPAddress.TryParse(NameServerAddress, out _))
        {
            yield return $"{prefix}NameServerAddress '{NameServerAddress}' is not an IP address.";
        }

        if (HostmasterEmail is not null && !GuestZone.TryMailboxName(HostmasterEmail, out _))
        {
            yield return $"{prefix}HostmasterEmail '{HostmasterEmail}' is not an email address such as " +
                "'hostmaster@example.com'.";
        }

        foreach (var failure in ValidateTimes(prefix))
        {
            yield return failure;
        }

        for (var i = 0; i < LookupServers.Count; i++)
        {
            if (!DnsEndpoints.TryParse(LookupServers[i], 53, out _))
            {
                yield return Invariant($"{prefix}LookupServers[{i}] '{LookupServers[i]}' is not an IP address ") +
                    "with an optional port, such as '192.0.2.53' or '[2001:db8::53]:5353'.";
            }
        }
    }

    private IEnumerable<string> ValidateTimes(string prefix)
    {
        var second = TimeSpan.FromSeconds(1);
        var hour = TimeSpan.FromHours(1);
        var checks = new (string Name, TimeSpan Value, TimeSpan Min, TimeSpan Max)[]
        {
            (nameof(RecordTtl), RecordTtl, second, hour),
            (nameof(NegativeTtl), NegativeTtl, second, hour),
            (nameof(SoaRefresh), SoaRefresh, second, TimeSpan.FromDays(30)),
            (nameof(SoaRetry), SoaRetry, second, TimeSpan.FromDays(30)),
            (nameof(SoaExpire), SoaExpire, second, TimeSpan.FromDays(365)),
            (nameof(LookupTimeout), LookupTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30)),
            (nameof(RemovalCooldown), RemovalCooldown, TimeSpan.Zero, TimeSpan.FromDays(30)),
        };

        foreach (var (name, value, min, max) in checks)
        {
            if (value < min || value > max)
            {
                yield return Invariant($"{prefix}{name} must be between {min} and {max}; it is {value}.");
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
