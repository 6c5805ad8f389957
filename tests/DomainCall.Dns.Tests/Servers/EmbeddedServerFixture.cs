using System.Net;
using DomainCall.Engine;
using DomainCall.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Dns.Tests.Servers;

/// <summary>
/// The embedded guest zone server, listening on a free loopback port for one test class, with the clock in the
/// tests' hands.
/// </summary>
public sealed class EmbeddedServerFixture : IAsyncLifetime
{
    public const string ZoneName = "guest.example.test";

    public EmbeddedServerFixture()
    {
        Options = new GuestDnsOptions
        {
            Port = FreeLoopbackPort.Find(),
            NameServerAddress = "127.0.0.1",
            HostmasterEmail = "dns.admin@example.test",
        };
        Zone = Domain.Parse(ZoneName);
        Records = new GuestRecordSet(Time);
        Registrar = new EmbeddedGuestNameRegistrar(Records, Zone);
        var zone = GuestZone.Create(Zone, Options);
        Server = new GuestZoneServer(
            new GuestZoneResponder(Records, zone, Time), zone, Options, Registrar,
            NullLogger<GuestZoneServer>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));

    public GuestDnsOptions Options { get; }

    public Domain Zone { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Options.Port);

    public string Port => Options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal GuestRecordSet Records { get; }

    internal EmbeddedGuestNameRegistrar Registrar { get; }

    internal GuestZoneServer Server { get; }

    /// <summary>A guest name of the zone that no other test uses.</summary>
    public Domain UniqueName() => Zone.Prepend("guest-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync() => Server.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Server.StopAsync(CancellationToken.None);
        Server.Dispose();
    }
}
