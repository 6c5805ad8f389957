using System.Net;
using Microsoft.AspNetCore.Builder;

namespace DomainCall.Tests.Hosting;

/// <summary>Conventions chained on MapDomainCall() apply to the endpoints it maps, as on any endpoint.</summary>
public sealed class ConventionTests : IAsyncLifetime
{
    private SignalingServer _server = null!;

    public async Task InitializeAsync() => _server = await SignalingServer.StartAsync(
        configureHost: StaffHeaderHandler.AddTo,
        configureEndpoints: endpoints => endpoints.RequireAuthorization("staff"));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MapDomainCall_RequireAuthorization_ShutsTheHubToAnonymousVisitors()
    {
        using var http = new HttpClient();

        using var anonymous = await NegotiateAsync(http, role: null);
        using var staff = await NegotiateAsync(http, role: "staff");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    private async Task<HttpResponseMessage> NegotiateAsync(HttpClient http, string? role)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Post, _server.HubAddress + "/negotiate?negotiateVersion=1");
        if (role is not null)
        {
            request.Headers.Add(StaffHeaderHandler.Header, role);
        }

        return await http.SendAsync(request);
    }
}
