using DomainCall.Engine;

namespace DomainCall.Callbacks;

/// <summary>
/// Makes the links notifications carry, from <see cref="DomainCallSettings.PublicAddress"/> and the path
/// <c>MapDomainCall</c> mapped DomainCall under.
/// </summary>
internal sealed class CallbackLinks(DomainCallSettings settings)
{
    private string _prefix = "/call";

    /// <summary>Records the path DomainCall is mapped under; <c>MapDomainCall</c> calls it.</summary>
    public void UsePrefix(string prefix) => _prefix = prefix.TrimEnd('/');

    /// <summary>
    /// The call page of the callback's domain, which offers the caller to call the business back; the token in it
    /// lets that page stand for the caller who left the callback.
    /// </summary>
    public Uri ForCaller(Callback callback) =>
        new($"{PageOf(callback.Domain)}?callback={Uri.EscapeDataString(callback.Id)}" +
            $"&token={Uri.EscapeDataString(callback.Token)}");

    /// <summary>The desk of the callback's domain, which lists the callback.</summary>
    public Uri ForDesk(Callback callback) =>
        new($"{PageOf(callback.Domain)}/desk?callback={Uri.EscapeDataString(callback.Id)}");

    // The site's own domain has its pages at the prefix itself; other domains answered here under /{domain}.
    private string PageOf(Domain domain) =>
        domain == settings.SiteDomain
            ? settings.PublicAddress + _prefix
            : $"{settings.PublicAddress}{_prefix}/{domain.Value}";
}
