using System.Text.Json;
using DnsClient;
using DomainCall.Dns.Rfc2136;
using DomainCall.Dns.Tests.Servers;
using DomainCall.Engine;
using DomainCall.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Dns.Tests.Rfc2136;

/// <summary>
/// The guest flow of a site whose guest names Knot DNS publishes through RFC 2136 updates: the hub hands out a name,
/// Knot serves its TXT record, the caller proves the code against Knot and calls, and the sweep removes the record
/// once the name expired.
/// </summary>
public sealed class GuestNamesThroughKnotTests(KnotFixture knot) : IClassFixture<KnotFixture>, IAsyncLifetime
{
    private const string Site = "example.com";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly string _directory =
        Path.Combine(Path.GetTempPath(), "domaincall-knot-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private string _hub = null!;
    private string _ownerKey = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddDomainCall(options =>
        {
            options.SiteDomain = Site;
            options.GuestZone = TestZone.Name;
            options.StorePath = Path.Combine(_directory, "domaincall.db");
            options.Reasons.Add(new("sales", "Sales"));
            options.GuestDns.LookupServers.Add(knot.EndPoint.ToString());
        });
        var registrar = knot.RegistrarOptions();
        builder.Services.AddDomainCallRfc2136(options =>
        {
            options.Server = registrar.Server;
            options.Port = registrar.Port;
            options.Zone = registrar.Zone;
            options.KeyName = registrar.KeyName;
            options.Algorithm = registrar.Algorithm;
            options.Secret = registrar.Secret;
        });

        // TSIG signs with the real clock, which Knot checks; the site's own clock is the test's, to expire names.
        builder.Services.AddSingleton<IGuestNameRegistrar>(sp => new Rfc2136GuestNameRegistrar(
            sp.GetRequiredService<IOptions<Rfc2136Options>>(), TimeProvider.System,
            NullLogger<Rfc2136GuestNameRegistrar>.Instance));

        _app = builder.Build();
        _app.MapDomainCall();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _hub = address + "/call/hub";
        _ownerKey = await _app.Services.GetRequiredService<OwnerKeys>().CreateIfMissingAsync()
            ?? throw new InvalidOperationException("A fresh store must make an owner key.");
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task GuestName_PublishedInKnot_IsProvedCallsAndIsRemovedAfterItExpired()
    {
        await using var desk = await ConnectAsync();
        var offers = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        desk.On<JsonElement>("CallOffered", offer => offers.TrySetResult(offer));
        await desk.InvokeAsync<JsonElement>("JoinDesk", Site, _ownerKey);
        await using var caller = await ConnectAsync();

        var identity = await caller.InvokeAsync<JsonElement>("GetIdentity");
        var name = identity.GetProperty("name").GetString()!;
        var code = identity.GetProperty("code").GetString()!;

        Assert.EndsWith("." + TestZone.Name, name, StringComparison.Ordinal);
        Assert.Equal([GuestRecord.TxtPrefix + GuestTxt.HashCode(code)], await TxtAsync(name));
        var wrong = await Assert.ThrowsAsync<HubException>(
            () => caller.InvokeAsync<JsonElement>("ProveIdentity", name, Secrets.NewToken()));
        Assert.Contains("HubException: not-authorized:", wrong.Message, StringComparison.Ordinal);

        await caller.InvokeAsync<JsonElement>("ProveIdentity", name, code);
        var placed = await caller.InvokeAsync<JsonElement>("PlaceCall", Site, "sales", "voice");
        var offer = await offers.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("ringing", placed.GetProperty("status").GetString());
        Assert.Equal(name, offer.GetProperty("caller").GetProperty("name").GetString());
        await caller.InvokeAsync<object>("CancelCall");

        _time.Advance(TimeSpan.FromHours(1));
        await _app.Services.GetRequiredService<StoreMaintenance>().SweepAsync(default);

        var gone = await knot.QueryAsync(name, QueryType.TXT);
        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, gone.Header.ResponseCode);
        var late = await Assert.ThrowsAsync<HubException>(
            () => caller.InvokeAsync<JsonElement>("ProveIdentity", name, code));
        Assert.Contains("HubException: not-authorized:", late.Message, StringComparison.Ordinal);
    }

    private async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder().WithUrl(_hub).Build();
        await connection.StartAsync();
        return connection;
    }

    private async Task<string[]> TxtAsync(string name)
    {
        var answer = await knot.QueryAsync(name, QueryType.TXT);
        return [.. answer.Answers.TxtRecords().Select(r => string.Concat(r.Text))];
    }
}
