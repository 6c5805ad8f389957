using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;
using DomainCall.Dns.Tests.Servers;
using DomainCall.Engine;
using DomainCall.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace DomainCall.Dns.Tests.Dns;

/// <summary>The embedded guest zone server over real UDP and TCP sockets, asked by DnsClient and by kdig.</summary>
public sealed class GuestZoneServerTests(EmbeddedServerFixture server) : IClassFixture<EmbeddedServerFixture>
{
    [Fact]
    public async Task Txt_OverUdp_IsAnAuthoritativeAnswerWithTheCodeHash()
    {
        var record = await RegisterAsync(address: null);

        var response = await QueryAsync(record.Name.Value, QueryType.TXT);

        Assert.True(response.Header.HasAuthorityAnswer);
        Assert.Equal(DnsHeaderResponseCode.NoError, response.Header.ResponseCode);
        var txt = Assert.Single(response.Answers.TxtRecords());
        Assert.Equal(record.TxtValue, string.Concat(txt.Text));
        Assert.Matches("^dc1 sha256=[A-Za-z0-9_-]{43}$", string.Concat(txt.Text));
    }

    [Fact]
    public async Task Txt_OverTcpWithKdig_IsServedAuthoritatively()
    {
        var record = await RegisterAsync(address: null);

        var output = await Kdig("+tcp", record.Name.Value, "TXT");

        Assert.Contains("TCP", output, StringComparison.Ordinal);
        Assert.Contains("status: NOERROR", output, StringComparison.Ordinal);
        Assert.Matches("Flags: qr aa", output);
        Assert.Contains($"\"{record.TxtValue}\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Addresses_AreServedAsAOrAaaa()
    {
        var v4 = await RegisterAsync(IPAddress.Parse("192.0.2.20"));
        var v6 = await RegisterAsync(IPAddress.Parse("2001:db8::20"));

        Assert.Equal("192.0.2.20", (await Kdig(v4.Name.Value, "A", "+short")).Trim());
        Assert.Equal("2001:db8::20", (await Kdig(v6.Name.Value, "AAAA", "+short")).Trim());
        var noAaaa = await QueryAsync(v4.Name.Value, QueryType.AAAA);
        Assert.Equal(DnsHeaderResponseCode.NoError, noAaaa.Header.ResponseCode);
        Assert.Empty(noAaaa.Answers);
        Assert.IsType<SoaRecord>(Assert.Single(noAaaa.Authorities));
    }

    [Fact]
    public async Task UnknownName_IsNxDomainWithTheSoa()
    {
        var output = await Kdig(server.UniqueName().Value, "TXT");

        Assert.Contains("status: NXDOMAIN", output, StringComparison.Ordinal);
        Assert.Matches("Flags: qr aa", output);
        Assert.Matches(@"AUTHORITY SECTION:\s+guest\.example\.test\.\s+60\s+IN\s+SOA\s+ns\.guest\.example\.test\. " +
            @"dns\\\.admin\.example\.test\. \d+ 3600 600 604800 60", output);
    }

    [Fact]
    public async Task NameOutsideTheZone_IsRefused()
    {
        var output = await Kdig("+tcp", "guest-1.example.com", "TXT");

        Assert.Contains("status: REFUSED", output, StringComparison.Ordinal);
        Assert.DoesNotMatch("Flags: qr aa", output);
    }

    [Fact]
    public async Task Apex_AnswersSoaAndNs_AndTheNameServerHasItsGlue()
    {
        var soa = await QueryAsync(EmbeddedServerFixture.ZoneName, QueryType.SOA);
        var ns = await QueryAsync(EmbeddedServerFixture.ZoneName, QueryType.NS);

        Assert.Equal("ns.guest.example.test.", Assert.Single(soa.Answers.SoaRecords()).MName.Value);
        Assert.Equal("ns.guest.example.test.", Assert.Single(ns.Answers.NsRecords()).NSDName.Value);
        Assert.Equal("127.0.0.1", (await Kdig("ns." + EmbeddedServerFixture.ZoneName, "A", "+short")).Trim());
    }

    [Fact]
    public async Task ExpiredName_NoLongerResolves()
    {
        var record = await RegisterAsync(address: IPAddress.Parse("192.0.2.21"), lifetime: TimeSpan.FromMinutes(10));
        Assert.Single((await QueryAsync(record.Name.Value, QueryType.TXT)).Answers.TxtRecords());

        server.Time.Advance(TimeSpan.FromMinutes(10));

        var response = await QueryAsync(record.Name.Value, QueryType.TXT);
        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, response.Header.ResponseCode);
        Assert.Contains("status: NXDOMAIN", await Kdig(record.Name.Value, "A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ttl_NeverOutlivesTheName()
    {
        var record = await RegisterAsync(address: null, lifetime: TimeSpan.FromMinutes(10));
        server.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(15));

        var txt = Assert.Single((await QueryAsync(record.Name.Value, QueryType.TXT)).Answers.TxtRecords());

        Assert.Equal(15, txt.InitialTimeToLive);
    }

    [Fact]
    public async Task RemovedName_NoLongerResolves()
    {
        var record = await RegisterAsync(address: null);

        await server.Registrar.RemoveAsync(record.Name, CancellationToken.None);

        var output = await Kdig("+tcp", record.Name.Value, "TXT");
        Assert.Contains("status: NXDOMAIN", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizeAsync_RightCode_IsAuthorizedUntilTheNameExpires()
    {
        var code = Secrets.NewToken();
        var record = await RegisterAsync(address: null, code: code, lifetime: TimeSpan.FromMinutes(10));
        var authorizer = Authorizer();

        Assert.Equal(GuestAuthorization.Authorized, await authorizer.AuthorizeAsync(record.Name, code, default));
        Assert.Equal(
            GuestAuthorization.WrongCode, await authorizer.AuthorizeAsync(record.Name, Secrets.NewToken(), default));

        server.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(GuestAuthorization.NoRecord, await authorizer.AuthorizeAsync(record.Name, code, default));
    }

    [Fact]
    public async Task StartAsync_PortTaken_SaysWhereItTriedAndWhatToChange()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var options = new GuestDnsOptions { Port = ((IPEndPoint)taken.LocalEndpoint).Port };
        using var second = NewServer(options, server.Registrar);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => second.StartAsync(CancellationToken.None));

        Assert.Contains($"could not listen on 127.0.0.1:{options.Port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("GuestDns:Port", failure.Message, StringComparison.Ordinal);
        Assert.False(second.IsListening);
    }

    [Fact]
    public async Task StartAsync_AnotherRegistrarPublishes_DoesNotListen()
    {
        var logger = new FakeLogger<GuestZoneServer>();
        var options = new GuestDnsOptions { Port = FreeLoopbackPort.Find() };
        using var other = NewServer(options, new OtherRegistrar(), logger);

        await other.StartAsync(CancellationToken.None);

        Assert.False(other.IsListening);
        Assert.Equal(
            "The embedded DNS server does not start: OtherRegistrar publishes the guest zone guest.example.test.",
            logger.LatestRecord.Message);
    }

    private async Task<GuestRecord> RegisterAsync(
        IPAddress? address, string? code = null, TimeSpan? lifetime = null)
    {
        var record = TestGuests.Record(
            server.UniqueName().Value, code ?? Secrets.NewToken(),
            server.Time.GetUtcNow() + (lifetime ?? TimeSpan.FromHours(1)), address);
        await server.Registrar.RegisterAsync(record, CancellationToken.None);
        return record;
    }

    private Task<IDnsQueryResponse> QueryAsync(string name, QueryType type) =>
        new LookupClient(new LookupClientOptions(server.EndPoint)
        {
            UseCache = false,
            Timeout = TimeSpan.FromSeconds(2),
            ThrowDnsErrors = false,
        }).QueryAsync(name, type);

    private Task<string> Kdig(params string[] arguments) =>
        Programs.KdigAsync(["@127.0.0.1", "-p", server.Port, .. arguments]);

    private GuestAuthorizer Authorizer()
    {
        var options = new GuestDnsOptions { Port = server.Options.Port, LookupTimeout = TimeSpan.FromSeconds(2) };
        return new GuestAuthorizer(TxtLookup.ForGuestNames(options), NullLogger<GuestAuthorizer>.Instance);
    }

    private GuestZoneServer NewServer(
        GuestDnsOptions options, IGuestNameRegistrar registrar, FakeLogger<GuestZoneServer>? logger = null)
    {
        var zone = GuestZone.Create(server.Zone, options);
        return new GuestZoneServer(
            new GuestZoneResponder(server.Records, zone, server.Time), zone, options, registrar,
            logger ?? new FakeLogger<GuestZoneServer>());
    }

    private sealed class OtherRegistrar : IGuestNameRegistrar
    {
        public Task RegisterAsync(GuestRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RemoveAsync(Domain name, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
