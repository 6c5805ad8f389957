using System.Text.Json;
using DomainCall.Engine;
using DomainCall.Storage;
using DomainCall.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DomainCall.Tests.Hosting;

/// <summary>
/// Callers that speak for a verified domain: a desk of that domain, or a page on it, calls as the domain, with no
/// guest name, and the callee is told it is verified.
/// </summary>
/// <remarks>The account is written to the store as verified; the lookups that verify a domain are tested against
/// Knot DNS in the DNS tests.</remarks>
public sealed class VerifiedCallerTests : IAsyncLifetime
{
    private const string Shop = "shop.example.net";

    private SignalingServer _server = null!;
    private string _shopKey = null!;

    public async Task InitializeAsync()
    {
        _server = await SignalingServer.StartAsync(options => options.AllowedOrigins.Add("https://" + Shop));
        _shopKey = await VerifiedDomains.AddAsync(_server.Services, Shop);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PlaceCall_FromADeskOfAVerifiedDomain_CallsAsThatDomainWithNoGuestName()
    {
        await using var desk = await _server.ConnectDeskAsync();
        await using var shopDesk = await _server.ConnectUnprovedAsync();
        await shopDesk.InvokeAsync("JoinDesk", Shop, _shopKey);

        var placed = await shopDesk.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "voice");

        var caller = (await desk.NextAsync("CallOffered")).GetProperty("caller");
        Assert.Equal(Shop, caller.GetProperty("name").GetString());
        Assert.Equal("verified", caller.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, caller.GetProperty("expiresAt").ValueKind);
        Assert.Equal("verified", placed.GetProperty("caller").GetProperty("kind").GetString());
        var store = _server.Services.GetRequiredService<ICallStore>();
        var logged = Assert.Single(await store.ListCallsAsync(Domain.Parse(SignalingServer.SiteDomain), 10, default));
        Assert.Equal((Shop, CallerKind.Verified), (logged.Caller, logged.CallerKind));
        Assert.Empty(await store.ListPublishedGuestNamesAsync(default));
    }

    [Fact]
    public async Task PlaceCall_WithTheOriginHeaderOfAVerifiedDomain_StillNeedsAGuestName()
    {
        await using var desk = await _server.ConnectDeskAsync();
        var connection = new HubConnectionBuilder()
            .WithUrl(_server.HubAddress, http => http.Headers["Origin"] = "https://" + Shop)
            .Build();
        await using var program = new TestClient(connection);
        await connection.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(
            () => program.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "video"));

        Assert.StartsWith("identity-required:", TestClient.Refusal(error));
        Assert.False(desk.HasUnreadEvent);
    }

    [Fact]
    public async Task PlaceCall_FromADeskToItsOwnDomain_StillNeedsAGuestName()
    {
        await using var siteDesk = await _server.ConnectUnprovedAsync();
        await siteDesk.InvokeAsync("JoinDesk", SignalingServer.SiteDomain, _server.OwnerKey);

        var refusal = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => siteDesk.InvokeAsync("PlaceCall", SignalingServer.SiteDomain, "sales", "voice"));

        Assert.StartsWith("identity-required:", TestClient.Refusal(refusal), StringComparison.Ordinal);
    }
}
