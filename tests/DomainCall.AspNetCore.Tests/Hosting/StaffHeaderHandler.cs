using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DomainCall.Tests.Hosting;

/// <summary>
/// Stands in for the host's own sign-in (cookies, OpenID Connect…): DomainCall only asks the policy, so any
/// scheme that puts a claim on the user shows the same behaviour.
/// </summary>
internal sealed class StaffHeaderHandler(
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

    /// <summary>Adds the scheme and a policy named <c>staff</c> that requires the role claim <c>staff</c>.</summary>
    public static void AddTo(WebApplicationBuilder host)
    {
        host.Services.AddAuthentication(SchemeName)
            .AddScheme<AuthenticationSchemeOptions, StaffHeaderHandler>(SchemeName, null);
        host.Services.AddAuthorizationBuilder().AddPolicy("staff", policy => policy.RequireClaim("role", "staff"));
    }
}
