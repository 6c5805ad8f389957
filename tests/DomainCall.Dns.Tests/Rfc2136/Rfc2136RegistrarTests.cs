using System.Diagnostics;
using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;
using DnsClient;
using DomainCall.Dns.Rfc2136;
using DomainCall.Dns.Tests.Servers;
using DomainCall.Engine;
using DomainCall.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DomainCall.Dns.Tests.Rfc2136;

/// <summary>The RFC 2136 registrar against a real authoritative server; each server gets a class of its own.</summary>
public abstract class Rfc2136RegistrarTests<TServer>(TServer server)
    where TServer : DnsServerFixture
{
    private static readonly DateTimeOffset InAnHour = DateTimeOffset.UtcNow.AddHours(1);

    protected TServer Server { get; } = server;

    [Fact]
    public async Task RegisterAsync_SignedWithTheKey_PublishesTxtAndAddress()
    {
        var name = TestZone.UniqueName();
        var record = TestGuests.Record(name, Secrets.NewToken(), InAnHour, IPAddress.Parse("192.0.2.10"));

        await Registrar().RegisterAsync(record, CancellationToken.None);

        var txt = await Server.QueryAsync(name, QueryType.TXT);
        Assert.Equal([record.TxtValue], txt.Answers.TxtRecords().Select(r => string.Concat(r.Text)));
        var a = await Server.QueryAsync(name, QueryType.A);
        Assert.Equal([IPAddress.Parse("192.0.2.10")], a.Answers.ARecords().Select(r => r.Address));
        Assert.Contains($"\"{record.TxtValue}\"", await Kdig(name, "TXT", "+short"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_IPv6Address_PublishesAaaa()
    {
        var name = TestZone.UniqueName();
        var record = TestGuests.Record(name, Secrets.NewToken(), InAnHour, IPAddress.Parse("2001:db8::10"));

        await Registrar().RegisterAsync(record, CancellationToken.None);

        Assert.Equal("2001:db8::10", (await Kdig(name, "AAAA", "+short")).Trim());
        Assert.Empty((await Server.QueryAsync(name, QueryType.A)).Answers.ARecords());
    }

    [Fact]
    public async Task RegisterAsync_AgainWithANewCode_ReplacesTheTxtRecord()
    {
        var name = TestZone.UniqueName();
        var first = TestGuests.Record(name, Secrets.NewToken(), InAnHour);
        var second = TestGuests.Record(name, Secrets.NewToken(), InAnHour);
        var registrar = Registrar();

        await registrar.RegisterAsync(first, CancellationToken.None);
        await registrar.RegisterAsync(second, CancellationToken.None);

        var txt = await Server.QueryAsync(name, QueryType.TXT);
        Assert.Equal([second.TxtValue], txt.Answers.TxtRecords().Select(r => string.Concat(r.Text)));
    }

    [Fact]
    public async Task RemoveAsync_SignedWithTheKey_DeletesTxtAndAddresses()
    {
        var name = TestZone.UniqueName();
        var registrar = Registrar();
        await registrar.RegisterAsync(
            TestGuests.Record(name, Secrets.NewToken(), InAnHour, IPAddress.Parse("192.0.2.11")),
            CancellationToken.None);

        await registrar.RemoveAsync(Domain.Parse(name), CancellationToken.None);

        var txt = await Server.QueryAsync(name, QueryType.TXT);
        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, txt.Header.ResponseCode);
        Assert.Contains("status: NXDOMAIN", await Kdig(name, "A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveAsync_NameWithoutRecords_Succeeds()
    {
        await Registrar().RemoveAsync(Domain.Parse(TestZone.UniqueName()), CancellationToken.None);
    }

    [Fact]
    public async Task RegisterAsync_WrongSecret_IsRefusedNamingTheSecret()
    {
        var registrar = Registrar(o => o.Secret = Convert.ToBase64String(new byte[32]));
        var record = TestGuests.Record(TestZone.UniqueName(), Secrets.NewToken(), InAnHour);

        var refusal = await Assert.ThrowsAsync<Rfc2136UpdateException>(
            () => registrar.RegisterAsync(record, CancellationToken.None));

        Assert.Equal("NOTAUTH/BADSIG", refusal.ResponseCode);
        Assert.Contains("Rfc2136:Secret does not match", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, (await Server.QueryAsync(
            record.Name.Value, QueryType.TXT)).Header.ResponseCode);
    }

    [Fact]
    public async Task RegisterAsync_UnknownKeyName_IsRefusedNamingTheKey()
    {
        var registrar = Registrar(o => o.KeyName = "no-such-key");
        var record = TestGuests.Record(TestZone.UniqueName(), Secrets.NewToken(), InAnHour);

        var refusal = await Assert.ThrowsAsync<Rfc2136UpdateException>(
            () => registrar.RegisterAsync(record, CancellationToken.None));

        Assert.Equal("NOTAUTH/BADKEY", refusal.ResponseCode);
        Assert.Contains("does not know the TSIG key 'no-such-key'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Rfc2136:KeyName", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsignedUpdate_IsRefusedAndExplainedByTheUpdatePolicy()
    {
        var name = TestZone.UniqueName();
        var update = DnsServerFixture.NewUpdate(withKey: false);
        update.Updates.Add(new AddRecordUpdate(new TxtRecord(DomainName.Parse(name), 60, "dc1 sha256=unsigned")));

        var response = await Server.SendRawAsync(update);

        Assert.NotNull(response);
        Assert.Contains(response.ReturnCode, (ReturnCode[])[ReturnCode.Refused, ReturnCode.NotAuthoritive]);
        var failure = Rfc2136Failures.Describe(
            response, Server.EndPoint, Domain.Parse(TestZone.Name), TestZone.KeyName, Domain.Parse(name),
            "registration", TimeSpan.FromSeconds(2));
        Assert.NotNull(failure);
        Assert.Contains("update-policy", failure.Message, StringComparison.Ordinal);
        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, (await Server.QueryAsync(
            name, QueryType.TXT)).Header.ResponseCode);
    }

    [Fact]
    public async Task RegisterAsync_ZoneTheServerDoesNotServe_IsRefusedNamingTheZone()
    {
        var registrar = Registrar(o => o.Zone = "not-served.example.net");
        var record = TestGuests.Record("guest-1.not-served.example.net", Secrets.NewToken(), InAnHour);

        var refusal = await Assert.ThrowsAsync<Rfc2136UpdateException>(
            () => registrar.RegisterAsync(record, CancellationToken.None));

        Assert.Contains("not-served.example.net", refusal.Message, StringComparison.Ordinal);
        Assert.Matches("Rfc2136:Zone|serves the zone", refusal.Message);
    }

    [Fact]
    public async Task RegisterAsync_NothingListening_SaysTheServerDidNotAnswer()
    {
        var registrar = Registrar(o =>
        {
            o.Port = FreeLoopbackPort.Find();
            o.Timeout = TimeSpan.FromMilliseconds(300);
        });
        var record = TestGuests.Record(TestZone.UniqueName(), Secrets.NewToken(), InAnHour);
        var clock = Stopwatch.StartNew();

        var refusal = await Assert.ThrowsAsync<Rfc2136UpdateException>(
            () => registrar.RegisterAsync(record, CancellationToken.None));

        Assert.Equal("no answer", refusal.ResponseCode);
        Assert.Contains("Rfc2136:Server and Rfc2136:Port", refusal.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"It took {clock.Elapsed}.");
    }

    [Fact]
    public async Task RegisterAsync_NameOutsideTheZone_IsRefusedBeforeSending()
    {
        var record = TestGuests.Record("guest-1.elsewhere.net", Secrets.NewToken(), InAnHour);

        await Assert.ThrowsAsync<ArgumentException>(() => Registrar().RegisterAsync(record, CancellationToken.None));
    }

    [Fact]
    public async Task AuthorizeAsync_NameRegisteredHere_AuthorizesOnlyTheRightCode()
    {
        var name = Domain.Parse(TestZone.UniqueName());
        var code = Secrets.NewToken();
        var registrar = Registrar();
        await registrar.RegisterAsync(TestGuests.Record(name.Value, code, InAnHour), CancellationToken.None);
        var authorizer = new GuestAuthorizer(
            new TxtLookup([Server.EndPoint], TimeSpan.FromSeconds(2), retries: 0),
            NullLogger<GuestAuthorizer>.Instance);

        Assert.Equal(GuestAuthorization.Authorized, await authorizer.AuthorizeAsync(name, code, default));
        Assert.Equal(
            GuestAuthorization.WrongCode, await authorizer.AuthorizeAsync(name, Secrets.NewToken(), default));

        await registrar.RemoveAsync(name, CancellationToken.None);

        Assert.Equal(GuestAuthorization.NoRecord, await authorizer.AuthorizeAsync(name, code, default));
    }

    [Fact]
    public async Task SweepAsync_OneNameFails_RemovesTheOthersAndReportsIt()
    {
        var registrar = Registrar();
        var kept = Domain.Parse(TestZone.UniqueName());
        var gone = Domain.Parse(TestZone.UniqueName());
        var outside = Domain.Parse("guest-2.elsewhere.net");
        await registrar.RegisterAsync(TestGuests.Record(kept.Value, Secrets.NewToken(), InAnHour), default);
        await registrar.RegisterAsync(TestGuests.Record(gone.Value, Secrets.NewToken(), InAnHour), default);
        var sweeper = new GuestNameSweeper(registrar, NullLogger<GuestNameSweeper>.Instance);

        var report = await sweeper.RemoveAsync([gone, outside, kept], CancellationToken.None);

        Assert.Equal([gone, kept], report.Removed);
        Assert.Equal([outside], report.Failed);
        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, (await Server.QueryAsync(
            kept.Value, QueryType.TXT)).Header.ResponseCode);
    }

    private Rfc2136GuestNameRegistrar Registrar(Action<Rfc2136Options>? change = null) => new(
        Options.Create(Server.RegistrarOptions(change)), TimeProvider.System,
        NullLogger<Rfc2136GuestNameRegistrar>.Instance);

    private Task<string> Kdig(string name, string type, params string[] flags) =>
        Programs.KdigAsync(["@127.0.0.1", "-p", Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            name, type, .. flags]);
}
