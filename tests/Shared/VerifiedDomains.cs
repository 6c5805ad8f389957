using DomainCall.Engine;
using DomainCall.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DomainCall.Testing;

/// <summary>
/// Stores a domain as verified, with an owner key, straight in a site's store. Verification itself is tested
/// against Knot DNS and BIND in the DNS tests; elsewhere a verified domain is only where a test starts from.
/// </summary>
internal static class VerifiedDomains
{
    /// <returns>The domain's owner key.</returns>
    public static async Task<string> AddAsync(IServiceProvider services, string domain)
    {
        var store = services.GetRequiredService<ICallStore>();
        var name = Domain.Parse(domain);
        var now = DateTimeOffset.UtcNow;
        var ownerKey = Secrets.NewToken();
        await store.SaveDomainAccountAsync(
            new DomainAccount(name, Secrets.NewToken(), now.AddDays(7), VerifiedAt: now), create: true, default);
        await store.SaveOwnerKeyHashAsync(name, Secrets.Hash(ownerKey), replace: false, default);
        return ownerKey;
    }
}
