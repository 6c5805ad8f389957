using System.Diagnostics;
using System.Globalization;
using System.Net;
using DnsClient;
using DomainCall.Dns;
using DomainCall.Engine;
using DomainCall.Hosting;
using DomainCall.Storage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Tests.Hosting;

/// <summary>
/// Guest names end to end: handed out through the hub, published by the embedded DNS server, looked up with
/// DnsClient and <c>kdig</c>, proved with their code, reclaimed from a new connection, and swept when they expire.
/// The site runs on a clock the test moves, so that a name can expire within a test.
/// </summary>
public sealed class GuestDnsHubTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SignalingServer _server = null!;

    public async Task InitializeAsync() => _server = await SignalingServer.StartAsync(
        configureHost: host => host.Services.AddSingleton<TimeProvider>(_time));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private int DnsPort => _server.Services.GetRequiredService<GuestDnsOptions>().Port;

    [Fact]
    public async Task GetIdentity_NameHandedOut_ResolvesThroughTheEmbeddedServerWithTheHashOfTheCode()
    {
        await using var caller = await _server.ConnectUnprovedAsync();

        var identity = await caller.InvokeAsync("GetIdentity");
        var name = identity.GetProperty("name").GetString()!;
        var code = identity.GetProperty("code").GetString()!;

        var expected = GuestRecord.TxtPrefix + GuestTxt.HashCode(code);
        Assert.EndsWith(".guest.example.com", name, StringComparison.Ordinal);
        Assert.Equal([expected], await TxtAsync(name));
        Assert.Equal($"\"{expected}\"", (await KdigAsync(name, "TXT", "+short")).Trim());
        Assert.Equal("guest", identity.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task ProveIdentity_WithTheRightCode_LetsTheCallerCallAsThatName()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectUnprovedAsync();
        var identity = await caller.InvokeAsync("GetIdentity");
        var name = identity.GetProperty("name").GetString();

        var proved = await caller.InvokeAsync("ProveIdentity", name, identity.GetProperty("code").GetString());
        await caller.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "voice");

        Assert.Equal(name, proved.GetProperty("name").GetString());
        Assert.False(proved.TryGetProperty("code", out _));
        var offer = await desk.NextAsync("CallOffered");
        Assert.Equal(name, offer.GetProperty("caller").GetProperty("name").GetString());
        Assert.DoesNotContain(identity.GetProperty("code").GetString()!, offer.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProveIdentity_WithAWrongCode_IsRefusedAndChangesNothing()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectUnprovedAsync();
        var identity = await caller.InvokeAsync("GetIdentity");
        var name = identity.GetProperty("name").GetString()!;

        var wrong = await Assert.ThrowsAsync<HubException>(
            () => caller.InvokeAsync("ProveIdentity", name, Secrets.NewToken()));
        var call = await Assert.ThrowsAsync<HubException>(
            () => caller.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "voice"));

        Assert.StartsWith("not-authorized:", TestClient.Refusal(wrong), StringComparison.Ordinal);
        Assert.StartsWith("identity-required:", TestClient.Refusal(call), StringComparison.Ordinal);
        Assert.Equal(identity.GetRawText(), (await caller.InvokeAsync("GetIdentity")).GetRawText());
        Assert.False(desk.HasUnreadEvent);
        Assert.Empty(await Store.ListCallsAsync(Domain.Parse(SignalingServer.SiteDomain), 10, default));
    }

    [Fact]
    public async Task ProveIdentity_AMalformedCodeOrANameOfAnotherZone_IsRefused()
    {
        await using var caller = await _server.ConnectUnprovedAsync();
        var identity = await caller.InvokeAsync("GetIdentity");
        var code = identity.GetProperty("code").GetString();

        var malformed = await Assert.ThrowsAsync<HubException>(
            () => caller.InvokeAsync("ProveIdentity", identity.GetProperty("name").GetString(), "short"));
        var elsewhere = await Assert.ThrowsAsync<HubException>(
            () => caller.InvokeAsync("ProveIdentity", "swift-otter-42.guest.example.org", code));

        Assert.StartsWith("invalid-argument: code:", TestClient.Refusal(malformed), StringComparison.Ordinal);
        Assert.StartsWith("not-authorized:", TestClient.Refusal(elsewhere), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlaceCall_WithoutProvingAGuestName_IsRefused()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var caller = await _server.ConnectUnprovedAsync();

        var refusal = await Assert.ThrowsAsync<HubException>(
            () => caller.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "voice"));

        Assert.StartsWith("identity-required:", TestClient.Refusal(refusal), StringComparison.Ordinal);
        Assert.False(desk.HasUnreadEvent);
    }

    [Fact]
    public async Task ProveIdentity_FromANewConnection_ReclaimsTheGuestName()
    {
        await using var desk = await _server.ConnectDeskAsync();
        string name;
        string code;
        await using (var first = await _server.ConnectUnprovedAsync())
        {
            var identity = await first.ProveGuestNameAsync();
            name = identity.GetProperty("name").GetString()!;
            code = identity.GetProperty("code").GetString()!;
        }

        await using var second = await _server.ConnectUnprovedAsync();
        await second.InvokeAsync("ProveIdentity", name, code);
        var again = await second.InvokeAsync("GetIdentity");
        await second.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "voice");

        Assert.Equal(name, again.GetProperty("name").GetString());
        Assert.Equal(code, again.GetProperty("code").GetString());
        var offer = await desk.NextAsync("CallOffered");
        Assert.Equal(name, offer.GetProperty("caller").GetProperty("name").GetString());
    }

    [Fact]
    public async Task GuestName_AfterItExpired_NoLongerResolvesIsSweptAndRestsThroughTheCooldown()
    {
        await using var caller = await _server.ConnectUnprovedAsync();
        var identity = await caller.ProveGuestNameAsync();
        var name = identity.GetProperty("name").GetString()!;
        var code = identity.GetProperty("code").GetString()!;

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Empty(await TxtAsync(name));
        Assert.Contains("NXDOMAIN", await KdigAsync(name, "TXT"), StringComparison.Ordinal);
        var late = await Assert.ThrowsAsync<HubException>(() => caller.InvokeAsync("ProveIdentity", name, code));
        Assert.StartsWith("not-authorized:", TestClient.Refusal(late), StringComparison.Ordinal);
        var call = await Assert.ThrowsAsync<HubException>(
            () => caller.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "voice"));
        Assert.StartsWith("identity-required:", TestClient.Refusal(call), StringComparison.Ordinal);

        await _server.Services.GetRequiredService<StoreMaintenance>().SweepAsync(default);

        var guestName = Domain.Parse(name);
        Assert.DoesNotContain(await Store.ListPublishedGuestNamesAsync(default), guest => guest.Name == guestName);
        var cooldown = _server.Services.GetRequiredService<GuestDnsOptions>().RemovalCooldown;
        var duringCooldown = Reservation(guestName, TimeSpan.FromHours(23));
        var afterCooldown = Reservation(guestName, TimeSpan.FromHours(25));
        Assert.False(await Store.TryAddGuestNameAsync(duringCooldown, cooldown, default));
        Assert.True(await Store.TryAddGuestNameAsync(afterCooldown, cooldown, default));
        Assert.NotEqual(name, (await caller.InvokeAsync("GetIdentity")).GetProperty("name").GetString());
    }

    private ICallStore Store => _server.Services.GetRequiredService<ICallStore>();

    private GuestName Reservation(Domain name, TimeSpan later)
    {
        var at = _time.GetUtcNow() + later;
        return new GuestName(name, at, at + TimeSpan.FromHours(1), GuestTxt.HashCode(Secrets.NewToken()));
    }

    private async Task<string[]> TxtAsync(string name)
    {
        var client = new LookupClient(new LookupClientOptions(new IPEndPoint(IPAddress.Loopback, DnsPort))
        {
            UseCache = false,
            Recursion = false,
        });
        var answer = await client.QueryAsync(name, QueryType.TXT);
        return [.. answer.Answers.TxtRecords().Select(r => string.Concat(r.Text))];
    }

    private async Task<string> KdigAsync(string name, string type, params string[] flags)
    {
        var start = new ProcessStartInfo("kdig")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])
            ["@127.0.0.1", "-p", DnsPort.ToString(CultureInfo.InvariantCulture), name, type, .. flags])
        {
            start.ArgumentList.Add(argument);
        }

        using var kdig = Process.Start(start) ?? throw new InvalidOperationException("kdig did not start.");
        var output = await kdig.StandardOutput.ReadToEndAsync();
        await kdig.WaitForExitAsync();
        return output;
    }
}
