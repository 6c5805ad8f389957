using System.Collections.Frozen;
using DomainCall.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DomainCall.Hosting;

/// <summary>
/// Decides which pages may open the signaling hub: the site's own pages, pages on the site's domain, and the
/// configured <see cref="DomainCallOptions.AllowedOrigins"/>. A request without an <c>Origin</c> header comes from
/// a program rather than a browser page, so no other site can make a visitor's browser send it.
/// </summary>
internal sealed class OriginPolicy
{
    private readonly FrozenSet<string> _allowed;
    private readonly Domain _siteDomain;

    public OriginPolicy(IOptions<DomainCallOptions> options, DomainCallSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);

        _allowed = options.Value.AllowedOrigins.Select(o => Normalise(o)!).ToFrozenSet(StringComparer.Ordinal);
        _siteDomain = settings.SiteDomain;
    }

    public bool IsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || (uri.IsDefaultPort && string.Equals(uri.Host, _siteDomain.Value, StringComparison.OrdinalIgnoreCase))
            || (Normalise(origin) is { } normalised && _allowed.Contains(normalised));
    }

    /// <summary>
    /// Writes an origin as browsers send it, <c>scheme://host[:port]</c> in lower case, or null if it is none.
    /// </summary>
    public static string? Normalise(string? origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }

        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
    }
}
