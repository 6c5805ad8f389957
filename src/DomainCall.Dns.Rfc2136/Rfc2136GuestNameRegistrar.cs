using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;
using DomainCall.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DomainCall.Dns.Rfc2136;

/// <summary>
/// Publishes guest names on an authoritative DNS server (BIND, Knot, PowerDNS) with RFC 2136 dynamic updates, each
/// signed with TSIG (RFC 8945).
/// </summary>
internal sealed partial class Rfc2136GuestNameRegistrar : IGuestNameRegistrar
{
    // The TSIG default: a signature is accepted while the two clocks differ by less than this.
    private static readonly TimeSpan Fudge = TimeSpan.FromMinutes(5);

    private readonly IPEndPoint _server;
    private readonly Domain _zone;
    private readonly DomainName _zoneName;
    private readonly DomainName _keyName;
    private readonly TSigAlgorithm _algorithm;
    private readonly byte[] _secret;
    private readonly int _ttl;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger<Rfc2136GuestNameRegistrar> _logger;

    public Rfc2136GuestNameRegistrar(
        IOptions<Rfc2136Options> options, TimeProvider time, ILogger<Rfc2136GuestNameRegistrar> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);

        var value = options.Value;
        _server = new IPEndPoint(IPAddress.Parse(value.Server!), value.Port);
        _zone = Domain.Parse(value.Zone!);
        _zoneName = DomainName.Parse(_zone.Value);
        _keyName = DomainName.Parse(value.KeyName!.Trim());
        _algorithm = TsigAlgorithms.TryParse(value.Algorithm, out var algorithm)
            ? algorithm.Value
            : throw new ArgumentException($"The TSIG algorithm '{value.Algorithm}' is not supported.", nameof(options));
        _secret = Rfc2136OptionsValidator.TryDecodeSecret(value.Secret!, out var secret)
            ? secret
            : throw new ArgumentException("The TSIG secret is not base64.", nameof(options));
        _ttl = (int)value.Ttl.TotalSeconds;
        _timeout = value.Timeout;
        _time = time;
        _logger = logger;
    }

    public async Task RegisterAsync(GuestRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var name = NameInZone(record.Name, nameof(record));

        // One message is one transaction on the server: the name never has the new TXT record with an old address.
        var update = NewUpdate();
        update.Updates.Add(new DeleteAllRecordsUpdate(name, RecordType.Txt));
        update.Updates.Add(new DeleteAllRecordsUpdate(name, RecordType.A));
        update.Updates.Add(new DeleteAllRecordsUpdate(name, RecordType.Aaaa));
        update.Updates.Add(new AddRecordUpdate(new TxtRecord(name, _ttl, record.TxtValue)));
        if (record.Address is { AddressFamily: AddressFamily.InterNetwork } v4)
        {
            update.Updates.Add(new AddRecordUpdate(new ARecord(name, _ttl, v4)));
        }
        else if (record.Address is { AddressFamily: AddressFamily.InterNetworkV6 } v6)
        {
            update.Updates.Add(new AddRecordUpdate(new AaaaRecord(name, _ttl, v6)));
        }

        await SendAsync(update, record.Name, "registration", cancellationToken);
        Log.Registered(_logger, record.Name.Value, _server.ToString());
    }

    public async Task RemoveAsync(Domain name, CancellationToken cancellationToken)
    {
        var owner = NameInZone(name, nameof(name));

        // Type by type: some servers refuse to delete every record set of a name in one go.
        var update = NewUpdate();
        update.Updates.Add(new DeleteAllRecordsUpdate(owner, RecordType.Txt));
        update.Updates.Add(new DeleteAllRecordsUpdate(owner, RecordType.A));
        update.Updates.Add(new DeleteAllRecordsUpdate(owner, RecordType.Aaaa));
        await SendAsync(update, name, "removal", cancellationToken);
        Log.Removed(_logger, name.Value, _server.ToString());
    }

    private DomainName NameInZone(Domain name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name.ToString(), parameterName);
        if (!name.IsWithin(_zone) || name == _zone)
        {
            throw new ArgumentException($"The guest name {name} is not below the zone {_zone}.", parameterName);
        }

        return DomainName.Parse(name.Value);
    }

    private DnsUpdateMessage NewUpdate()
    {
        var update = new DnsUpdateMessage
        {
            ZoneName = _zoneName,
            TransactionID = (ushort)RandomNumberGenerator.GetInt32(1, ushort.MaxValue + 1),
        };
        update.TSigOptions = new TSigRecord(
            _keyName, _algorithm, _time.GetUtcNow().UtcDateTime, Fudge, update.TransactionID, ReturnCode.NoError,
            null, _secret);
        return update;
    }

    private async Task SendAsync(
        DnsUpdateMessage update, Domain name, string action, CancellationToken cancellationToken)
    {
        var milliseconds = (int)Math.Ceiling(_timeout.TotalMilliseconds);
        using var client = new ARSoft.Tools.Net.Dns.DnsClient(
            [_server.Address],
            [new UdpClientTransport(_server.Port), new TcpClientTransport(_server.Port)],
            disposeTransport: true,
            queryTimeout: milliseconds);
        var response = await client.SendUpdateAsync(update, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var failure = Rfc2136Failures.Describe(
            response, _server, _zone, _keyName.ToString(false), name, action, _timeout);
        if (failure is not null)
        {
            Log.UpdateFailed(_logger, action, name.Value, _server.ToString(), failure.ResponseCode);
            throw failure;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Published the guest name {GuestName} on {Server}.",
            EventName = "Registered")]
        public static partial void Registered(ILogger logger, string guestName, string server);

        [LoggerMessage(2, LogLevel.Debug, "Removed the records of the guest name {GuestName} from {Server}.",
            EventName = "Removed")]
        public static partial void Removed(ILogger logger, string guestName, string server);

        [LoggerMessage(3, LogLevel.Warning,
            "The {Action} of the guest name {GuestName} on {Server} failed: {ResponseCode}.",
            EventName = "UpdateFailed")]
        public static partial void UpdateFailed(
            ILogger logger, string action, string guestName, string server, string responseCode);
    }
}
