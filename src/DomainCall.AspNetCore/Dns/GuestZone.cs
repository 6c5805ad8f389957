using System.Diagnostics.CodeAnalysis;
using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using DomainCall.Engine;

namespace DomainCall.Dns;

/// <summary>The guest zone as the embedded server serves it: its apex, name server, SOA values and TTLs.</summary>
internal sealed class GuestZone
{
    private GuestZone(Domain apex, GuestDnsOptions options)
    {
        Apex = apex;
        ApexName = DomainName.Parse(apex.Value);
        var nameServer = options.NameServer is null ? apex.Prepend("ns") : Domain.Parse(options.NameServer);
        NameServer = DomainName.Parse(nameServer.Value);
        NameServerAddress = options.NameServerAddress is null ? null : IPAddress.Parse(options.NameServerAddress);
        Hostmaster = TryMailboxName(options.HostmasterEmail ?? "hostmaster@" + apex.Value, out var mailbox)
            ? mailbox
            : throw new FormatException($"'{options.HostmasterEmail}' is not an email address.");
        RecordTtl = options.RecordTtl;
        NegativeTtl = options.NegativeTtl;
        Refresh = options.SoaRefresh;
        Retry = options.SoaRetry;
        Expire = options.SoaExpire;
    }

    public Domain Apex { get; }

    public DomainName ApexName { get; }

    public DomainName NameServer { get; }

    public IPAddress? NameServerAddress { get; }

    public DomainName Hostmaster { get; }

    public TimeSpan RecordTtl { get; }

    public int RecordTtlSeconds => Seconds(RecordTtl);

    public TimeSpan NegativeTtl { get; }

    public TimeSpan Refresh { get; }

    public TimeSpan Retry { get; }

    public TimeSpan Expire { get; }

    public static GuestZone Create(Domain apex, GuestDnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return new GuestZone(apex, options);
    }

    /// <summary>Writes an email address the way an SOA record holds it: <c>hostmaster@example.com</c> becomes the
    /// name <c>hostmaster.example.com</c>, the local part being one label even when it holds dots.</summary>
    public static bool TryMailboxName(string email, [NotNullWhen(true)] out DomainName? mailbox)
    {
        ArgumentNullException.ThrowIfNull(email);

        mailbox = null;
        var at = email.LastIndexOf('@');
        if (at < 1 || at > 63 || !Domain.TryParse(email[(at + 1)..], out var host))
        {
            return false;
        }

        var local = email[..at];
        if (!local.All(c => char.IsAscii(c) && !char.IsControl(c) && c is not (' ' or '@' or '\\' or '"')))
        {
            return false;
        }

        mailbox = new DomainName([local, .. host.Value.Split('.')]);
        return true;
    }

    public SoaRecord Soa(uint serial) => new(
        ApexName,
        Seconds(NegativeTtl),
        NameServer,
        Hostmaster,
        serial,
        Seconds(Refresh),
        Seconds(Retry),
        Seconds(Expire),
        Seconds(NegativeTtl));

    public NsRecord Ns() => new(ApexName, Seconds(RecordTtl), NameServer);

    /// <summary>The TTL of a guest record: the configured TTL, but never past the moment the name expires.</summary>
    public int TtlUntil(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var left = expiresAt - now;
        return Math.Max(1, Math.Min(RecordTtlSeconds, (int)Math.Ceiling(left.TotalSeconds)));
    }

    private static int Seconds(TimeSpan span) => (int)Math.Min(int.MaxValue, span.TotalSeconds);
}
