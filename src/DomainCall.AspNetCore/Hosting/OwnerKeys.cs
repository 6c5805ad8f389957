using DomainCall.Engine;
using DomainCall.Storage;

namespace DomainCall.Hosting;

/// <summary>
/// The owner key of the site's domain: a secret of 128 random bits with which a desk signs in to answer calls.
/// Only its hash is stored, so a lost key cannot be shown again; it can only be replaced.
/// </summary>
public sealed class OwnerKeys
{
    private readonly ICallStore _store;
    private readonly Domain _siteDomain;

    internal OwnerKeys(ICallStore store, DomainCallSettings settings)
    {
        _store = store;
        _siteDomain = settings.SiteDomain;
    }

    /// <summary>Makes the site's owner key if it has none yet, as on the first run.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new key, to show the owner once; <see langword="null"/> when a key already existed.</returns>
    public async Task<string?> CreateIfMissingAsync(CancellationToken cancellationToken = default)
    {
        var key = Secrets.NewToken();
        return await _store.SaveOwnerKeyHashAsync(_siteDomain, Secrets.Hash(key), replace: false, cancellationToken)
            ? key
            : null;
    }

    /// <summary>Replaces the site's owner key; desks signed in with the old key keep their connection.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new key, to show the owner once.</returns>
    public async Task<string> ResetAsync(CancellationToken cancellationToken = default)
    {
        var key = Secrets.NewToken();
        await _store.SaveOwnerKeyHashAsync(_siteDomain, Secrets.Hash(key), replace: true, cancellationToken);
        return key;
    }

    internal async Task<bool> MatchesAsync(Domain domain, string key, CancellationToken cancellationToken)
    {
        var hash = await _store.FindOwnerKeyHashAsync(domain, cancellationToken);
        return hash is not null && Secrets.MatchesHash(key, hash);
    }
}
