using DomainCall.Engine;
using Microsoft.AspNetCore.Http;

namespace DomainCall.Hosting;

/// <summary>
/// Finds which domain a page is for: the one named in the path (<c>/call/{domain}</c>, on an operator's shared
/// host), else the one in the Host header when it is verified here, else the site's own domain.
/// </summary>
internal sealed class DomainRouting(DomainAccounts accounts, DomainCallSettings settings)
{
    /// <summary>Resolves the domain of a request, or <see langword="null"/> when the path names a domain that this
    /// server does not answer for.</summary>
    public async Task<Domain?> ResolveAsync(HttpContext context, string? pathDomain)
    {
        ArgumentNullException.ThrowIfNull(context);

        if (pathDomain is not null)
        {
            return Domain.TryParse(pathDomain, out var named)
                && await accounts.IsCallableAsync(named, context.RequestAborted)
                    ? named
                    : null;
        }

        return Domain.TryParse(context.Request.Host.Host, out var host)
            && await accounts.IsCallableAsync(host, context.RequestAborted)
                ? host
                : settings.SiteDomain;
    }

    /// <summary>The name shown for a domain: the business name for the site's own, the domain itself for others.
    /// </summary>
    public string NameOf(Domain domain) => domain == settings.SiteDomain ? settings.BusinessName : domain.Value;
}
