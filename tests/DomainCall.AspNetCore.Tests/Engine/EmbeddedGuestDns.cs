using DomainCall.Dns;
using DomainCall.Engine;
using DomainCall.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DomainCall.Tests.Engine;

/// <summary>
/// The embedded guest zone for a switchboard built by hand: the record set, its registrar, the DNS server on a free
/// loopback port, and the authorizer that asks that server, all on the test's clock.
/// </summary>
internal sealed class EmbeddedGuestDns : IAsyncDisposable
{
    private readonly GuestZoneServer _server;

    private EmbeddedGuestDns(GuestRecordSet records, IGuestNameRegistrar registrar, GuestZoneServer server,
        GuestAuthorizer authorizer, GuestDnsOptions options)
    {
        Records = records;
        Registrar = registrar;
        _server = server;
        Authorizer = authorizer;
        Options = options;
    }

    public GuestRecordSet Records { get; }

    public IGuestNameRegistrar Registrar { get; }

    public GuestAuthorizer Authorizer { get; }

    public GuestDnsOptions Options { get; }

    public static async Task<EmbeddedGuestDns> StartAsync(Domain zone, TimeProvider time)
    {
        var options = new GuestDnsOptions { Port = FreeLoopbackPort.Find() };
        var records = new GuestRecordSet(time);
        var registrar = new EmbeddedGuestNameRegistrar(records, zone);
        var guestZone = GuestZone.Create(zone, options);
        var server = new GuestZoneServer(
            new GuestZoneResponder(records, guestZone, time), guestZone, options, registrar,
            NullLogger<GuestZoneServer>.Instance);
        await server.StartAsync(default);
        var authorizer = new GuestAuthorizer(TxtLookup.ForGuestNames(options), NullLogger<GuestAuthorizer>.Instance);
        return new EmbeddedGuestDns(records, registrar, server, authorizer, options);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(default);
        _server.Dispose();
    }
}
