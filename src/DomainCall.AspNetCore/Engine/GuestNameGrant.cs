namespace DomainCall.Engine;

/// <summary>A guest name together with its authorization code, as only the caller's own connection holds it.</summary>
/// <param name="Guest">The guest name.</param>
/// <param name="Code">The authorization code whose hash the name's TXT record publishes.</param>
internal sealed record GuestNameGrant(GuestName Guest, string Code);
