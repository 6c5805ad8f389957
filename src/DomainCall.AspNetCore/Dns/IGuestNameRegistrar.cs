using DomainCall.Engine;

namespace DomainCall.Dns;

/// <summary>
/// Publishes and removes the DNS records of guest names. DomainCall registers a guest name when it hands one to a
/// caller, and removes it when the name expires.
/// </summary>
/// <remarks>
/// The embedded default answers DNS queries for the guest zone itself. The <c>DomainCall.Dns.Rfc2136</c> package
/// sends signed dynamic updates to an authoritative server such as BIND, Knot or PowerDNS instead. An implementation
/// for a DNS provider's HTTP API publishes <see cref="GuestRecord.TxtValue"/> as the TXT record of
/// <see cref="GuestRecord.Name"/>, and an A or AAAA record when <see cref="GuestRecord.Address"/> is set.
/// </remarks>
public interface IGuestNameRegistrar
{
    /// <summary>Publishes the records of a guest name, replacing any TXT, A and AAAA records the name had.</summary>
    /// <param name="record">The guest name and what to publish for it.</param>
    /// <param name="cancellationToken">Cancels the registration.</param>
    /// <returns>A task that completes when the records are published.</returns>
    Task RegisterAsync(GuestRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the TXT, A and AAAA records of a guest name, one record type at a time, since some servers refuse to
    /// delete every type of a name at once. Removing a name that has no records succeeds.
    /// </summary>
    /// <param name="name">The guest name.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the records are gone.</returns>
    Task RemoveAsync(Domain name, CancellationToken cancellationToken);
}
