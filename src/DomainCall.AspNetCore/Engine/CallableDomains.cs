using DomainCall.Storage;

namespace DomainCall.Engine;

/// <summary>
/// The one rule for which domains this server answers for: the site's own domain, and every domain verified here.
/// </summary>
internal static class CallableDomains
{
    public static bool IsCallable(DomainCallSettings settings, Domain domain, DomainAccount? account) =>
        domain == settings.SiteDomain || account?.IsVerified == true;

    public static async Task<bool> IsCallableAsync(
        ICallStore store, DomainCallSettings settings, Domain domain, CancellationToken cancellationToken) =>
        domain == settings.SiteDomain
        || IsCallable(settings, domain, await store.FindDomainAccountAsync(domain, cancellationToken));
}
