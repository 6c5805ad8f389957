using DomainCall.Engine;

namespace DomainCall.Dns;

/// <summary>Which guest names a sweep removed from DNS, and which it could not remove and must try again.</summary>
/// <param name="Removed">The names whose records are gone.</param>
/// <param name="Failed">The names whose removal failed; they stay in the store for the next sweep.</param>
internal sealed record GuestRemovalReport(IReadOnlyList<Domain> Removed, IReadOnlyList<Domain> Failed);
