using System.Security.Claims;
using DomainCall.Engine;
using DomainCall.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace DomainCall.Hosting;

/// <summary>
/// Decides who a connection or request is for a domain: whoever presents its owner key or a member key, a browser
/// signed in to the desk with one, or a user of the host who meets <see cref="DomainCallOptions.DeskPolicy"/>.
/// </summary>
internal sealed class DeskAccess(
    OwnerKeys ownerKeys,
    DomainMembers members,
    DeskSessions sessions,
    DomainCallSettings settings,
    IAuthorizationService authorization)
{
    /// <summary>
    /// Gets who presents <paramref name="key"/> (an owner key or a member key), or without a key who the desk cookie
    /// or the desk policy says; <see langword="null"/> for nobody of the domain.
    /// </summary>
    public async Task<DeskGrant?> GrantForAsync(
        HttpContext? context,
        ClaimsPrincipal? user,
        Domain domain,
        string? key,
        CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            if (await ownerKeys.MatchesAsync(domain, key, cancellationToken))
            {
                return DeskGrant.Owner;
            }

            return await members.FindByKeyAsync(domain, key, cancellationToken) is { } member
                ? new DeskGrant(member.Id, member.Rights)
                : null;
        }

        if (await sessions.GrantOfAsync(context, domain, cancellationToken) is { } grant)
        {
            return grant;
        }

        return await MeetsDeskPolicyAsync(user, domain) ? DeskGrant.Owner : null;
    }

    public async Task<bool> MeetsDeskPolicyAsync(ClaimsPrincipal? user, Domain domain) =>
        settings.DeskPolicy is { } policy && domain == settings.SiteDomain && user is not null
        && (await authorization.AuthorizeAsync(user, policy)).Succeeded;
}
