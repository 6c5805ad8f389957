using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace DomainCall.Tests.Hosting;

/// <summary>
/// A host that signs its staff in with its own authentication and names a policy in DeskPolicy: its users answer
/// without the owner key, and nobody else does.
/// </summary>
public sealed class DeskPolicyTests : IAsyncLifetime
{
    private SignalingServer _server = null!;

    public async Task InitializeAsync() => _server = await SignalingServer.StartAsync(
        options => options.DeskPolicy = "staff", StaffHeaderHandler.AddTo);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task JoinDesk_WithoutKey_ByAUserWhoMeetsThePolicy_Succeeds()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(_server.HubAddress, http => http.Headers.Add(StaffHeaderHandler.Header, "staff"))
            .Build();
        await using var desk = new TestClient(connection);
        await connection.StartAsync();

        var joined = await desk.InvokeAsync("JoinDesk", "example.com", null);

        Assert.Equal("example.com", joined.GetProperty("domain").GetString());
    }

    [Fact]
    public async Task JoinDesk_WithoutKey_ByAnyoneElse_IsNotAllowed()
    {
        await using var visitor = await _server.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync("JoinDesk", "example.com", null));

        Assert.StartsWith("not-allowed:", TestClient.Refusal(error));
    }

    [Fact]
    public async Task DeskPage_ForAUserWhoMeetsThePolicy_OpensWithoutTheOwnerKey()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_server.BaseAddress) };
        http.DefaultRequestHeaders.Add(StaffHeaderHandler.Header, "staff");

        var html = await http.GetStringAsync("/call/desk");

        Assert.Contains("<domain-call-desk domain=\"example.com\"></domain-call-desk>", html);
    }

    [Fact]
    public async Task DeskPage_ForAnyoneElse_AsksForTheOwnerKey()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_server.BaseAddress) };

        var html = await http.GetStringAsync("/call/desk");

        Assert.Contains("Owner key", html);
        Assert.DoesNotContain("<domain-call-desk", html);
    }
}
