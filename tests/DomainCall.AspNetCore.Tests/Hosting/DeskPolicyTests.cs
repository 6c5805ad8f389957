using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DomainCall.Tests.Hosting;

/// <summary>
/// A host that signs its staff in with its own authentication and names a policy in DeskPolicy: its users answer
/// without the owner key, and nobody else does.
/// </summary>
public sealed class DeskPolicyTests : IAsyncLifetime
{
    private SignalingServer _server = null!;

    public async Task InitializeAsync() => _server = await SignalingServer.StartAsync(
        options => options.DeskPolicy = "staff",
        host =>
        {
            host.Services.AddAuthentication(StaffHeaderHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, StaffHeaderHandler>(StaffHeaderHandler.SchemeName, null);
            host.Services.AddAuthorizationBuilder()
                .AddPolicy("staff", policy => policy.RequireClaim("role", "staff"));
        });

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

    /// <summary>
    /// Stands in for the host's own sign-in (cookies, OpenID Connect…): DomainCall only asks the policy, so any
    /// scheme that puts a claim on the user shows the same behaviour.
    /// </summary>
    private sealed class StaffHeaderHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "StaffHeader";
        public const string Header = "X-Staff-Role";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[Header] is not [{ } role])
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim("role", role)], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new(identity), SchemeName)));
        }
    }
}
