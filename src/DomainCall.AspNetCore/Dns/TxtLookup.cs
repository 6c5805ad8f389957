using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace DomainCall.Dns;

/// <summary>
/// Looks up TXT records with caching off, through chosen resolvers, the machine's resolvers, or the authoritative
/// servers of the name's zone.
/// </summary>
internal sealed class TxtLookup
{
    private readonly LookupClient _resolver;
    private readonly bool _authoritative;
    private readonly int _authoritativePort;
    private readonly DnsQueryOptions _directOptions;

    /// <summary>Creates a lookup.</summary>
    /// <param name="resolvers">The servers to ask; empty for the machine's resolvers.</param>
    /// <param name="timeout">How long to wait for one answer.</param>
    /// <param name="retries">How often to ask a server again that did not answer.</param>
    /// <param name="authoritative">Whether to use <paramref name="resolvers"/> only to find the zone's
    /// authoritative servers, and to ask those.</param>
    /// <param name="authoritativePort">The port the authoritative servers answer on.</param>
    public TxtLookup(
        IReadOnlyList<IPEndPoint> resolvers, TimeSpan timeout, int retries, bool authoritative = false,
        int authoritativePort = 53)
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(retries);

        var options = resolvers.Count == 0 ? new LookupClientOptions() : new LookupClientOptions([.. resolvers]);
        Configure(options, timeout, retries);
        _resolver = new LookupClient(options);
        _authoritative = authoritative;
        _authoritativePort = authoritativePort;
        _directOptions = Configure(new DnsQueryOptions(), timeout, retries);
        _directOptions.Recursion = false;
    }

    /// <summary>Gets whether the lookup asks the zone's authoritative servers.</summary>
    public bool IsAuthoritative => _authoritative;

    public static TxtLookup ForVerification(VerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return new TxtLookup(
            DnsEndpoints.ParseAll(options.Resolvers, 53), options.Timeout, options.Retries,
            options.QueryAuthoritativeServers, options.AuthoritativePort);
    }

    public static TxtLookup ForGuestNames(GuestDnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var servers = options.LookupServers.Count > 0
            ? DnsEndpoints.ParseAll(options.LookupServers, 53)
            : [DnsEndpoints.Reachable(options.ListenEndPoint)];
        return new TxtLookup(servers, options.LookupTimeout, retries: 1);
    }

    public async Task<TxtAnswer> QueryAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        try
        {
            if (!_authoritative)
            {
                return Read(await _resolver.QueryAsync(name, QueryType.TXT, QueryClass.IN, cancellationToken));
            }

            var (servers, failure) = await FindAuthoritativeServersAsync(name, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }

            var question = new DnsQuestion(name, QueryType.TXT, QueryClass.IN);
            return Read(await _resolver.QueryServerAsync(servers, question, _directOptions, cancellationToken));
        }
        catch (DnsResponseException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return FromException(exception);
        }
    }

    private static TOptions Configure<TOptions>(TOptions options, TimeSpan timeout, int retries)
        where TOptions : DnsQueryOptions
    {
        // Verification and guest authorization must see a record the moment it is published, never a cached miss.
        options.UseCache = false;
        options.Timeout = timeout;
        options.Retries = retries;
        options.ThrowDnsErrors = false;
        options.ContinueOnDnsError = true;
        options.ContinueOnEmptyResponse = true;
        options.UseTcpFallback = true;
        return options;
    }

    private static TxtAnswer Read(IDnsQueryResponse response)
    {
        if (response.HasError)
        {
            return FromResponseCode(response.Header.ResponseCode, response.NameServer?.ToString());
        }

        // A CNAME at the name is followed by the resolver; the TXT records then carry the target's name, and
        // count, as an ACME-style delegation of the challenge name expects.
        var records = response.Answers.TxtRecords().Select(record => string.Concat(record.Text)).ToArray();
        return new TxtAnswer(TxtLookupStatus.Answered, records);
    }

    private static TxtAnswer FromResponseCode(DnsHeaderResponseCode code, string? server) => code switch
    {
        DnsHeaderResponseCode.NotExistentDomain => new TxtAnswer(TxtLookupStatus.NameNotFound, []),
        DnsHeaderResponseCode.ServerFailure =>
            TxtAnswer.Failure(TxtLookupStatus.ServerFailure, $"SERVFAIL from {server}"),
        DnsHeaderResponseCode.Refused => TxtAnswer.Failure(TxtLookupStatus.Refused, $"REFUSED from {server}"),
        _ => TxtAnswer.Failure(TxtLookupStatus.OtherError, $"{code} from {server}"),
    };

    private static TxtAnswer FromException(DnsResponseException exception) => exception.Code switch
    {
        DnsResponseCode.ConnectionTimeout or DnsResponseCode.Unassigned =>
            TxtAnswer.Failure(TxtLookupStatus.NoAnswer, exception.Message),
        DnsResponseCode.NotExistentDomain => new TxtAnswer(TxtLookupStatus.NameNotFound, []),
        DnsResponseCode.ServerFailure => TxtAnswer.Failure(TxtLookupStatus.ServerFailure, exception.Message),
        DnsResponseCode.Refused => TxtAnswer.Failure(TxtLookupStatus.Refused, exception.Message),
        _ => TxtAnswer.Failure(TxtLookupStatus.OtherError, exception.Message),
    };

    // Walks up from the name until a zone apex answers with its NS records, then finds the servers' addresses:
    // from the glue in the same answer where there is some, otherwise through the resolvers.
    private async Task<(IReadOnlyCollection<NameServer> Servers, TxtAnswer? Failure)> FindAuthoritativeServersAsync(
        string name, CancellationToken cancellationToken)
    {
        for (var candidate = name.TrimEnd('.'); candidate.Contains('.', StringComparison.Ordinal);
             candidate = candidate[(candidate.IndexOf('.', StringComparison.Ordinal) + 1)..])
        {
            var response = await _resolver.QueryAsync(candidate, QueryType.NS, QueryClass.IN, cancellationToken);
            if (response.HasError && response.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
            {
                return ([], FromResponseCode(response.Header.ResponseCode, response.NameServer?.ToString()));
            }

            var hosts = response.Answers.NsRecords()
                .Where(ns => SameName(ns.DomainName.Value, candidate))
                .Select(ns => ns.NSDName.Value)
                .ToArray();
            if (hosts.Length == 0)
            {
                continue;
            }

            var servers = await ResolveAddressesAsync(hosts, response.Additionals, cancellationToken);
            return servers.Count > 0
                ? (servers, null)
                : ([], TxtAnswer.Failure(
                    TxtLookupStatus.OtherError, $"no address was found for the name servers of {candidate}"));
        }

        return ([], TxtAnswer.Failure(TxtLookupStatus.OtherError, $"no name servers were found for {name}"));
    }

    private async Task<IReadOnlyCollection<NameServer>> ResolveAddressesAsync(
        string[] hosts, IReadOnlyList<DnsResourceRecord> additionals, CancellationToken cancellationToken)
    {
        var addresses = new List<IPAddress>();
        foreach (var host in hosts)
        {
            var glue = additionals.OfType<AddressRecord>().Where(a => SameName(a.DomainName.Value, host)).ToArray();
            if (glue.Length > 0)
            {
                addresses.AddRange(glue.Select(a => a.Address));
                continue;
            }

            foreach (var type in (QueryType[])[QueryType.A, QueryType.AAAA])
            {
                var response = await _resolver.QueryAsync(host, type, QueryClass.IN, cancellationToken);
                addresses.AddRange(response.Answers.OfType<AddressRecord>().Select(a => a.Address));
            }
        }

        // IPv4 first: a host without IPv6 connectivity would otherwise wait out a timeout on every IPv6 address.
        return addresses
            .Distinct()
            .OrderBy(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
            .Select(a => new NameServer(a, _authoritativePort))
            .ToArray();
    }

    private static bool SameName(string a, string b) =>
        string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
}
