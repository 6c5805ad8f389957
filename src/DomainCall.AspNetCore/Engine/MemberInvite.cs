namespace DomainCall.Engine;

/// <summary>
/// An invitation to become a member of a domain, carried by a one-time code in an invite link.
/// </summary>
/// <param name="Domain">The domain the invitee will be a member of.</param>
/// <param name="CodeHash">The SHA-256 hash of the one-time code; the code itself is never stored.</param>
/// <param name="Label">The name the owner gave the invitee.</param>
/// <param name="Rights">What the member will be allowed to do.</param>
/// <param name="CreatedAt">When the owner made the invitation.</param>
/// <param name="ExpiresAt">Until when the code may be used.</param>
/// <param name="UsedAt">When the code was used, or <see langword="null"/> while it is unused.</param>
public sealed record MemberInvite(
    Domain Domain,
    byte[] CodeHash,
    string Label,
    MemberRights Rights,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt = null);
