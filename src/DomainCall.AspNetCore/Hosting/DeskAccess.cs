using System.Security.Claims;
using DomainCall.Engine;
using DomainCall.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace DomainCall.Hosting;

/// <summary>
/// Decides who may answer calls for a domain: whoever presents its owner key, a browser signed in to the desk with
/// it, or a user of the host who meets <see cref="DomainCallOptions.DeskPolicy"/>.
/// </summary>
internal sealed class DeskAccess(
    OwnerKeys ownerKeys, DeskSessions sessions, DomainCallSettings settings, IAuthorizationService authorization)
{
    public async Task<bool> MayAnswerForAsync(
        HttpContext? context,
        ClaimsPrincipal? user,
        Domain domain,
        string? ownerKey,
        CancellationToken cancellationToken)
    {
        if (ownerKey is not null)
        {
            return await ownerKeys.MatchesAsync(domain, ownerKey, cancellationToken);
        }

        if (await sessions.IsSignedInAsync(context, domain, cancellationToken))
        {
            return true;
        }

        return await MeetsDeskPolicyAsync(user, domain);
    }

    public async Task<bool> MeetsDeskPolicyAsync(ClaimsPrincipal? user, Domain domain) =>
        settings.DeskPolicy is { } policy && domain == settings.SiteDomain && user is not null
        && (await authorization.AuthorizeAsync(user, policy)).Succeeded;
}
